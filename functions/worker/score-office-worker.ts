import { parentPort } from 'node:worker_threads';
import { TaskRejected } from '../app/errors.js';
import { scoreOneOffice } from '../app/score-one-office.js';
import { buildAdapters } from '../choose-adapters.js';
import { ConfigError } from '../shared/config-error.js';
import type { CarriedError, JobMessage, WorkerReply } from './scoring-job.js';

/**
 * The scoring worker's entry point (a worker thread of functions/worker/scoring-pool.ts): one office's
 * scoring at a time, the same use case as in process (app/score-one-office.ts) with the same adapters
 * (choose-adapters.ts). Reading the workbook, validating, scoring with gains and writing Hasil Validasi
 * and the Rekap row are all synchronous work in long stretches; here they block this thread only.
 */
const port = parentPort;
if (!port) throw new Error('score-office-worker.js berjalan hanya sebagai worker thread dari scoring-pool.js.');

port.on('message', (message: JobMessage) => void score(message));

async function score({ id, job }: JobMessage): Promise<void> {
  const reply = (message: WorkerReply) => port!.postMessage(message);
  try {
    const { source, sink, evidence } = buildAdapters(job.config, job.place);
    const outcome = await scoreOneOffice(
      {
        source,
        sink,
        evidence,
        clock: { now: () => new Date(job.now) },
        logInternalError: (context, error) =>
          reply({ id, kind: 'internal-error', context, error: error instanceof Error ? error.name : 'unknown' }),
      },
      job.request,
    );
    reply({ id, kind: 'done', outcome });
  } catch (error) {
    reply({ id, kind: 'failed', error: carried(error) });
  }
}

function carried(error: unknown): CarriedError {
  const kind = error instanceof ConfigError ? 'config' : error instanceof TaskRejected ? 'rejected' : 'other';
  return error instanceof Error
    ? { kind, name: error.name, message: error.message }
    : { kind, name: 'unknown', message: String(error) };
}
