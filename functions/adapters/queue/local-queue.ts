import type { Clock, QueuedTask, TaskQueue } from '../../ports.js';

/**
 * An in-process queue with the semantics of Cloud Tasks that monev relies on: named tasks, a name
 * already used is refused for an hour (so a burst of notifications becomes one task), tasks run no
 * earlier than asked, and a failed task is retried with backoff a few times.
 */
export interface LocalQueueOptions {
  readonly clock?: Clock;
  /** How long a used name stays taken; Cloud Tasks keeps names about an hour. */
  readonly retentionMs?: number;
  readonly maxAttempts?: number;
  /**
   * Tasks running at once (default 1). Locally every scoring rewrites OUT/rekap.xlsx whole, so two at
   * once would lose one's row; Cloud Tasks' max-concurrent-dispatches plays this part in production.
   */
  readonly concurrency?: number;
  readonly onError?: (task: QueuedTask, error: unknown, attempt: number) => void;
}

export class LocalTaskQueue implements TaskQueue {
  private readonly names = new Map<string, number>();
  /** Scheduled tasks' timers, with when each is due (clock milliseconds). */
  private readonly timers = new Map<NodeJS.Timeout, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly ready: { task: QueuedTask; attempt: number }[] = [];
  private readonly clock: Clock;

  constructor(
    private readonly run: (task: QueuedTask) => Promise<void>,
    private readonly options: LocalQueueOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
  }

  async enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    const now = this.clock.now().getTime();
    for (const [used, until] of this.names) if (until <= now) this.names.delete(used);
    if (this.names.has(name)) return 'exists';
    this.names.set(name, now + (this.options.retentionMs ?? 3_600_000));
    this.schedule(task, now, Math.max(0, notBefore.getTime() - now), 1);
    return 'queued';
  }

  /** Tasks scheduled, due or running. */
  get pending(): number {
    return this.timers.size + this.ready.length + this.running.size;
  }

  /**
   * Resolves when nothing is running or scheduled; with `horizon`, when nothing is running or due
   * before it (a cycle's watchdog is scheduled long after its scorings).
   */
  async idle(horizon?: Date): Promise<void> {
    const busy = () =>
      this.ready.length +
      this.running.size +
      [...this.timers.values()].filter((due) => horizon === undefined || due < horizon.getTime()).length;
    while (busy() > 0) {
      await Promise.all([...this.running]);
      if (busy() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
  }

  private schedule(task: QueuedTask, now: number, delayMs: number, attempt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push({ task, attempt });
      this.pump();
    }, delayMs);
    timer.unref?.();
    this.timers.set(timer, now + delayMs);
  }

  private pump(): void {
    while (this.running.size < (this.options.concurrency ?? 1) && this.ready.length > 0) {
      const { task, attempt } = this.ready.shift() as { task: QueuedTask; attempt: number };
      const execution = this.run(task)
        .catch((error: unknown) => {
          this.options.onError?.(task, error, attempt);
          if (attempt < (this.options.maxAttempts ?? 3))
            this.schedule(task, this.clock.now().getTime(), 1000 * 2 ** attempt, attempt + 1);
        })
        .finally(() => {
          this.running.delete(execution);
          this.pump();
        });
      this.running.add(execution);
    }
  }
}
