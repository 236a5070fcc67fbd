import { quarterHeader, type IkiRow, type IkuRow } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import { settle } from '../numbers.js';
import type { Period } from '../period.js';
import type { ParsedRow, ParsedTable } from '../sheet-table.js';
import { MeanSum, WeightedSum, type Weighted } from './exact-sum.js';

/**
 * Indicator achievement for IKU and IKI rows (docs/SPEC.md §4): how a row's target and realization are
 * read for the period, its achievement and the cap, the row's score and its weight. IKU, IKI and the
 * outlook all score through this module, so a rule changes in one place.
 */
export type Polarity = 'maksimal' | 'minimal';
export type Aggregation = 'kumulatif' | 'akhir-periode' | 'rata-rata';
export type Category = 'Sangat Baik' | 'Baik' | 'Cukup' | 'Kurang' | 'Sangat Kurang';

/**
 * The category bands on achievement C (docs/SPEC.md §4), highest first: a value at or above `from` is in
 * the band. Reports colour scores by the same bands (core/report/format.ts `band`).
 */
export const CATEGORY_BANDS: readonly { readonly from: number; readonly category: Category }[] = [
  { from: 91, category: 'Sangat Baik' },
  { from: 76, category: 'Baik' },
  { from: 66, category: 'Cukup' },
  { from: 51, category: 'Kurang' },
  { from: -Infinity, category: 'Sangat Kurang' },
];

/** The index in CATEGORY_BANDS of the band a value falls in: 0 for the highest. */
export function bandIndex(value: number): number {
  return CATEGORY_BANDS.findIndex((band) => value >= band.from);
}

/**
 * Target or realization up to quarter k: Kumulatif sums, Akhir Periode takes the last non-blank,
 * Rata-rata averages the non-blank values. Null when every cell up to k is blank.
 */
export function aggregate(quarters: readonly (number | null)[], k: number, how: Aggregation): number | null {
  const present = quarters.slice(0, k).filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  switch (how) {
    case 'kumulatif':
      return present.reduce((sum, value) => sum + value, 0);
    case 'akhir-periode':
      return present[present.length - 1] as number;
    case 'rata-rata':
      return present.reduce((sum, value) => sum + value, 0) / present.length;
  }
}

/** A row is due when its target is defined and positive; a Minimal row with target 0 is due too. */
export function isDue(target: number | null, polarity: Polarity): target is number {
  if (target === null) return false;
  return target > 0 || (polarity === 'minimal' && target === 0);
}

/**
 * Achievement C in percent, uncapped. Maksimal: 100·R/T. Minimal: 100·(2T − R)/T, not below 0;
 * with T = 0 a Minimal row achieves 100 when R = 0 and 0 otherwise. No realization: 0.
 */
export function achievement(target: number, realization: number | null, polarity: Polarity): number {
  if (realization === null) return 0;
  if (polarity === 'maksimal') return (100 * realization) / target;
  if (target === 0) return realization === 0 ? 100 : 0;
  return Math.max(0, (100 * (2 * target - realization)) / target);
}

/** Achievement C, and what counts of it: C up to the cap (setting `Batas Capaian`, docs/SPEC.md §4). */
export function rate(
  target: number,
  realization: number | null,
  polarity: Polarity,
  cap: number,
): { readonly achievement: number; readonly scored: number } {
  const c = achievement(target, realization, polarity);
  return { achievement: c, scored: Math.min(c, cap) };
}

export function category(c: number): Category {
  return (CATEGORY_BANDS[bandIndex(settle(c))] as (typeof CATEGORY_BANDS)[number]).category;
}

/** The mean, summed exactly (core/scoring/exact-sum.ts), so it does not depend on the order of the values. */
export function mean(values: readonly number[]): number | null {
  return MeanSum.of(values).mean();
}

/** A component score: at most 100 (docs/SPEC.md §4), null stays null. */
export function atMost100(value: number | null): number | null {
  return value === null ? null : Math.min(100, value);
}

type IndicatorRow = IkuRow | IkiRow;

export const TARGETS = ['target1', 'target2', 'target3', 'target4'] as const;
export const REALIZATIONS = ['realization1', 'realization2', 'realization3', 'realization4'] as const;

/** An indicator row read for quarter k: its Sifat and Polaritas with their defaults, T and R up to k. */
export interface IndicatorReading {
  readonly how: Aggregation;
  readonly polarity: Polarity;
  readonly target: number | null;
  readonly realization: number | null;
}

export function readIndicator(values: IndicatorRow, k: number): IndicatorReading {
  const how = values.aggregation ?? 'kumulatif';
  return {
    how,
    polarity: values.polarity ?? 'maksimal',
    target: aggregate(
      TARGETS.map((key) => values[key]),
      k,
      how,
    ),
    realization: aggregate(
      REALIZATIONS.map((key) => values[key]),
      k,
      how,
    ),
  };
}

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
  const { polarity, target, realization } = readIndicator(values, period.quarter);
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
  const { achievement: c, scored } = rate(target, realization, polarity, cap);
  return {
    row: row.index,
    due: true,
    hasError: false,
    target,
    realization,
    achievement: c,
    scored,
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

/** What a scored row adds to the weighted mean: nothing when it is not due. */
export function indicatorTerm(result: IndicatorResult): Weighted | null {
  return result.due ? { value: result.scored ?? 0, weight: result.weight } : null;
}

/** The due rows' scored achievements as a weighted sum, which a row fix can update (core/scoring/index-with-fixes.ts). */
export function indicatorSum(results: readonly IndicatorResult[]): WeightedSum {
  return WeightedSum.of(results.flatMap((result) => indicatorTerm(result) ?? []));
}

/** Weighted mean of the due rows' scored achievements; null when nothing is due and nothing is broken. */
export function weightedAchievement(results: readonly IndicatorResult[]): number | null {
  return indicatorSum(results).mean();
}
