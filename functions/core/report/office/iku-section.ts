import type { OfficeResult } from '../../scoring/office.js';
import { categoryClass, DATA_PROBLEM_MARK, quantity, score } from '../format.js';
import { firstRows } from '../long-list.js';
import { neededText, projectionBasis } from '../outlook-text.js';
import type { ReportContext } from '../report-context.js';

/**
 * *Indikator Kinerja Unit (IKU)*: each IKU row with its achievement and category, then the early warning:
 * the rows that miss the year's target (SPEC v3 §8: Kumulatif at the pace so far, Akhir Periode and
 * Rata-rata relative to plan) and what the rest of the year must bring. Null for an unscored office.
 */
export function ikuSection(office: OfficeResult, context: ReportContext) {
  if (office.status !== 'scored') return null;
  // Detail tables print their first rows and count the rest (core/report/long-list.ts).
  const iku = firstRows(office.details.iku);
  const atRisk = firstRows(office.outlook.filter((row) => row.atRisk));
  return {
    more: iku.more,
    rows: iku.rows.map((row) => ({
      code: row.code ?? '–',
      indicator: row.indicator ?? '–',
      target: quantity(row.target),
      realization: quantity(row.realization),
      achievement: row.hasError ? 'data salah' : row.due ? score(row.achievement) : 'belum jatuh tempo',
      // The same chip as an IKI person whose rows are all in error: a data problem, not a category.
      category: row.category ?? (row.hasError ? DATA_PROBLEM_MARK : '–'),
      categoryClass: categoryClass(row.category, row.hasError),
    })),
    // The year-end projection means nothing in TW IV, when the year's realizations are in.
    outlook:
      context.period.quarter < 4
        ? {
            rows: office.outlook.length,
            atRiskCount: office.outlook.filter((row) => row.atRisk).length,
            moreAtRisk: atRisk.more,
            atRisk: atRisk.rows.map((row) => ({
              code: row.code,
              indicator: row.indicator ?? '–',
              projected: score(row.projected),
              basis: projectionBasis(row),
              yearTarget: `${quantity(row.yearTarget)}${row.unit ? ` ${row.unit}` : ''}`,
              needed: neededText(row, context.period.quarter),
            })),
          }
        : null,
  };
}
