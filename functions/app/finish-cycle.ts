import { parsePeriod } from '../core/period.js';
import { readRekap } from '../core/rekap-reader.js';
import { unreadableOffice, type OfficeResult } from '../core/scoring/office.js';
import type { CycleStore, TaskQueue, WorkbookSource } from '../ports.js';
import { runMessage } from '../core/messages/run.js';
import { unreadable, unreadableFix } from '../core/messages/unreadable.js';
import { TaskRejected } from './errors.js';
import { rankAndPublish, type PublishDeps } from './rank-and-publish.js';
import { resolvePeriod } from './run-cycle.js';
import { CHECK_AFTER_MS, checkTaskName, scoreTaskName } from './start-cycle.js';
import { logResult } from '../core/messages/log.js';

/**
 * The end of a cycle: the results its scorings stored are ranked and published through the same
 * path as `monev run` (results.json, PDFs, e-mail, Rekap with ranks, Rekap Bidang, Log), without
 * reading any office again. The cycle is then marked finished, so a redelivered finish does
 * nothing; e-mail is idempotent anyway through the send log.
 *
 * The scoring that completes the cycle queues the finish. A watchdog (`check`), scheduled by the
 * start after the last scoring, covers a scoring that never completed (its task gave up, or its
 * office left the registry): it queues the missing scorings again, and at the last check publishes
 * with those offices marked as not scored, unless so many are missing that something is broken.
 */
export interface FinishDeps extends PublishDeps {
  readonly source: WorkbookSource;
  readonly cycles: CycleStore;
  readonly queue: TaskQueue;
  readonly dispatchesPerSecond: number | null;
}

export type FinishOutcome =
  | {
      readonly status: 'finished';
      readonly cycle: string;
      readonly offices: number;
      readonly unscoredByCycle: readonly string[];
      readonly reports: number;
      readonly sent: number;
    }
  | { readonly status: 'already-finished'; readonly cycle: string }
  | { readonly status: 'waiting'; readonly cycle: string; readonly missing: number; readonly requeued: number };

/** Checks before a stalled cycle is published with what it has. */
export const MAX_CHECKS = 3;
/** At the last check, more offices missing than this share means a fault to fix, not offices to skip. */
export const MAX_MISSING_SHARE = 0.1;

export async function finishCycle(
  deps: FinishDeps,
  task: { readonly cycle: string; readonly check?: number },
): Promise<FinishOutcome> {
  const record = await deps.cycles.get(task.cycle);
  if (!record) throw new TaskRejected(runMessage('cycle-not-recorded-to-finish', { cycle: task.cycle }));
  if (record.finishedAt !== null) return { status: 'already-finished', cycle: record.id };

  const stored = new Map((await deps.cycles.results(record.id)).map((office) => [office.code, office]));
  const missing = record.offices.filter((code) => !stored.has(code));
  if (missing.length > 0) {
    if (task.check === undefined) return { status: 'waiting', cycle: record.id, missing: missing.length, requeued: 0 };
    if (task.check < MAX_CHECKS)
      return {
        status: 'waiting',
        cycle: record.id,
        missing: missing.length,
        requeued: await requeue(deps, record.id, record.period, missing, task.check),
      };
    if (missing.length > Math.max(1, record.offices.length * MAX_MISSING_SHARE)) {
      throw new TaskRejected(
        runMessage('cycle-incomplete', {
          cycle: record.id,
          missing: missing.length,
          total: record.offices.length,
          checks: MAX_CHECKS,
        }),
      );
    }
  }

  const rekap = readRekap(await deps.source.readRekap());
  // The rekap's own problems stop the finish as they stop a run: nothing is published from a broken rekap.
  resolvePeriod(rekap, record.period);
  const period = parsePeriod(record.period);
  if (!period) throw new TaskRejected(runMessage('cycle-period-unknown', { cycle: record.id, period: record.period }));
  const registry = new Map(rekap.offices.map((office) => [office.code, office]));
  const scored: OfficeResult[] = record.offices.map(
    (code) =>
      stored.get(code) ??
      unreadableOffice(
        { code, name: registry.get(code)?.name ?? code },
        `siklus ${record.id}`,
        unreadable('cycle-service-failure'),
        unreadableFix('nothing-to-do'),
      ),
  );
  const published = await rankAndPublish(deps, {
    rekap,
    period,
    registry: record.offices.flatMap((code) => registry.get(code) ?? []),
    scored,
    partial: false,
    log: [
      {
        code: '',
        action: 'siklus',
        result: logResult('cycle-finished', { cycle: record.id, scored: scored.length, missing: missing.length }),
        period: period.id,
      },
    ],
  });
  await deps.cycles.markFinished(record.id, deps.clock.now());
  return {
    status: 'finished',
    cycle: record.id,
    offices: published.offices.length,
    unscoredByCycle: missing,
    reports: published.publishing?.reports.length ?? 0,
    sent: published.publishing?.sent ?? 0,
  };
}

/** The missing scorings again, under new names, and the next check after them. */
async function requeue(
  deps: FinishDeps,
  cycle: string,
  period: string,
  missing: readonly string[],
  check: number,
): Promise<number> {
  const now = deps.clock.now().getTime();
  const spacingMs = deps.dispatchesPerSecond === null ? 0 : 1000 / deps.dispatchesPerSecond;
  let requeued = 0;
  for (const [i, code] of missing.entries()) {
    const at = new Date(now + Math.ceil(i * spacingMs));
    if (
      (await deps.queue.enqueue(`${scoreTaskName(cycle, code)}-check-${check}`, { code, period, cycle }, at)) ===
      'queued'
    )
      requeued++;
  }
  const last = now + Math.ceil(Math.max(0, missing.length - 1) * spacingMs);
  await deps.queue.enqueue(
    checkTaskName(cycle, check + 1),
    { kind: 'finish', cycle, check: check + 1 },
    new Date(last + CHECK_AFTER_MS),
  );
  return requeued;
}
