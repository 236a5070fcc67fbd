import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { flat, idScore, runCli, type CliRun } from './support.js';

/**
 * The office's own trend (issue 18 §8), over two runs of the sample: TW II, then TW III into the same
 * output folder, whose rekap.xlsx carries TW II's Rekap rows. The TW III report of each office shows both
 * quarters with the index and its five components, as the two runs' results.json have them.
 */
const OFFICES = ['3507', '3510'];
let root = '';
let out = '';
let runs: CliRun[] = [];

interface Results {
  offices: {
    code: string;
    scores: Record<'iku' | 'actionPlan' | 'iki' | 'stages' | 'dataQuality' | 'index', number>;
  }[];
}
const results: Results[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-e2e-trend-'));
  const data = join(root, 'data');
  out = join(root, 'out');
  await generateSampleProvince({ outDir: data });
  const base = ['run', '--data', data, '--out', out, '--no-email', '--offices', OFFICES.join(',')];
  runs = [];
  for (const period of ['2025-TW2', '2025-TW3']) {
    runs.push(await runCli([...base, '--period', period, ...(period === '2025-TW2' ? ['--no-pdf'] : [])]));
    results.push(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Results);
  }
}, 240_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a second quarter’s report shows the year so far', () => {
  it('both runs score both offices', () => {
    for (const run of runs) expect(run.stderr).not.toContain('Kesalahan internal');
    expect(results.map((r) => r.offices.map((o) => o.code).sort())).toEqual([OFFICES, OFFICES]);
  });

  it.each(OFFICES)('office %s: TW II and TW III with the index and the components of each run', async (code) => {
    const pdf = await extractPdfText(new Uint8Array(await readFile(join(out, 'laporan', `${code}-2025-TW3.pdf`))));
    const text = flat(pdf.text);
    expect(text).toContain('Perkembangan triwulanan 2025');
    const row = (label: string, run: Results) => {
      const scores = run.offices.find((o) => o.code === code)?.scores;
      expect(scores, `${code} ${label}`).toBeDefined();
      const s = scores as Results['offices'][number]['scores'];
      return [s.index, s.iku, s.actionPlan, s.iki, s.stages, s.dataQuality];
    };
    const [tw2, tw3] = [row('TW II', results[0] as Results), row('TW III', results[1] as Results)];
    const change = Math.round(((tw3[0] as number) - (tw2[0] as number)) * 100) / 100;
    const signed = change > 0 ? `+${idScore(change)}` : change < 0 ? `−${idScore(-change)}` : idScore(0);
    expect(text).toContain(
      `Triwulan II 2025 ${idScore(tw2[0] as number)} – ${tw2
        .slice(1)
        .map((v) => idScore(v as number))
        .join(' ')}`,
    );
    expect(text).toContain(
      `Triwulan III 2025 ${idScore(tw3[0] as number)} ${signed} ${tw3
        .slice(1)
        .map((v) => idScore(v as number))
        .join(' ')}`,
    );
  });
});
