import type { RegistryOffice } from '../core/rekap-reader.js';
import type { Clock, TaskQueue } from '../ports.js';
import { findOffice } from './find-office.js';

/**
 * Turns "this spreadsheet changed" into scorings of its office, so that an operator who edits a sheet sees
 * Hasil Validasi soon, a burst of edits costs at most two scorings, and the read quota holds with every
 * office editing at once.
 * - An edit after a quiet spell is scored `settleMs` later (the operator usually types on for a few
 *   seconds).
 * - An edit that comes while a scoring of its office is still to start is read by that scoring.
 * - Any other edit is scored `settleMs` after it, but no sooner than window − settle after the office's
 *   latest scoring. A burst shorter than a window therefore costs at most two scorings (the first, then one
 *   that starts at least a window after the burst's first edit), and its last edit is read within a window.
 * Whatever this instance remembers, the queue's names keep the quota: a scoring that runs at t is named
 * `score-<code>-<floor(t / windowMs)>`, a name the queue refuses twice, so an office is scored at most
 * once per window of the clock even when several instances (or one that restarted and forgot) take its
 * notifications. When another took the name, the edit is still read: that scoring runs no earlier than
 * its window's start, so it reads an edit made before then; after it, the next window's scoring at its
 * start does. Before: every edit waited for its 60 s window to close plus 15 s, 15–75 s.
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

/**
 * What this instance has queued: per office, when its latest scoring runs (a lower bound when another
 * instance queued it). Decisions for one office are taken one at a time, so two notifications of one edit
 * (Drive sends duplicates) cost one scoring. It only saves scorings: a fresh one (a new instance) is safe.
 */
export class ScoringPlan {
  private readonly latest = new Map<string, number>();
  private readonly turns = new Map<string, Promise<unknown>>();

  latestFor(code: string): number | undefined {
    return this.latest.get(code);
  }

  remember(code: string, at: number): void {
    this.latest.set(code, Math.max(at, this.latest.get(code) ?? -Infinity));
  }

  /** Runs `decide` after the decisions for `code` already under way. */
  inTurn<T>(code: string, decide: () => Promise<T>): Promise<T> {
    const turn = (this.turns.get(code) ?? Promise.resolve()).then(decide, decide);
    const settled = turn.catch(() => undefined);
    this.turns.set(code, settled);
    void settled.then(() => {
      if (this.turns.get(code) === settled) this.turns.delete(code);
    });
    return turn;
  }
}

/**
 * The scoring for an edit at `now` that no queued scoring reads: `settleMs` later, and no sooner than
 * window − settle after the office's latest scoring (`latest`, when one is known), which itself came at
 * least `settleMs` after the edit that asked for it.
 */
export function nextScoring(now: number, latest: number | undefined, { windowMs, settleMs }: Debounce): PlannedScoring {
  const at = latest === undefined ? now + settleMs : Math.max(now + settleMs, latest + windowMs - settleMs);
  return { window: Math.floor(at / windowMs), at };
}

/**
 * When the planned scoring's name is already taken (by another instance): null when that scoring cannot
 * have started before `now` (it runs no earlier than its window's start), else the next window's scoring,
 * at its start.
 */
export function trailingScoring(now: number, planned: PlannedScoring, { windowMs }: Debounce): PlannedScoring | null {
  if (now < planned.window * windowMs) return null;
  return { window: planned.window + 1, at: (planned.window + 1) * windowMs };
}

export async function queueChange(
  deps: {
    readonly registry: () => Promise<readonly RegistryOffice[]>;
    readonly queue: TaskQueue;
    readonly clock: Clock;
    readonly debounce?: Debounce;
    /** What this instance has queued; without one, each notification is judged from the queue's names alone. */
    readonly plan?: ScoringPlan;
  },
  spreadsheetId: string,
): Promise<ChangeOutcome> {
  const office = findOffice(await deps.registry(), { source: spreadsheetId });
  if (!office) return { status: 'unknown' };
  const { code } = office;
  const debounce = deps.debounce ?? DEFAULT_DEBOUNCE;
  const plan = deps.plan ?? new ScoringPlan();
  const enqueue = (planned: PlannedScoring) =>
    deps.queue.enqueue(`score-${code}-${planned.window}`, { code }, new Date(planned.at));
  return plan.inTurn(code, async (): Promise<ChangeOutcome> => {
    const now = deps.clock.now().getTime();
    const latest = plan.latestFor(code);
    if (latest !== undefined && latest > now) return { status: 'already-queued', code };
    const next = nextScoring(now, latest, debounce);
    if ((await enqueue(next)) === 'queued') {
      plan.remember(code, next.at);
      return { status: 'queued', code };
    }
    const trail = trailingScoring(now, next, debounce);
    if (trail === null) {
      plan.remember(code, next.window * debounce.windowMs);
      return { status: 'already-queued', code };
    }
    const queued = (await enqueue(trail)) === 'queued';
    plan.remember(code, trail.at);
    return { status: queued ? 'queued' : 'already-queued', code };
  });
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
