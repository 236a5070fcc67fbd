import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetValue } from '../../core/summary-rows.js';
import type { Cell, CellValue, FormatKind, Sheet, Workbook } from '../../core/workbook.js';

/**
 * Sheets grid data ⇄ the core's cell model (docs/SPEC.md §2), so that a Google sheet and an .xlsx file with the
 * same content score alike: the effective value (a formula's result), the number-format type for
 * percent and date cells, formula errors as their text ("#REF!"), and a link's target where the
 * cell only shows a label, as the xlsx reader does.
 */

/** The cell fields monev reads: nothing else is transferred. */
export const CELL_FIELDS = 'effectiveValue,formattedValue,effectiveFormat.numberFormat.type,hyperlink';

/** Sheet titles and ids with the grid data of the requested ranges. */
export const GRID_FIELDS = `sheets(properties(sheetId,title),data(startRow,startColumn,rowData.values(${CELL_FIELDS})))`;

/** As GRID_FIELDS, with the grid size the rekap writer needs to know before writing below it. */
export const GRID_FIELDS_WITH_SIZE = `sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData.values(${CELL_FIELDS})))`;

const ERROR_TEXT: Record<string, string> = {
  REF: '#REF!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  N_A: '#N/A',
  VALUE: '#VALUE!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  NULL_VALUE: '#NULL!',
  ERROR: '#ERROR!',
  LOADING: '#ERROR!',
};

const EXTERNAL_LINK = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^\s*https?:\/\//i;

export function toCell(data: sheets_v4.Schema$CellData | undefined): Cell | undefined {
  const effective = data?.effectiveValue;
  if (!data || !effective) return undefined;
  let value: CellValue;
  if (effective.errorValue)
    value = data.formattedValue ?? ERROR_TEXT[effective.errorValue.type ?? 'ERROR'] ?? '#ERROR!';
  else if (typeof effective.numberValue === 'number') value = effective.numberValue;
  else if (typeof effective.stringValue === 'string') value = effective.stringValue;
  else if (typeof effective.boolValue === 'boolean') value = effective.boolValue;
  else return undefined;
  // A pasted link with a label ("Bukti"), or =HYPERLINK(url; label): the URL is what Bukti Dukung needs.
  const link = data.hyperlink;
  if (!effective.errorValue && typeof value === 'string' && link && EXTERNAL_LINK.test(link) && !WEB_URL.test(value))
    value = link;
  return { value, format: formatKind(data.effectiveFormat?.numberFormat?.type, value) };
}

function formatKind(type: string | null | undefined, value: CellValue): FormatKind {
  switch (type) {
    case 'PERCENT':
      return 'percent';
    case 'DATE':
    case 'DATE_TIME':
    // The xlsx reader counts time formats as dates too (an "h:mm" format holds a serial).
    case 'TIME':
      return 'date';
    case 'TEXT':
      return 'text';
    default:
      return typeof value === 'number' ? 'number' : 'text';
  }
}

export function toSheet(sheet: sheets_v4.Schema$Sheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const block of sheet.data ?? []) {
    const top = block.startRow ?? 0;
    const left = block.startColumn ?? 0;
    (block.rowData ?? []).forEach((rowData, r) => {
      (rowData.values ?? []).forEach((cellData, c) => {
        const cell = toCell(cellData);
        if (cell) (rows[top + r] ??= [])[left + c] = cell;
      });
    });
  }
  return { name: sheet.properties?.title ?? '', rows };
}

export function toWorkbook(spreadsheet: sheets_v4.Schema$Spreadsheet): Workbook {
  return { sheets: (spreadsheet.sheets ?? []).map(toSheet) };
}

/** A value as the rekap's history sees it: plain text or number, as the xlsx writer reads back. */
export function plainValue(cell: Cell | undefined): SheetValue {
  if (!cell || cell.value === null) return null;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}

/** A value to write: typed, never parsed, so text that looks like a formula stays text. */
export function enteredValue(value: SheetValue): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { numberValue: value } : { stringValue: String(value) };
  return { stringValue: value };
}
