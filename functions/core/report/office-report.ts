import { periodLabel } from '../period.js';
import type { OfficeResult } from '../scoring/office.js';
import { longDate } from './format.js';
import { actionPlanSection } from './office/action-plan-section.js';
import { areasSection } from './office/areas-section.js';
import { evidenceSection } from './office/evidence-section.js';
import { findingsSection } from './office/findings-section.js';
import { ikiSection } from './office/iki-section.js';
import { ikuSection } from './office/iku-section.js';
import { peersSection } from './office/peers-section.js';
import { stagesSection } from './office/stages-section.js';
import { summarySection } from './office/summary-section.js';
import { trendSection } from './office/trend-section.js';
import { unscoredReason, unscoredSection } from './office/unscored-section.js';
import { workloadSection, type JobCardPointer } from './office/workload-section.js';
import type { ReportContext } from './report-context.js';

/**
 * The office report's content (issue "Monitoring reports"): everything the template shows, already
 * formatted, so templates stay markup. Pure: the caller passes the province and previous indexes.
 *
 * One builder per section, in the template's order: each key below is one section of
 * templates/office-report.hbs, drawn by the partial of the same name in templates/partials/office/ with
 * that key's value as its context, and left out when the builder returns null. A new section is a builder
 * in core/report/office/, a partial, and one line here and in the template.
 */
export function officeReportModel(office: OfficeResult, context: ReportContext, card: JobCardPointer | null = null) {
  const sections = {
    unscored: unscoredSection(office, context),
    trend: trendSection(office, context),
    areas: areasSection(office, context),
    iku: ikuSection(office, context),
    actionPlan: actionPlanSection(office, context),
    iki: ikiSection(office),
    workload: workloadSection(office, card),
    stages: stagesSection(office),
    evidence: evidenceSection(office),
    findings: findingsSection(office, context),
    peers: peersSection(office, context),
  };
  // Page 1 points to the sections that list what it summarises, by the numbers the template gives them.
  const numbers = sectionNumbers({ ...sections, summary: unscoredReason(office) === undefined });
  return {
    title: 'Laporan Monitoring dan Evaluasi Kinerja Kelembagaan',
    office: { code: office.code, name: office.name },
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    unscored: sections.unscored,
    summary: summarySection(office, context, {
      iku: numbers.get('iku') ?? null,
      actionPlan: numbers.get('actionPlan') ?? null,
    }),
    trend: sections.trend,
    areas: sections.areas && areasSection(office, context, numbers.get('peers') ?? null),
    iku: sections.iku,
    actionPlan: sections.actionPlan,
    iki: sections.iki,
    workload: sections.workload,
    stages: sections.stages,
    evidence: sections.evidence,
    findings: sections.findings,
    peers: sections.peers,
  };
}

/**
 * The sections templates/office-report.hbs numbers (its `h2.numbered` headings, counted by CSS), in the
 * template's order; Temuan lain of an unscored office is unnumbered.
 */
const NUMBERED = [
  'summary',
  'trend',
  'areas',
  'iku',
  'actionPlan',
  'iki',
  'workload',
  'stages',
  'evidence',
  'findings',
  'peers',
] as const;

/** Each present numbered section's number, as the reader sees it in the heading. */
export function sectionNumbers(
  present: Readonly<Record<(typeof NUMBERED)[number], unknown>> & { readonly findings: { scored: boolean } | null },
): Map<(typeof NUMBERED)[number], number> {
  const numbers = new Map<(typeof NUMBERED)[number], number>();
  for (const key of NUMBERED) {
    const section = present[key];
    if (!section || (key === 'findings' && !present.findings?.scored)) continue;
    numbers.set(key, numbers.size + 1);
  }
  return numbers;
}

export type OfficeReportModel = ReturnType<typeof officeReportModel>;
