import { settle } from '../numbers.js';

/** Indicator achievement for IKU and IKI rows (docs/SPEC.md §4). */
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

export function scoredAchievement(c: number, cap: number): number {
  return Math.min(c, cap);
}

export function category(c: number): Category {
  return (CATEGORY_BANDS[bandIndex(settle(c))] as (typeof CATEGORY_BANDS)[number]).category;
}

/** Weighted mean; with every weight 0 the rows count equally rather than dividing by zero. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number | null {
  if (items.length === 0) return null;
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return items.reduce((sum, item) => sum + item.value, 0) / items.length;
  return items.reduce((sum, item) => sum + item.value * item.weight, 0) / total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
