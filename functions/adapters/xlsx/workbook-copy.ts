import type ExcelJS from 'exceljs';
import { ERROR_NAMES } from './read-workbook.js';
import type { SheetJsCell, SheetJsSheet } from './sheetjs.js';

/**
 * Copies a tab read by the tolerant reader (SheetJS behind the bounded zip reader) into a workbook monev
 * builds with exceljs: values, formulas with their saved results, number formats, links, merges, the
 * filter, column widths and row heights. Fonts, fills and borders are not carried over (SheetJS does not read them).
 *
 * Why not load the file into exceljs: the province edits rekap.xlsx with whatever program it has, and
 * exceljs fails on parts other programs write (openpyxl's and pandas' absolute part paths, exceljs issue
 * #2797: "Cannot read properties of undefined (reading 'comments')"). Building the output afresh from cells
 * the tolerant reader got out of the file leaves nothing foreign for exceljs to trip over.
 */
export function copyTab(workbook: ExcelJS.Workbook, name: string, source: SheetJsSheet | undefined): ExcelJS.Worksheet {
  const sheet = addTab(workbook, name);
  (source?.['!cols'] ?? []).forEach((column, c) => {
    if (!column) return;
    const target = sheet.getColumn(c + 1);
    if (column.width !== undefined && Number.isFinite(column.width) && column.width > 0)
      target.width = Math.min(column.width, MAX_COLUMN_WIDTH);
    if (column.hidden === true) target.hidden = true;
  });
  (source?.['!rows'] ?? []).forEach((row, r) => {
    if (!row) return;
    const target = sheet.getRow(r + 1);
    if (row.hpt !== undefined && Number.isFinite(row.hpt) && row.hpt > 0)
      target.height = Math.min(row.hpt, MAX_ROW_HEIGHT);
    if (row.hidden === true) target.hidden = true;
  });
  (source?.['!data'] ?? []).forEach((cells, r) => {
    if (!cells) return;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const value = cellValue(cell);
      if (value === null) return;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = value;
      if (typeof cell.z === 'string' && cell.z !== 'General') target.numFmt = cell.z;
    });
  });
  const filter = source?.['!autofilter']?.ref;
  if (typeof filter === 'string' && /^[A-Z]+[0-9]+:[A-Z]+[0-9]+$/.test(filter)) sheet.autoFilter = filter;
  for (const merge of source?.['!merges'] ?? []) {
    try {
      sheet.mergeCells(merge.s.r + 1, merge.s.c + 1, merge.e.r + 1, merge.e.c + 1);
    } catch {
      // A merge overlapping another one (which no spreadsheet program writes) is left unmerged: the
      // values are all there either way.
    }
  }
  return sheet;
}

// Excel's own maxima: 255 characters wide, 409 points high.
const MAX_COLUMN_WIDTH = 255;
const MAX_ROW_HEIGHT = 409;

/**
 * A new tab named `name`, or, when exceljs refuses that name (one that Excel would not allow either: too
 * long, blank, starting or ending with a quote, holding []:*?/\, a reserved word, a name already taken apart
 * from its case), the nearest name it accepts.
 */
export function addTab(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  try {
    return workbook.addWorksheet(name);
  } catch {
    const base =
      name
        .replace(/[*?:\\/[\]]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 24)
        .trim() || 'Tab';
    const taken = (candidate: string) =>
      workbook.worksheets.some((sheet) => sheet.name.toLowerCase() === candidate.toLowerCase());
    for (let n = 2; ; n++) {
      // "Tab n" is always accepted once it is free.
      for (const candidate of [`${base} (${n})`, `Tab ${n}`]) {
        if (taken(candidate)) continue;
        try {
          return workbook.addWorksheet(candidate);
        } catch {
          // Refused as well: the next candidate.
        }
      }
    }
  }
}

// The errors exceljs can write as errors; any other (Google's #ERROR!, #GETTING_DATA) is kept as its text.
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

// A reference into another workbook ("[1]Sheet1!A1") would point at a link part the copy does not have.
const EXTERNAL_REFERENCE = /\[\d+\]/;

const EXTERNAL_LINK = /^[a-z][a-z0-9+.-]*:/i;

function cellValue(cell: SheetJsCell): ExcelJS.CellValue {
  const result = plainValue(cell);
  if (cell.f && !EXTERNAL_REFERENCE.test(cell.f)) {
    const formula = { formula: cell.f } as ExcelJS.CellFormulaValue;
    return result === null ? formula : { ...formula, result: result as ExcelJS.CellFormulaValue['result'] };
  }
  const target = cell.l?.Target?.trim();
  if (
    target &&
    (typeof result === 'string' || typeof result === 'number') &&
    (EXTERNAL_LINK.test(target) || target.startsWith('#'))
  )
    return { text: String(result), hyperlink: target };
  return result;
}

function plainValue(cell: SheetJsCell): ExcelJS.CellValue {
  switch (cell.t) {
    case 'z':
      return null;
    case 'e': {
      const text = cell.w ?? (typeof cell.v === 'number' ? ERROR_NAMES[cell.v] : undefined) ?? '#N/A';
      return EXCEL_ERRORS.has(text) ? { error: text as ExcelJS.CellErrorValue['error'] } : text;
    }
    case 'b':
      return cell.v === true;
    default:
      return cell.v === undefined ? null : cell.v;
  }
}
