import { generateSampleProvince } from '../sample/generate.js';
import { formatId } from '../core/numbers.js';
import { EXIT, type CommandIo } from './io.js';

/** Checked by the command line, which also supplies the defaults (sample/sample-defaults.ts). */
export interface SampleArgs {
  out: string;
  offices: number;
  seed: number;
  /** A period such as 2025-TW3. */
  period: string;
}

/** `monev sample`: the deterministic sample province (rekap.xlsx and one workbook per office). */
export async function sampleCommand(args: SampleArgs, io: CommandIo): Promise<number> {
  const { offices, seed, period } = args;
  const started = Date.now();
  await generateSampleProvince({ outDir: args.out, offices, seed, period });
  io.out(
    `Provinsi contoh (${offices} satker, seed ${seed}, ${period}) ditulis ke ${args.out} dalam ${formatId((Date.now() - started) / 1000, 1)} detik.`,
  );
  return EXIT.ok;
}
