/**
 * The cell model every adapter (xlsx, Google Sheets) produces (docs/SPEC.md §2). The core reads workbooks
 * only through these types, so a Google sheet and an .xlsx file with the same content score alike.
 */
export type FormatKind = 'number' | 'percent' | 'date' | 'text';

/** Formula cells carry their computed result; a formula error arrives as its text, e.g. "#REF!". */
export type CellValue = string | number | boolean | null;

export interface Cell {
  readonly value: CellValue;
  readonly format: FormatKind;
  /**
   * Links the adapter found beside the cell's text (docs/SPEC.md §3 Bukti Dukung), in this order:
   * the whole-cell hyperlink, the links of rich-text runs, smart chips' URIs, the URL of a
   * `HYPERLINK(…)` formula. URLs written in the text itself are found by the core, not listed here.
   * Absent when the cell carries none.
   */
  readonly links?: readonly string[];
  /**
   * The formula of a cell whose file holds no saved result for it (value null): a file last saved by a
   * program that does not calculate, such as openpyxl or pandas. Such a cell is not blank but
   * `formula-error` (docs/SPEC.md §2 v3). Absent on every other cell.
   */
  readonly unsavedFormula?: string;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c] is the cell at row r + 1, column c + 1; missing entries are empty cells. */
  readonly rows: readonly (readonly (Cell | undefined)[] | undefined)[];
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
}

export function columnLetter(columnIndex: number): string {
  let n = columnIndex + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row index of "IKI!A7" or "'Rencana Aksi'!B12"; null for anything else. */
export function rowIndexOf(cell: string): number | null {
  const match = /!\$?[A-Z]+\$?(\d+)$/.exec(cell);
  return match ? Number(match[1]) - 1 : null;
}

/** "IKU!H7" for row index 6, column index 7. Tab names with spaces are quoted as Sheets does. */
export function cellRef(tab: string, rowIndex: number, columnIndex: number): string {
  return `${tabRef(tab)}!${columnLetter(columnIndex)}${rowIndex + 1}`;
}

export function tabRef(tab: string): string {
  return /^[A-Za-z0-9_]+$/.test(tab) ? tab : `'${tab.replace(/'/g, "''")}'`;
}

/** Tab names are matched like headers: case- and space-insensitively. */
export function sameLabel(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

export function labelKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  return (
    workbook.sheets.find((sheet) => sheet.name === name) ?? workbook.sheets.find((sheet) => sameLabel(sheet.name, name))
  );
}
