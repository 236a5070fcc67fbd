import type ExcelJS from 'exceljs';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import type { Feedback } from '../../core/feedback.js';
import { printSetup, wrappedRowHeight } from './sheet-layout.js';

/**
 * The Hasil Validasi tab of OUT/validasi/<kode>.xlsx: a header the operator can filter, errors first
 * in red, warnings in amber, each row as tall as its message (LibreOffice would otherwise draw the
 * wrapped lines over the next row), and a print setup that fits the columns on an A4 page.
 */
// A font without a name is drawn in LibreOffice's default serif face; name the one Excel uses.
const FONT = { name: 'Calibri', size: 11 } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7A1F1F' } };
const LEVEL_STYLE: Record<'error' | 'warning', { font: Partial<ExcelJS.Font>; fill: ExcelJS.Fill }> = {
  error: {
    font: { ...FONT, bold: true, color: { argb: 'FFB00020' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E4' } },
  },
  warning: {
    font: { ...FONT, color: { argb: 'FF8A5300' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } },
  },
};
/**
 * A gain reads as what it is, points added to the index: "+7.50". A gain of 0 (most warnings) shows
 * blank, as in the PDF: a column of "0.00" beside warnings read as a score of nothing.
 */
export const GAIN_FORMAT = '"+"0.00;-0.00;""';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFD9D9D9' } };

export function layoutFeedback(workbook: ExcelJS.Workbook, code: string, feedback: Feedback): ExcelJS.Workbook {
  const sheet = workbook.addWorksheet(FEEDBACK_TAB.name, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  const widths = FEEDBACK_TAB.widths;
  const levelColumn = FEEDBACK_TAB.headers.indexOf('Tingkat') + 1;
  const gainColumn = FEEDBACK_TAB.headers.indexOf('Tambahan Nilai') + 1;
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const last = FEEDBACK_TAB.headers.length;
  const header = sheet.addRow([...FEEDBACK_TAB.headers]);
  // The table's own cells, not the whole row: a row style fills every column to the sheet's edge, and
  // LibreOffice printed the header bar past the table.
  for (let column = 1; column <= last; column++) {
    const cell = header.getCell(column);
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
  }
  header.height = 20;

  for (const line of feedback.lines) {
    const row = sheet.addRow([...line.values]);
    row.height = wrappedRowHeight(line.values, widths, FEEDBACK_TAB.wrap);
    // Every column of the table, a blank last one (a warning without gain) included, so the rule runs across.
    for (let column = 1; column <= last; column++) {
      const cell = row.getCell(column);
      cell.alignment = { vertical: 'top', wrapText: FEEDBACK_TAB.wrap[column - 1] ?? false };
      cell.border = { bottom: THIN };
    }
    if (gainColumn > 0) row.getCell(gainColumn).numFmt = GAIN_FORMAT;
    if (line.level) {
      const cell = row.getCell(levelColumn);
      cell.font = LEVEL_STYLE[line.level].font;
      cell.fill = LEVEL_STYLE[line.level].fill;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: last } };
  printSetup(sheet, {
    title: `Hasil Validasi ${code}: ${feedback.errors} kesalahan, ${feedback.warnings} peringatan`,
  });
  return workbook;
}
