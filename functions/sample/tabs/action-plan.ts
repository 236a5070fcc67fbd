import { ACTION_PLAN_TAB, AREAS } from '../../../sheets-schema/index.js';
import {
  tableOf,
  type OfficeStyle,
  type RowFor,
  type SampleCell,
  type SampleOffice,
  type SampleTable,
} from '../content.js';
import { evidenceLinks } from '../evidence.js';
import type { Random } from '../random.js';
import { ACTIVITIES, type ActivityTemplate, type Schedule } from '../vocabulary/activities.js';

/**
 * Rencana Aksi: 10–40 activities spread over the eight areas, with quarterly targets from each
 * activity's schedule and realizations up to the period's quarter. Most are on target; the office's
 * `quality` decides how many run late. Realized rows carry evidence links.
 */
const LATE_NOTES = [
  'Terkendala jadwal narasumber',
  'Menunggu persetujuan pimpinan',
  'Dijadwalkan ulang ke triwulan berikutnya',
  'Anggaran baru tersedia setelah revisi DIPA',
];

export function generateActionPlan(
  rng: Random,
  office: SampleOffice,
  style: OfficeStyle,
  quarter: number,
): SampleTable {
  const total = rng.int(10, 40);
  const perArea = AREAS.map(() => Math.floor(total / AREAS.length));
  for (const at of rng.sample(
    AREAS.map((_, i) => i),
    total % AREAS.length,
  ))
    perArea[at] = (perArea[at] as number) + 1;
  const rows: RowFor<typeof ACTION_PLAN_TAB>[] = [];
  AREAS.forEach((area, a) => {
    for (const template of rng.sample(ACTIVITIES[area.id], perArea[a] as number)) {
      rows.push(
        actionRow(
          rng,
          office,
          style,
          quarter,
          template,
          rows.length + 1,
          style.area === 'number' ? area.no : area.name,
        ),
      );
    }
  });
  return tableOf(ACTION_PLAN_TAB, rows);
}

function actionRow(
  rng: Random,
  office: SampleOffice,
  style: OfficeStyle,
  quarter: number,
  template: ActivityTemplate,
  no: number,
  area: string | number,
): RowFor<typeof ACTION_PLAN_TAB> {
  const targets = spread(template.schedule, template.perQuarter, rng);
  const empty: SampleCell = style.blankEmptyQuarters ? null : 0;
  let late = false;
  let realized = 0;
  const realizations = targets.map((target, i): SampleCell => {
    if (i + 1 > quarter) return null;
    if (target === 0) return empty;
    const onTime = rng.chance(style.quality);
    const value = onTime ? target + (target >= 3 && rng.chance(0.15) ? 1 : 0) : rng.int(0, target - 1);
    late ||= !onTime;
    realized += value;
    return value;
  });
  return {
    no: String(no),
    area,
    activity: template.activity,
    output: template.output,
    unit: template.unit,
    target1: targets[0] || empty,
    target2: targets[1] || empty,
    target3: targets[2] || empty,
    target4: targets[3] || empty,
    realization1: realizations[0],
    realization2: realizations[1],
    realization3: realizations[2],
    realization4: realizations[3],
    responsible: rng.pick(template.responsible),
    evidence: realized > 0 ? evidenceLinks(rng, office, template.activity, quarter) : null,
    note: late ? rng.pick(LATE_NOTES) : rng.chance(0.1) ? 'Terlaksana sesuai jadwal' : null,
  };
}

function spread(schedule: Schedule, volume: number, rng: Random): [number, number, number, number] {
  switch (schedule) {
    case 'quarterly':
      return [volume, volume, volume, volume];
    case 'semester':
      return [0, volume, 0, volume];
    case 'first-quarter':
      return [volume, 0, 0, 0];
    case 'last-quarter':
      return [0, 0, 0, volume];
    case 'once': {
      const targets: [number, number, number, number] = [0, 0, 0, 0];
      targets[rng.int(0, 3)] = volume;
      return targets;
    }
  }
}
