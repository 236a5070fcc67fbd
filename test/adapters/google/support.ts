import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type RunArgs } from '../../../functions/commands/run.js';
import type { CommandIo } from '../../../functions/commands/io.js';
import type { ResultsDocument } from '../../../functions/core/results-document.js';
import { generateSampleProvince } from '../../../functions/sample/generate.js';

/** What the live-mode tests share: a sample province on disk, the environment for the fake, the CLI. */
export async function sampleProvince(
  offices?: number,
): Promise<{ dir: string; dataDir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'monev-google-'));
  const dataDir = join(dir, 'data');
  await generateSampleProvince({ outDir: dataDir, offices });
  return { dir, dataDir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Environment pointing monev at the fake, with the quota window and backoff shrunk for tests. */
export function fakeEnv(rootUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MONEV_GOOGLE_ROOT_URL: rootUrl,
    MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
    MONEV_GOOGLE_BACKOFF_MS: '5',
    MONEV_GOOGLE_DEADLINE_MS: '20000',
    ...extra,
  };
}

export function quietIo(): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return { out: (text) => lines.push(text), err: (text) => lines.push(text), interactive: false, lines };
}

export async function runMonev(
  args: Partial<RunArgs> & { out: string },
  env: Record<string, string>,
): Promise<{ code: number; results: ResultsDocument; output: string }> {
  const io = quietIo();
  const code = await runCommand({ pdf: false, email: false, resend: false, ...args }, io, env);
  const results = JSON.parse(await readFile(join(args.out, 'results.json'), 'utf8')) as ResultsDocument;
  return { code, results, output: io.lines.join('\n') };
}
