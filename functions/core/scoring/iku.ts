import type { IkuRow } from '../../../sheets-schema/index.js';
import type { Finding } from '../findings.js';
import type { Period } from '../period.js';
import type { ParsedTable } from '../sheet-table.js';
import type { WeightedSum } from './exact-sum.js';
import { atMost100, fallbackWeight, indicatorSum, scoreIndicatorRow, type IndicatorResult } from './indicator.js';

export interface IkuScore {
  readonly score: number | null;
  readonly rows: readonly IndicatorResult[];
}

/** IKU (docs/SPEC.md §4): the weighted mean of the due rows' scored achievements, capped at 100. */
export function scoreIku(table: ParsedTable<IkuRow>, period: Period, cap: number, findings: Finding[]): IkuScore {
  if (table.status !== 'ok') return { score: 0, rows: [] };
  const fallback = fallbackWeight(table.rows);
  const rows = table.rows.map((row) => scoreIndicatorRow(table, row, period, cap, fallback, findings));
  return { score: ikuComponent(indicatorSum(rows)), rows };
}

/** The IKU component from the weighted sum of its due rows, for a tab that could be read. */
export function ikuComponent(sum: WeightedSum): number | null {
  return atMost100(sum.mean());
}
