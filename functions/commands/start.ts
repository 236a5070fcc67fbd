import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { REKAP_FILE } from '../adapters/xlsx/xlsx-source.js';
import { DEFAULT_OUT_DIR } from '../shared/local-defaults.js';
import { SAMPLE_DEFAULTS } from '../sample/sample-defaults.js';
import { EXIT, type CommandIo } from './io.js';
import { runCommand } from './run.js';
import { sampleCommand } from './sample.js';

/** `npm start`: the quick start — make the sample in data/ unless it is there, then run its period into out/. */
export async function startCommand(io: CommandIo): Promise<number> {
  const data = 'data';
  if (!(await exists(join(data, REKAP_FILE)))) await sampleCommand({ out: data, ...SAMPLE_DEFAULTS }, io);
  else io.err(`Memakai data yang sudah ada di ${data}/ (hapus folder itu untuk membuat contoh baru).`);
  const code = await runCommand({ data, out: DEFAULT_OUT_DIR, pdf: true, email: true, resend: false }, io);
  // Offices with errors are the point of the sample: the quick start succeeded if it got this far.
  return code === EXIT.findings ? EXIT.ok : code;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
