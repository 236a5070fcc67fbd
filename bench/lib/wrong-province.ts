import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateSampleProvince, officeSource } from '../../functions/sample/generate.js';
import { wrongOfficeWorkbook } from '../../test/fakes/wrong-office.js';

/**
 * The sample province with office 3573's workbook replaced by the all-wrong office of `rows` rows a tab
 * (test/fakes/wrong-office.ts), written as an xlsx file, for measuring a whole `monev run` that holds such
 * an office (issue 17 item 2: its Hasil Validasi has tens of thousands of lines). Usage:
 * `node dist/bench/lib/wrong-province.js <folder> [rows]`.
 */
const folder = process.argv[2];
const rows = Number(process.argv[3] ?? 4999);
if (!folder || !Number.isInteger(rows) || rows <= 0) throw new Error('usage: wrong-province.js <folder> [rows]');
const code = '3573';
await generateSampleProvince({ outDir: folder, period: '2025-TW3' });
const file = officeSource({ code });
await rm(join(folder, file));
// Streamed, so that making the file costs little memory next to the run it is made for.
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(folder, file) });
for (const sheet of wrongOfficeWorkbook(rows, code).sheets) {
  const tab = writer.addWorksheet(sheet.name);
  for (const row of sheet.rows) tab.addRow((row ?? []).map((cell) => cell?.value ?? null)).commit();
  tab.commit();
}
await writer.commit();
console.log(join(folder, file));
