import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runChild } from './child.js';

/**
 * Sample provinces generated once and kept under the system's temporary folder, so that a bench run
 * does not spend ~100 s regenerating 5 520 offices. The folder name carries a hash of the compiled
 * generator and sheet schema: a change to either makes a new sample. Delete the folder to force one.
 */
export const CACHE_ROOT = join(tmpdir(), 'monev-bench');

export async function cachedSample(
  offices: number,
  log: (line: string) => void,
): Promise<{ dataDir: string; generatedMs: number | null }> {
  const dir = join(CACHE_ROOT, 'samples', `${generatorHash()}-${offices}`);
  const dataDir = join(dir, 'data');
  if (existsSync(join(dir, 'complete'))) return { dataDir, generatedMs: null };
  log(`  generating a ${offices}-office sample into ${dir} (once; kept for later runs)`);
  const building = `${dir}.partial-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const run = await runChild(process.execPath, [
    join(repoRoot, 'bin/monev.js'),
    'sample',
    '--out',
    join(building, 'data'),
    '--offices',
    String(offices),
  ]);
  if (run.exitCode !== 0)
    throw new Error(`monev sample --offices ${offices} failed (exit ${run.exitCode}): ${run.stderr.slice(-2000)}`);
  await writeFile(join(building, 'complete'), `${new Date().toISOString()}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  return { dataDir, generatedMs: run.wallMs };
}

let hash: string | undefined;
function generatorHash(): string {
  if (hash) return hash;
  const digest = createHash('sha256');
  for (const folder of ['dist/functions/sample', 'dist/sheets-schema']) {
    for (const file of listFiles(join(repoRoot, folder)).filter((path) => path.endsWith('.js')))
      digest.update(file.slice(repoRoot.length)).update(readFileSync(file));
  }
  hash = digest.digest('hex').slice(0, 10);
  return hash;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
