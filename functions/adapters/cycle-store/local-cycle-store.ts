import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OfficeResult } from '../../core/scoring/office.js';
import type { CycleRecord, CycleStore } from '../../ports.js';
import { createFileAtomic, writeFileAtomic } from '../fs/atomic-file.js';
import {
  codeOfResultFile,
  parseRecord,
  parseResult,
  RECORD_FILE,
  recordJson,
  resultFile,
  resultJson,
  safeName,
} from './stored-cycle.js';

/**
 * Cycles in a local folder (OUT/siklus): `<cycle>/siklus.json` and `<cycle>/hasil/<kode>.json`,
 * every file written whole or not at all, so the in-process queue and `monev serve` run the same
 * fan-out as production.
 */
export class LocalCycleStore implements CycleStore {
  constructor(
    private readonly folder: string,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  async start(record: CycleRecord): Promise<CycleRecord> {
    if (await createFileAtomic(this.recordPath(record.id), recordJson(record))) return record;
    return (await this.get(record.id)) ?? record;
  }

  async get(id: string): Promise<CycleRecord | null> {
    const text = await readIfExists(this.recordPath(id));
    return text === null ? null : parseRecord(text, this.recordPath(id));
  }

  async saveResult(id: string, result: OfficeResult): Promise<void> {
    await writeFileAtomic(
      join(this.resultsFolder(id), resultFile(result.code)),
      resultJson(id, result, this.clock.now()),
    );
  }

  async scored(id: string): Promise<ReadonlySet<string>> {
    return new Set((await this.resultFiles(id)).map(({ code }) => code));
  }

  async results(id: string): Promise<OfficeResult[]> {
    const files = await this.resultFiles(id);
    return Promise.all(files.map(async ({ path }) => parseResult(await readFile(path, 'utf8'), path)));
  }

  async markFinished(id: string, at: Date): Promise<void> {
    const record = await this.get(id);
    if (!record) throw new Error(`Siklus ${id} tidak tercatat di ${this.folder}.`);
    await writeFileAtomic(this.recordPath(id), recordJson({ ...record, finishedAt: at.toISOString() }));
  }

  private recordPath(id: string): string {
    return join(this.folder, safeName(id, 'ID siklus'), RECORD_FILE);
  }

  private resultsFolder(id: string): string {
    return join(this.folder, safeName(id, 'ID siklus'), 'hasil');
  }

  private async resultFiles(id: string): Promise<{ code: string; path: string }[]> {
    const folder = this.resultsFolder(id);
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.flatMap((name) => {
      const code = codeOfResultFile(name);
      return code === null ? [] : [{ code, path: join(folder, name) }];
    });
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
