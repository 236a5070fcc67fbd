import type { IkuRow } from '../../../sheets-schema/index.js';
import { roundHalfAway } from '../numbers.js';
import type { Period } from '../period.js';
import type { ParsedTable } from '../sheet-table.js';
import {
  achievement,
  aggregate,
  isDue,
  mean,
  scoredAchievement,
  type Aggregation,
  type Polarity,
} from './indicator.js';

/** One IKU row's year-end projection (docs/SPEC.md §8 "Outlook"). */
export interface OutlookRow {
  readonly row: number;
  readonly code: string;
  readonly indicator: string | null;
  /** The year-end achievement if the pace so far holds, capped as scores are. */
  readonly projected: number;
  /** Below 100: at this pace the year-end target is missed. */
  readonly atRisk: boolean;
  /**
   * What the rest of the year must bring for a year-end achievement of 100, in the row's Satuan:
   * Kumulatif the total of the remaining quarters, Akhir Periode the level to reach in TW IV, Rata-rata
   * the mean each remaining quarter needs. A floor (at least 0) for Maksimal; for Minimal a ceiling,
   * negative when the row has already gone past it.
   */
  readonly needed: number;
  /** How the row aggregates, so a report words the projection and `needed` as the rule computes them. */
  readonly aggregation: Aggregation;
  readonly polarity: Polarity;
  readonly unit: string | null;
  /** The year-end target the projection is measured against. */
  readonly yearTarget: number;
}

const TARGETS = ['target1', 'target2', 'target3', 'target4'] as const;
const REALIZATIONS = ['realization1', 'realization2', 'realization3', 'realization4'] as const;

/**
 * Peringatan dini (docs/SPEC.md §8, v3): for each valid IKU row due at quarter k < 4, the achievement at
 * year end if the pace so far holds. Kumulatif: R × 4/k against Σ of the year's targets. Akhir Periode and
 * Rata-rata are projected relative to plan, so an indicator on plan now stays on plan: R × T_year / T with
 * R and T the latest (Akhir Periode) or mean (Rata-rata) values so far, against the TW IV target or the
 * mean of the year's targets (R itself when T = 0). Under SPEC v2 every Akhir Periode IKU that met its
 * TW III target was flagged, 30 of 30 in the sample. Rows without a TW IV target have no year-end target
 * to miss and are left out; at k = 4 the year is over.
 */
export function projectOutlook(table: ParsedTable<IkuRow>, period: Period, cap: number): OutlookRow[] {
  const k = period.quarter;
  if (k >= 4 || table.status !== 'ok') return [];
  return table.rows.flatMap((row): OutlookRow[] => {
    const v = row.values;
    if (row.hasError || v.code === null || v.target4 === null) return [];
    const how = v.aggregation ?? 'kumulatif';
    const polarity = v.polarity ?? 'maksimal';
    const targets = TARGETS.map((key) => v[key]);
    if (!isDue(aggregate(targets, k, how), polarity)) return [];
    const realizations = REALIZATIONS.map((key) => v[key]);
    const target = aggregate(targets, k, how) as number;
    const r = aggregate(realizations, k, how) ?? 0;
    const yearTargets = targets.filter((value): value is number => value !== null);
    const targetYear =
      how === 'kumulatif'
        ? yearTargets.reduce((sum, value) => sum + value, 0)
        : how === 'akhir-periode'
          ? v.target4
          : (mean(yearTargets) as number);
    const onPlan = (value: number) => (target === 0 ? value : (value * targetYear) / target);
    const realizedYear = how === 'kumulatif' ? (r * 4) / k : onPlan(r);
    const reported = realizations.slice(0, k).filter((value): value is number => value !== null);
    const reportedSum = reported.reduce((sum, value) => sum + value, 0);
    const rawNeeded =
      how === 'kumulatif'
        ? targetYear - reportedSum
        : how === 'akhir-periode'
          ? targetYear
          : (4 * targetYear - reportedSum) / (4 - k);
    const needed = polarity === 'maksimal' ? Math.max(0, rawNeeded) : rawNeeded;
    // A Maksimal row whose year target is 0 has nothing to reach: no projection rather than a division by 0.
    if (!isDue(targetYear, polarity)) return [];
    const projected = scoredAchievement(achievement(targetYear, realizedYear, polarity), cap);
    // `projected` is published to 2 decimals (docs/SPEC.md §8); at risk follows that number, so a row
    // shown as 100,00 is never flagged.
    return [
      {
        row: row.index,
        code: v.code,
        indicator: v.indicator,
        projected,
        atRisk: roundHalfAway(projected) < 100,
        needed,
        aggregation: how,
        polarity,
        unit: v.unit,
        yearTarget: targetYear,
      },
    ];
  });
}
