import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleMode } from '../../../functions/adapters/google/google-mode.js';
import { parseConfig } from '../../../functions/config.js';
import { readRekap } from '../../../functions/core/rekap-reader.js';
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

  // Issue 17 item 6: the province pastes the office's spreadsheet link into Sumber and Sheets makes it a smart
  // chip (its text is "@"); the head of office's address goes into Email as a person chip.
  it('reads a Sumber smart chip and an Email person chip from the rekap, and the chip leads to the office', async () => {
    const chip = { value: '@', format: 'text' as const, links: [spreadsheetUrl(id)] };
    const person = { value: '@', format: 'text' as const, links: ['mailto:kepala@malangkota.bawaslu.go.id'] };
    const rekapId = google.addSpreadsheet(
      workbook(
        sheet('Satker', [
          ['Kode', 'Nama', 'Jenis', 'Sumber', 'Email', 'Aktif'],
          ['3573', 'Bawaslu Kota Malang', 'Kota', chip, person, 'Ya'],
        ]),
        sheet('Pengaturan', [['Periode', '2025-TW3']]),
      ),
    );
    const stored = google.spreadsheet(rekapId)?.sheets[0]?.rows[1];
    expect(stored?.[3]?.chipRuns).toEqual([
      { startIndex: 0, chip: { richLinkProperties: { uri: spreadsheetUrl(id) } } },
    ]);
    expect(stored?.[4]?.chipRuns).toEqual([
      { startIndex: 0, chip: { personProperties: { email: 'kepala@malangkota.bawaslu.go.id' } } },
    ]);

    const { source } = googleMode(parseConfig(fakeEnv(google.url)).google, rekapId);
    const inputs = readRekap(await source.readRekap());
    expect(inputs.problems).toEqual([]);
    expect(inputs.findings).toEqual([]);
    expect(inputs.offices.map((o) => [o.code, o.source, o.emails])).toEqual([
      ['3573', spreadsheetUrl(id), ['kepala@malangkota.bawaslu.go.id']],
    ]);
    const office = await source.readOffice(inputs.offices[0]?.source ?? '');
    expect(office.sheets.map((s) => s.name)).toContain('IKU');
  });

  it('stops with a configuration error when the rekap cannot be opened', async () => {
    const { source } = mode();
    await expect(source.readRekap()).rejects.toThrow(/Spreadsheet rekap .* tidak ditemukan/);
  });
});
