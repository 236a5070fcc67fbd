import { retryDecision, surelyNotSent } from './google-api-error.js';

/**
 * Shares the Sheets API limits across a whole run (60 read and 60 write requests per minute per
 * user by default; a service account is one user). Each kind has a bucket of `perMinute` tokens and
 * a token comes back one window (and a 2 % guard) after it was spent, so no window ever holds more
 * requests than the quota allows. A concurrency cap bounds requests in flight. Quota answers (429), server errors (5xx)
 * and dropped connections are retried, POST writes included, with exponential backoff and full
 * jitter, honouring Retry-After, until the per-request deadline; a 429 also pauses its kind so the
 * other requests do not walk into the same wall.
 */
/** Sheets reads and writes have their own quotas; Drive and Gmail calls share a third, roomier bucket. */
export type RequestKind = 'read' | 'write' | 'drive';

export interface QuotaSchedulerOptions {
  readonly readsPerMinute: number;
  readonly writesPerMinute: number;
  /** Drive and Gmail requests; their quotas are far larger than Sheets'. */
  readonly drivePerMinute: number;
  readonly concurrency: number;
  /** The longest a request may take, retries and waits included. */
  readonly deadlineMs: number;
  /** First backoff step; it doubles per retry up to MAX_BACKOFF_MS. */
  readonly initialBackoffMs: number;
  /** The quota window: Google's is a minute; tests and benchmarks shrink it. */
  readonly windowMs: number;
}

/**
 * Google's guidance for Sheets: wait min(2^n seconds + jitter, 64 s) between attempts. The first step is a
 * setting (MONEV_GOOGLE_BACKOFF_MS, default in config.ts); the ceiling is Google's and not configurable.
 */
const MAX_BACKOFF_MS = 64_000;

/** How much later than its window a token returns, as a share of the window (2 %: 1.2 s of Google's minute). */
export const WINDOW_GUARD = 0.02;

export interface SchedulerStats {
  /** HTTP requests sent, retries included. */
  readonly sent: Record<RequestKind, number>;
  readonly retried: number;
  readonly throttled: number;
}

interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export class QuotaScheduler {
  private readonly spent: Record<RequestKind, number[]> = { read: [], write: [], drive: [] };
  private readonly pausedUntil: Record<RequestKind, number> = { read: 0, write: 0, drive: 0 };
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly counters = { sent: { read: 0, write: 0, drive: 0 }, retried: 0, throttled: 0 };

  constructor(
    readonly options: QuotaSchedulerOptions,
    private readonly timing: Timing = realTiming,
  ) {}

  get stats(): SchedulerStats {
    return { sent: { ...this.counters.sent }, retried: this.counters.retried, throttled: this.counters.throttled };
  }

  /**
   * Runs `call` within the quota and retries it while retrying may help. `call` must build its
   * request afresh each time (an upload stream is used once). Rejects with the last error. A request
   * that must not take effect twice (a mail) passes `{ once: true }`: it is retried only when it
   * surely never took effect (a quota answer, a refused connection), never after a dropped connection
   * or a server error.
   */
  async run<T>(kind: RequestKind, call: () => Promise<T>, options: { readonly once?: boolean } = {}): Promise<T> {
    const started = this.timing.now();
    for (let attempt = 0; ; attempt++) {
      await this.acquire(kind);
      let failure: unknown;
      try {
        return await call();
      } catch (error) {
        failure = error;
      } finally {
        this.release();
      }
      const decision = retryDecision(failure);
      if (!decision.retry || (options.once && !surelyNotSent(failure))) throw failure;
      const ceiling = Math.min(MAX_BACKOFF_MS, this.options.initialBackoffMs * 2 ** attempt);
      const wait = Math.max(this.timing.random() * ceiling, decision.retryAfterMs ?? 0);
      if (this.timing.now() + wait - started > this.options.deadlineMs) throw failure;
      this.counters.retried++;
      if (decision.quota) {
        this.counters.throttled++;
        this.pausedUntil[kind] = Math.max(this.pausedUntil[kind], this.timing.now() + wait);
      }
      await this.timing.sleep(wait);
    }
  }

  /** Waits for a free slot and a token, without holding a slot while waiting for a token. */
  private async acquire(kind: RequestKind): Promise<void> {
    for (;;) {
      await this.slot();
      const wait = this.tokenWait(kind);
      if (wait <= 0) {
        this.spent[kind].push(this.timing.now());
        this.counters.sent[kind]++;
        return;
      }
      this.release();
      await this.timing.sleep(wait);
    }
  }

  private tokenWait(kind: RequestKind): number {
    const now = this.timing.now();
    const limit =
      kind === 'read'
        ? this.options.readsPerMinute
        : kind === 'write'
          ? this.options.writesPerMinute
          : this.options.drivePerMinute;
    // A token comes back a little after its window: a request's answer and the next one's arrival are
    // each tens of milliseconds late or early, and a request that lands in a window Google still counts
    // full costs a 429, a backoff and a pause of its kind (BENCHMARKS.md, Google mode: 90–150 a run).
    const window = this.options.windowMs * (1 + WINDOW_GUARD);
    const spent = this.spent[kind];
    while (spent.length > 0 && (spent[0] as number) <= now - window) spent.shift();
    const paused = this.pausedUntil[kind] - now;
    const full = spent.length >= limit ? (spent[spent.length - limit] as number) + window - now : 0;
    return Math.max(paused, full, 0);
  }

  private slot(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve()));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}
