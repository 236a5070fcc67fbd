import type { OfficeResult } from '../core/scoring/office.js';
import { rankOffices } from '../core/scoring/province.js';
import type { SheetRecord } from '../core/summary-rows.js';

/**
 * Ranks some offices against the rest of the province as the Rekap last recorded it for the period,
 * for runs that score only part of the province (one office after an edit, or --offices). Returns
 * the ranks of everyone and the other offices' Rekap rows whose Peringkat therefore changes.
 */
export function rankAgainstRekap(
  periodRows: readonly SheetRecord[],
  results: readonly OfficeResult[],
): { ranks: Map<string, number>; reranked: SheetRecord[] } {
  const own = new Set(results.map((office) => office.code));
  const others = periodRows.filter((row) => !own.has(String(row.Kode)));
  const ranks = rankOffices([
    ...others.map((row) => ({ code: String(row.Kode), index: typeof row.Indeks === 'number' ? row.Indeks : null })),
    ...results.map((office) => ({ code: office.code, index: office.scores.index })),
  ]);
  const reranked = others
    .filter((row) => (ranks.get(String(row.Kode)) ?? null) !== (row.Peringkat ?? null))
    .map((row) => ({ ...row, Peringkat: ranks.get(String(row.Kode)) ?? null }));
  return { ranks, reranked };
}
