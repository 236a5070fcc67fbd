import type { OfficeResult } from '../../scoring/office.js';
import type { JobWorkload } from '../../scoring/workload.js';
import { score } from '../format.js';
import { firstRows } from '../long-list.js';
import { jobCategoryText, staffGapText } from '../workload-text.js';

/** Where the office's kartu jabatan is: its file name, and a link when it is stored online (live mode). */
export interface JobCardPointer {
  readonly fileName: string;
  readonly link: string | null;
}

/** How many of the largest shortages and excesses the section names. */
const ATTENTION = 3;

/**
 * *Analisis beban kerja (ABK)*: the office's job effectiveness, each job's staff, need and gap in words
 * (docs/SPEC.md §4 v3: "kurang 2 pegawai", never a bare "−2"), the jobs that need attention first (the
 * largest shortages, then the largest excesses), and where the kartu jabatan is. Null for an unscored office.
 */
export function workloadSection(office: OfficeResult, card: JobCardPointer | null = null) {
  if (office.status !== 'scored') return null;
  const jobs = firstRows(office.workload.jobs);
  const byGap = (sign: 1 | -1) =>
    office.workload.jobs
      .filter((job) => Math.sign(job.gap) === sign)
      .sort((a, b) => sign * (b.gap - a.gap) || a.row - b.row)
      .slice(0, ATTENTION)
      .map((job: JobWorkload) => `${job.job} (${staffGapText(job.gap)})`);
  const shortages = byGap(-1);
  const excesses = byGap(1);
  return {
    ej: score(office.workload.ej),
    moreJobs: jobs.more,
    jobs: jobs.rows.map((job) => ({
      job: job.job,
      staff: String(job.staff),
      need: score(job.need),
      gap: staffGapText(job.gap),
      ej: score(job.ej),
      category: jobCategoryText(job.category),
    })),
    attention:
      shortages.length + excesses.length === 0
        ? null
        : {
            shortages: shortages.length === 0 ? null : shortages.join(', '),
            excesses: excesses.length === 0 ? null : excesses.join(', '),
          },
    card:
      office.workload.jobs.length === 0
        ? null
        : {
            fileName: card?.fileName ?? null,
            link: card?.link ?? null,
            pages: office.workload.jobs.length,
          },
  };
}
