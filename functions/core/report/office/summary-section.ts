import { COMPONENTS } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import type { OfficeResult } from '../../scoring/office.js';
import { predicate, PREDICATE_LABELS } from '../../scoring/province.js';
import { band, BROKEN_BAND, DATA_PROBLEM_MARK, quantity, score, signed } from '../format.js';
import { followUp, type ReportContext } from '../report-context.js';
import { componentProblems, largestGains, tabActions } from '../report-text.js';
import { unscoredReason } from './unscored-section.js';

/**
 * *Ringkasan*: the index, predicate, rank and change, the components with their weights, what to do first
 * and what raises the index most, the deadline, and the index over earlier periods. Null when the office
 * is not scored: the unscored callout stands in its place.
 */
export function summarySection(office: OfficeResult, context: ReportContext) {
  if (unscoredReason(office)) return null;
  const previous = context.previousIndex.get(office.code);
  const rankedCount = context.rankedOffices ?? context.offices.filter((o) => o.status === 'scored').length;
  const problems = componentProblems(office);
  const errors = office.findings.filter((f) => f.level === 'error').length;
  return {
    // While the office has errors its index is provisional (SPEC v3 §8): data, not performance, may sink it.
    provisional: errors > 0,
    potential: potentialText(office),
    index: score(office.scores.index),
    indexBand: band(office.scores.index),
    predicate: office.predicate ?? '–',
    predicateLabel: office.predicate ? PREDICATE_LABELS[office.predicate] : 'tidak dinilai',
    rank: office.rank === null ? '–' : String(office.rank),
    rankOf: `dari ${rankedCount} satker yang dinilai`,
    change: previous === undefined || office.scores.index === null ? null : signed(office.scores.index - previous),
    previousIndex: previous === undefined ? null : score(previous),
    errors,
    warnings: office.findings.filter((f) => f.level === 'warning').length,
    // A component that is 0 because its tab is broken says so next to its number (issue 12).
    components: COMPONENTS.map((c) => {
      const problem = problems[c.key];
      return {
        label: c.label,
        weight: quantity(context.weights[c.key]),
        value: score(office.scores[c.key]),
        band: problem === null ? band(office.scores[c.key]) : BROKEN_BAND,
        mark: problem === null ? null : DATA_PROBLEM_MARK,
        note: problem === null ? null : `0 karena ${problem}: masalah data, bukan kinerja`,
      };
    }),
    tabActions: office.status === 'scored' ? tabActions(office) : [],
    gains: largestGains(office),
    followUp: followUp(context),
  };
}

/**
 * "bisa naik hingga 93,12 (AA) bila semua temuan diperbaiki": the index with every finding that has a
 * gain put right at once (potentialGain, SPEC v3 §8) and the predicate it reaches; null when nothing
 * would raise it.
 */
export function potentialText(office: OfficeResult): string | null {
  const gain = office.potentialGain ?? null;
  const index = office.scores.index;
  if (index === null || gain === null || roundHalfAway(gain, 2) <= 0) return null;
  const reach = index + gain;
  return `bisa naik hingga ${score(reach)} (${predicate(reach)}) bila semua temuan diperbaiki`;
}
