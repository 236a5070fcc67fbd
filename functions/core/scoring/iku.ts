import { quarterHeader, type IkiRow, type IkuRow } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import type { Period } from '../period.js';
import type { ParsedRow, ParsedTable } from '../sheet-table.js';
import {
  achievement,
  aggregate,
  category,
  isDue,
  scoredAchievement,
  weightedMean,
  type Category,
} from './indicator.js';

/** One IKU or IKI row as scored for the period. */
export interface IndicatorResult {
  readonly row: number;
  readonly due: boolean;
  readonly hasError: boolean;
  readonly target: number | null;
  readonly realization: number | null;
  /** Achievement C before the cap; null when not due. */
  readonly achievement: number | null;
  /** What the row contributes: min(C, cap), or 0 for a row in error. */
  readonly scored: number | null;
  readonly category: Category | null;
  readonly weight: number;
}

type IndicatorRow = IkuRow | IkiRow;

const TARGETS = ['target1', 'target2', 'target3', 'target4'] as const;
const REALIZATIONS = ['realization1', 'realization2', 'realization3', 'realization4'] as const;

/**
 * Scores one indicator row. A row in error is due and scores 0 (docs/SPEC.md §4 "errors cost what they
 * hide"), with `fallbackWeight` when its own Bobot cannot be read.
 */
export function scoreIndicatorRow<R extends IndicatorRow>(
  table: ParsedTable<R>,
  row: ParsedRow<R>,
  period: Period,
  cap: number,
  fallbackWeight: number,
  findings: Finding[],
): IndicatorResult {
  const values = row.values;
  const weight = values.weight ?? fallbackWeight;
  if (row.hasError) {
    return {
      row: row.index,
      due: true,
      hasError: true,
      target: null,
      realization: null,
      achievement: null,
      scored: 0,
      category: null,
      weight,
    };
  }
  const how = values.aggregation ?? 'kumulatif';
  const polarity = values.polarity ?? 'maksimal';
  const target = aggregate(
    TARGETS.map((key) => values[key]),
    period.quarter,
    how,
  );
  const realization = aggregate(
    REALIZATIONS.map((key) => values[key]),
    period.quarter,
    how,
  );
  if (!isDue(target, polarity)) {
    return {
      row: row.index,
      due: false,
      hasError: false,
      target,
      realization,
      achievement: null,
      scored: null,
      category: null,
      weight,
    };
  }
  if (realization === null) {
    const key = REALIZATIONS[period.quarter - 1] as keyof R & string;
    findings.push(
      finding('missing-realization', table.tab, table.ref(row.index, key), {
        column: quarterHeader('Realisasi', period.quarter),
      }),
    );
  }
  const c = achievement(target, realization, polarity);
  return {
    row: row.index,
    due: true,
    hasError: false,
    target,
    realization,
    achievement: c,
    scored: scoredAchievement(c, cap),
    category: category(c),
    weight,
  };
}

/**
 * The weight of a row whose own Bobot cannot be read (docs/SPEC.md §4 "errors cost what they hide"):
 * max(largest readable Bobot, 100 − Σ readable Bobot), 1 when none is readable. The second term is what
 * the broken Bobot must have been when the weights summed to 100, so breaking the Bobot of the heaviest,
 * weakest indicator cannot lift the score; the first keeps it at least as heavy as any other row.
 */
export function fallbackWeight(rows: readonly { readonly values: { readonly weight: number | null } }[]): number {
  const weights = rows.flatMap((row) => (row.values.weight === null ? [] : [row.values.weight]));
  if (weights.length === 0) return 1;
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return Math.max(Math.max(...weights), 100 - sum);
}

/** Weighted mean of the due rows' scored achievements; null when nothing is due and nothing is broken. */
export function weightedAchievement(results: readonly IndicatorResult[]): number | null {
  const due = results.filter((result) => result.due);
  return weightedMean(due.map((result) => ({ value: result.scored ?? 0, weight: result.weight })));
}

/** The weighted mean capped at 100, as the IKU component is (docs/SPEC.md §4). */
export function weightedScore(results: readonly IndicatorResult[]): number | null {
  const value = weightedAchievement(results);
  return value === null ? null : Math.min(100, value);
}

export interface IkuScore {
  readonly score: number | null;
  readonly rows: readonly IndicatorResult[];
}

export function scoreIku(table: ParsedTable<IkuRow>, period: Period, cap: number, findings: Finding[]): IkuScore {
  if (table.status !== 'ok') return { score: 0, rows: [] };
  const fallback = fallbackWeight(table.rows);
  const rows = table.rows.map((row) => scoreIndicatorRow(table, row, period, cap, fallback, findings));
  return { score: weightedScore(rows), rows };
}
