import type { JobRow, WorkloadRow } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import { settle } from '../numbers.js';
import type { ParsedTable } from '../sheet-table.js';
import { labelKey } from '../workbook.js';

export type JobCategory = 'A' | 'B' | 'C' | 'D' | 'E';

/** One ABK row of a job, as the kartu jabatan lists it (docs/SPEC.md §10). */
export interface JobTask {
  /** 1-based sheet row, for naming the row's cells and its findings. */
  readonly row: number;
  readonly task: string | null;
  readonly resultUnit: string | null;
  readonly volume: number | null;
  readonly minutesPerUnit: number | null;
  /** Beban Kerja × Norma Waktu; null for a row in error (left out of W, its finding says why). */
  readonly minutes: number | null;
}

export interface JobWorkload {
  /** 1-based sheet row of the job's Anjab row. */
  readonly row: number;
  readonly job: string;
  readonly jobType: string | null;
  readonly staff: number;
  /** Minutes of work a year: Σ Beban Kerja × Norma Waktu. */
  readonly minutes: number;
  readonly need: number;
  readonly gap: number;
  readonly ej: number | null;
  readonly category: JobCategory | null;
  /** The job's ABK rows in sheet order, valid or not. */
  readonly tasks: readonly JobTask[];
}

export interface WorkloadResult {
  readonly ej: number | null;
  readonly jobs: readonly JobWorkload[];
  /**
   * WKE, minutes of effective working time a year, against which each task's share is read; null for an
   * unscored office, whose workbook was not read.
   */
  readonly effectiveMinutes: number | null;
}

/**
 * ABK (docs/SPEC.md §4), after KemenPAN-RB workload analysis: need = W / WKE, efficiency EJ = W / (staff × WKE).
 * Reported, not part of the index. Rows in error are left out of W; their findings say why.
 */
export function assessWorkload(
  jobs: ParsedTable<JobRow>,
  workload: ParsedTable<WorkloadRow>,
  effectiveMinutes: number,
  findings: Finding[],
): WorkloadResult {
  const minutesByJob = new Map<string, number>();
  const tasksByJob = new Map<string, JobTask[]>();
  for (const row of workload.rows) {
    const { job, task, resultUnit, volume, minutesPerUnit } = row.values;
    if (job === null) continue;
    const valid = !row.hasError && volume !== null && minutesPerUnit !== null;
    const minutes = valid ? volume * minutesPerUnit : null;
    const key = labelKey(job);
    tasksByJob.set(key, [
      ...(tasksByJob.get(key) ?? []),
      { row: row.index + 1, task, resultUnit, volume, minutesPerUnit, minutes },
    ]);
    if (minutes !== null) minutesByJob.set(key, (minutesByJob.get(key) ?? 0) + minutes);
  }
  const result: JobWorkload[] = [];
  for (const row of jobs.rows) {
    const { job, staff } = row.values;
    if (row.hasError || job === null || staff === null) continue;
    const minutes = minutesByJob.get(labelKey(job)) ?? 0;
    const need = minutes / effectiveMinutes;
    if (staff === 0) findings.push(finding('no-staff', jobs.tab, jobs.ref(row.index, 'staff'), { value: job }));
    const ej = staff === 0 ? null : minutes / (staff * effectiveMinutes);
    result.push({
      row: row.index + 1,
      job,
      jobType: row.values.jobType,
      staff,
      minutes,
      need,
      gap: staff - roundHalfUp(need),
      ej,
      category: ej === null ? null : jobCategory(ej),
      tasks: tasksByJob.get(labelKey(job)) ?? [],
    });
  }
  const totalStaff = result.reduce((sum, job) => sum + job.staff, 0);
  const totalMinutes = result.reduce((sum, job) => sum + job.minutes, 0);
  return {
    ej: totalStaff === 0 ? null : totalMinutes / (totalStaff * effectiveMinutes),
    jobs: result,
    effectiveMinutes,
  };
}

function roundHalfUp(value: number): number {
  return Math.floor(settle(value) + 0.5);
}

/** Job efficiency bands: A above 1,00 (overloaded) · B ≥ 0,90 · C ≥ 0,70 · D ≥ 0,50 · E below. */
export function jobCategory(ej: number): JobCategory {
  const value = settle(ej);
  if (value > 1) return 'A';
  if (value >= 0.9) return 'B';
  if (value >= 0.7) return 'C';
  if (value >= 0.5) return 'D';
  return 'E';
}
