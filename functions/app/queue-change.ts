import type { RegistryOffice } from '../core/rekap-reader.js';
import type { Clock, TaskQueue } from '../ports.js';
import { findOffice } from './find-office.js';

/**
 * Turns "this spreadsheet changed" into scorings of its office, so that an operator who edits a sheet sees
 * Hasil Validasi soon and a burst of edits costs little. Time is cut into windows of `windowMs`; each
 * window holds at most one scoring of an office (named `score-<code>-<window>`, a name the queue refuses
 * twice), which is what keeps the read quota with every office editing at once.
 * - An edit after a quiet spell is scored `settleMs` later (the operator usually types on for a few
 *   seconds): the scoring takes the window its start falls in.
 * - An edit that finds its window's scoring taken either comes before that scoring starts (which no
 *   scoring does earlier than its window's start), so it will be read, or it may come after: then the
 *   next window's scoring, at that window's start, reads it.
 * So a burst inside a window costs at most two scorings, and the last edit of any burst is read within
 * window + settle. Before: every edit waited for its 60 s window to close plus 15 s, 15–75 s.
 */
export const CHANGE_WINDOW_MS = 60_000;
export const SETTLE_MS = 10_000;

export type ChangeOutcome = { status: 'queued' | 'already-queued'; code: string } | { status: 'unknown' };

export interface Debounce {
  readonly windowMs: number;
  readonly settleMs: number;
}

export const DEFAULT_DEBOUNCE: Debounce = { windowMs: CHANGE_WINDOW_MS, settleMs: SETTLE_MS };

/** When the scoring that reads an edit made at `now` runs, and under which name it is queued. */
export interface PlannedScoring {
  readonly window: number;
  readonly at: number;
}

/** The scoring an edit at `now` asks for first: `settleMs` later, in the window that time falls in. */
export function leadingScoring(now: number, { windowMs, settleMs }: Debounce): PlannedScoring {
  return { window: Math.floor((now + settleMs) / windowMs), at: now + settleMs };
}

/**
 * When the leading scoring's window is already taken: null when that scoring cannot have started before
 * `now` (it runs no earlier than its window's start), else the next window's scoring, at its start.
 */
export function trailingScoring(now: number, lead: PlannedScoring, { windowMs }: Debounce): PlannedScoring | null {
  if (now < lead.window * windowMs) return null;
  return { window: lead.window + 1, at: (lead.window + 1) * windowMs };
}

export async function queueChange(
  deps: {
    readonly registry: () => Promise<readonly RegistryOffice[]>;
    readonly queue: TaskQueue;
    readonly clock: Clock;
    readonly debounce?: Debounce;
  },
  spreadsheetId: string,
): Promise<ChangeOutcome> {
  const office = findOffice(await deps.registry(), { source: spreadsheetId });
  if (!office) return { status: 'unknown' };
  const debounce = deps.debounce ?? DEFAULT_DEBOUNCE;
  const now = deps.clock.now().getTime();
  const enqueue = (planned: PlannedScoring) =>
    deps.queue.enqueue(`score-${office.code}-${planned.window}`, { code: office.code }, new Date(planned.at));
  const lead = leadingScoring(now, debounce);
  if ((await enqueue(lead)) === 'queued') return { status: 'queued', code: office.code };
  const trail = trailingScoring(now, lead, debounce);
  const queued = trail !== null && (await enqueue(trail)) === 'queued';
  return { status: queued ? 'queued' : 'already-queued', code: office.code };
}

/** The registry, read at most once per `ttlMs`: a burst of notifications must not burn the read quota. */
export function cachedRegistry(
  load: () => Promise<readonly RegistryOffice[]>,
  clock: Clock,
  ttlMs = 60_000,
): () => Promise<readonly RegistryOffice[]> {
  let cached: { at: number; value: Promise<readonly RegistryOffice[]> } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (!cached || now - cached.at > ttlMs) {
      const value = load();
      cached = { at: now, value };
      value.catch(() => {
        cached = null;
      });
    }
    return cached.value;
  };
}
