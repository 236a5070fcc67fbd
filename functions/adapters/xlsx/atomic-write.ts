import type ExcelJS from 'exceljs';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { stampZipEntries } from './zip-timestamps.js';

export { writeFileAtomic };

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
