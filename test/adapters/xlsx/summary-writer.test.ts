import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRekapTemplate } from '../../../functions/adapters/xlsx/rekap-template.js';
import { XlsxSummarySink } from '../../../functions/adapters/xlsx/summary-writer.js';
import { jakartaSerial, type SheetRecord } from '../../../functions/core/summary-rows.js';
import { columnLetter } from '../../../functions/core/workbook.js';
import { AREA_SUMMARY_TAB, AREAS, LOG_TAB, SUMMARY_TAB, TREND_TAB } from '../../../sheets-schema/index.js';

/**
 * rekap.xlsx as the province shares it (issue 12 item 8), read back with exceljs: two-decimal scores,
 * a real date-time in Diperbarui, Laporan as a link, a coloured predicate, a filter, widths, and the
 * upsert still keyed by Periode+Kode with the province's own column left alone.
 * 2025-11-28 23:55 UTC is 2025-11-29 06:55 in Jakarta.
 */
const UPDATED = new Date('2025-11-28T23:55:00Z');

function record(code: string, index: number, predicate: string, report: string | null): SheetRecord {
  return {
    Periode: '2025-TW3',
    Kode: code,
    Nama: `Bawaslu ${code}`,
    Status: 'Dinilai',
    IKU: 100,
    'Rencana Aksi': 99.3,
    IKI: 87.5,
    Tahapan: 70,
    'Kualitas Data': 100,
    Indeks: index,
    Predikat: predicate,
    Peringkat: 1,
    Kesalahan: 0,
    Peringatan: 2,
    Keterangan: null,
    Diperbarui: jakartaSerial(UPDATED),
    Laporan: report,
  };
}

describe('XlsxSummarySink.writeSummary (OUT/rekap.xlsx)', () => {
  let dir: string;
  let rekap: ExcelJS.Worksheet;
  let areas: ExcelJS.Worksheet;
  let trend: ExcelJS.Worksheet;
  let log: ExcelJS.Worksheet;
  let history: Awaited<ReturnType<XlsxSummarySink['readHistory']>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-rekap-'));
    await buildRekapTemplate({ period: '2025-TW3' }).xlsx.writeFile(join(dir, 'rekap.xlsx'));
    const out = join(dir, 'out');
    const first = new XlsxSummarySink(dir, out);
    await first.writeSummary({
      summary: [
        record('3573', 91.25, 'AA', 'laporan/3573-2025-TW3.pdf'),
        record('3507', 100, 'D', 'javascript:alert(1)'),
      ],
      areas: [
        { Periode: '2025-TW3', Kode: '3573', Nama: 'Bawaslu 3573', [AREAS[0].name]: 100, [AREAS[1].name]: 66.666 },
      ],
      log: [],
      trend: {
        headers: ['Kode', 'Nama', '2025-TW2', '2025-TW3'],
        records: [
          { Kode: '3573', Nama: 'Bawaslu Kabupaten Probolinggo', '2025-TW2': 69, '2025-TW3': 91.25 },
          { Kode: '3507', Nama: 'Bawaslu 3507', '2025-TW2': null, '2025-TW3': 100 },
        ],
      },
    });
    // The province adds a column of its own; a second run upserts 3573 and must leave it alone.
    const between = new ExcelJS.Workbook();
    await between.xlsx.readFile(join(out, 'rekap.xlsx'));
    const tab = between.getWorksheet(SUMMARY_TAB.name) as ExcelJS.Worksheet;
    tab.getCell(1, SUMMARY_TAB.headers.length + 1).value = 'Catatan Provinsi';
    tab.getCell(2, SUMMARY_TAB.headers.length + 1).value = 'sudah dibina';
    await between.xlsx.writeFile(join(out, 'rekap.xlsx'));
    const second = new XlsxSummarySink(dir, out);
    await second.writeSummary({ summary: [record('3573', 92, 'AA', 'laporan/3573-2025-TW3.pdf')], areas: [], log: [] });
    history = await new XlsxSummarySink(dir, out).readHistory();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'rekap.xlsx'));
    rekap = workbook.getWorksheet(SUMMARY_TAB.name) as ExcelJS.Worksheet;
    areas = workbook.getWorksheet(AREA_SUMMARY_TAB.name) as ExcelJS.Worksheet;
    trend = workbook.getWorksheet(TREND_TAB.name) as ExcelJS.Worksheet;
    log = workbook.getWorksheet(LOG_TAB.name) as ExcelJS.Worksheet;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const at = (header: string) => SUMMARY_TAB.headers.indexOf(header as (typeof SUMMARY_TAB.headers)[number]) + 1;

  it('keeps the upsert: one row per Periode+Kode, the later values, the province’s column untouched', () => {
    expect(rekap.actualRowCount).toBe(3);
    expect(rekap.getCell(2, at('Kode')).value).toBe('3573');
    expect(rekap.getCell(2, at('Indeks')).value).toBe(92);
    expect(rekap.getCell(2, SUMMARY_TAB.headers.length + 1).value).toBe('sudah dibina');
  });

  it('formats every score with two decimals, whole numbers included; counts as integers', () => {
    for (const header of ['IKU', 'Rencana Aksi', 'IKI', 'Tahapan', 'Kualitas Data', 'Indeks'])
      expect(rekap.getCell(3, at(header)).numFmt, header).toBe('0.00');
    expect(rekap.getCell(3, at('IKU')).value).toBe(100);
    expect(rekap.getCell(3, at('Peringatan')).numFmt).toBe('0');
    expect(areas.getCell(2, 4).numFmt).toBe('0.00');
  });

  it('Tren: indexes with two decimals (69 is "69.00"), names readable, filtered and printed like Rekap', () => {
    expect(trend.getCell(2, 3).value).toBe(69);
    for (const [row, column] of [
      [2, 3],
      [2, 4],
      [3, 4],
    ] as const)
      expect(trend.getCell(row, column).numFmt).toBe('0.00');
    expect(trend.getColumn(2).width).toBe(32);
    expect(trend.autoFilter).toBe('A1:D3');
    expect(trend.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('Log: a run ID and a fingerprint shown whole, printed A4 landscape one page wide', () => {
    const width = (header: string) => log.getColumn(LOG_TAB.headers.indexOf(header as never) + 1).width ?? 0;
    expect(width('Run')).toBeGreaterThanOrEqual(27);
    expect(width('Sidik')).toBeGreaterThanOrEqual(32);
    expect(log.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
  });

  it('writes Diperbarui as a date-time cell in Jakarta time', () => {
    const cell = rekap.getCell(2, at('Diperbarui'));
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2025-11-29T06:55:00.000Z');
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm');
  });

  it('reads Diperbarui back as the serial it wrote, so a re-upserted row stays a date', () => {
    const row = history.summary.find((r) => r.Kode === '3507');
    expect(row?.Diperbarui).toBeCloseTo(jakartaSerial(UPDATED), 8);
  });

  it('links Laporan to the report; another scheme stays plain text', () => {
    expect(rekap.getCell(2, at('Laporan')).value).toEqual({
      text: 'laporan/3573-2025-TW3.pdf',
      hyperlink: 'laporan/3573-2025-TW3.pdf',
    });
    expect(rekap.getCell(3, at('Laporan')).value).toBe('javascript:alert(1)');
    expect(history.summary.find((r) => r.Kode === '3573')?.Laporan).toBe('laporan/3573-2025-TW3.pdf');
  });

  it('colours the predicate', () => {
    expect(rekap.getCell(2, at('Predikat')).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FF4575B4' } });
    expect(rekap.getCell(3, at('Predikat')).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD73027' } });
  });

  it('filters the whole table, sets readable widths, prints A4 landscape one page wide', () => {
    expect(rekap.autoFilter).toBe(`A1:${columnLetter(SUMMARY_TAB.headers.length)}3`);
    expect(areas.autoFilter).toBe('A1:K2');
    expect(rekap.getColumn(at('Nama')).width).toBe(32);
    expect(rekap.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(rekap.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('XlsxSummarySink on a rekap written before SPEC v3 (Rekap’s "Error" header)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-rekap-v2-'));
    await buildRekapTemplate({ period: '2025-TW3' }).xlsx.writeFile(join(dir, 'rekap.xlsx'));
    const old = SUMMARY_TAB.headers.filter((h) => h !== 'Keterangan').map((h) => (h === 'Kesalahan' ? 'Error' : h));
    const earlier = new ExcelJS.Workbook();
    const tab = earlier.addWorksheet(SUMMARY_TAB.name);
    tab.addRow(old);
    const values: Record<string, string | number> = { Periode: '2025-TW2', Kode: '3573', Indeks: 70, Error: 4 };
    tab.addRow(old.map((h) => values[h] ?? null));
    await mkdir(join(dir, 'out'));
    await earlier.xlsx.writeFile(join(dir, 'out', 'rekap.xlsx'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the old column as Kesalahan, renames its header and adds Keterangan', async () => {
    const sink = new XlsxSummarySink(dir, join(dir, 'out'));
    expect((await sink.readHistory()).summary).toMatchObject([{ Periode: '2025-TW2', Kode: '3573', Kesalahan: 4 }]);
    await sink.writeSummary({
      summary: [
        { ...record('3573', 80, 'A', null), Kesalahan: 2, Keterangan: 'IKU 0 karena tab IKU tidak ditemukan.' },
      ],
      areas: [],
      log: [],
    });
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(join(dir, 'out', 'rekap.xlsx'));
    const rekap = written.getWorksheet(SUMMARY_TAB.name) as ExcelJS.Worksheet;
    const headers = (rekap.getRow(1).values as unknown[]).slice(1);
    expect(headers).not.toContain('Error');
    const kesalahan = headers.indexOf('Kesalahan') + 1;
    const keterangan = headers.indexOf('Keterangan') + 1;
    expect(kesalahan).toBe(SUMMARY_TAB.headers.indexOf('Kesalahan') + 1);
    expect(keterangan).toBe(SUMMARY_TAB.headers.length);
    expect([rekap.getCell(2, kesalahan).value, rekap.getCell(3, kesalahan).value]).toEqual([4, 2]);
    expect(rekap.getCell(3, keterangan).value).toBe('IKU 0 karena tab IKU tidak ditemukan.');
  });
});

describe('XlsxSummarySink on a Rekap the province typed over', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-rekap-typed-'));
    await buildRekapTemplate({ period: '2025-TW3' }).xlsx.writeFile(join(dir, 'rekap.xlsx'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Rows of earlier periods are formatted again on every write, so whatever the province typed into monev's
  // columns must still write: a "date" past year 9999 or before 1900, text, an error, a formula.
  const typed: { name: string; header: string; value: ExcelJS.CellValue }[] = [
    { name: 'a serial past year 9999', header: 'Diperbarui', value: 1e12 },
    { name: 'a negative serial', header: 'Diperbarui', value: -5 },
    { name: 'text', header: 'Diperbarui', value: 'kemarin' },
    { name: 'an unknown predicate', header: 'Predikat', value: 'Luar biasa' },
    { name: 'an error', header: 'Indeks', value: { error: '#REF!' } },
    { name: 'a formula', header: 'Laporan', value: { formula: 'A1&"x"', result: '2025-TW2x' } },
  ];
  for (const { name, header, value } of typed)
    it(`writes over ${name} in ${header}`, async () => {
      const out = join(dir, name.replace(/\W+/g, '-'));
      const earlier = new ExcelJS.Workbook();
      const tab = earlier.addWorksheet(SUMMARY_TAB.name);
      tab.addRow([...SUMMARY_TAB.headers]);
      tab.addRow(SUMMARY_TAB.headers.map((h) => ({ Periode: '2025-TW2', Kode: '3573' })[h as string] ?? null));
      tab.getCell(2, SUMMARY_TAB.headers.indexOf(header as never) + 1).value = value;
      await mkdir(out);
      await earlier.xlsx.writeFile(join(out, 'rekap.xlsx'));
      const sink = new XlsxSummarySink(dir, out);
      await sink.writeSummary({ summary: [record('3573', 80, 'A', null)], areas: [], log: [] });
      const written = await new XlsxSummarySink(dir, out).readHistory();
      expect(written.summary.map((row) => row.Periode)).toEqual(['2025-TW2', '2025-TW3']);
      // A number or text in Diperbarui that is no date reads back as typed.
      if (header === 'Diperbarui') expect(written.summary[0]?.Diperbarui).toBe(value);
    });
});
