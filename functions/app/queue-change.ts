import type { RegistryOffice } from '../core/rekap-reader.js';
import type { Clock, TaskQueue } from '../ports.js';
import { findOffice } from './score-one-office.js';

/**
 * Turns "this spreadsheet changed" into one queued scoring of its office. Edits are grouped in
 * windows: every notification within a window maps to the same task name, and the task runs a
 * little after the window closes, when the operator has usually stopped typing.
 */
export const CHANGE_WINDOW_MS = 60_000;
export const SETTLE_MS = 15_000;

export type ChangeOutcome = { status: 'queued' | 'already-queued'; code: string } | { status: 'unknown' };

export interface Debounce {
  readonly windowMs: number;
  readonly settleMs: number;
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
  const { windowMs, settleMs } = deps.debounce ?? { windowMs: CHANGE_WINDOW_MS, settleMs: SETTLE_MS };
  const window = Math.floor(deps.clock.now().getTime() / windowMs) * windowMs;
  const name = `score-${office.code}-${window}`;
  const result = await deps.queue.enqueue(name, { code: office.code }, new Date(window + windowMs + settleMs));
  return { status: result === 'queued' ? 'queued' : 'already-queued', code: office.code };
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
