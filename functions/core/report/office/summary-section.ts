import { COMPONENTS } from '../../../../sheets-schema/index.js';
import { TAB_PROBLEMS } from '../../findings.js';
import { roundHalfAway } from '../../numbers.js';
import type { OfficeResult } from '../../scoring/office.js';
import { predicate, PREDICATE_LABELS } from '../../scoring/province.js';
import { band, BROKEN_BAND, DATA_PROBLEM_MARK, quantity, score, signed } from '../format.js';
import { followUp, type ReportContext } from '../report-context.js';
import { neededText } from '../outlook-text.js';
import { componentProblems, largestGains, tabActions } from '../report-text.js';
import { performanceActions } from './performance-actions.js';
import { unscoredReason } from './unscored-section.js';

/**
 * Where the sections that page 1 points to begin ("lihat bagian 4, Rencana aksi"): their numbers in this
 * report, which the report model knows once it has every section (core/report/office-report.ts).
 */
export interface SectionPointers {
  readonly iku: number | null;
  readonly actionPlan: number | null;
}

/**
 * *Ringkasan*: the index, predicate, rank and change, the components with their weights, what to do first
 * and what raises the index most, the deadline, and the index over earlier periods. Null when the office
 * is not scored: the unscored callout stands in its place.
 */
export function summarySection(
  office: OfficeResult,
  context: ReportContext,
  sections: SectionPointers = { iku: null, actionPlan: null },
) {
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
    ...whatFirst(office, context, sections),
    followUp: followUp(context),
  };
}

/**
 * Page 1's "what first" (issue 18): the tab problems, the largest data fixes with their gains, then the
 * performance actions ranked by worth (core/report/office/performance-actions.ts), long lists counted
 * with a pointer to their section. The Batas perbaikan is for fixes: an office with nothing to fix gets
 * none. A strong office (A or AA) with nothing to fix reads "Agar tetap di jalur", and when no action
 * is left at all, the IKU with the thinnest margin and what TW IV needs for them.
 */
function whatFirst(office: OfficeResult, context: ReportContext, sections: SectionPointers) {
  const gains = largestGains(office);
  // A tab problem with a gain (Rencana Aksi without its Bukti Dukung column) is listed once, among the gains.
  const tabs =
    office.status === 'scored' ? tabActions(office).filter((t) => !gains.some((g) => g.cell === t.cell)) : [];
  const errors = office.findings.some((f) => f.level === 'error');
  const toFix = tabs.length > 0 || gains.length > 0 || errors;
  // Page 1 holds about seven things to do below the components; the data fixes come first, and a tab to
  // repair takes the room of two (its message is two lines).
  const performance = performanceActions(office, context, PAGE_ONE_ITEMS - gains.length - 2 * tabs.length);
  const strong = !toFix && (office.predicate === 'AA' || office.predicate === 'A');
  const more = [
    performance.moreLate > 0
      ? `… dan ${performance.moreLate} kegiatan terlambat lain${pointer(sections.actionPlan, 'Rencana aksi')}.`
      : null,
    performance.moreAtRisk > 0
      ? `… dan ${performance.moreAtRisk} IKU lain yang diproyeksikan tidak mencapai target${pointer(sections.iku, 'IKU')}.`
      : null,
  ].filter((line): line is string => line !== null);
  return {
    heading: strong ? 'Agar tetap di jalur' : 'Yang perlu dilakukan lebih dulu',
    tabActions: tabs,
    gains,
    /** The footnote on how a gain is computed for a row in error: only when a listed gain is one. */
    gainsNote: gains.some((g) =>
      office.findings.some((f) => f.cell === g.cell && f.level === 'error' && !TAB_PROBLEMS.has(f.code)),
    ),
    actions: performance.actions,
    actionsGain: performance.actions.some((a) => a.gain !== null),
    moreActions: more,
    onCourse: performance.actions.length === 0 && !toFix ? onCourse(office, context) : null,
    showDeadline: toFix,
  };
}

/** ", lihat bagian 4 (Rencana aksi)"; nothing when the section is not in this report. */
function pointer(section: number | null, name: string): string {
  return section === null ? '' : `, lihat bagian ${section} (${name})`;
}

/** Things to do page 1 lists at most (data fixes and performance actions), so that they fit on it. */
const PAGE_ONE_ITEMS = 7;

/** How many IKU page 1 names as the ones to keep on course. */
const WATCH = 2;

/**
 * For an office with nothing to do: what it has achieved in one sentence, and the IKU whose projection is
 * closest to its target with what TW IV needs for them (before TW IV).
 */
function onCourse(office: OfficeResult, context: ReportContext) {
  const quarter = context.period.quarter;
  const watch = [...office.outlook]
    .sort((a, b) => a.projected - b.projected || a.row - b.row)
    .slice(0, WATCH)
    .map((row) => `${row.code}${row.indicator ? ` ${row.indicator}` : ''}: ${neededText(row, quarter)}`);
  return {
    text:
      quarter < 4
        ? 'Semua kegiatan Rencana Aksi tepat waktu, semua IKU diproyeksikan mencapai target akhir tahun, dan tidak ada langkah tahapan yang tertunda.'
        : 'Semua kegiatan Rencana Aksi tepat waktu dan tidak ada langkah tahapan yang tertunda.',
    watch,
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
