import { JOBS_TAB, SETTING_DEFAULTS, WORKLOAD_TAB } from '../../../sheets-schema/index.js';
import { tableOf, type RowFor, type SampleTable } from '../content.js';
import type { Random } from '../random.js';
import { HEAD_OF_SECRETARIAT, OTHER_JOBS, SECRETARIAT_COORDINATOR, type JobTemplate } from '../vocabulary/jobs.js';

/**
 * Anjab and ABK: 5–10 jobs with their staff, and per job the tasks with yearly volume and minutes
 * per unit. Volumes are chosen backwards from a target efficiency (EJ), mostly 0.6–1.2, so the
 * workload report shows a believable spread instead of random noise.
 */
export interface StaffedJob {
  readonly job: string;
  readonly staff: number;
}

export interface WorkloadContent {
  readonly jobs: StaffedJob[];
  readonly anjab: SampleTable;
  readonly abk: SampleTable;
}

export function generateWorkload(rng: Random): WorkloadContent {
  const count = rng.int(5, 10);
  const templates: JobTemplate[] = [HEAD_OF_SECRETARIAT, SECRETARIAT_COORDINATOR, ...rng.sample(OTHER_JOBS, count - 2)];
  const jobs: StaffedJob[] = [];
  const anjab: RowFor<typeof JOBS_TAB>[] = [];
  const abk: RowFor<typeof WORKLOAD_TAB>[] = [];
  for (const template of templates) {
    const staff = rng.int(template.staff[0], template.staff[1]);
    jobs.push({ job: template.job, staff });
    anjab.push({ job: template.job, jobType: template.jobType, staff });
    const efficiency = rng.chance(0.85)
      ? rng.between(0.6, 1.2)
      : rng.chance(0.5)
        ? rng.between(0.35, 0.6)
        : rng.between(1.2, 1.45);
    const minutesNeeded = efficiency * staff * SETTING_DEFAULTS.effectiveMinutes;
    const shares = template.tasks.map(() => rng.between(0.5, 1.5));
    const totalShare = shares.reduce((sum, share) => sum + share, 0);
    template.tasks.forEach((task, i) => {
      const minutes = Math.max(5, Math.round((task.minutes * rng.pick([0.8, 1, 1, 1.25])) / 5) * 5);
      const volume = Math.max(1, Math.round((minutesNeeded * (shares[i] as number)) / totalShare / minutes));
      abk.push({ job: template.job, task: task.task, resultUnit: task.resultUnit, volume, minutesPerUnit: minutes });
    });
  }
  return { jobs, anjab: tableOf(JOBS_TAB, anjab), abk: tableOf(WORKLOAD_TAB, abk) };
}
