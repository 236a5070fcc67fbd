import { join } from 'node:path';
import { writeFileAtomic, workbookBytes, writeWorkbookAtomic } from '../adapters/xlsx/atomic-write.js';
import { buildRekapTemplate, type RekapOffice } from '../adapters/xlsx/rekap-template.js';
import { parsePeriod, type Period } from '../core/period.js';
import { ACTION_PLAN_TAB } from '../../sheets-schema/index.js';
import { findTable, type OfficeContent, type SampleOffice } from './content.js';
import { applyEvidenceStory } from './evidence-stories.js';
import { applyMistake, planMistakes, styleForMistakes, type MistakeKind, type SampleMistake } from './mistakes.js';
import { generateOfficeContent } from './office-content.js';
import { Random } from './random.js';
import { SAMPLE_DEFAULTS } from './sample-defaults.js';
import { sampleOffices } from './sample-offices.js';
import { buildOfficeWorkbook, csvOf } from './write-office.js';

/**
 * The deterministic sample province: `rekap.xlsx` and `satker/<kode>.xlsx` per office. The same
 * options give the same files, byte for byte: content comes from the seed and the dates inside the
 * files from the period, never from the clock.
 */
export interface SampleProvinceOptions {
  readonly outDir: string;
  readonly offices?: number;
  readonly seed?: number;
  readonly period?: string;
}

export interface SampleProvince {
  readonly rekapPath: string;
  readonly offices: readonly { readonly code: string; readonly name: string; readonly path: string }[];
  readonly mistakes: readonly SampleMistake[];
}

export { SAMPLE_DEFAULTS };
export const SAMPLE_PROVINCE_EMAIL = 'monev.jatim@example.go.id';

/** Office workbooks built at once; a few overlap file writes with the next build without hoarding memory. */
const CONCURRENCY = 4;

export async function generateSampleProvince(options: SampleProvinceOptions): Promise<SampleProvince> {
  const { offices, seed, period } = resolve(options);
  const date = periodDate(period);
  const plan = planMistakes(
    offices.map((office) => office.code),
    seed,
  );
  const mistakes: SampleMistake[][] = [];
  const written: { code: string; name: string; path: string }[] = [];

  let next = 0;
  const worker = async () => {
    for (let i = next++; i < offices.length; i = next++) {
      const office = offices[i] as SampleOffice;
      const path = join(options.outDir, officeSource(office));
      const sample = sampleOffice(office, plan.get(office.code) ?? [], seed, period);
      mistakes[i] = sample.mistakes;
      written[i] = { code: office.code, name: office.name, path };
      if (sample.unreadable) await writeFileAtomic(path, csvOf(findTable(sample.content, ACTION_PLAN_TAB.name)));
      else await writeFileAtomic(path, await workbookBytes(buildOfficeWorkbook(sample.content, date)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, offices.length) }, worker));

  const rekapPath = join(options.outDir, 'rekap.xlsx');
  await writeWorkbookAtomic(
    buildRekapTemplate({
      offices: offices.map((office) => registryRow(office, seed)),
      period: period.id,
      provinceEmail: SAMPLE_PROVINCE_EMAIL,
      repairDeadline: sampleRepairDeadline(period),
      contact: `Tim Monev Bawaslu Provinsi Jawa Timur, ${SAMPLE_PROVINCE_EMAIL}`,
      date,
    }),
    rekapPath,
  );
  return { rekapPath, offices: written, mistakes: mistakes.flat() };
}

/** The 15th of the month after the quarter: a fortnight to fix the findings after the reports go out. */
export function sampleRepairDeadline(period: Period): string {
  const month = period.quarter * 3 + 1;
  return month > 12 ? `${period.year + 1}-01-15` : `${period.year}-${String(month).padStart(2, '0')}-15`;
}

/** Where each mistake is, without writing anything: for tests and for documenting the sample. */
export function sampleMistakes(options: Omit<SampleProvinceOptions, 'outDir'> = {}): SampleMistake[] {
  const { offices, seed, period } = resolve(options);
  const plan = planMistakes(
    offices.map((office) => office.code),
    seed,
  );
  return offices.flatMap((office) =>
    plan.has(office.code) ? sampleOffice(office, plan.get(office.code) ?? [], seed, period).mistakes : [],
  );
}

function sampleOffice(office: SampleOffice, kinds: readonly MistakeKind[], seed: number, period: Period) {
  const content: OfficeContent = generateOfficeContent(office, {
    seed,
    year: period.year,
    quarter: period.quarter,
    style: styleForMistakes(kinds),
  });
  applyEvidenceStory(content);
  const mistakes = kinds.map((kind) => applyMistake(content, kind, seed, period.quarter));
  return { content, mistakes, unreadable: kinds.includes('unreadable') };
}

function resolve(options: Omit<SampleProvinceOptions, 'outDir'>): {
  offices: SampleOffice[];
  seed: number;
  period: Period;
} {
  const count = options.offices ?? SAMPLE_DEFAULTS.offices;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`Jumlah satker contoh harus bilangan bulat ≥ 1, bukan ${count}.`);
  const period = parsePeriod(options.period ?? SAMPLE_DEFAULTS.period);
  if (!period) throw new Error(`Periode "${options.period}" tidak dikenal. Tulis seperti 2025-TW3.`);
  return { offices: sampleOffices(count), seed: options.seed ?? SAMPLE_DEFAULTS.seed, period };
}

/** The last day of the period's quarter: the date stamped into every sample file. */
export function periodDate(period: Period): Date {
  return new Date(Date.UTC(period.year, period.quarter * 3, 0));
}

export function officeSource(office: Pick<SampleOffice, 'code'>): string {
  return `satker/${office.code}.xlsx`;
}

function registryRow(office: SampleOffice, seed: number): RekapOffice {
  const second = Random.for(seed, office.code, 'registry').chance(0.3)
    ? `, sekretariat.${office.slug}@example.go.id`
    : '';
  return {
    code: office.code,
    name: office.name,
    kind: office.kind,
    source: officeSource(office),
    email: `bawaslu.${office.slug}@example.go.id${second}`,
    active: 'Ya',
  };
}
