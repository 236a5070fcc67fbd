/**
 * Kualitas Data (docs/SPEC.md §4): the share of data rows without an error over the six data tabs. A tab
 * that lacks a required column has all its rows in error already.
 */
export function scoreDataQuality(
  tables: readonly { readonly rows: readonly { readonly hasError: boolean }[] }[],
): number {
  const rows = tables.flatMap((table) => table.rows);
  return dataQuality(rows.filter((row) => !row.hasError).length, rows.length);
}

/** The component from the counts of valid rows and of all data rows; 0 without data rows. */
export function dataQuality(valid: number, total: number): number {
  return total === 0 ? 0 : (100 * valid) / total;
}
