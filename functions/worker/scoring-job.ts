import type { ScoreOneOutcome, ScoreOneRequest } from '../app/score-one-office.js';
import type { Workplace } from '../choose-adapters.js';
import type { Config } from '../config.js';

/**
 * What crosses the thread boundary between the scoring pool and its worker: plain data only (structured
 * clone), so the worker builds its own adapters from the configuration and the place, as each use of
 * the runtime does (buildAdapters), and the clock's reading travels as a number.
 */
export interface ScoringJob {
  readonly config: Config;
  readonly place: Workplace;
  readonly request: ScoreOneRequest;
  /** The runtime clock's time when the job was handed to a worker: the scoring's "Diperiksa" time. */
  readonly now: number;
}

export interface JobMessage {
  readonly id: number;
  readonly job: ScoringJob;
}

/** How a failure crosses: the two error classes the handlers answer by class, anything else by its name. */
export interface CarriedError {
  readonly kind: 'config' | 'rejected' | 'other';
  readonly name: string;
  readonly message: string;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'done'; readonly outcome: ScoreOneOutcome }
  | { readonly id: number; readonly kind: 'failed'; readonly error: CarriedError }
  /** scoreOneOffice's logInternalError: the context and the error's class name, never sheet text. */
  | { readonly id: number; readonly kind: 'internal-error'; readonly context: string; readonly error: string };
