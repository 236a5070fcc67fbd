import { failedEvidenceRows, type EvidenceVerification } from '../evidence/office-evidence.js';
import type { Finding } from '../findings.js';
import { groupByPerson, type ParsedOffice } from '../office-reader.js';
import type { Period } from '../period.js';
import type { TableStatus } from '../sheet-table.js';
import {
  actionItemTerm,
  actionPlanComponent,
  actionPlanSum,
  scoreActionItem,
  type ActionItemResult,
} from './action-plan.js';
import type { ScoredComponents, ScoringSettings } from './components.js';
import { dataQuality } from './data-quality.js';
import { MeanSum, WeightedSum } from './exact-sum.js';
import { ikiComponent, personSum } from './iki.js';
import { ikuComponent } from './iku.js';
import { fallbackWeight, indicatorSum, indicatorTerm, scoreIndicatorRow, type IndicatorResult } from './indicator.js';
import { indexScore, type ComponentScores } from './province.js';
import {
  fixedActionItem,
  fixedIndicator,
  fixedStage,
  repairable,
  TAB_KEYS,
  type RowFix,
  type TabKey,
} from './row-fixes.js';
import { scoreStep, stagesComponent, type StepResult } from './stages.js';

/**
 * The index of the office with a set of rows put right at once (core/scoring/row-fixes.ts), everything
 * else unchanged. One fix gives a finding's gain; every fix together gives what putting all of them
 * right is worth (docs/SPEC.md §8 "Potential gain").
 */
export type IndexWithFixes = (fixes: readonly RowFix[]) => number | null;

/**
 * Computes IndexWithFixes from what a fix changes instead of rescoring the office (issue 17: one
 * rescoring per finding made an all-wrong office of 5 000 rows a tab take 32 minutes). A fix touches
 * one row, and a fixed row keeps its Bobot and its NIP, so no other row's score moves: only the sums
 * behind its tab's component (and, for a row in error, the count of valid rows) change. Each component
 * keeps its rows' terms as an exact sum (core/scoring/exact-sum.ts); a fix takes the row's old term out
 * and puts the fixed row's term in, and the component follows from the sums exactly as scoring computes
 * it. Exact sums do not depend on the order of their terms, so the result equals a rescoring of the
 * fixed office to the last bit. Cost: linear in the rows to set up, then linear in the fixes.
 */
export function indexWithFixes(
  parsed: ParsedOffice,
  scored: ScoredComponents,
  period: Period,
  settings: ScoringSettings,
  verification: EvidenceVerification,
): IndexWithFixes {
  // Findings of a fixed row are not reported: scoring it only has to give its score.
  const discard: Finding[] = [];
  const linksFailed = (row: { readonly index: number; readonly values: { readonly evidence: readonly string[] } }) =>
    failedEvidenceRows([row], verification).has(row.index);
  const positions = rowPositions(parsed);

  const ikuFallback = fallbackWeight(parsed.iku.rows);
  const ikuSum = indicatorSum(scored.iku.rows);
  const actionSum = actionPlanSum(scored.actionPlan.items);
  const stageSum = MeanSum.of(scored.stages.steps.map((step) => step.value));
  const iki = personsOf(parsed, scored);
  const validRows = TAB_KEYS.reduce((sum, tab) => sum + parsed[tab].rows.filter((row) => !row.hasError).length, 0);
  const allRows = TAB_KEYS.reduce((sum, tab) => sum + parsed[tab].rows.length, 0);

  return (fixes) => {
    const byTab = new Map<TabKey, { readonly index: number; readonly hasError: boolean }[]>();
    const seen = new Set<string>();
    for (const fix of fixes) {
      const table: { readonly status: TableStatus; readonly rows: readonly { index: number; hasError: boolean }[] } =
        parsed[fix.tab];
      const at = positions[fix.tab].get(fix.index);
      const key = `${fix.tab}|${fix.index}`;
      if (at === undefined || !repairable(table) || seen.has(key)) continue;
      seen.add(key);
      const list = byTab.get(fix.tab) ?? [];
      list.push(table.rows[at] as { index: number; hasError: boolean });
      byTab.set(fix.tab, list);
    }
    if (byTab.size === 0) return scored.index;
    const rows = <K extends TabKey>(tab: K) => (byTab.get(tab) ?? []) as ParsedOffice[K]['rows'];
    const components: { -readonly [K in keyof ComponentScores]: ComponentScores[K] } = { ...scored.components };

    const ikuRows = rows('iku');
    if (ikuRows.length > 0 && parsed.iku.status === 'ok') {
      const sum = ikuSum.copy();
      for (const row of ikuRows) {
        const before = scored.iku.rows[positions.iku.get(row.index) as number] as IndicatorResult;
        const after = scoreIndicatorRow(parsed.iku, fixedIndicator(row), period, settings.cap, ikuFallback, discard);
        replaceTerm(sum, indicatorTerm(before), indicatorTerm(after));
      }
      components.iku = ikuComponent(sum);
    }

    const actionRows = rows('actionPlan');
    if (actionRows.length > 0 && parsed.actionPlan.status === 'ok') {
      const sum = actionSum.copy();
      for (const row of actionRows) {
        const before = scored.actionPlan.items[positions.actionPlan.get(row.index) as number] as ActionItemResult;
        const fixed = fixedActionItem(row);
        const after = scoreActionItem(parsed.actionPlan, fixed, period, discard, linksFailed(fixed));
        replaceTerm(sum, actionItemTerm(before), actionItemTerm(after));
      }
      components.actionPlan = actionPlanComponent(sum);
    }

    const ikiRows = rows('iki');
    if (ikiRows.length > 0 && parsed.iki.status === 'ok') {
      // Rows of one person change that person's score; the component is the mean of the persons.
      const touched = new Map<number, WeightedSum>();
      for (const row of ikiRows) {
        const at = iki.rowPerson.get(row.index) as number;
        const person = iki.persons[at] as IkiPerson;
        const sum = touched.get(at) ?? person.sum.copy();
        touched.set(at, sum);
        const before = person.results.get(row.index) as IndicatorResult;
        const after = scoreIndicatorRow(
          parsed.iki,
          fixedIndicator(row),
          period,
          settings.cap,
          person.fallback,
          discard,
        );
        replaceTerm(sum, indicatorTerm(before), indicatorTerm(after));
      }
      const sum = iki.sum.copy();
      for (const [at, personSum] of touched) replaceTerm(sum, (iki.persons[at] as IkiPerson).score, personSum.mean());
      components.iki = ikiComponent(sum);
    }

    const stageRows = rows('stages');
    if (stageRows.length > 0 && parsed.stages.status === 'ok') {
      const sum = stageSum.copy();
      for (const row of stageRows) {
        const before = scored.stages.steps[positions.stages.get(row.index) as number] as StepResult;
        const fixed = fixedStage(row);
        replaceTerm(sum, before.value, scoreStep(parsed.stages, fixed, discard, linksFailed(fixed)).value);
      }
      components.stages = stagesComponent(sum);
    }

    // Every row put right is valid (row-fixes.ts), so each fixed row that was in error adds one valid
    // row; Anjab and ABK rows count nowhere else.
    let repaired = 0;
    for (const fixed of byTab.values()) for (const row of fixed) if (row.hasError) repaired++;
    if (repaired > 0) components.dataQuality = dataQuality(validRows + repaired, allRows);

    return indexScore(components, settings.weights);
  };
}

/** Takes a row's old term out of a sum and puts its new one in; null is "adds nothing". */
function replaceTerm<T>(sum: { add(term: T): unknown; remove(term: T): unknown }, before: T | null, after: T | null) {
  if (before !== null) sum.remove(before);
  if (after !== null) sum.add(after);
}

/** Each tab's rows by sheet row: the position of the row in the tab's rows and in its scored results. */
function rowPositions(parsed: ParsedOffice): Record<TabKey, ReadonlyMap<number, number>> {
  const positions = {} as Record<TabKey, Map<number, number>>;
  for (const tab of TAB_KEYS) positions[tab] = new Map(parsed[tab].rows.map((row, at) => [row.index, at]));
  return positions;
}

interface IkiPerson {
  readonly results: ReadonlyMap<number, IndicatorResult>;
  readonly sum: WeightedSum;
  readonly score: number | null;
  readonly fallback: number;
}

/**
 * IKI's persons as scoring grouped them (core/scoring/iki.ts: the same groupByPerson, in the same
 * order), each with its rows' results, its weighted sum and its fallback weight.
 */
function personsOf(parsed: ParsedOffice, scored: ScoredComponents) {
  const groups = parsed.iki.status === 'ok' ? [...groupByPerson(parsed.iki.rows).values()] : [];
  const rowPerson = new Map<number, number>();
  const persons = groups.map((rows, at): IkiPerson => {
    const results = scored.iki.persons[at]?.rows ?? [];
    for (const row of rows) rowPerson.set(row.index, at);
    return {
      results: new Map(results.map((result) => [result.row, result])),
      sum: indicatorSum(results),
      score: scored.iki.persons[at]?.score ?? null,
      fallback: fallbackWeight(rows),
    };
  });
  return { persons, rowPerson, sum: personSum(persons.map((person) => person.score)) };
}
