import { AREAS, COMPONENTS, JATIM_OFFICES, STAGE_NAMES } from '../../../sheets-schema/index.js';
import type { Finding } from '../findings.js';
import { maskNip } from '../nip.js';
import { periodLabel, type Period } from '../period.js';
import type { OfficeResult } from '../scoring/office.js';
import { PREDICATE_LABELS, type ComponentWeights } from '../scoring/province.js';
import { band, fixedId, longDate, quantity, score, signed } from './format.js';

/**
 * The office report's content (issue "Monitoring reports"): everything the template shows, already
 * formatted, so templates stay markup. Pure: the caller passes the province and previous indexes.
 */
export interface ReportContext {
  readonly period: Period;
  readonly generatedAt: Date;
  /** Every office of the run, ranked. */
  readonly offices: readonly OfficeResult[];
  /** Index of each office in the previous period, from the Rekap tab, when it has one. */
  readonly previousIndex: ReadonlyMap<string, number>;
  /** The component weights of the rekap's Bobot tab. */
  readonly weights: ComponentWeights;
  /** Offices ranked in the province; defaults to the scored offices of `offices` (differs for --offices runs). */
  readonly rankedOffices?: number;
  /** Findings on the rekap's own cells (e.g. invalid e-mail addresses in Satker), for the recap report. */
  readonly rekapFindings?: readonly Finding[];
  /** Warnings listed in full up to this many; the rest are counted. */
  readonly warningLimit?: number;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export function provinceAreaAverages(offices: readonly OfficeResult[]): (number | null)[] {
  return AREAS.map((area) => {
    const values = offices.flatMap((office) =>
      office.status === 'scored' && office.areas[area.id] !== null ? [office.areas[area.id] as number] : [],
    );
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  });
}

export function officeReportModel(office: OfficeResult, context: ReportContext) {
  const scored = context.offices.filter((o) => o.status === 'scored');
  const names = new Map(context.offices.map((o) => [o.code, o.name]));
  const averages = provinceAreaAverages(context.offices);
  const previous = context.previousIndex.get(office.code);
  const errors = office.findings.filter((f) => f.level === 'error');
  const warnings = office.findings.filter((f) => f.level === 'warning');
  const warningLimit = context.warningLimit ?? 25;
  const d = office.details;
  const late = d.actionPlan.filter((item) => item.due && !item.hasError && item.onTime === false);
  const uncounted = d.actionPlan.filter((item) => item.evidenceMissing && item.due);

  return {
    title: 'Laporan Monitoring dan Evaluasi Kinerja Kelembagaan',
    office: { code: office.code, name: office.name },
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    scored: office.status === 'scored',
    unscoredReasons: office.status === 'unscored' ? errors.map(findingRow) : [],
    summary: {
      index: score(office.scores.index),
      indexBand: band(office.scores.index),
      predicate: office.predicate ?? '–',
      predicateLabel: office.predicate ? PREDICATE_LABELS[office.predicate] : 'tidak dinilai',
      rank: office.rank === null ? '–' : `${office.rank} dari ${context.rankedOffices ?? scored.length}`,
      change: previous === undefined || office.scores.index === null ? null : signed(office.scores.index - previous),
      previousIndex: previous === undefined ? null : score(previous),
      errors: errors.length,
      warnings: warnings.length,
      components: COMPONENTS.map((c) => ({
        label: c.label,
        weight: quantity(context.weights[c.key]),
        value: score(office.scores[c.key]),
        band: band(office.scores[c.key]),
      })),
    },
    areas: {
      chart: {
        labels: AREAS.map((area) => `${area.no}. ${area.short}`),
        series: [
          { name: office.name, values: AREAS.map((area) => office.areas[area.id]) },
          { name: 'Rata-rata provinsi', values: averages },
        ] satisfies ChartSeries[],
      },
      rows: AREAS.map((area, i) => ({
        no: area.no,
        name: area.name,
        value: score(office.areas[area.id]),
        band: band(office.areas[area.id]),
        average: score(averages[i]),
        pilot:
          names.get(area.pilotOffice) ??
          JATIM_OFFICES.find((o) => o.code === area.pilotOffice)?.name ??
          area.pilotOffice,
      })),
    },
    iku: d.iku.map((row) => ({
      code: row.code ?? '–',
      indicator: row.indicator ?? '–',
      target: quantity(row.target),
      realization: quantity(row.realization),
      achievement: row.hasError ? 'error' : row.due ? score(row.achievement) : 'belum jatuh tempo',
      category: row.category ?? (row.hasError ? 'Error' : '–'),
      categoryClass: categoryClass(row.category, row.hasError),
    })),
    actionPlan: {
      late: late.map((item) => ({
        activity: item.activity ?? '–',
        area: AREAS.find((area) => area.id === item.area)?.name ?? '–',
        target: quantity(item.target),
        reported: quantity(item.reported),
        responsible: item.responsible ?? '–',
      })),
      uncounted: uncounted.map((item) => ({
        activity: item.activity ?? '–',
        reported: quantity(item.reported),
        row: item.row + 1,
      })),
      due: d.actionPlan.filter((item) => item.due).length,
    },
    iki: {
      coverage: office.ikiCoverage === null ? '–' : fixedId(office.ikiCoverage, 1),
      persons: d.iki.map((person) => ({
        nip: person.nip === null ? 'NIP tidak terbaca' : maskNip(person.nip),
        name: person.name ?? '–',
        position: person.position ?? '–',
        score: score(person.score),
        category: person.category ?? '–',
        categoryClass: categoryClass(person.category, false),
      })),
    },
    workload: {
      ej: score(office.workload.ej),
      jobs: office.workload.jobs.map((job) => ({
        job: job.job,
        staff: String(job.staff),
        need: score(job.need),
        gap: job.gap > 0 ? `+${job.gap}` : String(job.gap),
        ej: score(job.ej),
        category: job.category ?? '–',
      })),
    },
    stages: d.stages.map((stage) => ({
      stage: stage.stage,
      name: STAGE_NAMES[stage.stage],
      progress: stage.progress === null ? '–' : fixedId(stage.progress, 0),
      width: stage.progress === null ? 0 : Math.round(stage.progress),
      steps: `${stage.done} dari ${stage.steps} langkah selesai`,
    })),
    findings: {
      errors: errors.map(findingRow),
      warnings: warnings.slice(0, warningLimit).map(findingRow),
      moreWarnings: Math.max(0, warnings.length - warningLimit),
    },
    peers: office.peers.map((peer) => {
      const area = AREAS.find((a) => a.id === peer.area);
      const other = context.offices.find((o) => o.code === peer.office);
      return {
        area: area?.name ?? peer.area,
        office: names.get(peer.office) ?? peer.office,
        theirs: score(other?.areas[peer.area] ?? null),
        ours: score(office.areas[peer.area]),
      };
    }),
  };
}

export type OfficeReportModel = ReturnType<typeof officeReportModel>;

function findingRow(f: Finding) {
  return { cell: f.cell, level: f.level === 'error' ? 'Error' : 'Peringatan', code: f.code, message: f.message };
}

function categoryClass(category: string | null, hasError: boolean): string {
  if (hasError) return 'cat-error';
  switch (category) {
    case 'Sangat Baik':
      return 'cat-1';
    case 'Baik':
      return 'cat-2';
    case 'Cukup':
      return 'cat-3';
    case 'Kurang':
      return 'cat-4';
    case 'Sangat Kurang':
      return 'cat-5';
    default:
      return 'cat-none';
  }
}
