import { settleIntents } from '../core/send-log.js';
import type { LogEntry } from '../core/summary-rows.js';
import type { LogJournal } from '../ports.js';

/**
 * The Log rows of one run, each recorded in the journal as it happens and kept for the Log written at
 * the end. A send's `mengirim` row is journalled only: its outcome is the row the Log gets.
 */
export class RunLog {
  private readonly kept: LogEntry[] = [];

  constructor(
    private readonly journal: LogJournal,
    readonly run: string,
    readonly time: string,
  ) {}

  async add(...entries: Omit<LogEntry, 'run' | 'time'>[]): Promise<void> {
    const stamped = entries.map((entry) => ({ ...entry, run: this.run, time: this.time }));
    await this.journal.record(stamped);
    this.kept.push(...stamped.filter((entry) => entry.status !== 'mengirim'));
  }

  get entries(): readonly LogEntry[] {
    return this.kept;
  }
}

/** For the deployed functions, which share no disk, and for tests: the Log alone carries rows over. */
export class MemoryLogJournal implements LogJournal {
  readonly entries: LogEntry[] = [];
  private settled = 0;

  async unsettled(): Promise<LogEntry[]> {
    return settleIntents(this.entries.slice(this.settled));
  }

  async record(entries: readonly LogEntry[]): Promise<void> {
    this.entries.push(...entries);
  }

  async settle(): Promise<void> {
    this.settled = this.entries.length;
  }
}
