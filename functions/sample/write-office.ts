import type ExcelJS from 'exceljs';
import { buildOfficeTemplate } from '../adapters/xlsx/office-template.js';
import { wrappedRowHeight } from '../adapters/xlsx/sheet-layout.js';
import type { OfficeContent, SampleCell, SampleTable } from './content.js';

/**
 * Puts generated content into the office template, so sample workbooks look exactly like the ones
 * operators receive (notes, dropdowns, formats), then carry what the operator typed.
 */
export function buildOfficeWorkbook(content: OfficeContent, date: Date): ExcelJS.Workbook {
  const { office, year } = content;
  const workbook = buildOfficeTemplate({ code: office.code, name: office.name, year, date });
  for (const table of content.tables) {
    const worksheet = workbook.getWorksheet(table.tab);
    if (!worksheet) throw new Error(`template has no tab ${table.tab}`);
    dropDeletedColumns(worksheet, table);
    const columns = table.headers.map((_header, c) => worksheet.getColumn(c + 1));
    // Estimated at 85 % of the width: LibreOffice without Calibri draws in a wider face, and a row a
    // little too tall reads better than text running into the next row.
    const widths = columns.map((column) => (column.width ?? 10) * 0.85);
    const wrap = columns.map((column) => column.alignment?.wrapText === true);
    table.rows.forEach((cells, r) => {
      const row = worksheet.getRow(r + 2);
      cells.forEach((cell, c) => {
        if (cell !== null) writeCell(row.getCell(c + 1), cell);
      });
      // Excel and LibreOffice save the height of a row whose wrapped text they laid out; a workbook
      // written here has to set it, or LibreOffice shows every row one line high with the text overlapping.
      if (wrap.some(Boolean)) row.height = wrappedRowHeight(cells.map(shownText), widths, wrap);
    });
  }
  return workbook;
}

/** A column the operator deleted goes from the template too, shifting the columns to its right. */
function dropDeletedColumns(worksheet: ExcelJS.Worksheet, table: SampleTable): void {
  const headers = (worksheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (let c = headers.length - 1; c >= 0; c--) {
    if (!table.headers.includes(headers[c] as string)) worksheet.spliceColumns(c + 1, 1);
  }
  const kept = headers.filter((header) => table.headers.includes(header));
  if (kept.join('\n') !== table.headers.join('\n'))
    throw new Error(`sample columns of ${table.tab} do not follow the template`);
}

function shownText(cell: SampleCell): string | number | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'formula' in cell ? cell.error : cell.value;
}

function writeCell(target: ExcelJS.Cell, cell: Exclude<SampleCell, null>): void {
  if (typeof cell !== 'object') {
    target.value = cell;
  } else if ('formula' in cell) {
    target.value = { formula: cell.formula, result: { error: cell.error as ExcelJS.CellErrorValue['error'] } };
  } else {
    target.value = cell.value;
    target.numFmt = cell.numFmt;
  }
}

/**
 * What an operator uploads when they "save as CSV" and rename the file to .xlsx: the Rencana Aksi
 * tab as comma-separated text. It is not a zip, so it cannot be read as a workbook.
 */
export function csvOf(table: SampleTable): string {
  const quote = (cell: SampleCell): string => {
    const text =
      cell === null
        ? ''
        : typeof cell === 'object'
          ? 'formula' in cell
            ? cell.error
            : String(cell.value)
          : String(cell);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [table.headers.map(quote).join(','), ...table.rows.map((row) => row.map(quote).join(','))].join('\r\n') + '\r\n'
  );
}
