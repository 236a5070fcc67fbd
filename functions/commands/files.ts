import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOfficeTemplate } from '../adapters/xlsx/office-template.js';
import { writeWorkbookAtomic } from '../adapters/xlsx/atomic-write.js';
import { REKAP_FILE } from '../adapters/xlsx/xlsx-source.js';
import { parsePeriod } from '../core/period.js';
import { generateSampleProvince } from '../sample/generate.js';
import { EXIT, usageError, type CommandIo } from './io.js';
import { runCommand } from './run.js';

export interface TemplateArgs {
  out: string;
  code?: string;
  name?: string;
  year?: string;
}

/** `monev template`: a blank office workbook generated from sheets-schema. */
export async function templateCommand(args: TemplateArgs, io: CommandIo): Promise<number> {
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    throw usageError('invalid-year', { value: String(args.year) });
  }
  await writeWorkbookAtomic(buildOfficeTemplate({ code: args.code, name: args.name, year }), args.out);
  io.out(`Templat workbook satker ditulis ke ${args.out}.`);
  return EXIT.ok;
}

export interface SampleArgs {
  out: string;
  offices?: string;
  seed?: string;
  period?: string;
}

/** `monev sample`: the deterministic sample province (rekap.xlsx and one workbook per office). */
export async function sampleCommand(args: SampleArgs, io: CommandIo): Promise<number> {
  const offices = args.offices === undefined ? 38 : Number(args.offices);
  if (!Number.isInteger(offices) || offices < 1 || offices > 100_000) {
    throw usageError('invalid-office-count', { value: String(args.offices) });
  }
  const seed = args.seed === undefined ? 2025 : Number(args.seed);
  if (!Number.isInteger(seed)) throw usageError('invalid-seed', { value: String(args.seed) });
  const period = args.period ?? '2025-TW3';
  if (!parsePeriod(period)) throw usageError('invalid-period', { value: period });
  const started = Date.now();
  await generateSampleProvince({ outDir: args.out, offices, seed, period });
  io.out(
    `Provinsi contoh (${offices} satker, seed ${seed}, ${period}) ditulis ke ${args.out} dalam ${((Date.now() - started) / 1000).toFixed(1)} detik.`,
  );
  return EXIT.ok;
}

/** `npm start`: the quick start — make the sample in data/ unless it is there, then run its period into out/. */
export async function startCommand(io: CommandIo): Promise<number> {
  const data = 'data';
  if (!(await exists(join(data, REKAP_FILE)))) await sampleCommand({ out: data }, io);
  else io.err(`Memakai data yang sudah ada di ${data}/ (hapus folder itu untuk membuat contoh baru).`);
  const code = await runCommand({ data, out: 'out', pdf: true, email: true, resend: false }, io);
  // Offices with errors are the point of the sample: the quick start succeeded if it got this far.
  return code === EXIT.findings ? EXIT.ok : code;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
