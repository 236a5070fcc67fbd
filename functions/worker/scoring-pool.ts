import { Worker } from 'node:worker_threads';
import { TaskRejected } from '../app/errors.js';
import type { ScoreOneOutcome } from '../app/score-one-office.js';
import type { Clock } from '../ports.js';
import { ConfigError } from '../shared/config-error.js';
import type { CarriedError, JobMessage, ScoringJob, WorkerReply } from './scoring-job.js';

/**
 * Scorings off the event loop (issue 17 §2): `monev serve` and the functions answer every other request
 * while an office is scored, which took a 1 000-row office 57,6 s of a blocked loop before. Each job runs
 * in a worker thread (score-office-worker.ts) that is kept for the next job, so its modules load once, and
 * ended after a minute without one.
 *
 * One worker by default: jobs wait their turn, as the in-process queue ran them one at a time (locally
 * each scoring rewrites OUT/rekap.xlsx whole), and the process holds one office's workbook at a time,
 * which keeps a run within the memory bound of SPEC §8. An idle worker does not keep the process alive.
 */
export interface ScoringPoolOptions {
  readonly clock: Clock;
  /** Workers at most; 1 unless a caller has reason for more. */
  readonly size?: number;
  /** Called as a worker takes a job: the runtime logs it, so a scoring under way shows in the log. */
  readonly onStart?: (request: ScoringJob['request']) => void;
  /** scoreOneOffice's internal faults, reported from the worker: the context and the error's class name. */
  readonly logInternalError?: (context: string, errorName: string) => void;
}

interface Slot {
  readonly worker: Worker;
  job: { readonly id: number; settle: (reply: WorkerReply | Error) => void } | null;
  /** Ends the worker once it has been idle IDLE_MS: a process that scored once does not keep its memory. */
  idle: NodeJS.Timeout | null;
}

const IDLE_MS = 60_000;

export class ScoringPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: { job: Omit<ScoringJob, 'now'>; settle: (reply: WorkerReply | Error) => void }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ScoringPoolOptions) {}

  /** Runs scoreOneOffice on a worker; rejects with ConfigError or TaskRejected as the use case threw them. */
  score(job: Omit<ScoringJob, 'now'>): Promise<ScoreOneOutcome> {
    if (this.closed) return Promise.reject(new Error('ScoringPool sudah ditutup.'));
    return new Promise<WorkerReply | Error>((settle) => {
      this.waiting.push({ job, settle });
      this.dispatch();
    }).then((reply) => {
      if (reply instanceof Error) throw reply;
      if (reply.kind === 'done') return reply.outcome;
      if (reply.kind === 'failed') throw rebuilt(reply.error);
      throw new Error(`balasan worker tak terduga: ${reply.kind}`);
    });
  }

  /** Stops every worker; a job still running is rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.waiting.splice(0)) waiting.settle(new Error('ScoringPool ditutup sebelum menilai.'));
    await Promise.all(
      [...this.slots].map((slot) => {
        if (slot.idle) clearTimeout(slot.idle);
        return slot.worker.terminate();
      }),
    );
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = [...this.slots].find((candidate) => candidate.job === null) ?? this.spawn();
      if (!slot) return;
      const { job, settle } = this.waiting.shift()!;
      const id = this.nextId++;
      slot.job = { id, settle };
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker.ref();
      const message: JobMessage = { id, job: { ...job, now: this.options.clock.now().getTime() } };
      slot.worker.postMessage(message);
      this.options.onStart?.(job.request);
    }
  }

  /** A new worker while the pool is below its size; null when it is full. */
  private spawn(): Slot | null {
    if (this.slots.size >= (this.options.size ?? 1)) return null;
    const slot: Slot = { worker: new Worker(workerEntry()), job: null, idle: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      if (slot.job?.id !== reply.id) return;
      if (reply.kind === 'internal-error') {
        this.options.logInternalError?.(reply.context, reply.error);
        return;
      }
      const { settle } = slot.job;
      slot.job = null;
      slot.worker.unref();
      slot.idle = setTimeout(() => {
        if (slot.job !== null || !this.slots.delete(slot)) return;
        void slot.worker.terminate();
      }, IDLE_MS).unref();
      settle(reply);
      this.dispatch();
    });
    // A worker that cannot start or dies (out of memory, a fault outside the use case) fails its job only;
    // the next job gets a fresh worker.
    const lost = (error: Error) => {
      if (!this.slots.delete(slot)) return;
      slot.job?.settle(error);
      slot.job = null;
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`worker penilaian berhenti (kode ${code})`)));
    this.slots.add(slot);
    return slot;
  }
}

/**
 * The worker's entry. Built (dist/), it is the .js beside this file. In the deployed bundle (dist/bundle/,
 * rolldown.config.mjs) the pool sits in one of the bundle's chunks, and the worker is still the compiled file
 * of dist/functions/: a worker thread loads its own modules anyway. Run from the TypeScript sources (vitest),
 * Node cannot load the worker's .ts (on Node 20 it strips no types, and on 22 its imports still name .js
 * files that exist only in dist/), so the built copy is used: `npm run build` first (`npm test` does).
 */
export function workerEntry(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('../../dist/functions/worker/score-office-worker.js', here);
  if (/\/dist\/bundle\/[^/]+$/.test(here)) return new URL('../functions/worker/score-office-worker.js', here);
  return new URL('./score-office-worker.js', here);
}

function rebuilt(error: CarriedError): Error {
  if (error.kind === 'config') return new ConfigError(error.message);
  if (error.kind === 'rejected') return new TaskRejected(error.message);
  const copy = new Error(error.message);
  copy.name = error.name;
  return copy;
}
