import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { GAIN_FORMAT, layoutFeedback } from '../../../functions/adapters/xlsx/feedback-sheet.js';
import { LINE_POINTS, wrappedLines } from '../../../functions/adapters/xlsx/sheet-layout.js';
import type { Feedback } from '../../../functions/core/feedback.js';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';

const LONG =
  'NIP tersimpan sebagai angka, sehingga digit terakhirnya hilang. Baris ini dihitung 0 sampai diperbaiki. ' +
  'Format sel sebagai teks (atau awali dengan tanda petik) lalu ketik ulang NIP 18 digit.';

const sample: Feedback = {
  errors: 1,
  warnings: 1,
  lines: [
    {
      level: 'error',
      cell: 'IKI!A7',
      values: ['IKI', 'IKI!A7', 'Budi Santoso (Analis SDM) · IKU-01', 'Kesalahan', 'nip-not-text', LONG, 7.5],
    },
    {
      level: 'warning',
      cell: 'IKU!N2',
      values: ['IKU', 'IKU!N2', 'IKU-01', 'Peringatan', 'missing-realization', 'Pendek.', null],
    },
  ],
};

async function reloaded(feedback: Feedback): Promise<ExcelJS.Worksheet> {
  const workbook = layoutFeedback(new ExcelJS.Workbook(), '3573', feedback);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await workbook.xlsx.writeBuffer());
  return again.getWorksheet(FEEDBACK_TAB.name) as ExcelJS.Worksheet;
}

describe('layoutFeedback (OUT/validasi/<kode>.xlsx)', async () => {
  const sheet = await reloaded(sample);

  it('writes the header and the lines in the order given', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, ...FEEDBACK_TAB.headers]);
    expect(sheet.getCell('B2').value).toBe('IKI!A7');
    expect(sheet.getCell('D2').value).toBe('Kesalahan');
    expect(sheet.getCell('D3').value).toBe('Peringatan');
    expect(sheet.getCell('G2').value).toBe(7.5);
    expect(sheet.getCell('G2').numFmt).toBe(GAIN_FORMAT);
  });

  it('colours the level: errors bold red, warnings amber', () => {
    expect(sheet.getCell('D2').font).toMatchObject({ bold: true, color: { argb: 'FFB00020' } });
    expect(sheet.getCell('D3').font?.bold).toBeFalsy();
    expect(sheet.getCell('D3').fill).toMatchObject({ fgColor: { argb: 'FFFFF4D6' } });
  });

  it('gives each row the height of its wrapped message, so LibreOffice does not draw over the next row', () => {
    const lines = wrappedLines(LONG, FEEDBACK_TAB.widths[5]);
    expect(lines).toBeGreaterThan(1);
    expect(sheet.getRow(2).height).toBe(lines * LINE_POINTS + 3);
    expect(sheet.getRow(3).height).toBe(LINE_POINTS + 3);
    expect(sheet.getCell('F2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('sets the column widths, a frozen header and a filter over every line', () => {
    FEEDBACK_TAB.widths.forEach((width, i) => expect(sheet.getColumn(i + 1).width).toBe(width));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:G3');
  });

  it('prints on A4 landscape, one page wide, the header repeated, a footer with counts and pages', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.headerFooter.oddFooter).toBe('&LHasil Validasi 3573: 1 kesalahan, 1 peringatan&RHalaman &P dari &N');
  });
});

describe('wrappedLines', () => {
  const cases = [
    { name: 'empty text is one line', text: '', width: 10, expected: 1 },
    { name: 'fits on one line', text: 'satu dua', width: 10, expected: 1 },
    {
      name: 'words wrap at the width (11 characters for width 10)',
      text: 'satu dua tiga empat',
      width: 10,
      expected: 2,
    },
    { name: 'new lines count', text: 'a\nb\nc', width: 10, expected: 3 },
    { name: 'a long word is broken', text: 'x'.repeat(25), width: 10, expected: 3 },
  ];
  for (const c of cases) it(c.name, () => expect(wrappedLines(c.text, c.width)).toBe(c.expected));
});
