import type { IkuRow } from '../../../sheets-schema/index.js';
import { roundHalfAway } from '../numbers.js';
import type { Period } from '../period.js';
import type { ParsedTable } from '../table.js';
import { isDue, mean, rate, readIndicator, TARGETS } from './indicator.js';

/** One IKU row's year-end projection (docs/SPEC.md §8 "Outlook"). */
export interface OutlookRow {
  readonly row: number;
  readonly code: string;
  readonly indicator: string | null;
  /** The year-end achievement if the pace so far holds, capped as scores are. */
  readonly projected: number;
  /** Below 100: at this pace the year-end target is missed. */
  readonly atRisk: boolean;
}

/**
 * Peringatan dini: for each valid IKU row due at quarter k < 4, the achievement at year end if the pace
 * so far holds. Kumulatif: R × 4/k against Σ of the year's targets; Akhir Periode: the latest R against
 * the TW IV target; Rata-rata: the mean R so far against the mean of the year's targets. Rows without a
 * TW IV target have no year-end target to miss and are left out; at k = 4 the year is over.
 */
export function projectOutlook(table: ParsedTable<IkuRow>, period: Period, cap: number): OutlookRow[] {
  const k = period.quarter;
  if (k >= 4 || table.status !== 'ok') return [];
  return table.rows.flatMap((row): OutlookRow[] => {
    const v = row.values;
    if (row.hasError || v.code === null || v.target4 === null) return [];
    const { how, polarity, target, realization } = readIndicator(v, k);
    if (!isDue(target, polarity)) return [];
    const yearTargets = TARGETS.map((key) => v[key]).filter((value): value is number => value !== null);
    const r = realization ?? 0;
    const [targetYear, realizedYear] =
      how === 'kumulatif'
        ? [yearTargets.reduce((sum, value) => sum + value, 0), (r * 4) / k]
        : how === 'akhir-periode'
          ? [v.target4, r]
          : [mean(yearTargets) as number, r];
    // A Maksimal row whose year target is 0 has nothing to reach: no projection rather than a division by 0.
    if (!isDue(targetYear, polarity)) return [];
    const projected = rate(targetYear, realizedYear, polarity, cap).scored;
    // `projected` is published to 2 decimals (docs/SPEC.md §8); at risk follows that number, so a row
    // shown as 100,00 is never flagged.
    return [
      { row: row.index, code: v.code, indicator: v.indicator, projected, atRisk: roundHalfAway(projected) < 100 },
    ];
  });
}
