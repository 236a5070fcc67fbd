import { AREAS } from '../../../sheets-schema/index.js';
import { periodLabel } from '../period.js';
import { compareCodes, PREDICATE_LABELS, type Predicate } from '../scoring/province.js';
import { band, longDate, score, signed } from './format.js';
import { provinceAreaAverages, type ReportContext } from './office-report.js';

/** The provincial recap report's content: ranking, heatmap, predicates, leaders per area, peers. */
export function provinceReportModel(context: ReportContext) {
  const offices = context.offices;
  const scored = offices
    .filter((o) => o.status === 'scored')
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const unscored = offices.filter((o) => o.status === 'unscored');
  const names = new Map(offices.map((o) => [o.code, o.name]));
  const averages = provinceAreaAverages(offices);
  const predicates = Object.keys(PREDICATE_LABELS) as Predicate[];

  return {
    title: 'Rekapitulasi Monitoring dan Evaluasi Kinerja Kelembagaan',
    subtitle: 'Bawaslu Kabupaten/Kota se-Jawa Timur',
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    counts: { total: offices.length, scored: scored.length, unscored: unscored.length },
    average: score(
      scored.length === 0 ? null : scored.reduce((sum, o) => sum + (o.scores.index ?? 0), 0) / scored.length,
    ),
    ranking: scored.map((o) => {
      const previous = context.previousIndex.get(o.code);
      return {
        rank: String(o.rank ?? '–'),
        code: o.code,
        name: o.name.replace(/^Bawaslu /, ''),
        index: score(o.scores.index),
        band: band(o.scores.index),
        predicate: o.predicate ?? '–',
        iku: score(o.scores.iku),
        actionPlan: score(o.scores.actionPlan),
        iki: score(o.scores.iki),
        stages: score(o.scores.stages),
        dataQuality: score(o.scores.dataQuality),
        errors: o.findings.filter((f) => f.level === 'error').length,
        change: previous === undefined || o.scores.index === null ? '' : signed(o.scores.index - previous),
      };
    }),
    heatmap: {
      rows: scored.map((o) => o.name.replace(/^Bawaslu /, '')),
      columns: AREAS.map((area) => `${area.no}`),
      values: scored.map((o) => AREAS.map((area) => o.areas[area.id])),
    },
    areaLegend: AREAS.map((area, i) => ({ no: area.no, name: area.name, average: score(averages[i]) })),
    predicates: {
      labels: predicates.map((p) => p),
      values: predicates.map((p) => scored.filter((o) => o.predicate === p).length),
      rows: predicates.map((p) => ({
        predicate: p,
        label: PREDICATE_LABELS[p],
        count: scored.filter((o) => o.predicate === p).length,
      })),
    },
    leaders: AREAS.map((area) => ({
      no: area.no,
      name: area.name,
      top: scored
        .filter((o) => o.areas[area.id] !== null)
        .sort((a, b) => (b.areas[area.id] as number) - (a.areas[area.id] as number) || compareCodes(a.code, b.code))
        .slice(0, 3)
        .map((o) => ({ name: o.name, value: score(o.areas[area.id]) })),
    })),
    unscored: unscored.map((o) => {
      const reason = o.findings.find((f) => f.level === 'error');
      return {
        code: o.code,
        name: o.name,
        cell: reason?.cell ?? '',
        reason: reason?.message ?? 'tanpa alasan tercatat',
      };
    }),
    rekapFindings: (context.rekapFindings ?? []).map((f) => ({ cell: f.cell, message: f.message })),
    peers: scored.flatMap((o) =>
      o.peers.map((peer) => ({
        office: o.name,
        area: AREAS.find((a) => a.id === peer.area)?.name ?? peer.area,
        learnFrom: names.get(peer.office) ?? peer.office,
      })),
    ),
  };
}

export type ProvinceReportModel = ReturnType<typeof provinceReportModel>;
