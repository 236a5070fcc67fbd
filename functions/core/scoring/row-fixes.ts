import {
  ACTION_PLAN_TAB,
  type ActionPlanRow,
  type IkiRow,
  type IkuRow,
  type StageRow,
} from '../../../sheets-schema/index.js';
import type { ParsedOffice } from '../office-reader.js';
import type { ParsedRow, ParsedTable } from '../sheet-table.js';

/**
 * What "putting a row right" means for gains (docs/SPEC.md §8 "Gain"): a row in error achieves 100 (a
 * Tahapan step: Selesai with evidence); a valid row is given evidence that holds. Which of the two a row
 * gets follows from the row itself, so a fix names only the row.
 */
export type TabKey = 'actionPlan' | 'iku' | 'iki' | 'jobs' | 'workload' | 'stages';
export const TAB_KEYS: readonly TabKey[] = ['actionPlan', 'iku', 'iki', 'jobs', 'workload', 'stages'];

export interface RowFix {
  readonly tab: TabKey;
  /** 0-based index of the sheet row (ParsedRow.index). */
  readonly index: number;
}

/** Evidence a fixed row is given: a link that holds (docs/SPEC.md §8: a link outside Drive is unverified and holds). */
const FIXED_EVIDENCE = ['https://bukti.example/diperbaiki'];

/** A tab lacking a required column keeps every row in error: that is the tab's problem, not the row's. */
export function repairable(table: { readonly status: ParsedTable<unknown>['status'] }): boolean {
  return table.status !== 'missing-column';
}

/**
 * The parsed office with the given rows put right, all at once; the rest is shared, not copied. This is
 * the definition gains are measured against: core/scoring/index-with-fixes.ts computes the same index
 * without rescoring, and test/core/scoring/gains.test.ts checks that the two agree.
 */
export function applyFixes(parsed: ParsedOffice, fixes: readonly RowFix[]): ParsedOffice {
  const byTab = new Map<TabKey, Set<number>>();
  for (const fix of fixes) byTab.set(fix.tab, (byTab.get(fix.tab) ?? new Set()).add(fix.index));
  const fixed = (tab: TabKey) => byTab.get(tab) ?? new Set<number>();
  return {
    ...parsed,
    actionPlan: replaceRows(parsed.actionPlan, fixed('actionPlan'), fixedActionItem),
    iku: replaceRows(parsed.iku, fixed('iku'), fixedIndicator),
    iki: replaceRows(parsed.iki, fixed('iki'), fixedIndicator),
    jobs: replaceRows(parsed.jobs, fixed('jobs'), fixedRecord),
    workload: replaceRows(parsed.workload, fixed('workload'), fixedRecord),
    stages: replaceRows(parsed.stages, fixed('stages'), fixedStage),
  };
}

function replaceRows<R>(
  table: ParsedTable<R>,
  indexes: ReadonlySet<number>,
  fix: (row: ParsedRow<R>) => ParsedRow<R>,
): ParsedTable<R> {
  if (indexes.size === 0 || !repairable(table)) return table;
  return { ...table, rows: table.rows.map((row) => (indexes.has(row.index) ? fix(row) : row)) };
}

function valid<R>(row: ParsedRow<R>, values: R): ParsedRow<R> {
  return { index: row.index, values, invalid: new Set<keyof R>(), hasError: false };
}

const ACHIEVED = {
  target1: 1,
  target2: null,
  target3: null,
  target4: null,
  realization1: 1,
  realization2: null,
  realization3: null,
  realization4: null,
} as const;

export function fixedActionItem(row: ParsedRow<ActionPlanRow>): ParsedRow<ActionPlanRow> {
  if (!row.hasError) return { ...row, values: { ...row.values, evidence: FIXED_EVIDENCE } };
  return valid(row, { ...row.values, ...ACHIEVED, evidence: FIXED_EVIDENCE });
}

/**
 * A row in error achieves 100 with the weight it already counted with: an unreadable Bobot stays
 * unreadable, so the row keeps the fallback weight and no other row's fallback moves. The NIP is kept
 * too, so an IKI row stays with its person. Both keep a fix local to its row
 * (core/scoring/index-with-fixes.ts). A valid row is given evidence, like any other: evidence on IKU
 * and IKI costs nothing (docs/SPEC.md §8), so its evidence findings gain 0.
 */
export function fixedIndicator<R extends IkuRow | IkiRow>(row: ParsedRow<R>): ParsedRow<R> {
  if (!row.hasError) return { ...row, values: { ...row.values, evidence: FIXED_EVIDENCE } };
  return valid(row, { ...row.values, ...ACHIEVED, polarity: 'maksimal', aggregation: 'kumulatif' });
}

export function fixedStage(row: ParsedRow<StageRow>): ParsedRow<StageRow> {
  if (!row.hasError) return { ...row, values: { ...row.values, evidence: FIXED_EVIDENCE } };
  return valid(row, { ...row.values, status: 'selesai', evidence: FIXED_EVIDENCE });
}

/** Anjab and ABK rows have no evidence: put right, they are valid as they are. */
export function fixedRecord<R>(row: ParsedRow<R>): ParsedRow<R> {
  return valid(row, row.values);
}

/**
 * The office with a Rencana Aksi that lacks only its Bukti Dukung column given that column, every row's
 * evidence holding (docs/SPEC.md §8, v3: the gain of a missing Bukti Dukung column, an upper bound of what
 * supplying the evidence could be worth). Null when the tab lacks another column too, or none at all: then
 * there is no single column to put right. A row keeps the errors of its own cells.
 */
export function withEvidenceColumn(parsed: ParsedOffice): ParsedOffice | null {
  const table = parsed.actionPlan;
  if (table.status !== 'missing-column' || table.columnIndex.has('evidence')) return null;
  const otherMissing = ACTION_PLAN_TAB.columns.some(
    (column) => column.required && column.key !== 'evidence' && !table.columnIndex.has(column.key),
  );
  if (otherMissing) return null;
  const columnIndex = new Map(table.columnIndex);
  columnIndex.set('evidence', Math.max(-1, ...columnIndex.values()) + 1);
  return {
    ...parsed,
    actionPlan: {
      ...table,
      status: table.rows.length === 0 ? 'empty' : 'ok',
      columnIndex,
      rows: table.rows.map((row) => ({
        ...row,
        values: { ...row.values, evidence: FIXED_EVIDENCE },
        hasError: row.invalid.size > 0,
      })),
    },
  };
}
