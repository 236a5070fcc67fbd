import { randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeFolder } from './make-folder.js';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the data goes to
 * a temporary file in the same folder, which is then renamed over the target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = await temporaryBeside(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Like writeFileAtomic, but only when `path` does not exist yet: the complete file is linked into
 * place, and a link onto an existing name fails. Resolves false, writing nothing, when it exists.
 */
export async function createFileAtomic(path: string, data: string | Uint8Array): Promise<boolean> {
  const temporary = await temporaryBeside(path);
  try {
    await writeFile(temporary, data);
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A hidden, unique name in the target's folder (made when missing): a rename or link from it stays on one disk. */
async function temporaryBeside(path: string): Promise<string> {
  const folder = dirname(path);
  await makeFolder(folder);
  return join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
