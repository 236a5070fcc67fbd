import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../../functions/core/results-document.js';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { fakeEnv, runMonev, sampleProvince } from './support.js';

/**
 * The sample province served by the fake Google API gives the same results as the xlsx run, reading
 * each well-formed office spreadsheet with exactly one request.
 */
describe('monev run --source google', () => {
  let google: FakeGoogleApi;
  let province: Awaited<ReturnType<typeof sampleProvince>>;
  let loaded: { rekapId: string; offices: Map<string, string> };

  beforeAll(async () => {
    province = await sampleProvince();
    google = await startFakeGoogleApi({ latencyMs: [1, 4] });
    // Every third office is registered by URL, the others by bare ID.
    let i = 0;
    loaded = await google.loadSampleProvince(province.dataDir, { asUrl: () => i++ % 3 === 0 });
  });

  afterAll(async () => {
    await google?.close();
    await province?.cleanup();
  });

  it('scores like the xlsx run, one read per office', async () => {
    const local = await runMonev({ data: province.dataDir, out: join(province.dir, 'out-xlsx') }, {});
    google.resetCounts();
    const live = await runMonev(
      { source: 'google', rekap: loaded.rekapId, out: join(province.dir, 'out-google') },
      fakeEnv(google.url),
    );

    expect(live.code).toBe(local.code);
    expect(comparable(live.results)).toEqual(comparable(local.results));

    const unreadable = local.results.offices
      .filter((office) => office.findings.some((f) => f.code === 'unreadable-workbook'))
      .map((office) => office.code);
    expect(unreadable).toHaveLength(1);
    for (const [code, id] of loaded.offices) {
      expect(google.count('sheets.spreadsheets.get', { target: id }), `reads of ${code}`).toBe(1);
      expect(google.count('sheets.spreadsheets.batchUpdate', { target: id }), `writes of ${code}`).toBe(
        unreadable.includes(code) ? 0 : 1,
      );
    }
    expect(google.count('sheets.spreadsheets.get', { target: loaded.rekapId })).toBe(1);
    // Lock with the rekap's state, the upserts, the release.
    expect(google.count('sheets.spreadsheets.batchUpdate', { target: loaded.rekapId })).toBe(3);
    expect(google.count(undefined, { status: 200 }) + google.count(undefined, { status: 400 })).toBe(google.count());

    // Hasil Validasi as the xlsx writer lays it out, errors first, each Sel linking to its cell.
    const withFindings = live.results.offices.find(
      (office) => office.status === 'scored' && office.findings.some((f) => f.level === 'error'),
    );
    const id = loaded.offices.get(withFindings?.code ?? '') as string;
    const stored = google.spreadsheet(id);
    const tab = stored?.sheets.find((sheet) => sheet.properties.title === FEEDBACK_TAB.name);
    const rows = google.values(id, FEEDBACK_TAB.name) ?? [];
    expect(rows[0]).toEqual([...FEEDBACK_TAB.headers]);
    const levels = rows.slice(1).map((row) => row[FEEDBACK_TAB.headers.indexOf('Tingkat')]);
    expect(levels.indexOf('Peringatan') === -1 || levels.lastIndexOf('Kesalahan') < levels.indexOf('Peringatan')).toBe(
      true,
    );
    const sel = FEEDBACK_TAB.headers.indexOf('Sel');
    const first = String(rows[1]?.[sel]);
    const [, tabName, a1] = /^'?(.+?)'?!([A-Z]+\d+)$/.exec(first) ?? [];
    const target = stored?.sheets.find((sheet) => sheet.properties.title === tabName);
    expect(tab?.rows[1]?.[sel]?.userEnteredFormat?.textFormat?.link?.uri).toBe(
      `#gid=${target?.properties.sheetId}&range=${a1}`,
    );
  });
});

/**
 * results.json without generatedAt; an unreadable office's message names its source (a file path
 * locally, a spreadsheet link in live mode) and says why, so only its code and cell are compared.
 */
function comparable(results: ResultsDocument): unknown {
  return {
    ...results,
    generatedAt: undefined,
    offices: results.offices.map((office) => ({
      ...office,
      findings: office.findings.map((f) => (f.code === 'unreadable-workbook' ? { ...f, message: undefined } : f)),
    })),
  };
}
