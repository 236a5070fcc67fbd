import { IKI_TAB, IKU_TAB } from '../../../sheets-schema/index.js';
import {
  percentCell,
  tableOf,
  type OfficeStyle,
  type RowFor,
  type SampleCell,
  type SampleOffice,
  type SampleTable,
} from '../content.js';
import { evidenceLinks } from '../evidence.js';
import type { Random } from '../random.js';
import {
  MAXIMAL_INDICATORS,
  MINIMAL_INDICATOR,
  type IndicatorTemplate,
  type QuarterTargets,
} from '../vocabulary/indicators.js';
import { makePerson, spacedNip } from '../vocabulary/people.js';
import type { StaffedJob } from './workload.js';

/**
 * IKU (5–10 unit indicators, codes IKU-01…) and IKI (10–40 individual indicators over 3–8 staff,
 * each cascading from an IKU of the office). Every IKU gets at least one IKI row, so a clean office
 * has full coverage.
 */
export interface IndicatorContent {
  readonly iku: SampleTable;
  readonly iki: SampleTable;
}

type Quarters = [SampleCell, SampleCell, SampleCell, SampleCell];

export function generateIndicators(
  rng: Random,
  office: SampleOffice,
  style: OfficeStyle,
  quarter: number,
  jobs: readonly StaffedJob[],
): IndicatorContent {
  const [budget, ...others] = MAXIMAL_INDICATORS as [IndicatorTemplate, ...IndicatorTemplate[]];
  // Every office reports budget realization (a percent) and BPK findings (the one Minimal indicator).
  const chosen = [budget, ...rng.sample(others, rng.int(5, 10) - 2)];
  chosen.splice(rng.int(1, chosen.length), 0, MINIMAL_INDICATOR);
  const codes = chosen.map((_, i) => `IKU-${String(i + 1).padStart(2, '0')}`);
  const weights = style.ikuWeights ? partition100(rng, chosen.length) : null;

  const ikuRows = chosen.map((template, i): RowFor<typeof IKU_TAB> => {
    const { targets, realizations, realized } = quarterValues(
      rng,
      style,
      quarter,
      template.unit,
      template.targets,
      template.polarity,
    );
    return {
      code: codes[i],
      goal: template.goal,
      indicator: template.indicator,
      unit: template.unit,
      polarity: template.polarity,
      aggregation: template.aggregation,
      weight: weights?.[i] ?? null,
      ...quarterCells(targets, realizations),
      evidence: realized ? evidenceLinks(rng, office, template.indicator, quarter) : null,
    };
  });

  return {
    iku: tableOf(IKU_TAB, ikuRows),
    iki: tableOf(IKI_TAB, individualRows(rng, office, style, quarter, jobs, chosen, codes)),
  };
}

function individualRows(
  rng: Random,
  office: SampleOffice,
  style: OfficeStyle,
  quarter: number,
  jobs: readonly StaffedJob[],
  chosen: readonly IndicatorTemplate[],
  codes: readonly string[],
): RowFor<typeof IKI_TAB>[] {
  const personCount = rng.int(3, 8);
  const taken = new Set<string>();
  const positions = jobs.flatMap((job) => Array.from({ length: job.staff }, () => job.job));
  const people = withinStaff(
    Array.from({ length: personCount }, (_, i) => ({
      ...makePerson(rng, taken),
      // The head of the secretariat signs first; the others hold the office's other jobs.
      position: i === 0 ? (jobs[0]?.job ?? 'Kepala Sekretariat') : rng.pick(positions.slice(1)),
    })),
    jobs,
  );
  const rowCount = rng.int(Math.max(10, personCount * 2), Math.min(40, personCount * 5));
  // Each IKU once first (full coverage), then any IKU.
  const ikuOfRow = [
    ...rng.shuffle(chosen.map((_, i) => i)),
    ...Array.from({ length: rowCount - chosen.length }, () => rng.int(0, chosen.length - 1)),
  ];
  const personOfRow = ikuOfRow.map((_, r) => (r < personCount ? r : rng.int(0, personCount - 1)));
  const order = ikuOfRow
    .map((_, r) => r)
    .sort((a, b) => (personOfRow[a] as number) - (personOfRow[b] as number) || a - b);

  const rows: RowFor<typeof IKI_TAB>[] = [];
  const weightsOf = new Map<number, (number | null)[]>();
  for (const r of order) {
    const person = people[personOfRow[r] as number] as (typeof people)[number];
    const p = personOfRow[r] as number;
    const iku = ikuOfRow[r] as number;
    const template = chosen[iku] as IndicatorTemplate;
    const cascade = rng.pick(template.cascade);
    if (style.ikiWeights && !weightsOf.has(p))
      weightsOf.set(p, partition100(rng, personOfRow.filter((x) => x === p).length));
    const { targets, realizations, realized } = quarterValues(
      rng,
      style,
      quarter,
      cascade.unit,
      cascade.targets,
      template.polarity,
    );
    rows.push({
      nip: style.nip === 'spaced' ? spacedNip(person.nip) : person.nip,
      name: person.name,
      position: person.position,
      ikuCode: codes[iku],
      indicator: cascade.indicator,
      unit: cascade.unit,
      polarity: template.polarity,
      aggregation: template.aggregation,
      weight: weightsOf.get(p)?.shift() ?? null,
      ...quarterCells(targets, realizations),
      evidence: realized ? evidenceLinks(rng, office, cascade.indicator, quarter) : null,
    });
  }
  return rows;
}

function quarterCells(targets: Quarters, realizations: Quarters) {
  return {
    target1: targets[0],
    target2: targets[1],
    target3: targets[2],
    target4: targets[3],
    realization1: realizations[0],
    realization2: realizations[1],
    realization3: realizations[2],
    realization4: realizations[3],
  };
}

/** Targets for the year and realizations up to `quarter`, near target for most, short for some. */
function quarterValues(
  rng: Random,
  style: OfficeStyle,
  quarter: number,
  unit: string,
  plan: QuarterTargets,
  polarity: IndicatorTemplate['polarity'],
) {
  const percent = unit === 'persen';
  const cell = (value: number): SampleCell => (percent ? percentCell(value, style.percent) : value);
  let realized = false;
  const targets = plan.map((target) => (target === null ? null : cell(target))) as Quarters;
  const realizations = plan.map((target, i): SampleCell => {
    if (target === null || i + 1 > quarter) return null;
    realized = true;
    const onTrack = rng.chance(style.quality);
    if (polarity === 'Minimal') return onTrack ? rng.int(0, target) : target + rng.int(1, 2);
    const factor = onTrack ? rng.between(0.97, 1.05) : rng.between(0.6, 0.92);
    if (percent) return cell(Math.min(100, Math.round(target * factor * 10) / 10));
    return Math.max(0, Math.round(target * factor));
  }) as Quarters;
  return { targets, realizations, realized };
}

/** `count` whole weights in steps of 5, each at least 5, summing to 100 (all blank beyond 20 rows). */
function partition100(rng: Random, count: number): (number | null)[] {
  const steps = 20;
  if (count > steps) return Array.from({ length: count }, () => null);
  const weights = Array.from({ length: count }, () => 1);
  for (let left = steps - count; left > 0; left--) {
    const at = rng.int(0, count - 1);
    weights[at] = (weights[at] as number) + 1;
  }
  return weights.map((w) => w * 5);
}

/**
 * Moves people drawn into a job already full (more IKI holders than its Pegawai Ada) to the next job with
 * a free seat, and leaves Jabatan blank (it is optional) for anyone left when every seat is taken, so that
 * the sample's IKI agrees with its Anjab and `staff-count-mismatch` appears only where a mistake is
 * planted. No random draw: the rest of the sample stays as the seed made it.
 */
function withinStaff<P extends { position: string }>(
  people: P[],
  jobs: readonly StaffedJob[],
): (Omit<P, 'position'> & { position: string | null })[] {
  const held = new Map<string, number>();
  const seats = new Map(jobs.map((job) => [job.job, job.staff]));
  return people.map((person) => {
    const free = jobs.slice(1).find((job) => (held.get(job.job) ?? 0) < job.staff)?.job ?? null;
    const position = (held.get(person.position) ?? 0) < (seats.get(person.position) ?? 0) ? person.position : free;
    if (position !== null) held.set(position, (held.get(position) ?? 0) + 1);
    return { ...person, position };
  });
}
