import { QUARTER_NUMERALS } from '../../sheets-schema/index.js';

/** A scoring period "YYYY-TWk" (docs/SPEC.md §4): year and quarter 1–4. */
export interface Period {
  readonly id: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function parsePeriod(text: string): Period | null {
  const match = /^\s*(\d{4})\s*-\s*TW\s*([1-4])\s*$/i.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const quarter = Number(match[2]) as 1 | 2 | 3 | 4;
  return { id: `${year}-TW${quarter}`, year, quarter };
}

/** "Triwulan III 2025", as reports and e-mails name the period. */
export function periodLabel(period: Period): string {
  return `Triwulan ${QUARTER_NUMERALS[period.quarter - 1]} ${period.year}`;
}

/** The period before, e.g. 2025-TW1 → 2024-TW4, for "change against the previous period". */
export function previousPeriod(period: Period): Period {
  return period.quarter === 1
    ? { id: `${period.year - 1}-TW4`, year: period.year - 1, quarter: 4 }
    : { id: `${period.year}-TW${period.quarter - 1}`, year: period.year, quarter: (period.quarter - 1) as 1 | 2 | 3 };
}
