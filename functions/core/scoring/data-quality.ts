/**
 * Kualitas Data (docs/SPEC.md §4): the share of data rows without an error over the six data tabs. A tab
 * that lacks a required column has all its rows in error already.
 */
export function scoreDataQuality(
  tables: readonly { readonly rows: readonly { readonly hasError: boolean }[] }[],
): number {
  const rows = tables.flatMap((table) => table.rows);
  if (rows.length === 0) return 0;
  const valid = rows.filter((row) => !row.hasError).length;
  return (100 * valid) / rows.length;
}
