import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, Sheet, Workbook } from '../../core/workbook.js';
import { classifyNumberFormat, formatKind } from './number-format.js';
import { UnreadableWorkbookError, fileErrorReason, sniffUnreadable } from './unreadable-workbook-error.js';
import { excel } from './exceljs.js';

/**
 * Reads an .xlsx file into the cell model of core/workbook.ts (docs/SPEC.md §2). The file is only read,
 * never written. Anything that is not a readable workbook rejects with UnreadableWorkbookError.
 */
export async function readXlsxWorkbook(path: string): Promise<Workbook> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (error) {
    throw new UnreadableWorkbookError(fileErrorReason(error), {
      cause: error,
      fix: 'Periksa nama file di kolom Sumber pada tab Satker rekap, lalu jalankan lagi.',
    });
  }
  return readXlsxBuffer(buf);
}

/**
 * Worksheet parts that never hold a cell value. Skipping them makes a read about a tenth faster:
 * exceljs would otherwise expand every dropdown range of the template into one entry per cell.
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'drawing',
  'picture',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'rowBreaks',
];

export async function readXlsxBuffer(buf: Uint8Array): Promise<Workbook> {
  const sniffed = sniffUnreadable(buf);
  if (sniffed) throw new UnreadableWorkbookError(sniffed);
  const workbook = new (excel().Workbook)();
  try {
    // exceljs declares its own ArrayBuffer-based Buffer type; a Node Buffer is what it really takes.
    const data = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    await workbook.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    throw new UnreadableWorkbookError('file Excel rusak atau tidak lengkap', { cause: error });
  }
  const worksheets = workbook.worksheets;
  // A zip without worksheets is some other document (.docx, .ods, a plain archive) renamed to .xlsx.
  if (worksheets.length === 0)
    throw new UnreadableWorkbookError('bukan file Excel .xlsx yang sah (tidak ada lembar kerja)');
  return { sheets: worksheets.map(readSheet) };
}

function readSheet(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  worksheet.eachRow((row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell((cell, columnNumber) => {
      const converted = toCell(cell);
      if (converted) cells[columnNumber - 1] = converted;
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  return { name: worksheet.name, rows };
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function toCell(cell: ExcelJS.Cell): Cell | undefined {
  // The covered cells of a merge repeat the top-left value in exceljs but are empty in Google Sheets;
  // reading them as empty keeps both adapters alike (one value per merged block).
  if (cell.type === excel().ValueType.Merge) return undefined;
  const value = plainValue(cell.value);
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    const ms = value.getTime();
    // Excel shows "########" for a date it cannot display; an out-of-range serial becomes that text.
    if (Number.isNaN(ms)) return { value: '########', format: 'text' };
    // exceljs turns date-formatted serials into UTC instants (already shifted for the 1904 system),
    // so this gives back the serial of the 1900 system the core expects.
    return { value: (ms - SERIAL_EPOCH_MS) / DAY_MS, format: 'date' };
  }
  return { value, format: formatKind(classifyNumberFormat(cell.numFmt), value) };
}

/** The value as the spreadsheet shows it: formulas give their cached result, links their text. */
function plainValue(value: ExcelJS.CellValue): CellValue | Date | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return richText(value);
  if ('hyperlink' in value) return linkValue(value);
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value);
  return undefined;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  let text = '';
  for (const run of value.richText) text += run.text;
  return text;
}

// The displayed text is what operators typed; the link target is used when the text is only a
// label ("Bukti", "Lihat dokumen") so that Bukti Dukung still finds the URL behind it.
const EXTERNAL_LINK = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^\s*https?:\/\//i;

function linkValue(value: ExcelJS.CellHyperlinkValue): CellValue | Date | undefined {
  const text = plainValue(value.text as ExcelJS.CellValue);
  const target = value.hyperlink;
  if (typeof target !== 'string' || !EXTERNAL_LINK.test(target)) return text;
  if (typeof text === 'string' && WEB_URL.test(text)) return text;
  return target;
}

// =HYPERLINK("https://…"; "Bukti"): Google Sheets exports pasted links with labels this way.
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/i;

function formulaResult(value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue): CellValue | Date | undefined {
  const result = value.result;
  const converted = result === undefined ? null : plainValue(result as ExcelJS.CellValue);
  const formula = 'formula' in value ? value.formula : undefined;
  if (formula && typeof converted !== 'number') {
    const link = HYPERLINK_FORMULA.exec(formula)?.[1];
    if (link && EXTERNAL_LINK.test(link) && !(typeof converted === 'string' && WEB_URL.test(converted))) return link;
  }
  return converted;
}
