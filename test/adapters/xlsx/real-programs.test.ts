import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';
import type { Cell, Workbook } from '../../../functions/core/workbook.js';

/**
 * Workbooks written by the programs operators and provincial scripts use, all holding the same cells
 * (test/fixtures/workbooks/make.sh made them; CI only reads the committed files):
 * - openpyxl.xlsx: written by openpyxl 3.0.9 (formulas without cached results, notes linked by absolute
 *   part paths — the exceljs issue #2797 shape).
 * - libreoffice.xlsx, libreoffice.ods: LibreOffice 7.4 opened openpyxl.xlsx, computed it and saved.
 * - pandas.xlsx: pandas 1.5.3 appended a tab to libreoffice.xlsx (a re-save through openpyxl).
 * - openpyxl-resave-template.xlsx: `monev template` (exceljs, a note on every header) re-saved by openpyxl.
 * - excel-style.xlsx, google-sheets-style.xlsx: assembled by hand in the shape Excel 365 and Google Sheets'
 *   "Download → .xlsx" write (neither program runs here; make_assembled.py says what was imitated).
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks');

const LINK = 'https://drive.google.com/file/d/1AbC/view';
const HYPERLINK_URL = 'https://jatim.bawaslu.go.id/bukti';

/** The cells every program keeps: column B of tab Sel, by row, and tab Profil. */
const COMMON: Record<string, Cell | undefined> = {
  'Profil!A1': { value: 'Kode Satker', format: 'text' },
  'Profil!B1': { value: '3573', format: 'text' },
  'Profil!B2': { value: 2025, format: 'number' },
  'Sel!A1': { value: 'Jenis', format: 'text' },
  'Sel!B2': { value: 'Bawaslu Kota Malang – Jawa Timur', format: 'text' },
  'Sel!B3': { value: 1250.5, format: 'number' },
  'Sel!B4': { value: 0.875, format: 'percent' },
  'Sel!B5': { value: 45884, format: 'date' }, // 15/08/2025
  'Sel!B6': { value: '198703152010121001', format: 'text' },
  'Sel!B8': { value: LINK, format: 'text', links: [LINK] },
  'Sel!B10': { value: HYPERLINK_URL, format: 'text', links: [HYPERLINK_URL] },
  'Sel!B12': { value: 'Pengolahan Data', format: 'text' },
  'Sel!C12': undefined, // covered by the merge B12:C13
  'Sel!B13': undefined,
};

/** Formula results and booleans, where the program stored them. */
const COMPUTED: Record<string, Cell | undefined> = {
  'Sel!B7': { value: true, format: 'text' },
  'Sel!B9': { value: 2501, format: 'number' },
  'Sel!B11': { value: '#DIV/0!', format: 'text' },
};
/**
 * openpyxl and pandas write formulas without their results: such a cell holds no value until a spreadsheet
 * program saves it, and is read as its formula, never as blank (SPEC §2 v3: formula-error).
 */
const unsaved = (formula: string): Cell => ({ value: null, format: 'text', unsavedFormula: formula });
const NOT_COMPUTED: Record<string, Cell | undefined> = { 'Sel!B9': unsaved('B3*2'), 'Sel!B11': unsaved('1/0') };

const cases: { file: string; tabs: string[]; expected: Record<string, Cell | undefined> }[] = [
  {
    file: 'openpyxl.xlsx',
    tabs: ['Profil', 'Sel'],
    expected: { ...COMMON, ...NOT_COMPUTED, 'Sel!B7': { value: true, format: 'text' } },
  },
  { file: 'libreoffice.xlsx', tabs: ['Profil', 'Sel'], expected: { ...COMMON, ...COMPUTED } },
  // OpenDocument has no boolean cells: LibreOffice stores TRUE as 1 with a boolean style.
  {
    file: 'libreoffice.ods',
    tabs: ['Profil', 'Sel'],
    expected: { ...COMMON, ...COMPUTED, 'Sel!B7': { value: 1, format: 'number' } },
  },
  // LibreOffice wrote TRUE as the formula TRUE(), whose result the openpyxl re-save dropped.
  {
    file: 'pandas.xlsx',
    tabs: ['Profil', 'Sel', 'Catatan'],
    expected: {
      ...COMMON,
      ...NOT_COMPUTED,
      'Sel!B7': unsaved('TRUE()'),
      'Catatan!A2': { value: '3573', format: 'text' },
      'Catatan!B2': { value: 'diperiksa provinsi', format: 'text' },
    },
  },
  { file: 'excel-style.xlsx', tabs: ['Profil', 'Sel'], expected: { ...COMMON, ...COMPUTED } },
  { file: 'google-sheets-style.xlsx', tabs: ['Profil', 'Sel'], expected: { ...COMMON, ...COMPUTED } },
];

function cellAt(workbook: Workbook, ref: string): Cell | undefined {
  const [tab, address] = ref.split('!') as [string, string];
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(ref);
  const column = [...(match[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return workbook.sheets.find((sheet) => sheet.name === tab)?.rows[Number(match[2]) - 1]?.[column];
}

describe('workbooks saved by real programs read to the same cells', () => {
  for (const { file, tabs, expected } of cases) {
    it(file, async () => {
      const path = join(FIXTURES, file);
      const before = await readFile(path);
      const workbook = await readXlsxWorkbook(path);
      expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(tabs);
      const actual = Object.fromEntries(Object.keys(expected).map((ref) => [ref, cellAt(workbook, ref)]));
      expect(actual).toEqual(expected);
      expect(await readFile(path)).toEqual(before);
    });
  }

  it('reads monev’s own template after an openpyxl re-save (exceljs issue #2797)', async () => {
    const workbook = await readXlsxWorkbook(join(FIXTURES, 'openpyxl-resave-template.xlsx'));
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Profil',
      'Rencana Aksi',
      'IKU',
      'IKI',
      'Anjab',
      'ABK',
      'Tahapan',
    ]);
    expect(cellAt(workbook, 'Profil!B1')).toEqual({ value: '3573', format: 'text' });
    expect(cellAt(workbook, 'IKU!C1')).toEqual({ value: 'Indikator', format: 'text' });
  });

  it('refuses an old .xls with a message that says how to re-save it', async () => {
    const read = readXlsxWorkbook(join(FIXTURES, 'libreoffice.xls'));
    await expect(read).rejects.toMatchObject({
      name: 'UnreadableWorkbookError',
      reason: expect.stringMatching(/Excel lama \(\.xls\)/),
      fix: expect.stringMatching(/Simpan Sebagai.*\.xlsx/),
    });
  });
});
