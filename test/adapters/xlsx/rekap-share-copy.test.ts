import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';
import { buildRekapTemplate } from '../../../functions/adapters/xlsx/rekap-template.js';
import { SHARE_SUMMARY_HEADERS, WEAKEST_RED } from '../../../functions/adapters/xlsx/share-copy.js';
import { XlsxSummarySink } from '../../../functions/adapters/xlsx/summary-writer.js';
import { tabOrder } from '../../../functions/adapters/xlsx/tab-order.js';
import { unpackZip } from '../../../functions/adapters/xlsx/zip-archive.js';
import { jakartaSerial, type SheetRecord } from '../../../functions/core/summary-rows.js';
import type { Sheet } from '../../../functions/core/workbook.js';
import { AREAS, REGISTRY_TAB, SETTINGS_TAB, WEIGHTS_TAB } from '../../../sheets-schema/index.js';

/**
 * rekap.xlsx that can be forwarded as it is (issue 18 item 6): it opens on Rekap, the output tabs come
 * first and Log last, and beside it rekap-<periode>.xlsx holds only Rekap by rank with a province
 * average, Rekap Bidang with a colour scale, and Tren. Files are read back with monev's own reader
 * (SheetJS) for tabs and values and with exceljs for what that reader does not model (views, styles).
 */
// 106 characters: three lines in Keterangan's 40.
const REMARK =
  'Tidak dinilai: tab Profil tidak ditemukan; tambahkan tab Profil dengan Kode Satker, Nama Satker dan Tahun.';
const UPDATED = jakartaSerial(new Date('2025-11-28T23:55:00Z'));

function summary(
  period: string,
  code: string,
  scores: { index: number | null; rank: number | null; iku?: number },
  remark: string | null = null,
): SheetRecord {
  return {
    Periode: period,
    Kode: code,
    Nama: `Bawaslu ${code}`,
    Status: scores.index === null ? 'Tidak dinilai' : 'Dinilai',
    IKU: scores.index === null ? null : (scores.iku ?? 100),
    'Rencana Aksi': scores.index,
    IKI: scores.index,
    Tahapan: scores.index,
    'Kualitas Data': scores.index === null ? null : 100,
    Indeks: scores.index,
    Predikat: scores.index === null ? null : 'A',
    Peringkat: scores.rank,
    Kesalahan: scores.index === null ? 1 : 0,
    Peringatan: 0,
    Keterangan: remark,
    Diperbarui: UPDATED,
    Laporan: `laporan/${code}-${period}.pdf`,
  };
}

/**
 * The tab a workbook opens on, from its parts: the workbook view's activeTab and the tabs whose sheet view
 * is selected (exceljs reads neither back).
 */
async function opening(path: string): Promise<{ activeTab: number; selected: string[] }> {
  const parts = unpackZip(await readFile(path), 50 * 2 ** 20, (name) => name.startsWith('xl/'));
  const part = (name: string) => new TextDecoder().decode(parts.get(name));
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  const selected = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].flatMap(([, name, id]) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    return /<sheetView [^>]*tabSelected="1"/.test(part(`xl/${target}`)) ? [name as string] : [];
  });
  return { activeTab: Number(/<workbookView [^>]*activeTab="(\d+)"/.exec(workbook)?.[1]), selected };
}

const area = (code: string, first: number | null): SheetRecord => ({
  Periode: '2025-TW3',
  Kode: code,
  Nama: `Bawaslu ${code}`,
  [AREAS[0].name]: first,
  [AREAS[1].name]: 50,
});

describe('OUT/rekap.xlsx and OUT/rekap-2025-TW3.xlsx', () => {
  let dir: string;
  let out: string;
  let files: string[];
  let rekap: Sheet[];
  let share: Sheet[];
  let rekapViews: ExcelJS.Workbook;
  let shareViews: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-share-'));
    out = join(dir, 'out');
    const input = buildRekapTemplate({
      period: '2025-TW3',
      provinceEmail: 'provinsi@example.go.id',
      offices: [
        { code: '3573', name: 'Bawaslu Kota Malang', source: 'satker/3573.xlsx', email: 'malang@example.go.id' },
      ],
    });
    // A tab of the province's own, before the registry: it keeps its place among the input tabs.
    input.addWorksheet('Catatan', { properties: { tabColor: { argb: 'FF00FF00' } } }).getCell(1, 1).value = 'x';
    (input.getWorksheet('Catatan') as unknown as { orderNo: number }).orderNo = 0;
    await input.xlsx.writeFile(join(dir, 'rekap.xlsx'));

    // TW2 first, then TW3 in two writes (a run of three offices, then one office scored again), as the
    // rekap grows; the share copy of TW3 holds every TW3 row, not only the last write's.
    await new XlsxSummarySink(dir, out).writeSummary({
      summary: [summary('2025-TW2', '3573', { index: 70, rank: 1 })],
      areas: [],
      log: [{ Run: 'run-1', Kode: '3573', Aksi: 'nilai', Hasil: 'ok', Periode: '2025-TW2' }],
      trend: {
        headers: ['Kode', 'Nama', '2025-TW2'],
        records: [{ Kode: '3573', Nama: 'Bawaslu 3573', '2025-TW2': 70 }],
      },
    });
    await new XlsxSummarySink(dir, out).writeSummary({
      summary: [
        summary('2025-TW3', '3573', { index: 80, rank: 2 }),
        summary('2025-TW3', '3507', { index: null, rank: null }, REMARK),
        summary('2025-TW3', '3501', { index: 80, rank: 2 }),
      ],
      areas: [area('3573', 100), area('3507', null), area('3501', 0)],
      log: [{ Run: 'run-2', Kode: '3573', Aksi: 'nilai', Hasil: 'ok', Periode: '2025-TW3' }],
      trend: {
        headers: ['Kode', 'Nama', '2025-TW2', '2025-TW3'],
        records: [
          { Kode: '3573', Nama: 'Bawaslu 3573', '2025-TW2': 70, '2025-TW3': 80 },
          { Kode: '3507', Nama: 'Bawaslu 3507', '2025-TW2': null, '2025-TW3': null },
          { Kode: '3501', Nama: 'Bawaslu 3501', '2025-TW2': null, '2025-TW3': 80 },
        ],
      },
    });
    await new XlsxSummarySink(dir, out).writeSummary({
      summary: [summary('2025-TW3', '3578', { index: 95.5, rank: 1, iku: 90 })],
      areas: [area('3578', 60)],
      log: [],
      trend: {
        headers: ['Kode', 'Nama', '2025-TW2', '2025-TW3'],
        records: [{ Kode: '3578', Nama: 'Bawaslu 3578', '2025-TW2': null, '2025-TW3': 95.5 }],
      },
    });

    files = (await readdir(out)).sort();
    rekap = [...(await readXlsxWorkbook(join(out, 'rekap.xlsx'))).sheets];
    share = [...(await readXlsxWorkbook(join(out, 'rekap-2025-TW3.xlsx'))).sheets];
    rekapViews = await new ExcelJS.Workbook().xlsx.readFile(join(out, 'rekap.xlsx'));
    shareViews = await new ExcelJS.Workbook().xlsx.readFile(join(out, 'rekap-2025-TW3.xlsx'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const values = (sheet: Sheet | undefined, row: number) =>
    Array.from(sheet?.rows[row - 1] ?? [], (cell) => cell?.value ?? null);
  const tab = (sheets: Sheet[], name: string) => sheets.find((sheet) => sheet.name === name);

  it('writes the share copy beside rekap.xlsx, one per period written (no temporary files left)', () => {
    expect(files.filter((file) => file.endsWith('.xlsx'))).toEqual([
      'rekap-2025-TW2.xlsx',
      'rekap-2025-TW3.xlsx',
      'rekap.xlsx',
    ]);
  });

  it('rekap.xlsx: output tabs first, the province’s tabs as they were, Log last', () => {
    expect(rekap.map((sheet) => sheet.name)).toEqual([
      'Rekap',
      'Rekap Bidang',
      'Tren',
      'Pembelajaran',
      'Catatan',
      REGISTRY_TAB.name,
      WEIGHTS_TAB.name,
      SETTINGS_TAB.name,
      'Log',
    ]);
  });

  it('rekap.xlsx opens on Rekap, the only selected tab; Log stays visible', async () => {
    expect(await opening(join(out, 'rekap.xlsx'))).toEqual({ activeTab: 0, selected: ['Rekap'] });
    expect(rekapViews.getWorksheet('Log')?.state).toBe('visible');
  });

  it('rekap.xlsx: Keterangan wraps, its row as tall as its three lines, so it prints whole', () => {
    const sheet = rekapViews.getWorksheet('Rekap') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const remark = headers.indexOf('Keterangan') + 1;
    const row = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r)).find((candidate) => candidate.getCell(2).value === '3507');
    expect(row?.getCell(remark).value).toBe(REMARK);
    expect(row?.getCell(remark).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(row?.height).toBe(3 * 15 + 3);
    // The count before it is centred, not right-aligned against the text.
    expect(row?.getCell(headers.indexOf('Peringatan') + 1).alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'top',
    });
  });

  it('the share copy holds Rekap, Rekap Bidang and Tren only, and opens on Rekap', async () => {
    expect(share.map((sheet) => sheet.name)).toEqual(['Rekap', 'Rekap Bidang', 'Tren']);
    expect(await opening(join(out, 'rekap-2025-TW3.xlsx'))).toEqual({ activeTab: 0, selected: ['Rekap'] });
  });

  it('Rekap: the period’s offices by rank (equal ranks by code, unscored last), then the province average', () => {
    const sheet = tab(share, 'Rekap');
    expect(values(sheet, 1)[0]).toBe('Rekap Monev Bawaslu Jawa Timur — Triwulan III 2025');
    expect(values(sheet, 3)).toEqual([...SHARE_SUMMARY_HEADERS]);
    const at = (header: (typeof SHARE_SUMMARY_HEADERS)[number]) => SHARE_SUMMARY_HEADERS.indexOf(header);
    const rows = [4, 5, 6, 7, 8].map((r) => values(sheet, r));
    expect(rows.map((row) => [row[at('Peringkat')], row[at('Kode')]])).toEqual([
      [1, '3578'],
      [2, '3501'],
      [2, '3573'],
      [null, '3507'],
      [null, null],
    ]);
    expect(rows[3]?.[at('Keterangan')]).toBe(REMARK);
    // (95.5 + 80 + 80) / 3 = 85.17; IKU (90 + 100 + 100) / 3 = 96.67; the unscored office is not a 0.
    const average = rows[4] ?? [];
    expect(average[at('Nama')]).toBe('Rata-rata provinsi');
    expect(average[at('Indeks')]).toBe(85.17);
    expect(average[at('IKU')]).toBe(96.67);
    expect(average[at('Kualitas Data')]).toBe(100);
    expect(average[at('Predikat')]).toBe('A');
    expect(sheet?.rows.length).toBe(8);
  });

  it('carries no file path, e-mail address or run ID', () => {
    const text = share.flatMap((sheet) =>
      sheet.rows.flatMap((row) => (row ?? []).map((cell) => String(cell?.value ?? ''))),
    );
    for (const forbidden of [/laporan\//, /satker\//, /@/, /run-/])
      expect(
        text.filter((cell) => forbidden.test(cell)),
        String(forbidden),
      ).toEqual([]);
  });

  it('Rekap Bidang: the period’s rows in rank order, an average, a colour scale red at 0 to white at 100', () => {
    const sheet = tab(share, 'Rekap Bidang');
    expect(values(sheet, 3)).toEqual(['Kode', 'Nama', ...AREAS.map((a) => a.name)]);
    expect([4, 5, 6, 7].map((r) => values(sheet, r)[0])).toEqual(['3578', '3501', '3573', '3507']);
    // (60 + 0 + 100) / 3 = 53.33 in the first area; 50 in the second.
    expect(values(sheet, 8).slice(1, 4)).toEqual(['Rata-rata provinsi', 53.33, 50]);
    const scale = (
      shareViews.getWorksheet('Rekap Bidang') as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    expect(scale).toHaveLength(1);
    expect(scale[0]?.ref).toBe('C4:J8');
    expect(scale[0]?.rules[0]).toMatchObject({
      type: 'colorScale',
      cfvo: [
        { type: 'num', value: 0 },
        { type: 'num', value: 100 },
      ],
      color: [{ argb: WEAKEST_RED }, { argb: 'FFFFFFFF' }],
    });
  });

  it('Tren: every period up to this one, in rank order, with the average of each period', () => {
    const sheet = tab(share, 'Tren');
    expect(values(sheet, 3)).toEqual(['Kode', 'Nama', '2025-TW2', '2025-TW3']);
    expect([4, 5, 6, 7].map((r) => values(sheet, r)[0])).toEqual(['3578', '3501', '3573', '3507']);
    expect(values(sheet, 8)).toEqual([null, 'Rata-rata provinsi', 70, 85.17]);
  });

  it('prints every tab on A4, one page wide, title and header repeated; wraps Keterangan', () => {
    for (const sheet of shareViews.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:3');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
    expect(shareViews.getWorksheet('Rekap')?.pageSetup.orientation).toBe('landscape');
    // Kode, Nama and two periods: 59 characters wide, a page upright.
    expect(shareViews.getWorksheet('Tren')?.pageSetup.orientation).toBe('portrait');
    const rekapSheet = shareViews.getWorksheet('Rekap') as ExcelJS.Worksheet;
    const remark = rekapSheet.getCell(7, SHARE_SUMMARY_HEADERS.indexOf('Keterangan') + 1);
    expect(remark.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });
});

describe('tabOrder', () => {
  const cases: { name: string; tabs: string[]; expected: string[] }[] = [
    {
      name: 'a rekap as the template writes it, after a run',
      tabs: ['Satker', 'Bobot', 'Pengaturan', 'Rekap', 'Rekap Bidang', 'Log', 'Tren'],
      expected: ['Rekap', 'Rekap Bidang', 'Tren', 'Satker', 'Bobot', 'Pengaturan', 'Log'],
    },
    {
      name: 'the province’s own tabs keep their order among the input tabs',
      tabs: ['Log', 'Catatan', 'Satker', 'Tren', 'Arsip'],
      expected: ['Tren', 'Catatan', 'Satker', 'Arsip', 'Log'],
    },
    { name: 'no output tab yet', tabs: ['Satker', 'Bobot'], expected: ['Satker', 'Bobot'] },
  ];
  for (const { name, tabs, expected } of cases) it(name, () => expect(tabOrder(tabs)).toEqual(expected));
});
