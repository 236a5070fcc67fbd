import { AREAS, COMPONENTS, JATIM_OFFICES, STAGE_NAMES } from '../../../sheets-schema/index.js';
import type { Finding } from '../findings.js';
import { groupFindings, type FindingGroup } from '../group-findings.js';
import { roundHalfAway } from '../numbers.js';
import { maskNip } from '../nip.js';
import { periodLabel, type Period } from '../period.js';
import type { OfficeFinding, OfficeResult } from '../scoring/office.js';
import { PREDICATE_LABELS, type ComponentWeights } from '../scoring/province.js';
import { evidenceSection } from './evidence-section.js';
import { firstRows } from './long-list.js';
import { band, fixedId, isoDateLong, longDate, quantity, score, signed } from './format.js';
import { areasProblem, cellName, componentProblems, largestGains, rowRanges, tabActions } from './report-text.js';

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
  /** Batas Perbaikan (ISO date) and Kontak from the rekap's Pengaturan. */
  readonly repairDeadline?: string | null;
  readonly contact?: string | null;
  /** Maks Binaan, for the recap's mentor table. */
  readonly maxMentees?: number;
  /** Each office's index in earlier periods of the Rekap, oldest first (the current period excluded). */
  readonly history?: ReadonlyMap<string, readonly { readonly period: string; readonly index: number }[]>;
}

/** The Indonesian words every report and e-mail uses for the deadline and the contact. */
export function followUp(context: Pick<ReportContext, 'repairDeadline' | 'contact'>) {
  return {
    deadline: context.repairDeadline ? isoDateLong(context.repairDeadline) : null,
    contact: context.contact ?? null,
  };
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

/** Next to a 0 that comes from a broken tab, in tables of both reports: a data problem, not performance. */
export const DATA_PROBLEM_MARK = 'masalah data';
/** The chip class of such a number: hatched grey, not the red of a poor score (templates/report.css). */
export const BROKEN_BAND = 'band-broken';

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
  const uncounted = d.actionPlan.filter((item) => (item.evidenceMissing || item.evidenceFailed) && item.due);
  const actionPlanProblem = areasProblem(office);
  const problems = componentProblems(office);
  const scoredPersons = d.iki.filter((person) => person.nip !== null);
  const unreadableNips = d.iki
    .filter((person) => person.nip === null)
    .flatMap((person) => person.rows.map((r) => r.row));
  const atRisk = office.outlook.filter((row) => row.atRisk);
  // Detail tables print their first rows and count the rest (core/report/long-list.ts).
  const ikuRows = firstRows(d.iku);
  const personRows = firstRows(scoredPersons);
  const lateRows = firstRows(late);
  const uncountedRows = firstRows(uncounted);
  const atRiskRows = firstRows(atRisk);
  const jobRows = firstRows(office.workload.jobs);
  const history = context.history?.get(office.code) ?? [];
  const reason =
    office.status === 'unscored' ? (errors.find((f) => UNSCORED_REASONS.has(f.code)) ?? errors[0]) : undefined;
  const others = reason ? office.findings.filter((f) => f !== reason) : office.findings;
  const rankedCount = context.rankedOffices ?? scored.length;

  return {
    title: 'Laporan Monitoring dan Evaluasi Kinerja Kelembagaan',
    office: { code: office.code, name: office.name },
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    scored: office.status === 'scored',
    // The unscored page states the reason once and what the office must do (issue 12).
    unscored: reason ? unscoredNotice(reason) : null,
    followUp: followUp(context),
    gains: largestGains(office),
    tabActions: office.status === 'scored' ? tabActions(office) : [],
    evidence: evidenceSection(office),
    summary: {
      index: score(office.scores.index),
      indexBand: band(office.scores.index),
      predicate: office.predicate ?? '–',
      predicateLabel: office.predicate ? PREDICATE_LABELS[office.predicate] : 'tidak dinilai',
      rank: office.rank === null ? '–' : String(office.rank),
      rankOf: `dari ${rankedCount} satker yang dinilai`,
      change: previous === undefined || office.scores.index === null ? null : signed(office.scores.index - previous),
      previousIndex: previous === undefined ? null : score(previous),
      errors: errors.length,
      warnings: warnings.length,
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
    },
    trend:
      history.length === 0 || office.scores.index === null
        ? null
        : {
            labels: [...history.map((entry) => entry.period), context.period.id],
            values: [...history.map((entry) => roundHalfAway(entry.index, 2)), roundHalfAway(office.scores.index, 2)],
            // Indexes carry two decimals on the bars, as everywhere else in the report.
            decimals: 2,
          },
    outlook: {
      shown: context.period.quarter < 4 && office.status === 'scored',
      rows: office.outlook.length,
      atRiskCount: atRisk.length,
      moreAtRisk: atRiskRows.more,
      atRisk: atRiskRows.rows.map((row) => ({
        code: row.code,
        indicator: row.indicator ?? '–',
        projected: score(row.projected),
      })),
    },
    areas: {
      note:
        actionPlanProblem === null
          ? null
          : `Semua bidang dinilai 0 karena ${actionPlanProblem}: masalah data, bukan kinerja.`,
      // Eight zeros from a broken tab draw an empty radar that reads as performance: no chart then.
      chart:
        actionPlanProblem !== null
          ? null
          : {
              labels: AREAS.map((area) => `${area.no}. ${area.short}`),
              legend: false,
              series: [
                { name: office.name, values: AREAS.map((area) => office.areas[area.id]) },
                { name: 'Rata-rata provinsi', values: averages },
              ] satisfies ChartSeries[],
            },
      rows: AREAS.map((area, i) => ({
        no: area.no,
        name: area.name,
        value: score(office.areas[area.id]),
        // An area without activities stays "–": there is no number to explain.
        band: actionPlanProblem === null || office.areas[area.id] === null ? band(office.areas[area.id]) : BROKEN_BAND,
        mark: actionPlanProblem === null || office.areas[area.id] === null ? null : DATA_PROBLEM_MARK,
        average: score(averages[i]),
        pilot:
          names.get(area.pilotOffice) ??
          JATIM_OFFICES.find((o) => o.code === area.pilotOffice)?.name ??
          area.pilotOffice,
      })),
    },
    ikuMore: ikuRows.more,
    iku: ikuRows.rows.map((row) => ({
      code: row.code ?? '–',
      indicator: row.indicator ?? '–',
      target: quantity(row.target),
      realization: quantity(row.realization),
      achievement: row.hasError ? 'data salah' : row.due ? score(row.achievement) : 'belum jatuh tempo',
      category: row.category ?? (row.hasError ? 'Data salah' : '–'),
      categoryClass: categoryClass(row.category, row.hasError),
    })),
    actionPlan: {
      moreLate: lateRows.more,
      late: lateRows.rows.map((item) => ({
        activity: item.activity ?? '–',
        area: AREAS.find((area) => area.id === item.area)?.name ?? '–',
        target: quantity(item.target),
        reported: quantity(item.reported),
        responsible: item.responsible ?? '–',
      })),
      moreUncounted: uncountedRows.more,
      uncounted: uncountedRows.rows.map((item) => ({
        activity: item.activity ?? '–',
        reported: quantity(item.reported),
        row: item.row + 1,
      })),
      due: d.actionPlan.filter((item) => item.due).length,
      // Rows of a broken tab are not scored, so none is late: say that it could not be checked instead.
      lateNote:
        actionPlanProblem !== null
          ? `Keterlambatan belum dapat diperiksa karena ${actionPlanProblem}.`
          : 'Tidak ada kegiatan yang terlambat.',
      // No statement about evidence that the data cannot support (issue 12).
      evidenceNote:
        actionPlanProblem !== null
          ? `Bukti dukung belum dapat diperiksa karena ${actionPlanProblem}.`
          : d.actionPlan.some((item) => item.hasError)
            ? 'Semua realisasi pada baris yang terbaca disertai bukti dukung.'
            : 'Semua realisasi disertai bukti dukung.',
    },
    iki: {
      coverage: office.ikiCoverage === null ? '–' : fixedId(office.ikiCoverage, 1),
      // A row whose NIP cannot be read belongs to nobody: it is a data problem, never a named person's score.
      morePersons: personRows.more,
      persons: personRows.rows.map((person) => {
        const broken = person.rows.filter((r) => r.hasError).length;
        const allBroken = broken > 0 && broken === person.rows.filter((r) => r.due).length;
        return {
          nip: maskNip(person.nip as string),
          name: person.name ?? '–',
          position: person.position ?? '–',
          score: score(person.score),
          category: allBroken ? 'Data salah' : (person.category ?? '–'),
          categoryClass: categoryClass(allBroken ? null : person.category, allBroken),
          note: broken === 0 ? null : `termasuk ${broken} baris data salah, dihitung 0`,
        };
      }),
      unreadable:
        unreadableNips.length === 0
          ? null
          : `${unreadableNips.length} baris IKI dengan NIP tidak terbaca (${rowRanges('IKI', 'A', unreadableNips)}) dihitung 0 sebagai masalah data, bukan nilai pegawai. Perbaiki NIP-nya agar baris itu dinilai.`,
    },
    workload: {
      ej: score(office.workload.ej),
      moreJobs: jobRows.more,
      jobs: jobRows.rows.map((job) => ({
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
    // An unscored office with nothing else found gets no empty "Temuan lain" section.
    findings: { ...findingRows(others, warningLimit), shown: office.status === 'scored' || others.length > 0 },
    peers: office.peers.map((peer) => {
      const area = AREAS.find((a) => a.id === peer.area);
      const other = context.offices.find((o) => o.code === peer.office);
      return {
        area: area?.name ?? peer.area,
        office: names.get(peer.office) ?? peer.office,
        theirs: score(other?.areas[peer.area] ?? null),
        ours: score(office.areas[peer.area]),
        mark: actionPlanProblem === null ? null : DATA_PROBLEM_MARK,
      };
    }),
  };
}

export type OfficeReportModel = ReturnType<typeof officeReportModel>;

/**
 * Findings as the report lists them: the same mistake in one column of a tab is one entry
 * ("IKI!A7:A12, 6 baris"), errors in full, warnings up to `warningLimit` entries with the rest counted.
 * Hasil Validasi keeps one row per cell.
 */
function findingRows(findings: readonly OfficeFinding[], warningLimit: number) {
  const errors = groupFindings(findings.filter((f) => f.level === 'error'));
  const warnings = groupFindings(findings.filter((f) => f.level === 'warning'));
  const shown = warnings.slice(0, warningLimit);
  return {
    /** Findings, not entries: the heading counts what Hasil Validasi lists. */
    errorCount: errors.reduce((sum, group) => sum + group.findings.length, 0),
    errors: errors.map(findingRow),
    warnings: shown.map(findingRow),
    moreWarnings: warnings.slice(warningLimit).reduce((sum, group) => sum + group.findings.length, 0),
  };
}

function findingRow(group: FindingGroup<OfficeFinding>) {
  const f = group.first;
  return {
    cell: group.label,
    level: f.level === 'error' ? 'Kesalahan' : 'Peringatan',
    code: f.code,
    message: group.message,
    gain: groupGain(group.findings),
  };
}

/** "+1,35", or "+1,35 per baris" for a group whose rows each gain the same; the largest when they differ. */
function groupGain(findings: readonly OfficeFinding[]): string {
  const gains = findings.flatMap((f) => (f.gain === null || roundHalfAway(f.gain, 2) <= 0 ? [] : [f.gain]));
  if (gains.length === 0) return '';
  const best = Math.max(...gains);
  if (findings.length === 1) return `+${fixedId(best, 2)}`;
  const equal = gains.length === findings.length && gains.every((g) => roundHalfAway(g, 2) === roundHalfAway(best, 2));
  return equal ? `+${fixedId(best, 2)} per baris` : `hingga +${fixedId(best, 2)} per baris`;
}

const UNSCORED_REASONS = new Set([
  'unreadable-workbook',
  'office-code-mismatch',
  'year-mismatch',
  'workbook-too-large',
]);

/** Reasons whose cell points the operator to a value (Profil's Kode Satker); a whole file has no cell to show. */
const REASONS_WITH_CELL = new Set(['office-code-mismatch', 'year-mismatch']);

/**
 * The unscored page (issue 12): the reason once and what the office must do, in the office's terms from the
 * catalogues (core/messages/unreadable.ts, core/findings.ts). The operator's steps stay in the finding's
 * message, for the CLI and Hasil Validasi. A result stored before findings carried `office` falls back to
 * the message.
 */
export function unscoredNotice(reason: Finding) {
  const office = reason.office;
  return {
    cell: REASONS_WITH_CELL.has(reason.code) ? cellName(reason.cell) : null,
    reason: office ? sentence(office.reason) : reason.message,
    todo: office ? office.todo : 'Operator satker memperbaiki data sesuai alasan di atas.',
  };
}

/** "File satker kosong." from "file satker kosong": a phrase of the catalogue as a sentence. */
function sentence(phrase: string): string {
  const text = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
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
