import { AREA_IDS, type ActionPlanRow, type AreaId } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import { formatId } from '../numbers.js';
import type { Period } from '../period.js';
import type { ParsedRow, ParsedTable } from '../sheet-table.js';
import { MeanSum } from './exact-sum.js';
import { mean, REALIZATIONS, TARGETS } from './indicator.js';

export interface ActionItemResult {
  readonly row: number;
  readonly area: AreaId | null;
  readonly activity: string | null;
  readonly responsible: string | null;
  /** The office's own Keterangan: often why an activity is late, which a report shows beside it. */
  readonly note: string | null;
  readonly due: boolean;
  readonly hasError: boolean;
  readonly target: number;
  /** Realization as reported, before the evidence rule. */
  readonly reported: number;
  /** Realization that counts: 0 without a valid evidence link. */
  readonly counted: number;
  readonly achievement: number | null;
  readonly onTime: boolean | null;
  /** A realization reported without any evidence link. */
  readonly evidenceMissing: boolean;
  /** A realization whose evidence links all failed verification (docs/SPEC.md §8): it counts 0 too. */
  readonly evidenceFailed: boolean;
}

export interface ActionPlanScore {
  readonly score: number | null;
  readonly areas: Readonly<Record<AreaId, number | null>>;
  readonly items: readonly ActionItemResult[];
}

/**
 * Rencana Aksi (docs/SPEC.md §4): sums up to quarter k; a realization counts only with evidence, because
 * the instrument must show plans actually carried out, not only planned on paper.
 */
export function scoreActionPlan(
  table: ParsedTable<ActionPlanRow>,
  period: Period,
  findings: Finding[],
  failedEvidence: ReadonlySet<number> = new Set(),
): ActionPlanScore {
  const items = table.rows.map((row) => scoreActionItem(table, row, period, findings, failedEvidence.has(row.index)));
  const due = items.filter((item) => item.due);
  const areas = Object.fromEntries(
    AREA_IDS.map((id) => [id, mean(due.filter((item) => item.area === id).map((item) => item.achievement ?? 0))]),
  ) as Record<AreaId, number | null>;
  const score = table.status === 'ok' ? actionPlanComponent(actionPlanSum(items)) : 0;
  return { score, areas, items };
}

/** One Rencana Aksi row; `evidenceFailed` when every link of its Bukti Dukung failed verification. */
export function scoreActionItem(
  table: ParsedTable<ActionPlanRow>,
  row: ParsedRow<ActionPlanRow>,
  period: Period,
  findings: Finding[],
  linksFailed: boolean,
): ActionItemResult {
  const v = row.values;
  const base = { row: row.index, area: v.area, activity: v.activity, responsible: v.responsible, note: v.note };
  if (row.hasError) {
    return {
      ...base,
      due: true,
      hasError: true,
      target: 0,
      reported: 0,
      counted: 0,
      achievement: 0,
      onTime: null,
      evidenceMissing: false,
      evidenceFailed: false,
    };
  }
  const target = sumTo(
    TARGETS.map((key) => v[key]),
    period.quarter,
  );
  const reported = sumTo(
    REALIZATIONS.map((key) => v[key]),
    period.quarter,
  );
  const due = target > 0;
  const evidenceMissing = reported > 0 && v.evidence.length === 0;
  if (evidenceMissing && due) {
    findings.push(
      finding('missing-evidence', table.tab, table.ref(row.index, 'evidence'), {
        subject: 'realization',
        value: formatId(reported),
      }),
    );
  }
  // Its evidence-* warnings are on the Bukti Dukung cell already: no missing-evidence on top.
  const evidenceFailed = reported > 0 && !evidenceMissing && linksFailed;
  const counted = evidenceMissing || evidenceFailed ? 0 : reported;
  return {
    ...base,
    due,
    hasError: false,
    target,
    reported,
    counted,
    achievement: due ? Math.min(100, (100 * counted) / target) : null,
    onTime: due ? reported >= target : null,
    evidenceMissing,
    evidenceFailed,
  };
}

/** What a row adds to the component's mean: nothing when it is not due. */
export function actionItemTerm(item: ActionItemResult): number | null {
  return item.due ? (item.achievement ?? 0) : null;
}

/** The due rows' achievements as a sum that a row fix can update (core/scoring/index-with-fixes.ts). */
export function actionPlanSum(items: readonly ActionItemResult[]): MeanSum {
  return MeanSum.of(items.flatMap((item) => actionItemTerm(item) ?? []));
}

/** The Rencana Aksi component from the sum of its due rows, for a tab that could be read. */
export function actionPlanComponent(sum: MeanSum): number | null {
  return sum.mean();
}

function sumTo(quarters: readonly (number | null)[], k: number): number {
  return quarters.slice(0, k).reduce<number>((sum, value) => sum + (value ?? 0), 0);
}
