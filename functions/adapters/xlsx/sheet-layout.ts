import type ExcelJS from 'exceljs';
import { GUIDE_TAB, type ColumnKind, type ColumnSpec } from '../../../sheets-schema/index.js';

/**
 * Shared look of the generated workbooks: header rows, key/value tabs, dropdowns and the number
 * format of each column kind. Office and rekap templates use the same helpers so they look alike.
 */

/** Rows below the header that get dropdowns; enough for any office's tables, small enough to stay light. */
export const TEMPLATE_DATA_ROWS = 500;

// A font without a name is drawn in LibreOffice's default serif face; name the one Excel uses.
const HEADER_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, bold: true };
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

export interface HeaderColumn extends Pick<ColumnSpec, 'header' | 'required' | 'kind' | 'help' | 'width' | 'wrap'> {
  /** Dropdown values; omitted for free columns. */
  readonly list?: readonly string[];
  /** A dropdown of another tab's column (an A1 range such as `'Anjab'!$A$2:$A$501`) and its tab's name. */
  readonly listRange?: { readonly range: string; readonly tab: string };
}

/**
 * The note of a header or a Profil key: its help, and for a required one that it is required, which the
 * orange fill also says (Petunjuk's legend: orange is required, blue may be left blank).
 */
export function headerNote(help: string, required: boolean, what: 'column' | 'key' = 'column'): string {
  if (!required) return help;
  return `${help}\n\n${what === 'column' ? 'Kolom wajib.' : 'Wajib diisi.'}`;
}

/**
 * The style of a column's data cells: long text wraps within the column; every cell sits at the top,
 * so a number stays level with the first line of the text beside it.
 */
export function bodyAlignment(column: Pick<ColumnSpec, 'wrap'>): Partial<ExcelJS.Alignment> {
  return column.wrap ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
}

/** Header row 1 with notes, widths, column formats, a frozen header and dropdowns below it. */
export function layoutTable(worksheet: ExcelJS.Worksheet, columns: readonly HeaderColumn[]): void {
  columns.forEach((column, i) => {
    const sheetColumn = worksheet.getColumn(i + 1);
    sheetColumn.width = column.width ?? Math.max(10, column.header.length + 2);
    const numFmt = numberFormatFor(column.kind);
    // A column style reaches the cells operators type into later, without creating 500 styled cells.
    if (numFmt) sheetColumn.numFmt = numFmt;
    sheetColumn.alignment = bodyAlignment(column);
    const cell = worksheet.getCell(1, i + 1);
    cell.value = column.header;
    cell.font = HEADER_FONT;
    cell.fill = column.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.alignment = HEADER_ALIGNMENT;
    cell.border = HEADER_BORDER;
    cell.numFmt = 'General';
    cell.note = headerNote(column.help, column.required);
    if (column.list) addListValidation(worksheet, i + 1, column.header, column.list);
    if (column.listRange) addRangeValidation(worksheet, i + 1, column.header, column.listRange);
  });
  worksheet.getRow(1).height = 32;
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

// exceljs accepts a range here at runtime and writes it as one rule, but its typings only declare
// per-cell validation, which would create 500 empty cells per column.
export interface WithValidations {
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

/** A dropdown of the values of another tab's column; a warning, not a stop, as for fixed lists. */
function addRangeValidation(
  worksheet: ExcelJS.Worksheet,
  columnNumber: number,
  header: string,
  from: NonNullable<HeaderColumn['listRange']>,
): void {
  const letter = worksheet.getColumn(columnNumber).letter;
  (worksheet as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_DATA_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [from.range],
    showInputMessage: false,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: header,
    error: `Pilih dari daftar di tab ${from.tab}.`,
  });
}

export interface KeyValueEntry {
  readonly label: string;
  readonly help: string;
  /** A value the reader needs (Profil's three keys): the key gets the required columns' fill and note. */
  readonly required?: boolean;
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
    key.fill = entry.required ? REQUIRED_FILL : OPTIONAL_FILL;
    key.border = HEADER_BORDER;
    key.note = headerNote(entry.help, entry.required === true, 'key');
    const value = worksheet.getCell(i + 1, 2);
    // Beside its key, not at the far edge of the wide value column where a number would go.
    value.alignment = { horizontal: 'left' };
    if (entry.numFmt) value.numFmt = entry.numFmt;
    if (entry.value !== undefined && entry.value !== null) value.value = entry.value;
  });
}

/** Points per line of 11-point text in a wrapped cell, as Excel and LibreOffice lay it out. */
export const LINE_POINTS = 15;

/**
 * Lines a wrapped cell takes at a column width (in Excel's character units). LibreOffice does not
 * compute row heights for wrapped text in an xlsx file (rows stay one line high and the text spills
 * over the next row), so the writers set them. Words are laid out one by one at 1.1 characters per
 * width unit, about what an 11-point Calibri (Carlito in LibreOffice) line holds for Indonesian prose;
 * a word longer than a line (a URL) is broken across lines, as spreadsheet programs do.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let count = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      if (used === 0) used = word.length;
      else if (used + 1 + word.length <= perLine) used += 1 + word.length;
      else {
        count++;
        used = word.length;
      }
      while (used > perLine) {
        count++;
        used -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}

/** The height in points of a row whose `wrap` columns hold prose: the tallest of its cells. */
export function wrappedRowHeight(
  values: readonly (string | number | null)[],
  widths: readonly number[],
  wrap: readonly boolean[],
): number {
  const lines = Math.max(
    1,
    ...values.map((value, i) => (wrap[i] && typeof value === 'string' ? wrappedLines(value, widths[i] ?? 10) : 1)),
  );
  return lines * LINE_POINTS + 3;
}

/**
 * A4, as wide as the page and as many pages long as it takes, the header row repeated on every page,
 * and a footer with the title and "Halaman 2 dari 5". Excel and LibreOffice both honour these;
 * Sheets has no print setup in its API (it repeats frozen rows when printing).
 */
export function printSetup(
  worksheet: ExcelJS.Worksheet,
  options: { readonly title: string; readonly orientation?: 'landscape' | 'portrait'; readonly titleRows?: number },
): void {
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9, // A4
    orientation: options.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows === 0 ? {} : { printTitlesRow: `1:${options.titleRows ?? 1}` }),
  };
  // "&" starts a code in header and footer text; a literal one is written "&&".
  const title = options.title.replace(/&/g, '&&');
  worksheet.headerFooter = {
    ...worksheet.headerFooter,
    oddFooter: `&L${title}&RHalaman &P dari &N`,
  };
}

/** The Petunjuk tab: one wide wrapped column, each line as tall as its text, printable on A4. */
export function layoutGuide(worksheet: ExcelJS.Worksheet): void {
  worksheet.getColumn(1).width = GUIDE_TAB.width;
  GUIDE_TAB.lines.forEach((line, i) => {
    const row = worksheet.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    const size = line.style === 'title' ? 14 : 11;
    cell.font = { name: 'Calibri', size, bold: line.style !== undefined };
    const lines = wrappedLines(line.text, line.style ? GUIDE_TAB.width * 0.85 : GUIDE_TAB.width);
    // Headings get room above them; a 14-point title needs taller lines.
    row.height = lines * (size === 14 ? 19 : LINE_POINTS) + (line.style === 'heading' ? 9 : 4);
    if (line.style === 'heading') cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  printSetup(worksheet, { title: 'Petunjuk pengisian — monev', orientation: 'portrait', titleRows: 0 });
}
