import { rowIndexOf } from '../workbook.js';
import type { Finding, FindingCode } from '../findings.js';
import { groupFindings } from '../group-findings.js';
import type { ParsedOffice } from '../office-reader.js';
import type { IndexWithFixes } from './index-with-fixes.js';
import { applyFixes, TAB_KEYS, withEvidenceColumn, type RowFix, type TabKey } from './row-fixes.js';

/**
 * Gains (docs/SPEC.md §8): the index points an office would gain if only one finding's row were put
 * right (core/scoring/row-fixes.ts), everything else unchanged. The index with the row put right comes
 * from `indexWith` (core/scoring/index-with-fixes.ts), which computes it from what the fix changes.
 */

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

/**
 * One gain per finding, in the findings' order: null for findings not about one row and when the
 * office has no index; 0 for a finding whose row, put right, changes nothing in the index.
 */
export function findingGains(
  parsed: ParsedOffice,
  findings: readonly Finding[],
  index: number | null,
  indexWith: IndexWithFixes,
): (number | null)[] {
  return gainsAndFixes(parsed, findings, index, indexWith).gains;
}

/**
 * Each finding's gain, and the potential gain (docs/SPEC.md §8, v3): the index points gained if every
 * finding that has a gain were put right at once — the same fixes as the single gains, applied together
 * (not their sum: rows of one mean share its denominator). A Rencana Aksi lacking only its Bukti Dukung
 * column has a gain of its own, on its `missing-column` finding: the index with the column present and
 * every row's evidence holding (an upper bound), computed by `rescore` — one scoring more, for such an
 * office alone. Potential null when the office has no index.
 */
export function officeGains(
  parsed: ParsedOffice,
  findings: readonly Finding[],
  index: number | null,
  indexWith: IndexWithFixes,
  rescore: (parsed: ParsedOffice) => number | null,
): { gains: (number | null)[]; potential: number | null } {
  const { gains, fixes } = gainsAndFixes(parsed, findings, index, indexWith);
  if (index === null) return { gains, potential: null };
  const withColumn = withEvidenceColumn(parsed);
  if (withColumn === null) {
    const all = fixes.length === 0 ? index : indexWith(fixes);
    return { gains, potential: all === null ? 0 : all - index };
  }
  const fixedColumn = rescore(withColumn);
  const columnGain = fixedColumn === null ? 0 : fixedColumn - index;
  const all = fixes.length === 0 ? fixedColumn : rescore(applyFixes(withColumn, fixes));
  return {
    gains: findings.map((f, i) =>
      f.code === 'missing-column' && f.tab === parsed.actionPlan.tab ? columnGain : (gains[i] ?? null),
    ),
    potential: all === null ? 0 : all - index,
  };
}

/**
 * The joint gain of each group of findings that lists alike (core/group-findings.ts: one code in one
 * column of a tab), for groups of two or more rows with a gain: the index points gained if all of the
 * group's rows were put right at once, so a report can state the group's total ("6 baris, +8,09 bila
 * semua diperbaiki") instead of a per-row figure for the reader to multiply (issue 18). Computed, not
 * added up: IKU and IKI are capped at 100, so rows put right together can be worth less than the sum of
 * their single gains. Keyed by `findingGroupKey`.
 */
export function groupGains(
  parsed: ParsedOffice,
  findings: readonly Finding[],
  index: number | null,
  indexWith: IndexWithFixes,
): Record<string, number> {
  if (index === null) return {};
  const fixOf = rowFixes(parsed);
  const totals: Record<string, number> = {};
  for (const group of groupFindings(findings)) {
    if (group.findings.length < 2) continue;
    const fixes = new Map<string, RowFix>();
    for (const f of group.findings) {
      const fix = fixOf(f);
      if (fix !== null && fix !== 'no-change') fixes.set(`${fix.tab}|${fix.index}`, fix);
    }
    if (fixes.size === 0) continue;
    const fixed = indexWith([...fixes.values()]);
    totals[findingGroupKey(group.first)] = fixed === null ? 0 : fixed - index;
  }
  return totals;
}

/**
 * How a report finds a group's joint gain (`groupGains`) from any of its findings: its tab, code and
 * column, which is what groups findings (core/group-findings.ts).
 */
export function findingGroupKey(f: Pick<Finding, 'tab' | 'code' | 'cell'>): string {
  return `${f.tab}|${f.code}|${/!\$?([A-Z]+)\$?\d+$/.exec(f.cell)?.[1] ?? f.cell}`;
}

export function gainsAndFixes(
  parsed: ParsedOffice,
  findings: readonly Finding[],
  index: number | null,
  indexWith: IndexWithFixes,
): { gains: (number | null)[]; fixes: RowFix[] } {
  if (index === null) return { gains: findings.map(() => null), fixes: [] };
  const fixOf = rowFixes(parsed);
  // Several findings on one row share its gain: the fix is the row's, not the finding's.
  const cache = new Map<string, number>();
  const fixes: RowFix[] = [];
  const gains = findings.map((f) => {
    const fix = fixOf(f);
    if (fix === null || fix === 'no-change') return fix === null ? null : 0;
    const key = `${fix.tab}|${fix.index}`;
    let gain = cache.get(key);
    if (gain === undefined) {
      const fixed = indexWith([fix]);
      gain = fixed === null ? 0 : fixed - index;
      cache.set(key, gain);
      fixes.push(fix);
    }
    return gain;
  });
  return { gains, fixes };
}

/**
 * What putting a finding right means for the index: the row to fix (a row in error, or a row whose
 * evidence is missing or failed, docs/SPEC.md §8); 'no-change' for a finding on a data row whose fix
 * changes nothing; null for a finding not about one row.
 */
function rowFixes(parsed: ParsedOffice): (f: Finding) => RowFix | 'no-change' | null {
  const rowOf = rowLookup(parsed);
  return (f) => {
    if (NOT_ABOUT_ONE_ROW.has(f.code)) return null;
    const at = rowOf(f);
    if (!at) return null;
    // Evidence that is missing, or (docs/SPEC.md §8) failed verification: the row then counts its reported R.
    const evidence = f.code === 'missing-evidence' || f.code.startsWith('evidence-');
    return at.hasError || evidence ? at.fix : 'no-change';
  };
}

/** The row a finding's cell lies on, if it is a data row of a data tab; built once per office. */
function rowLookup(parsed: ParsedOffice): (f: Finding) => { fix: RowFix; hasError: boolean } | null {
  const tabs = new Map<string, { tab: TabKey; rows: Map<number, { hasError: boolean }> }>();
  for (const tab of TAB_KEYS) {
    const table = parsed[tab];
    if (!tabs.has(table.tab)) tabs.set(table.tab, { tab, rows: new Map(table.rows.map((row) => [row.index, row])) });
  }
  return (f) => {
    const index = rowIndexOf(f.cell);
    const entry = tabs.get(f.tab);
    if (index === null || !entry) return null;
    const row = entry.rows.get(index);
    return row ? { fix: { tab: entry.tab, index }, hasError: row.hasError } : null;
  };
}
