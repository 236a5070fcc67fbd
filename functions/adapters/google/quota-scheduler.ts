import { retryDecision, surelyNotSent } from './google-api-error.js';
import { GrantedRate } from './granted-rate.js';

/**
 * Shares the Sheets API limits across a whole run (60 read and 60 write requests per minute per
 * user by default; a service account is one user). Each kind has a bucket of `perMinute` tokens and
 * a token comes back one window (and a 2 % guard) after it was spent, so no window ever holds more
 * requests than the quota allows. A concurrency cap bounds requests in flight. Quota answers (429), server errors (5xx)
 * and dropped connections are retried, POST writes included, with exponential backoff and full
 * jitter, honouring Retry-After, until the per-request deadline; a 429 also pauses its kind so the
 * other requests do not walk into the same wall.
 *
 * A kind whose quota monev cannot know (Drive's, for the evidence lookups: `learnedKinds`) is paced
 * instead: its requests pass a gate that spaces them at the rate the server grants, learned from its
 * quota answers (granted-rate.ts), and a request it refuses waits its turn and goes again, for as long
 * as the run's deadline (counted from the kind's first request) allows: while the server answers, no
 * request gives up.
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
  /** Kinds paced to the rate the server grants, learned from its quota answers, instead of backing off. */
  readonly learnedKinds?: readonly RequestKind[];
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
  /** Calls `wake` after `ms`, unless the returned function cancels it first. */
  after(ms: number, wake: () => void): () => void;
  random(): number;
}

const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  after: (ms, wake) => {
    const timer = setTimeout(wake, ms);
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};

export class QuotaScheduler {
  private readonly spent: Record<RequestKind, number[]> = { read: [], write: [], drive: [] };
  private readonly pausedUntil: Record<RequestKind, number> = { read: 0, write: 0, drive: 0 };
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly counters = { sent: { read: 0, write: 0, drive: 0 }, retried: 0, throttled: 0 };
  private readonly gates: Partial<Record<RequestKind, PaceGate>> = {};

  constructor(
    readonly options: QuotaSchedulerOptions,
    private readonly timing: Timing = realTiming,
  ) {
    for (const kind of options.learnedKinds ?? []) this.gates[kind] = new PaceGate(timing);
  }

  /** The spacing learned for a paced kind, in ms; null before its first quota answer (or for other kinds). */
  learnedIntervalMs(kind: RequestKind): number | null {
    return this.gates[kind]?.rate.intervalMs ?? null;
  }

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
    const gate = this.gates[kind];
    const deadline = gate ? gate.runDeadline(started, this.options.deadlineMs) : started + this.options.deadlineMs;
    let refused = false;
    let failure: unknown;
    for (let attempt = 0; ; attempt++) {
      // A request still in the gate's line at the run's deadline ends unanswered.
      if (!(await this.acquire(kind, gate && { gate, first: refused, until: deadline })))
        throw refused ? failure : new Error(`${kind} request not sent within the run's deadline`);
      const sentAt = this.timing.now();
      try {
        const value = await call();
        gate?.answered(sentAt);
        return value;
      } catch (error) {
        failure = error;
      } finally {
        this.release();
      }
      const decision = retryDecision(failure);
      // A refusal that is no quota answer (a 404, a 400) is still an answer: it spent the server's quota.
      if (gate && !decision.retry) gate.answered(sentAt);
      if (!decision.retry || (options.once && !surelyNotSent(failure))) throw failure;
      const now = this.timing.now();
      if (gate && decision.quota) {
        gate.refusedAt(sentAt, now, decision.retryAfterMs);
        if (now + gate.rate.waitMs(now) > deadline) throw failure;
        this.counters.retried++;
        this.counters.throttled++;
        refused = true;
        continue;
      }
      const ceiling = Math.min(MAX_BACKOFF_MS, this.options.initialBackoffMs * 2 ** attempt);
      const wait = Math.max(this.timing.random() * ceiling, decision.retryAfterMs ?? 0);
      if (now + wait > deadline) throw failure;
      this.counters.retried++;
      if (decision.quota) {
        this.counters.throttled++;
        this.pausedUntil[kind] = Math.max(this.pausedUntil[kind], now + wait);
      }
      await this.timing.sleep(wait);
    }
  }

  /**
   * Waits for a free slot and a token, without holding a slot while waiting for a token. A paced kind
   * passes its gate holding the slot: the gate then sees every request that is ready to go, and time
   * when none is waiting is time nobody asked. False when the gate's `until` came first.
   */
  private async acquire(
    kind: RequestKind,
    paced?: { readonly gate: PaceGate; readonly first: boolean; readonly until: number },
  ): Promise<boolean> {
    let gated = paced === undefined;
    for (;;) {
      await this.slot();
      if (!gated && paced) {
        // A request the server refused goes first: its lookup (and the office waiting on it) finishes sooner.
        if (!(await paced.gate.pass(paced.first, paced.until))) {
          this.release();
          return false;
        }
        gated = true;
      }
      const wait = this.tokenWait(kind);
      if (wait <= 0) {
        this.spent[kind].push(this.timing.now());
        this.counters.sent[kind]++;
        return true;
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

/**
 * The gate of a paced kind: requests wait in line (refused ones at the front) and pass one at a time
 * when the learned pace allows. One timer at a time, re-armed when an answer moves the pace.
 */
class PaceGate {
  readonly rate = new GrantedRate();
  private readonly line: { readonly until: number; readonly pass: (passed: boolean) => void }[] = [];
  private timer: { readonly at: number; readonly cancel: () => void } | null = null;
  private firstRequest: number | null = null;

  constructor(private readonly timing: Timing) {}

  /** The run's deadline: `deadlineMs` after this kind's first request. */
  runDeadline(now: number, deadlineMs: number): number {
    this.firstRequest ??= now;
    return this.firstRequest + deadlineMs;
  }

  /** Resolves true when the request may go, false when `until` came first. */
  pass(first: boolean, until: number): Promise<boolean> {
    return new Promise((pass) => {
      if (first) this.line.unshift({ until, pass });
      else this.line.push({ until, pass });
      this.pump();
    });
  }

  answered(sentAt: number): void {
    this.rate.granted(sentAt);
    this.pump();
  }

  refusedAt(sentAt: number, now: number, retryAfterMs: number | undefined): void {
    this.rate.refused(sentAt, now, retryAfterMs);
  }

  private pump(): void {
    for (;;) {
      const now = this.timing.now();
      for (let i = this.line.length - 1; i >= 0; i--) {
        const entry = this.line[i] as (typeof this.line)[number];
        if (entry.until > now) continue;
        this.line.splice(i, 1);
        entry.pass(false);
      }
      const head = this.line[0];
      if (!head) {
        this.timer?.cancel();
        this.timer = null;
        return;
      }
      const wait = this.rate.waitMs(now);
      if (wait > 0) {
        this.arm(now, Math.min(now + wait, ...this.line.map((entry) => entry.until)));
        return;
      }
      this.rate.started(now);
      this.line.shift();
      head.pass(true);
    }
  }

  private arm(now: number, at: number): void {
    // A pending timer that fires in time stays; a later one is cancelled, so none outlives its use
    // (a stale timer would keep the process alive after the run).
    if (this.timer && this.timer.at <= at && this.timer.at > now) return;
    this.timer?.cancel();
    const timer = {
      at,
      cancel: this.timing.after(at - now, () => {
        if (this.timer === timer) this.timer = null;
        this.pump();
      }),
    };
    this.timer = timer;
  }
}
