import type ExcelJS from 'exceljs';
import type { ColumnKind, ColumnSpec } from '../../../sheets-schema/index.js';

/**
 * Shared look of the generated workbooks: header rows, key/value tabs, dropdowns and the number
 * format of each column kind. Office and rekap templates use the same helpers so they look alike.
 */

/** Rows below the header that get dropdowns; enough for any office's tables, small enough to stay light. */
export const TEMPLATE_DATA_ROWS = 500;

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
// Required columns get a warmer fill so operators see at a glance what must be filled.
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The number format of each column kind. Number columns stay "General" because the same column holds
 * counts and percents; a fixed percent format would turn a typed 80 into 8000 %.
 */
export function numberFormatFor(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'text':
    case 'urls':
    case 'nip':
      // Text, so that Excel keeps an 18-digit NIP whole and does not turn codes into numbers.
      return '@';
    case 'integer':
      return '0';
    case 'date':
      return 'dd/mm/yyyy';
    case 'number':
    case 'positive':
    case 'choice':
      return undefined;
  }
}

export interface HeaderColumn extends Pick<ColumnSpec, 'header' | 'required' | 'kind' | 'help' | 'width'> {
  /** Dropdown values; omitted for free columns. */
  readonly list?: readonly string[];
}

/** Header row 1 with notes, widths, column formats, a frozen header and dropdowns below it. */
export function layoutTable(worksheet: ExcelJS.Worksheet, columns: readonly HeaderColumn[]): void {
  columns.forEach((column, i) => {
    const sheetColumn = worksheet.getColumn(i + 1);
    sheetColumn.width = column.width ?? Math.max(10, column.header.length + 2);
    const numFmt = numberFormatFor(column.kind);
    // A column style reaches the cells operators type into later, without creating 500 styled cells.
    if (numFmt) sheetColumn.numFmt = numFmt;
    const cell = worksheet.getCell(1, i + 1);
    cell.value = column.header;
    cell.font = HEADER_FONT;
    cell.fill = column.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.alignment = HEADER_ALIGNMENT;
    cell.border = HEADER_BORDER;
    cell.numFmt = 'General';
    cell.note = column.required ? `${column.help}\n\nKolom wajib.` : column.help;
    if (column.list) addListValidation(worksheet, i + 1, column.header, column.list);
  });
  worksheet.getRow(1).height = 32;
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

// exceljs accepts a range here at runtime and writes it as one rule, but its typings only declare
// per-cell validation, which would create 500 empty cells per column.
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

// Excel refuses list formulas longer than 255 characters (including the quotes).
const MAX_LIST_FORMULA = 255;

function addListValidation(
  worksheet: ExcelJS.Worksheet,
  columnNumber: number,
  header: string,
  list: readonly string[],
): void {
  const formula = `"${list.join(',')}"`;
  if (formula.length > MAX_LIST_FORMULA || list.some((item) => item.includes(',')))
    throw new Error(`Daftar pilihan kolom ${header} tidak muat sebagai dropdown Excel: ${formula}`);
  const letter = worksheet.getColumn(columnNumber).letter;
  (worksheet as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_DATA_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: false,
    showErrorMessage: true,
    // A warning, not a stop: the reader also accepts other spellings (a Bidang number, "maks").
    errorStyle: 'warning',
    errorTitle: header,
    error: `Pilih salah satu: ${list.join(', ')}.`,
  });
}

export interface KeyValueEntry {
  readonly label: string;
  readonly help: string;
  readonly value?: string | number | Date | null;
  /** Number format of the value cell, e.g. "@" for a code that must stay text. */
  readonly numFmt?: string;
}

/** Key in column A (bold, with the help as a note), value in column B, from row 1 down. */
export function layoutKeyValues(worksheet: ExcelJS.Worksheet, entries: readonly KeyValueEntry[]): void {
  worksheet.getColumn(1).width = 22;
  worksheet.getColumn(2).width = 44;
  entries.forEach((entry, i) => {
    const key = worksheet.getCell(i + 1, 1);
    key.value = entry.label;
    key.font = HEADER_FONT;
    key.fill = OPTIONAL_FILL;
    key.border = HEADER_BORDER;
    key.note = entry.help;
    const value = worksheet.getCell(i + 1, 2);
    if (entry.numFmt) value.numFmt = entry.numFmt;
    if (entry.value !== undefined && entry.value !== null) value.value = entry.value;
  });
}
