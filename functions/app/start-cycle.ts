import { jakartaTime } from '../core/summary-rows.js';
import type { Period } from '../core/period.js';
import { readRekap } from '../core/rekap-reader.js';
import type { Clock, CycleStore, TaskQueue, WorkbookSource } from '../ports.js';
import { mapLimit } from '../shared/map-limit.js';
import { resolvePeriod } from './run-cycle.js';

/**
 * The start of the quarterly cycle's fan-out (issue "Cloud functions"): one read of the rekap, a
 * record of the cycle, and one named scoring task per office. The scorings run in the scoreOffice
 * function at the queue's rate, which keeps a province of 550 offices inside the Sheets quota and
 * every function inside its timeout; the scoring that completes the cycle queues its finish.
 *
 * Safe to deliver twice: the cycle's ID comes from its trigger, a recorded cycle keeps its record,
 * offices already scored are not queued again, and the queue refuses a task name it has seen.
 */
export interface StartDeps {
  readonly source: WorkbookSource;
  readonly cycles: CycleStore;
  readonly queue: TaskQueue;
  readonly clock: Clock;
  /** The queue's dispatch rate; scorings are scheduled this far apart. Null: all at once (local folders share no quota). */
  readonly dispatchesPerSecond: number | null;
}

export interface StartRequest {
  /** "2025-TW3"; the rekap's Pengaturan Periode when absent. */
  readonly period?: string;
  /** What started the cycle: a Pub/Sub message ID, or a label given by hand. The Jakarta date when absent. */
  readonly trigger?: string;
}

export type StartOutcome =
  | {
      readonly status: 'started';
      readonly cycle: string;
      readonly period: string;
      readonly offices: number;
      readonly queued: number;
      readonly lastScoringAt: Date;
    }
  | { readonly status: 'finished'; readonly cycle: string; readonly period: string; readonly offices: number };

/** After the last scheduled scoring, how long before the watchdog looks for a cycle that stalled. */
export const CHECK_AFTER_MS = 20 * 60_000;
/** Enqueue calls in flight: 550 one at a time would take most of a minute. */
const ENQUEUES_AT_ONCE = 8;

export async function startCycle(deps: StartDeps, request: StartRequest = {}): Promise<StartOutcome> {
  const rekap = readRekap(await deps.source.readRekap());
  const period = resolvePeriod(rekap, request.period);
  const now = deps.clock.now();
  const id = cycleId(period, now, request.trigger);
  const record = await deps.cycles.start({
    id,
    period: period.id,
    offices: rekap.offices.map((office) => office.code),
    startedAt: now.toISOString(),
    finishedAt: null,
  });
  if (record.finishedAt !== null)
    return { status: 'finished', cycle: id, period: record.period, offices: record.offices.length };

  const scored = await deps.cycles.scored(id);
  const waiting = record.offices.filter((code) => !scored.has(code));
  const spacingMs = deps.dispatchesPerSecond === null ? 0 : 1000 / deps.dispatchesPerSecond;
  const at = (i: number) => new Date(now.getTime() + Math.ceil(i * spacingMs));
  let queued = 0;
  await mapLimit(waiting, ENQUEUES_AT_ONCE, async (code, i) => {
    if (
      (await deps.queue.enqueue(scoreTaskName(id, code), { code, period: record.period, cycle: id }, at(i))) ===
      'queued'
    )
      queued++;
  });
  // Every office scored already (a redelivery after the last scoring stored its result but before
  // it queued the finish), or none registered: the finish is due now.
  if (waiting.length === 0) await deps.queue.enqueue(finishTaskName(id), { kind: 'finish', cycle: id }, now);
  const lastScoringAt = at(Math.max(0, waiting.length - 1));
  await deps.queue.enqueue(
    checkTaskName(id, 1),
    { kind: 'finish', cycle: id, check: 1 },
    new Date(lastScoringAt.getTime() + CHECK_AFTER_MS),
  );
  return { status: 'started', cycle: id, period: record.period, offices: record.offices.length, queued, lastScoringAt };
}

/**
 * "2025-TW3-7402913365712398": the period and what started the cycle, so a redelivered event maps
 * to the same cycle. By hand without a label, the Jakarta date: a second start that day is the same
 * cycle; a label starts another.
 */
export function cycleId(period: Period, now: Date, trigger: string | undefined): string {
  const label = trigger
    ?.replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${period.id}-${label || jakartaTime(now).slice(0, 10).replace(/-/g, '')}`;
}

export function scoreTaskName(cycle: string, code: string): string {
  return `cycle-${cycle}-${code}`;
}

export function finishTaskName(cycle: string): string {
  return `finish-${cycle}`;
}

export function checkTaskName(cycle: string, check: number): string {
  return `finish-${cycle}-check-${check}`;
}
