import { COMPONENTS, quarterLabel } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import { parsePeriod, periodLabel } from '../../period.js';
import type { OfficeResult } from '../../scoring/office.js';
import { score, signed } from '../format.js';
import type { ReportContext } from '../report-context.js';

/**
 * *Perkembangan triwulanan* (issue 18 §8): the office's index and its five components in every quarter of
 * this year so far — the earlier quarters from the Rekap, this one from the run — as a small line chart
 * and a table, so the head of office sees where the index moved and which component moved it. Only the
 * current year: a new year starts new targets, so last year's TW IV is no step on this year's path.
 * Null without an earlier quarter of this year in the Rekap, or without an index this period.
 */
export function trendSection(office: OfficeResult, context: ReportContext) {
  const current = context.period;
  if (office.scores.index === null) return null;
  const earlier = (context.history?.get(office.code) ?? []).flatMap((entry) => {
    const period = parsePeriod(entry.period);
    return period && period.year === current.year && period.quarter < current.quarter ? [{ ...entry, period }] : [];
  });
  if (earlier.length === 0) return null;
  const points = [
    ...earlier.map((entry) => ({
      period: entry.period,
      index: entry.index,
      components: COMPONENTS.map((c) => entry.scores?.[c.key] ?? null),
    })),
    { period: current, index: office.scores.index, components: COMPONENTS.map((c) => office.scores[c.key]) },
  ];
  const rounded = (value: number | null) => (value === null ? null : roundHalfAway(value, 2));
  return {
    year: current.year,
    headers: COMPONENTS.map((c) => c.label),
    rows: points.map((point, i) => {
      const before = points[i - 1];
      return {
        period: periodLabel(point.period),
        current: i === points.length - 1,
        index: score(point.index),
        // Against the quarter before, from the two-decimal indexes the reports print.
        change: before ? signed(roundHalfAway(point.index, 2) - roundHalfAway(before.index, 2)) : '–',
        components: point.components.map((value) => score(value)),
      };
    }),
    // The chart's input (adapters/pdf/charts.ts lineChartSvg): the index first, drawn heavier.
    chart: {
      labels: points.map((point) => quarterLabel(point.period.quarter)),
      series: [
        { name: 'Indeks', values: points.map((point) => rounded(point.index)) },
        ...COMPONENTS.map((c, k) => ({
          name: c.label,
          values: points.map((point) => rounded(point.components[k] ?? null)),
        })),
      ],
    },
  };
}
