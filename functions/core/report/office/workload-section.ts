import type { OfficeResult } from '../../scoring/office.js';
import { score } from '../format.js';
import { firstRows } from '../long-list.js';

/** *Analisis beban kerja (ABK)*: the office's job effectiveness and each job's staff, need and gap. Null for an unscored office. */
export function workloadSection(office: OfficeResult) {
  if (office.status !== 'scored') return null;
  const jobs = firstRows(office.workload.jobs);
  return {
    ej: score(office.workload.ej),
    moreJobs: jobs.more,
    jobs: jobs.rows.map((job) => ({
      job: job.job,
      staff: String(job.staff),
      need: score(job.need),
      gap: job.gap > 0 ? `+${job.gap}` : String(job.gap),
      ej: score(job.ej),
      category: job.category ?? '–',
    })),
  };
}
