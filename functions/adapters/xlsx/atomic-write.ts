import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { stampZipEntries } from './zip-timestamps.js';

/**
 * Writes through a temporary file in the target's own folder and renames it into place, so a
 * reader (or a crash) never sees half a workbook. The rename is atomic only within one file system,
 * which is why the temporary file is not put in os.tmpdir().
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The zip entries carry the workbook's `modified` date instead of the clock, so a workbook built
 * with fixed dates is written to identical bytes every time.
 */
export async function writeWorkbookAtomic(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeFileAtomic(path, await workbookBytes(workbook));
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const written = await workbook.xlsx.writeBuffer();
  // exceljs types the result as its own ArrayBuffer-like Buffer; in Node it is a real Buffer (a Uint8Array).
  return stampZipEntries(written as unknown as Uint8Array, workbook.modified ?? workbook.created ?? new Date());
}
