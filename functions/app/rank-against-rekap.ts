import { SUMMARY_HISTORY_ROW } from '../../sheets-schema/index.js';
import type { OfficeResult } from '../core/scoring/office.js';
import { rankOffices } from '../core/scoring/province.js';
import type { SheetRecord } from '../core/summary-rows.js';

/**
 * Ranks some offices against the rest of the province as the Rekap last recorded it for `period`,
 * for runs that score only part of the province (one office after an edit, or --offices). Returns
 * the ranks of everyone and the other offices' Rekap rows whose Peringkat therefore changes. Rows are
 * read through the Rekap schema; a row it refuses (no Kode) takes no part. The rows given back are the
 * records as read, with only Peringkat changed, so the upsert leaves the rest of the row as it was.
 */
export function rankAgainstRekap(
  summary: readonly SheetRecord[],
  period: string,
  results: readonly OfficeResult[],
): { ranks: Map<string, number>; reranked: SheetRecord[] } {
  const own = new Set(results.map((office) => office.code));
  const others = summary.flatMap((record) => {
    const parsed = SUMMARY_HISTORY_ROW.safeParse(record);
    return parsed.success && parsed.data.Periode === period && !own.has(parsed.data.Kode)
      ? [{ record, row: parsed.data }]
      : [];
  });
  const ranks = rankOffices([
    ...others.map(({ row }) => ({ code: row.Kode, index: row.Indeks ?? null })),
    ...results.map((office) => ({ code: office.code, index: office.scores.index })),
  ]);
  const reranked = others
    .filter(({ row }) => (ranks.get(row.Kode) ?? null) !== (row.Peringkat ?? null))
    .map(({ record, row }) => ({ ...record, Peringkat: ranks.get(row.Kode) ?? null }));
  return { ranks, reranked };
}
