import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleMode } from '../../../functions/adapters/google/google-mode.js';
import { parseConfig } from '../../../functions/config.js';
import { pct, sheet, workbook } from '../../helpers/workbook.js';
import { spreadsheetUrl, startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { fakeEnv } from './support.js';

/** GoogleWorkbookSource on its own: retries counted once, the fallback read, bad Sumber values. */
describe('GoogleWorkbookSource', () => {
  let google: FakeGoogleApi;
  let id: string;

  beforeAll(async () => {
    google = await startFakeGoogleApi();
    const tabs = ['Profil', 'Rencana Aksi', 'IKU', 'IKI', 'Anjab', 'ABK', 'Tahapan'];
    id = google.addSpreadsheet(
      workbook(...tabs.map((name) => sheet(name, name === 'IKU' ? [['Kode'], [pct(0.5)]] : [['x']]))),
    );
  });

  afterAll(async () => {
    await google.close();
  });

  const mode = () => googleMode(parseConfig(fakeEnv(google.url)).google, 'x'.repeat(44));

  it('retries server errors itself: every attempt reaches the server once', async () => {
    const { source, services } = mode();
    google.resetCounts();
    google.inject({ method: 'sheets.spreadsheets.get', target: id, times: 2, fault: { status: 503 } });
    const book = await source.readOffice(spreadsheetUrl(id));
    expect(book.sheets.find((s) => s.name === 'IKU')?.rows[1]?.[0]).toEqual({ value: 0.5, format: 'percent' });
    expect(google.count('sheets.spreadsheets.get', { target: id })).toBe(3);
    expect(services.scheduler.stats).toMatchObject({ sent: { read: 3 }, retried: 2 });
  });

  it('names the Sumber that is neither an ID nor a spreadsheet URL', async () => {
    const { source } = mode();
    await expect(source.readOffice('satker/3573.xlsx')).rejects.toMatchObject({
      code: 'invalid-source',
      reason: expect.stringContaining('satker/3573.xlsx'),
    });
    expect(source.describe(id)).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
  });

  it('stops with a configuration error when the rekap cannot be opened', async () => {
    const { source } = mode();
    await expect(source.readRekap()).rejects.toThrow(/Spreadsheet rekap .* tidak ditemukan/);
  });
});
