import type { JobRow, WorkloadRow } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import { settle } from '../numbers.js';
import type { ParsedTable } from '../sheet-table.js';
import { labelKey } from '../workbook.js';

export type JobCategory = 'A' | 'B' | 'C' | 'D' | 'E';

export interface JobWorkload {
  readonly job: string;
  readonly staff: number;
  /** Minutes of work a year: Σ Beban Kerja × Norma Waktu. */
  readonly minutes: number;
  readonly need: number;
  readonly gap: number;
  readonly ej: number | null;
  readonly category: JobCategory | null;
}

export interface WorkloadResult {
  readonly ej: number | null;
  readonly jobs: readonly JobWorkload[];
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
  for (const row of workload.rows) {
    const { job, volume, minutesPerUnit } = row.values;
    if (row.hasError || job === null || volume === null || minutesPerUnit === null) continue;
    minutesByJob.set(labelKey(job), (minutesByJob.get(labelKey(job)) ?? 0) + volume * minutesPerUnit);
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
      job,
      staff,
      minutes,
      need,
      gap: staff - roundHalfUp(need),
      ej,
      category: ej === null ? null : jobCategory(ej),
    });
  }
  const totalStaff = result.reduce((sum, job) => sum + job.staff, 0);
  const totalMinutes = result.reduce((sum, job) => sum + job.minutes, 0);
  return { ej: totalStaff === 0 ? null : totalMinutes / (totalStaff * effectiveMinutes), jobs: result };
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
