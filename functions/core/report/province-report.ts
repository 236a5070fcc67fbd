import { periodLabel } from '../period.js';
import { longDate, score } from './format.js';
import { followUpSection } from './province/follow-up-section.js';
import { heatmapSection } from './province/heatmap-section.js';
import { leadersSection } from './province/leaders-section.js';
import { peersSection } from './province/peers-section.js';
import { predicatesSection } from './province/predicates-section.js';
import { rankingSection } from './province/ranking-section.js';
import { scoredByRank } from './province/ranked-offices.js';
import { rekapFindingsSection } from './province/rekap-findings-section.js';
import type { ReportContext } from './report-context.js';

/**
 * The provincial recap report's content: ranking, heatmap, predicates, leaders per area, peers.
 *
 * As for the office report (office-report.ts), one builder per section in the template's order: each key
 * after the cover is one section of templates/province-report.hbs, drawn by the partial of the same name
 * in templates/partials/province/ with that key's value as its context, and left out when it is null.
 */
export function provinceReportModel(context: ReportContext) {
  const offices = context.offices;
  const scored = scoredByRank(offices);
  return {
    title: 'Rekapitulasi Monitoring dan Evaluasi Kinerja Kelembagaan',
    subtitle: 'Bawaslu Kabupaten/Kota se-Jawa Timur',
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    // The cover's figures.
    counts: { total: offices.length, scored: scored.length, unscored: offices.length - scored.length },
    average: score(
      scored.length === 0 ? null : scored.reduce((sum, o) => sum + (o.scores.index ?? 0), 0) / scored.length,
    ),
    followUp: followUpSection(context),
    ranking: rankingSection(context),
    heatmap: heatmapSection(context),
    predicates: predicatesSection(context),
    leaders: leadersSection(context),
    peers: peersSection(context),
    rekapFindings: rekapFindingsSection(context),
  };
}

export type ProvinceReportModel = ReturnType<typeof provinceReportModel>;
