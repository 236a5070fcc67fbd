import { formatId } from '../numbers.js';

/**
 * Rows a report table prints before the rest is counted. An office whose tabs hold thousands of rows
 * (issue 17: 4 999 broken rows a tab) otherwise gets a table of one line per row: a PDF of hundreds of
 * pages that missed the 30-second print limit, so the office got no report at all. The rows beyond the
 * limit are all in the office's own workbook and in Hasil Validasi.
 */
export const TABLE_ROW_LIMIT = 60;

/** The first `limit` rows, and how many more there are ("4.939", or null when none are left out). */
export function firstRows<T>(rows: readonly T[], limit = TABLE_ROW_LIMIT): { rows: T[]; more: string | null } {
  return { rows: rows.slice(0, limit), more: rows.length > limit ? formatId(rows.length - limit, 0) : null };
}
