import { cp, readFile, writeFile } from 'node:fs/promises';
import { makeFolder } from '../adapters/fs/make-folder.js';
import { join } from 'node:path';

/**
 * The folder `gcloud functions deploy --source` uploads: the compiled code, the report templates and
 * the lockfile, with a package.json whose `main` names the functions' module and which carries no
 * npm scripts, so Cloud Build installs the dependencies and compiles nothing.
 */
export const STAGED = ['dist', 'templates', 'bin', 'package-lock.json'] as const;
/** The bundle of rolldown.config.mjs (`npm run build`): one file and a few chunks instead of ~170 modules. */
export const FUNCTIONS_MAIN = 'dist/bundle/index.js';

export async function stageSource(root: string, into: string): Promise<void> {
  await makeFolder(into);
  for (const entry of STAGED) await cp(join(root, entry), join(into, entry), { recursive: true });
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const staged = { ...manifest, main: FUNCTIONS_MAIN, scripts: {} };
  await writeFile(join(into, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  await writeFile(join(into, '.gcloudignore'), 'node_modules/\n*.map\n');
}
