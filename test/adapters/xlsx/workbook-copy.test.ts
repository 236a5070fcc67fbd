import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newWorkbook } from '../../../functions/adapters/xlsx/exceljs.js';
import { parseWorkbookArchive, readXlsxBuffer } from '../../../functions/adapters/xlsx/read-workbook.js';
import type { SheetJsCell, SheetJsSheet } from '../../../functions/adapters/xlsx/sheetjs.js';
import { copyTab } from '../../../functions/adapters/xlsx/workbook-copy.js';
import { DEFAULT_WORKBOOK_LIMITS } from '../../../functions/core/workbook-limits.js';

/**
 * copyTab: a tab the tolerant reader got out of any file, written again by exceljs (issue 17 item 3). One
 * workbook made by hand goes through read → copy → write → read, and arbitrary tabs (names Excel would refuse,
 * overlapping merges, odd widths, every cell type) always give a workbook exceljs writes.
 */
async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('copyTab', () => {
  it('keeps values, formulas with their results, number formats, links, merges and widths', async () => {
    const source = newWorkbook(new Date('2025-10-01T00:00:00Z'));
    const tab = source.addWorksheet('Catatan Provinsi');
    tab.getColumn(1).width = 41;
    tab.getCell('A1').value = 'Rapat evaluasi';
    tab.getCell('B1').value = 45_936;
    tab.getCell('B1').numFmt = 'dd/mm/yyyy';
    tab.getCell('C1').value = { formula: 'B1+1', result: 45_937 };
    tab.getCell('D1').value = { text: 'Notula', hyperlink: 'https://drive.google.com/file/d/notula' };
    tab.getCell('E1').value = { error: '#DIV/0!' };
    tab.getCell('F1').value = true;
    tab.getCell('A3').value = 'gabungan';
    tab.mergeCells('A3:B4');
    const parsed = parseWorkbookArchive(await bytesOf(source), DEFAULT_WORKBOOK_LIMITS, { columnWidths: true });

    const copy = newWorkbook();
    copyTab(copy, 'Catatan Provinsi', parsed.Sheets['Catatan Provinsi']);
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(await copy.xlsx.writeBuffer());
    const sheet = written.getWorksheet('Catatan Provinsi') as ExcelJS.Worksheet;
    expect(sheet.getColumn(1).width).toBe(41);
    expect(sheet.getCell('A1').value).toBe('Rapat evaluasi');
    // exceljs reads a date-formatted serial back as a Date: 45 936 is 6 October 2025.
    expect([sheet.getCell('B1').value, sheet.getCell('B1').numFmt]).toEqual([
      new Date('2025-10-06T00:00:00Z'),
      'dd/mm/yyyy',
    ]);
    expect(sheet.getCell('C1').value).toEqual({ formula: 'B1+1', result: 45_937 });
    expect(sheet.getCell('D1').value).toEqual({ text: 'Notula', hyperlink: 'https://drive.google.com/file/d/notula' });
    expect(sheet.getCell('E1').value).toEqual({ error: '#DIV/0!' });
    expect(sheet.getCell('F1').value).toBe(true);
    expect(sheet.getCell('B4').isMerged).toBe(true);
  });

  const cell: fc.Arbitrary<SheetJsCell | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.record({ t: fc.constant('s' as const), v: fc.string({ maxLength: 40 }) }),
    fc.record({
      t: fc.constant('n' as const),
      v: fc.double(),
      z: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    }),
    fc.record({ t: fc.constant('b' as const), v: fc.boolean() }),
    fc.record({
      t: fc.constant('e' as const),
      v: fc.integer({ min: 0, max: 50 }),
      w: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    }),
    fc.record({ t: fc.constant('z' as const) }),
    fc.record({
      t: fc.constant('s' as const),
      v: fc.string({ maxLength: 20 }),
      f: fc.string({ maxLength: 20 }),
      l: fc.record({ Target: fc.string({ maxLength: 30 }) }),
    }),
  );
  const range = fc
    .tuple(fc.nat(6), fc.nat(6), fc.nat(3), fc.nat(3))
    .map(([r, c, h, w]) => ({ s: { r, c }, e: { r: r + h, c: c + w } }));
  const tab: fc.Arbitrary<SheetJsSheet> = fc.record({
    '!data': fc.array(fc.option(fc.array(cell, { maxLength: 6 }), { nil: undefined }), { maxLength: 6 }),
    '!merges': fc.array(range, { maxLength: 4 }),
    '!cols': fc.array(fc.option(fc.record({ width: fc.double(), hidden: fc.boolean() }), { nil: undefined }), {
      maxLength: 4,
    }),
    '!rows': fc.array(fc.option(fc.record({ hpt: fc.double(), hidden: fc.boolean() }), { nil: undefined }), {
      maxLength: 4,
    }),
  });
  // Names Excel refuses too: too long, with []:*?/\, reserved, equal but for their case.
  const name = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('History', 'Rekap', 'rekap', 'a/b', '[x]', "'quoted'", ''),
  );

  it('always gives a workbook exceljs writes and the tolerant reader reads back, one tab per tab', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, tab), { minLength: 1, maxLength: 4 }), async (tabs) => {
        const copy = newWorkbook();
        for (const [tabName, sheet] of tabs) copyTab(copy, tabName, sheet);
        const back = await readXlsxBuffer(await bytesOf(copy));
        expect(back.sheets).toHaveLength(tabs.length);
      }),
      { numRuns: 60 },
    );
  });
});
