import type { ActionPlanRow, IkiRow, IkuRow, StageRow } from '../../../sheets-schema/index.js';
import type { Finding, FindingCode } from '../findings.js';
import type { ParsedOffice } from '../office-reader.js';
import type { ParsedRow, ParsedTable } from '../sheet-table.js';

/**
 * Gains (docs/SPEC.md §8): the index points an office would gain if only one finding's row were put
 * right, everything else unchanged. Computed by rescoring: the row is fixed in the parsed data and the
 * index is computed again, so a gain always agrees with the scoring rules, however they change.
 */
export type IndexOf = (parsed: ParsedOffice) => number | null;

/** Findings about a tab, a group of rows or the whole workbook: no single row to put right. */
const NOT_ABOUT_ONE_ROW: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'missing-tab',
  'missing-column',
  'empty-tab',
  'unreadable-workbook',
  'office-code-mismatch',
  'year-mismatch',
  'weights-not-100',
  'invalid-email',
]);

/** Evidence a fixed row is given: a link that holds (docs/SPEC.md §8: a link outside Drive is unverified and holds). */
const FIXED_EVIDENCE = ['https://bukti.example/diperbaiki'];

type Fix = 'repair' | 'evidence';

/**
 * One gain per finding, in the findings' order: null for findings not about one row and when the
 * office has no index; 0 for a finding whose row, put right, changes nothing in the index.
 */
export function findingGains(
  parsed: ParsedOffice,
  findings: readonly Finding[],
  index: number | null,
  indexOf: IndexOf,
): (number | null)[] {
  if (index === null) return findings.map(() => null);
  const cache = new Map<string, number>();
  return findings.map((f) => {
    if (NOT_ABOUT_ONE_ROW.has(f.code)) return null;
    const at = rowOf(parsed, f);
    if (!at) return null;
    // Evidence that is missing, or (docs/SPEC.md §8) failed verification: the row then counts its reported R.
    const evidence = f.code === 'missing-evidence' || f.code.startsWith('evidence-');
    const fix: Fix | null = at.row.hasError ? 'repair' : evidence ? 'evidence' : null;
    if (fix === null) return 0;
    const key = `${at.tab}|${at.row.index}|${fix}`;
    let gain = cache.get(key);
    if (gain === undefined) {
      const fixed = indexOf(fixRow(parsed, at.tab, at.row.index, fix));
      gain = fixed === null ? 0 : fixed - index;
      cache.set(key, gain);
    }
    return gain;
  });
}

type TabKey = 'actionPlan' | 'iku' | 'iki' | 'jobs' | 'workload' | 'stages';
const TAB_KEYS: readonly TabKey[] = ['actionPlan', 'iku', 'iki', 'jobs', 'workload', 'stages'];

function rowOf(parsed: ParsedOffice, f: Finding): { tab: TabKey; row: { index: number; hasError: boolean } } | null {
  const match = /!\$?[A-Z]+\$?(\d+)$/.exec(f.cell);
  if (!match) return null;
  const index = Number(match[1]) - 1;
  const key = TAB_KEYS.find((k) => parsed[k].tab === f.tab);
  if (key === undefined) return null;
  const rows: readonly { index: number; hasError: boolean }[] = parsed[key].rows;
  const row = rows.find((r) => r.index === index);
  return row ? { tab: key, row } : null;
}

/** The parsed office with one row put right; the rest is shared, not copied. */
export function fixRow(parsed: ParsedOffice, tab: TabKey, index: number, fix: Fix): ParsedOffice {
  switch (tab) {
    case 'actionPlan':
      return { ...parsed, actionPlan: replaceRow(parsed.actionPlan, index, (row) => fixActionItem(row, fix)) };
    case 'iku':
      return { ...parsed, iku: replaceRow(parsed.iku, index, fixIndicator) };
    case 'iki':
      return { ...parsed, iki: replaceRow(parsed.iki, index, fixIndicator) };
    case 'stages':
      return { ...parsed, stages: replaceRow(parsed.stages, index, (row) => fixStage(row, fix)) };
    case 'jobs':
      return { ...parsed, jobs: replaceRow(parsed.jobs, index, (row) => valid(row, row.values)) };
    case 'workload':
      return { ...parsed, workload: replaceRow(parsed.workload, index, (row) => valid(row, row.values)) };
  }
}

function replaceRow<R>(table: ParsedTable<R>, index: number, fix: (row: ParsedRow<R>) => ParsedRow<R>): ParsedTable<R> {
  // A tab lacking a required column keeps every row in error: that is the tab's problem, not the row's.
  const repairable = table.status !== 'missing-column';
  return {
    ...table,
    rows: table.rows.map((row) => (row.index === index && repairable ? fix(row) : row)),
  };
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

function fixActionItem(row: ParsedRow<ActionPlanRow>, fix: Fix): ParsedRow<ActionPlanRow> {
  if (fix === 'evidence') return { ...row, values: { ...row.values, evidence: FIXED_EVIDENCE } };
  return valid(row, { ...row.values, ...ACHIEVED, evidence: FIXED_EVIDENCE });
}

/**
 * Achieving 100 with the weight the row already counted with: an unreadable Bobot stays unreadable, so
 * the row keeps the fallback weight and no other row's fallback moves.
 */
function fixIndicator<R extends IkuRow | IkiRow>(row: ParsedRow<R>): ParsedRow<R> {
  return valid(row, { ...row.values, ...ACHIEVED, polarity: 'maksimal', aggregation: 'kumulatif' });
}

function fixStage(row: ParsedRow<StageRow>, fix: Fix): ParsedRow<StageRow> {
  if (fix === 'evidence') return { ...row, values: { ...row.values, evidence: FIXED_EVIDENCE } };
  return valid(row, { ...row.values, status: 'selesai', evidence: FIXED_EVIDENCE });
}
