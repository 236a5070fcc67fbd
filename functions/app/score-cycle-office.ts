import type { OfficeResult } from '../core/scoring/office.js';
import type { Clock, CycleStore, TaskQueue } from '../ports.js';
import { runMessage } from '../core/messages/run.js';
import { TaskRejected } from './errors.js';
import type { ScoreOne } from './score-one-office.js';
import { finishTaskName } from './start-cycle.js';

/**
 * One office's scoring within a cycle: scored as after an edit (its Hasil Validasi and Rekap row),
 * then its full result kept for the cycle's finish. The scoring that finds every office of the
 * cycle stored queues the finish; when two finish at once both try, and the task name lets one in.
 *
 * A redelivery after the result was stored does not score again, but still checks completion: the
 * first delivery may have stopped between storing and queueing the finish.
 */
export interface ScoreInCycleDeps {
  /** Scores the office as after an edit (scoreOneOffice, in a worker thread under the functions). */
  readonly scoreOne: ScoreOne;
  readonly clock: Clock;
  readonly cycles: CycleStore;
  readonly queue: TaskQueue;
}

export type ScoreInCycleOutcome =
  | { readonly status: 'scored'; readonly office: OfficeResult; readonly complete: boolean }
  | { readonly status: 'already-scored' | 'cycle-finished'; readonly complete: boolean };

export async function scoreInCycle(
  deps: ScoreInCycleDeps,
  task: { readonly code: string; readonly cycle: string },
): Promise<ScoreInCycleOutcome> {
  const cycle = await deps.cycles.get(task.cycle);
  if (!cycle) throw new TaskRejected(runMessage('cycle-not-recorded', { cycle: task.cycle }));
  if (cycle.finishedAt !== null) return { status: 'cycle-finished', complete: true };
  if (!cycle.offices.includes(task.code))
    throw new TaskRejected(runMessage('office-not-in-cycle', { code: task.code, cycle: cycle.id }));

  let office: OfficeResult | null = null;
  if (!(await deps.cycles.scored(cycle.id)).has(task.code)) {
    office = (await deps.scoreOne({ code: task.code, period: cycle.period })).office;
    await deps.cycles.saveResult(cycle.id, office);
  }
  // Listed after storing: of two scorings finishing together, at least the later sees both results.
  const scored = await deps.cycles.scored(cycle.id);
  const complete = cycle.offices.every((code) => scored.has(code));
  if (complete)
    await deps.queue.enqueue(finishTaskName(cycle.id), { kind: 'finish', cycle: cycle.id }, deps.clock.now());
  return office ? { status: 'scored', office, complete } : { status: 'already-scored', complete };
}
