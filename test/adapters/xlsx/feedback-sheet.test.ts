import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { feedbackWorkbook, GAIN_FORMAT } from '../../../functions/adapters/xlsx/feedback-sheet.js';
import { parseWorkbookArchive } from '../../../functions/adapters/xlsx/read-workbook.js';
import { LINE_POINTS, wrappedLines } from '../../../functions/adapters/xlsx/sheet-layout.js';
import { listZipEntries } from '../../../functions/adapters/xlsx/zip-archive.js';
import type { Feedback } from '../../../functions/core/feedback.js';
import { DEFAULT_WORKBOOK_LIMITS } from '../../../functions/core/workbook-limits.js';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';

const LONG =
  'NIP tersimpan sebagai angka, sehingga digit terakhirnya hilang. Baris ini dihitung 0 sampai diperbaiki. ' +
  'Format sel sebagai teks (atau awali dengan tanda petik) lalu ketik ulang NIP 18 digit.';

const sample: Feedback = {
  errors: 1,
  warnings: 1,
  title: [
    { text: 'Hasil Validasi · Bawaslu Kota Malang & Batu (3573)', style: 'title' },
    { text: 'Periode Triwulan III 2025 (2025-TW3)', style: 'plain' },
    { text: 'Diperiksa 6 Desember 2026 09.41 WIB; perubahan sesudah waktu itu belum termasuk.', style: 'muted' },
  ],
  headerRow: 5,
  lines: [
    {
      level: 'error',
      cell: 'IKI!A7',
      values: [
        'IKI',
        'IKI!A7',
        'Budi <Santoso> (Analis SDM) · IKU-01',
        'Kesalahan',
        'NIP bukan teks',
        'nip-not-text',
        LONG,
        7.5,
      ],
    },
    {
      level: 'warning',
      cell: 'IKU!N2',
      values: ['IKU', 'IKU!N2', 'IKU-01', 'Peringatan', 'Realisasi belum diisi', 'missing-realization', "'=1+1", null],
    },
  ],
};

async function reloaded(feedback: Feedback): Promise<ExcelJS.Worksheet> {
  const again = new ExcelJS.Workbook();
  const bytes = await feedbackWorkbook('3573', feedback);
  await again.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return again.getWorksheet(FEEDBACK_TAB.name) as ExcelJS.Worksheet;
}

describe('feedbackWorkbook (OUT/validasi/<kode>.xlsx)', async () => {
  const sheet = await reloaded(sample);

  it('writes the title block, a blank row, the header at headerRow and the lines in the order given', () => {
    expect(sheet.getCell('A1').value).toBe('Hasil Validasi · Bawaslu Kota Malang & Batu (3573)');
    expect(sheet.getCell('A3').value).toMatch(/^Diperiksa 6 Desember 2026 09\.41 WIB/);
    expect(sheet.getRow(4).hasValues).toBe(false);
    expect(sheet.getRow(5).values).toEqual([undefined, ...FEEDBACK_TAB.headers]);
    expect(sheet.getCell('B6').value).toBe('IKI!A7');
    expect(sheet.getCell('C6').value).toBe('Budi <Santoso> (Analis SDM) · IKU-01');
    expect(sheet.getCell('D6').value).toBe('Kesalahan');
    expect(sheet.getCell('E6').value).toBe('NIP bukan teks');
    expect(sheet.getCell('F6').value).toBe('nip-not-text');
    expect(sheet.getCell('D7').value).toBe('Peringatan');
    expect(sheet.getCell('H6').value).toBe(7.5);
    expect(sheet.getCell('H6').numFmt).toBe(GAIN_FORMAT);
  });

  it('writes text as text: a neutralised formula stays a string, never a formula', () => {
    expect(sheet.getCell('G7').value).toBe("'=1+1");
    expect(sheet.getCell('G7').formula).toBeUndefined();
  });

  it('styles the title: large and bold, the check time grey', () => {
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('A3').font).toMatchObject({ italic: true, color: { argb: 'FF595959' } });
  });

  it('colours the level: errors bold red, warnings amber', () => {
    expect(sheet.getCell('D6').font).toMatchObject({ bold: true, color: { argb: 'FFB00020' } });
    expect(sheet.getCell('D7').font?.bold).toBeFalsy();
    expect(sheet.getCell('D7').fill).toMatchObject({ fgColor: { argb: 'FFFFF4D6' } });
  });

  it('gives each row the height of its wrapped message, so LibreOffice does not draw over the next row', () => {
    const lines = wrappedLines(LONG, FEEDBACK_TAB.widths[FEEDBACK_TAB.headers.indexOf('Pesan')] ?? 0);
    expect(lines).toBeGreaterThan(1);
    expect(sheet.getRow(6).height).toBe(lines * LINE_POINTS + 3);
    expect(sheet.getRow(7).height).toBe(LINE_POINTS + 3);
    expect(sheet.getCell('G6').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('sets the column widths, hides the machine code, freezes the title and header, filters every line', () => {
    FEEDBACK_TAB.widths.forEach((width, i) => expect(sheet.getColumn(i + 1).width).toBe(width));
    expect(sheet.getColumn(FEEDBACK_TAB.headers.indexOf('Kode') + 1).hidden).toBe(true);
    expect(sheet.getColumn(FEEDBACK_TAB.headers.indexOf('Masalah') + 1).hidden).toBe(false);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.autoFilter).toBe('A5:H7');
  });

  it('prints on A4 landscape, one page wide, the header repeated, a footer with counts and pages', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:5',
    });
    expect(sheet.headerFooter.oddFooter).toBe('&LHasil Validasi 3573: 1 kesalahan, 1 peringatan&RHalaman &P dari &N');
  });

  it('is a zip monev’s own bounded reader takes, with the same cells', async () => {
    const bytes = await feedbackWorkbook('3573', sample);
    expect(listZipEntries(bytes).map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    const book = parseWorkbookArchive(Buffer.from(bytes), DEFAULT_WORKBOOK_LIMITS);
    const rows = book.Sheets[FEEDBACK_TAB.name]?.['!data'] ?? [];
    expect(rows[0]?.[0]?.v).toBe('Hasil Validasi · Bawaslu Kota Malang & Batu (3573)');
    expect(rows[5]?.[5]?.v).toBe('nip-not-text');
    expect(rows[5]?.[7]?.v).toBe(7.5);
  });

  it('is the same bytes for the same content (no timestamp inside)', async () => {
    const [one, two] = await Promise.all([feedbackWorkbook('3573', sample), feedbackWorkbook('3573', sample)]);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });

  it('holds every line of a long list, deflated in pieces (a thousand lines, several pieces)', async () => {
    const [first] = sample.lines;
    const lines = Array.from({ length: 1_234 }, (_, i) => ({
      ...first!,
      values: first!.values.map((value, c) => (c === 1 ? `IKI!A${i + 2}` : value)),
    }));
    const bytes = await feedbackWorkbook('3573', { ...sample, errors: lines.length, warnings: 0, lines });
    const rows = parseWorkbookArchive(Buffer.from(bytes), DEFAULT_WORKBOOK_LIMITS).Sheets[FEEDBACK_TAB.name]?.['!data'];
    const cells = (rows ?? []).slice(sample.headerRow).map((row) => row?.[1]?.v);
    expect(cells).toEqual(lines.map((_, i) => `IKI!A${i + 2}`));
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
