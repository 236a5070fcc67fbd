import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLogJournal } from '../../../functions/adapters/fs/log-journal.js';
import type { LogEntry } from '../../../functions/core/summary-rows.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monev-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = { run: 'run-1', time: 't', period: '2025-TW3' } as const;
const scored: LogEntry = { ...base, code: '3573', action: 'nilai', result: 'indeks 80' };
const sending: LogEntry = {
  ...base,
  code: '3573',
  action: 'kirim',
  result: 'mengirim',
  fingerprint: 'f1',
  status: 'mengirim',
  recipients: ['a1'],
};
const sent: LogEntry = { ...sending, result: 'terkirim ke 1 alamat', status: 'terkirim' };

describe('FileLogJournal', () => {
  it('gives back what was recorded, a finished send as its outcome, until settled', async () => {
    const path = join(dir, 'jurnal-log.jsonl');
    const journal = new FileLogJournal(path);
    expect(await journal.unsettled()).toEqual([]);
    await journal.record([scored, sending]);
    await journal.record([sent]);
    // A second instance reads the file, as the next run does.
    expect(await new FileLogJournal(path).unsettled()).toEqual([scored, sent]);
    await journal.settle();
    expect((await stat(path)).size).toBe(0);
    expect(await journal.unsettled()).toEqual([]);
  });

  it('a send started and never finished reads as unknown; a line cut short by a crash is skipped', async () => {
    const path = join(dir, 'jurnal-log.jsonl');
    const journal = new FileLogJournal(path);
    await journal.record([scored, sending]);
    await appendFile(path, '{"run":"run-1","time":"t","code":"3507","act');
    const left = await journal.unsettled();
    expect(left).toHaveLength(2);
    expect(left[1]).toMatchObject({ code: '3573', status: 'tidak-pasti', recipients: ['a1'] });
    expect(left[1]?.result).toMatch(/^tidak pasti/);
  });

  it("a send's intent is settled only by its own outcome, not by the report's laporan row of the same run", async () => {
    const path = join(dir, 'jurnal-log.jsonl');
    const journal = new FileLogJournal(path);
    const report: LogEntry = { ...base, code: '3573', action: 'laporan', result: 'PDF dibuat', fingerprint: 'f1' };
    await journal.record([report, sending]);
    expect((await journal.unsettled()).map((entry) => [entry.action, entry.status])).toEqual([
      ['laporan', undefined],
      ['kirim', 'tidak-pasti'],
    ]);
    await journal.record([sent]);
    expect(await journal.unsettled()).toEqual([report, sent]);
  });

  it('one JSON line per row, flushed as it is recorded', async () => {
    const path = join(dir, 'jurnal-log.jsonl');
    await new FileLogJournal(path).record([scored]);
    expect((await readFile(path, 'utf8')).split('\n')).toEqual([JSON.stringify(scored), '']);
  });
});
