import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs, required on first use rather than imported: it takes about 0.2 s to load, which the cloud
 * functions in live mode (Google Sheets) never need. It is CommonJS, so requiring it keeps its callers
 * synchronous.
 */
let loaded: typeof ExcelJS | undefined;

export function excel(): typeof ExcelJS {
  loaded ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  return loaded;
}

/**
 * A new workbook signed by monev, as every workbook monev creates from nothing starts. `date` is its
 * created and modified date: pass a fixed one for reproducible files.
 */
export function newWorkbook(date: Date = new Date()): ExcelJS.Workbook {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'monev';
  workbook.lastModifiedBy = 'monev';
  workbook.created = date;
  workbook.modified = date;
  return workbook;
}
