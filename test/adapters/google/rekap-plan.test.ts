import { describe, expect, it } from 'vitest';
import { planSummary } from '../../../functions/adapters/google/rekap-plan.js';
import { snapshotOf } from '../../../functions/adapters/google/rekap-spreadsheet.js';
import type { SheetRecord } from '../../../functions/core/summary-rows.js';
import type { Workbook } from '../../../functions/core/workbook.js';
import { PREDICATE_COLOURS, SUMMARY_TAB } from '../../../sheets-schema/index.js';
import { rgb } from '../../../functions/adapters/google/layout-requests.js';
import { jakartaSerial } from '../../../functions/core/summary-rows.js';
import { spreadsheetFromWorkbook } from '../../fakes/google/load-workbook.js';
import { batchUpdate, sheetValues, spreadsheetView, type StoredSpreadsheet } from '../../fakes/google/sheets-store.js';
import { sheet, workbook } from '../../helpers/workbook.js';

/** Upserting Rekap rows, applied to the fake's spreadsheet model. */
const record = (period: string, code: string, index: number | null): SheetRecord =>
  Object.fromEntries(
    SUMMARY_TAB.headers.map((h) => [
      h,
      h === 'Periode' ? period : h === 'Kode' ? code : h === 'Nama' ? `Satker ${code}` : h === 'Indeks' ? index : null,
    ]),
  );

function apply(stored: StoredSpreadsheet, summary: SheetRecord[], options = {}): StoredSpreadsheet {
  const tabs = snapshotOf(spreadsheetView(stored, { includeGridData: true })).tabs;
  return batchUpdate(stored, planSummary(tabs, { summary, areas: [], log: [] }, options)).next;
}

const values = (stored: StoredSpreadsheet, title: string) =>
  sheetValues(stored.sheets.find((s) => s.properties.title === title) ?? stored.sheets[0]!);

describe('planSummary', () => {
  it('updates rows in place, appends new keys below, never touches the province’s own column', () => {
    // A title row above the header; "Catatan" is the province's own column between monev's.
    const [first, ...rest] = SUMMARY_TAB.headers;
    const header = [first, 'Catatan', ...rest];
    const row = (cells: Record<string, string | number>) => header.map((h) => cells[h as string]);
    const book: Workbook = workbook(
      sheet('Rekap', [
        ['Rekap monev Jawa Timur'],
        header,
        row({ Periode: '2025-TW3', Catatan: 'penting', Kode: '3573', Nama: 'Satker 3573', Indeks: 50 }),
        row({ Periode: '2025-TW3', Catatan: 'cek lagi', Kode: '3507', Nama: 'Satker 3507', Indeks: 60 }),
      ]),
    );
    const at = (h: string) => header.indexOf(h);
    let stored = spreadsheetFromWorkbook('rekap', 'Rekap', book);
    stored = apply(stored, [
      record('2025-TW3', '3507', 61.5),
      record('2025-TW3', '3578', 70),
      record('2025-TW3', '3573', 80),
    ]);
    const rows = values(stored, 'Rekap');
    expect(
      rows
        .slice(2)
        .map((cells) => [cells[at('Periode')], cells[at('Catatan')] ?? null, cells[at('Kode')], cells[at('Indeks')]]),
    ).toEqual([
      ['2025-TW3', 'penting', '3573', 80],
      ['2025-TW3', 'cek lagi', '3507', 61.5],
      ['2025-TW3', null, '3578', 70],
    ]);
    // The same plan again changes nothing: every write names its cells.
    const again = apply(stored, [
      record('2025-TW3', '3507', 61.5),
      record('2025-TW3', '3578', 70),
      record('2025-TW3', '3573', 80),
    ]);
    expect(values(again, 'Rekap')).toEqual(rows);
  });

  it('renames the old Error header to Kesalahan and writes the counts under it; Keterangan joins the header', () => {
    // A Rekap written before SPEC v3: "Error" between Peringkat and Peringatan, no Keterangan.
    const old = SUMMARY_TAB.headers.filter((h) => h !== 'Keterangan').map((h) => (h === 'Kesalahan' ? 'Error' : h));
    const book = workbook(
      sheet('Rekap', [old, old.map((h) => ({ Periode: '2025-TW2', Kode: '3573', Error: 4 })[h as string])]),
    );
    let stored = spreadsheetFromWorkbook('rekap', 'Rekap', book);
    const counted = {
      ...record('2025-TW3', '3573', 80),
      Kesalahan: 2,
      Keterangan: 'IKU 0 karena tab IKU tidak ditemukan.',
    };
    stored = apply(stored, [counted]);
    const rows = values(stored, 'Rekap');
    const at = (h: string) => (rows[0] ?? []).indexOf(h);
    expect(rows[0]).not.toContain('Error');
    expect(at('Kesalahan')).toBe(old.indexOf('Error'));
    expect(at('Keterangan')).toBe(old.length);
    // The earlier period's count stays where it was, now under Kesalahan; the new row fills both columns.
    expect([rows[1]?.[at('Kesalahan')], rows[2]?.[at('Kesalahan')], rows[2]?.[at('Keterangan')]]).toEqual([
      4,
      2,
      'IKU 0 karena tab IKU tidak ditemukan.',
    ]);
  });

  it('creates a missing tab with its header and grows the grid as rows are added', () => {
    let stored = spreadsheetFromWorkbook('rekap', 'Rekap', workbook(sheet('Satker', [['Kode']])));
    const many = Array.from({ length: 1200 }, (_, i) => record('2025-TW3', String(10_000 + i), i));
    stored = apply(stored, many);
    const rows = values(stored, 'Rekap');
    expect(rows[0]).toEqual([...SUMMARY_TAB.headers]);
    expect(rows).toHaveLength(1201);
    expect(stored.sheets.find((s) => s.properties.title === 'Rekap')?.properties.gridProperties.frozenRowCount).toBe(1);
  });

  it('formats as the xlsx rekap: two decimals, a date-time, the report linked, the predicate coloured, a filter', () => {
    let stored = spreadsheetFromWorkbook('rekap', 'Rekap', workbook(sheet('Satker', [['Kode']])));
    const link = 'https://drive.google.com/file/d/laporan-3573';
    stored = apply(stored, [
      { ...record('2025-TW3', '3573', 100), Predikat: 'AA', Diperbarui: jakartaSerial(new Date(0)), Laporan: link },
    ]);
    const tab = stored.sheets.find((s) => s.properties.title === 'Rekap');
    const cell = (header: string) => tab?.rows[1]?.[SUMMARY_TAB.headers.indexOf(header as never)]?.userEnteredFormat;
    expect(cell('Indeks')?.numberFormat).toEqual({ type: 'NUMBER', pattern: '0.00' });
    expect(cell('Diperbarui')?.numberFormat).toEqual({ type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' });
    expect(cell('Laporan')?.textFormat?.link?.uri).toBe(link);
    expect(cell('Predikat')?.backgroundColor).toEqual(rgb(PREDICATE_COLOURS.AA!.fill));
    expect(tab?.basicFilter?.range).toMatchObject({ startRowIndex: 0, endColumnIndex: SUMMARY_TAB.headers.length });
    expect(tab?.columnWidths[SUMMARY_TAB.headers.indexOf('Nama')]).toBe(32 * 7);
  });
});
