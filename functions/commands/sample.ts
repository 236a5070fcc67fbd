import { parsePeriod } from '../core/period.js';
import { generateSampleProvince } from '../sample/generate.js';
import { EXIT, usageError, type CommandIo } from './io.js';

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
