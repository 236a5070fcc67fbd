import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseConfig } from '../../functions/config.js';
import type { SheetValue } from '../../functions/core/summary-rows.js';
import type { Clock, QueuedTask, TaskQueue } from '../../functions/ports.js';
import { generateSampleProvince } from '../../functions/sample/generate.js';

/** What the function tests share: a sample province on disk, a clock they move, a queue that records. */
export const SECRET = 'monev-test-secret-0123456789abcdef';
export const PERIOD = '2025-TW3';

export interface Province {
  readonly root: string;
  readonly data: string;
  readonly out: string;
  cleanup(): Promise<void>;
}

export async function sampleProvince(offices?: number): Promise<Province> {
  const root = await mkdtemp(join(tmpdir(), 'monev-functions-'));
  const data = join(root, 'data');
  await generateSampleProvince({ outDir: data, offices, period: PERIOD });
  return { root, data, out: join(root, 'out'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function testConfig(province: Province, env: Record<string, string> = {}) {
  return parseConfig({
    MONEV_WEBHOOK_SECRET: SECRET,
    MONEV_DATA_DIR: province.data,
    MONEV_OUT_DIR: province.out,
    ...env,
  });
}

export class FakeClock implements Clock {
  constructor(private millis: number) {}
  now(): Date {
    return new Date(this.millis);
  }
  set(date: Date | number): void {
    this.millis = typeof date === 'number' ? date : date.getTime();
  }
  advance(ms: number): void {
    this.millis += ms;
  }
  get seconds(): number {
    return Math.floor(this.millis / 1000);
  }
}

/**
 * Records what was queued; a name seen before is 'exists', as in Cloud Tasks. With `forward`, each
 * new task is also handed on (to a local queue that runs it).
 */
export class RecordingQueue implements TaskQueue {
  readonly tasks: { name: string; task: QueuedTask; notBefore: Date }[] = [];
  constructor(private readonly forward?: TaskQueue) {}

  async enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    if (this.tasks.some((queued) => queued.name === name)) return 'exists';
    this.tasks.push({ name, task, notBefore });
    return this.forward ? this.forward.enqueue(name, task, notBefore) : 'queued';
  }

  /** The office codes of the scorings queued, in order. */
  codes(): string[] {
    return this.tasks.flatMap(({ task }) => (task.kind === 'finish' ? [] : [task.code]));
  }

  named(prefix: string): { name: string; task: QueuedTask; notBefore: Date }[] {
    return this.tasks.filter((queued) => queued.name.startsWith(prefix));
  }
}

/** Rows of a tab as header → value records, read with exceljs directly; the header row holds `Kode`. */
export async function tabRecords(file: string, tab: string): Promise<Record<string, SheetValue>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(tab);
  if (!sheet) return [];
  let headerRow = 1;
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    if ((sheet.getRow(r).values as unknown[]).some((value) => value === 'Kode')) {
      headerRow = r;
      break;
    }
  }
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map((value) => String(value ?? ''));
  const records: Record<string, SheetValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const record: Record<string, SheetValue> = {};
    headers.forEach((header, i) => {
      const value = row.getCell(i + 1).value;
      // A linked cell (Laporan) reads as its text.
      const plain = value !== null && typeof value === 'object' && 'text' in value ? value.text : value;
      record[header] = plain === undefined || plain === null ? null : (plain as SheetValue);
    });
    records.push(record);
  });
  return records;
}
