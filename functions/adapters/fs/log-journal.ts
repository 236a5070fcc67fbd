import { open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SEND_STATUS } from '../../../sheets-schema/index.js';
import type { LogEntry } from '../../core/summary-rows.js';
import type { LogJournal } from '../../ports.js';
import { settleIntents } from '../../core/send-log.js';

/** The journal's file name in the output folder. */
export const JOURNAL_FILE = 'jurnal-log.jsonl';

const LINE = z.object({
  run: z.string(),
  time: z.string(),
  code: z.string(),
  action: z.enum(['mulai', 'nilai', 'laporan', 'kirim', 'pantau', 'siklus']),
  result: z.string(),
  period: z.string(),
  fingerprint: z.string().optional(),
  status: z.enum([...SEND_STATUS, 'mengirim']).optional(),
  recipients: z.array(z.string()).optional(),
});

/**
 * The LogJournal of local runs: one JSON line per Log row, appended and flushed to disk (fdatasync)
 * before the call returns, so a row survives `kill -9` and a power cut once recorded. A line cut short
 * by a crash is the last one and is skipped. The file is emptied once the Log holds its rows; a run
 * killed between writing the Log and emptying it leaves rows the Log already has, which the caller
 * recognises by run, office and action.
 */
export class FileLogJournal implements LogJournal {
  constructor(private readonly path: string) {}

  async unsettled(): Promise<LogEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: LogEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = LINE.safeParse(json);
      if (parsed.success) entries.push(parsed.data);
    }
    return settleIntents(entries);
  }

  async record(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    try {
      await this.append(text);
    } catch (error) {
      // Writes through a file handle fail without naming the file; the operator needs to know which.
      throw Object.assign(error as NodeJS.ErrnoException, { path: this.path });
    }
  }

  private async append(text: string): Promise<void> {
    const handle = await open(this.path, 'a+');
    let created = false;
    try {
      const size = (await handle.stat()).size;
      created = size === 0;
      // A line cut short (a crash, a full disk) is ended first, so it cannot swallow the next one.
      let torn = false;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        torn = last[0] !== 0x0a;
      }
      await handle.appendFile(torn ? `\n${text}` : text, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    // A new file's name lives in its folder: flush the folder too, once, so the journal itself survives.
    if (created) await syncFolder(dirname(this.path));
  }

  async settle(): Promise<void> {
    try {
      // Emptying in place needs no free space, unlike writing a new file: it works on a full disk too.
      await truncate(this.path, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

const _portCheck: LogJournal = new FileLogJournal('');
void _portCheck;

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the data itself is already on disk.
  } finally {
    await handle.close();
  }
}
