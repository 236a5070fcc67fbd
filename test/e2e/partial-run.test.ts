import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { loadWorkbook, runCli, sheetTable, valueOf } from './support.js';

/** A run with --offices ranks its offices against the rest of the province as the Rekap has it. */
describe('monev run --offices', () => {
  let dir: string;
  let data: string;
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-partial-'));
    data = join(dir, 'data');
    out = join(dir, 'out');
    await generateSampleProvince({ outDir: data, offices: 12 });
    await runCli(['run', '--data', data, '--out', out, '--no-pdf']);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function ranks(): Promise<Map<string, unknown>> {
    const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Rekap');
    return new Map(table.rows.map((row) => [String(valueOf(row.cell('Kode'))), valueOf(row.cell('Peringkat'))]));
  }

  it('keeps the province ranks when the office did not change', async () => {
    const before = await ranks();
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      offices: { code: string; rank: number | null }[];
    };
    const last = results.offices.filter((o) => o.rank !== null).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0];
    expect(last?.rank).toBeGreaterThan(1);

    const run = await runCli(['run', '--data', data, '--out', out, '--no-pdf', '--offices', last?.code ?? '']);
    expect(run.code).toBeLessThanOrEqual(1);
    expect(await ranks()).toEqual(before);
    const partial = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      offices: { code: string; rank: number | null }[];
    };
    expect(partial.offices).toHaveLength(1);
    expect(partial.offices[0]?.rank).toBe(last?.rank);
  });
});
