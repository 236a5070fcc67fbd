import type { Workbook } from './workbook.js';

/**
 * How big a workbook monev reads (docs/SPEC.md §8 limits). A scoring function has little memory (1 GiB for
 * `scoreOffice`), and an office workbook of the template's shape is a few hundred rows: a file beyond these
 * limits is a mistake (a runaway paste, an embedded video) or an attack (a zip bomb), never real data.
 */
export interface WorkbookLimits {
  /** What the archive (.xlsx, .ods) may unpack to, in bytes. */
  readonly maxUnpackedBytes: number;
  /** Rows in use per tab: the last row holding a value. */
  readonly maxRows: number;
  /** Columns in use per tab: the last column holding a value. */
  readonly maxColumns: number;
}

/** SPEC §8: 50 MB unpacked (counted as MiB, as file managers show sizes), 5 000 rows and 200 columns per tab. */
export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRows: 5000,
  maxColumns: 200,
};

/** Which limit a workbook passed, and by how much where that is known. */
export type LimitExcess =
  | { readonly measure: 'unpacked'; readonly bytes: number; readonly limit: number }
  | { readonly measure: 'rows' | 'columns'; readonly tab: string; readonly limit: number };

/**
 * Thrown by a workbook source instead of reading on past a limit; the office is then unscored with
 * `workbook-too-large` and the run goes on.
 */
export class WorkbookTooLargeError extends Error {
  override readonly name = 'WorkbookTooLargeError';
  constructor(readonly excess: LimitExcess) {
    super(`workbook exceeds its ${excess.measure} limit`);
  }
}

/** The first tab (in workbook order) whose rows or columns in use pass the limits; null when all fit. */
export function exceededLimit(workbook: Workbook, limits: WorkbookLimits): LimitExcess | null {
  for (const sheet of workbook.sheets) {
    let lastRow = -1;
    let lastColumn = -1;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (cell === undefined) return;
        lastRow = Math.max(lastRow, r);
        lastColumn = Math.max(lastColumn, c);
      });
    });
    if (lastRow + 1 > limits.maxRows) return { measure: 'rows', tab: sheet.name, limit: limits.maxRows };
    if (lastColumn + 1 > limits.maxColumns) return { measure: 'columns', tab: sheet.name, limit: limits.maxColumns };
  }
  return null;
}
