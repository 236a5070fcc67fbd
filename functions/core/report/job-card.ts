import { JOBS_TAB, WORKLOAD_TAB } from '../../../sheets-schema/index.js';
import { tabIsBroken } from '../findings.js';
import { rowIndexOf } from '../workbook.js';
import { maskNip } from '../nip.js';
import { formatId } from '../numbers.js';
import { periodLabel, type Period } from '../period.js';
import type { OfficeFinding, OfficeResult, PersonDetails } from '../scoring/office.js';
import type { JobWorkload } from '../scoring/workload.js';
import { labelKey } from '../workbook.js';
import { longDate, quantity, score } from './format.js';
import { jobCategoryText, staffGapText } from './workload-text.js';

/**
 * The kartu jabatan (docs/SPEC.md §10): one A4 page per Anjab job, in Anjab order, so that every staff
 * member can read what their position is for — its tasks and their yearly workload, whether the office
 * has the people the workload needs, who holds it and which indicators they carry. The seed office's
 * staff said they did not know their own duties before Anjab and ABK made them clear; the card is the
 * condensed *informasi jabatan* those analyses produce.
 */
export interface JobCardModel {
  readonly title: string;
  readonly office: { readonly code: string; readonly name: string };
  readonly period: { readonly id: string; readonly label: string };
  readonly generatedOn: string;
  /** "75.000 menit": the effective working time a year that shares and need are read against. */
  readonly wke: string;
  readonly pages: readonly JobCardPage[];
  /** Why there is no job to show (Anjab missing, broken or empty); null when there are pages. */
  readonly noJobs: string | null;
}

export interface JobCardPage {
  readonly position: string;
  readonly job: string;
  readonly jobType: string;
  readonly tasks: readonly JobCardTask[];
  /** For a job without ABK rows (`job-without-tasks`): its tasks are not analysed yet. */
  readonly noTasks: string | null;
  readonly need: {
    readonly minutes: string;
    readonly need: string;
    readonly staff: string;
    readonly gap: string;
    readonly gapClass: string;
    readonly ej: string;
    readonly category: string;
  };
  readonly holders: readonly JobCardHolder[];
  readonly noHolders: string | null;
  readonly iku: readonly { readonly code: string; readonly indicator: string }[];
  readonly findings: readonly { readonly cell: string; readonly level: string; readonly message: string }[];
}

export interface JobCardTask {
  readonly task: string;
  readonly unit: string;
  readonly volume: string;
  readonly norm: string;
  readonly minutes: string;
  /** Share of WKE, "12,50 %", so a staff member sees which task takes their year. */
  readonly share: string;
}

export interface JobCardHolder {
  readonly name: string;
  readonly nip: string;
  readonly score: string;
  readonly category: string;
  readonly indicators: readonly { readonly code: string; readonly indicator: string; readonly achievement: string }[];
}

export interface JobCardContext {
  readonly period: Period;
  readonly generatedAt: Date;
}

/** Only a scored office has a card: an unscored office's workbook was not read. */
export function jobCardModel(office: OfficeResult, context: JobCardContext): JobCardModel {
  const wke = office.workload.effectiveMinutes;
  const jobs = office.workload.jobs;
  return {
    title: 'Kartu Jabatan',
    office: { code: office.code, name: office.name },
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    wke: wke === null ? '–' : `${formatId(wke, 0)} menit`,
    pages: jobs.map((job, i) => jobPage(office, job, wke, `${i + 1} dari ${jobs.length}`)),
    noJobs: jobs.length > 0 ? null : noJobsText(office),
  };
}

function jobPage(office: OfficeResult, job: JobWorkload, wke: number | null, position: string): JobCardPage {
  const holders = office.details.iki.filter(
    (person) => person.nip !== null && person.position !== null && labelKey(person.position) === labelKey(job.job),
  );
  return {
    position,
    job: job.job,
    jobType: job.jobType ?? '–',
    tasks: job.tasks.map((task) => ({
      task: task.task ?? '–',
      unit: task.resultUnit ?? '–',
      volume: quantity(task.volume),
      norm: quantity(task.minutesPerUnit),
      minutes: task.minutes === null ? 'data salah' : formatId(task.minutes, 0),
      share: task.minutes === null || wke === null ? '–' : `${score((100 * task.minutes) / wke)} %`,
    })),
    noTasks:
      job.tasks.length > 0
        ? null
        : `Tugas jabatan ini belum dianalisis: tab ${WORKLOAD_TAB.name} belum memuat uraian tugasnya, sehingga beban kerjanya dihitung 0. Tambahkan uraian tugas, satuan hasil, beban kerja setahun dan norma waktunya di tab ${WORKLOAD_TAB.name}.`,
    need: {
      minutes: `${formatId(job.minutes, 0)} menit`,
      need: score(job.need),
      staff: String(job.staff),
      gap: staffGapText(job.gap),
      gapClass: job.gap < 0 ? 'short' : job.gap > 0 ? 'over' : 'even',
      ej: score(job.ej),
      category: jobCategoryText(job.category),
    },
    holders: holders.map(holder),
    noHolders:
      holders.length > 0
        ? null
        : 'Belum ada pegawai dengan jabatan ini di tab IKI. Bila jabatan ini terisi, tulis jabatannya di kolom Jabatan tab IKI persis seperti di tab Anjab.',
    iku: servedIku(office, holders),
    findings: jobFindings(office, job).map((f) => ({
      cell: f.cell.replace(/^'?(.*?)'?!/, '$1 sel '),
      level: f.level === 'error' ? 'Kesalahan' : 'Peringatan',
      message: f.message,
    })),
  };
}

function holder(person: PersonDetails): JobCardHolder {
  const due = person.rows.filter((row) => row.due);
  const allBroken = due.length > 0 && due.every((row) => row.hasError);
  return {
    name: person.name ?? '–',
    nip: maskNip(person.nip as string),
    score: allBroken ? '–' : score(person.score),
    category: allBroken ? 'masalah data' : (person.category ?? 'belum jatuh tempo'),
    // The achievement as it counts in the person's score: capped (Batas Capaian), 0 for a row in error.
    indicators: person.rows.map((row) => ({
      code: row.ikuCode ?? '–',
      indicator: row.indicator ?? '–',
      achievement: row.hasError ? 'data salah' : row.due ? `${score(row.scored)} %` : 'belum jatuh tempo',
    })),
  };
}

/** The IKU the holders' indicators serve, in the IKU tab's order, each once. */
function servedIku(office: OfficeResult, holders: readonly PersonDetails[]): JobCardPage['iku'] {
  const codes = new Set(
    holders.flatMap((person) => person.rows.flatMap((row) => (row.ikuCode === null ? [] : [labelKey(row.ikuCode)]))),
  );
  const seen = new Set<string>();
  return office.details.iku.flatMap((row) => {
    if (row.code === null || !codes.has(labelKey(row.code)) || seen.has(labelKey(row.code))) return [];
    seen.add(labelKey(row.code));
    return [{ code: row.code, indicator: row.indicator ?? '–' }];
  });
}

/** Findings on the job's Anjab row and on its ABK rows, in the order of the office's findings. */
function jobFindings(office: OfficeResult, job: JobWorkload): OfficeFinding[] {
  const taskRows = new Set(job.tasks.map((task) => task.row - 1));
  return office.findings.filter((f) => {
    const row = rowIndexOf(f.cell);
    if (row === null) return false;
    if (f.tab === JOBS_TAB.name) return row === job.row - 1;
    return f.tab === WORKLOAD_TAB.name && taskRows.has(row);
  });
}

function noJobsText(office: OfficeResult): string {
  const broken = tabIsBroken(office.findings, JOBS_TAB.name);
  return broken
    ? `Tab ${JOBS_TAB.name} belum dapat dibaca, sehingga kartu jabatan belum dapat disusun. Perbaiki tab itu sesuai Hasil Validasi.`
    : `Tab ${JOBS_TAB.name} belum memuat jabatan yang terbaca, sehingga kartu jabatan belum dapat disusun. Isi setiap jabatan satker beserta jumlah pegawainya.`;
}
