import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell, Workbook } from '../../../functions/core/workbook.js';
import { newSheet, type CellData, type StoredSpreadsheet } from './sheets-store.js';

/**
 * The core's cell model (what the xlsx reader yields) as Sheets would hold it: values as effective
 * values, the format kind as the effective number-format type, formula errors as error values with
 * their text as formatted value. Reading it back through the Google adapter must give the same cells.
 */
const ERROR_TYPES: Record<string, string> = {
  '#REF!': 'REF',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#N/A': 'N_A',
  '#VALUE!': 'VALUE',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#NULL!': 'NULL_VALUE',
  '#ERROR!': 'ERROR',
};

const FORMAT_TYPES: Record<Cell['format'], string | undefined> = {
  percent: 'PERCENT',
  date: 'DATE',
  text: 'TEXT',
  number: undefined,
};
const PATTERNS: Record<string, string> = { PERCENT: '0.00%', DATE: 'dd/mm/yyyy', TEXT: '@' };

export function cellData(cell: Cell): CellData | undefined {
  const value = cell.value;
  if (value === null) return undefined;
  const type = FORMAT_TYPES[cell.format];
  // Plain text needs no format: Sheets shows strings as typed; '@' matters for numbers held as text.
  const numberFormat =
    type && !(type === 'TEXT' && typeof value === 'string')
      ? { numberFormat: { type, pattern: PATTERNS[type] } }
      : undefined;
  const formats = numberFormat
    ? { userEnteredFormat: numberFormat, effectiveFormat: structuredClone(numberFormat) }
    : {};
  if (typeof value === 'string' && ERROR_TYPES[value]) {
    return {
      userEnteredValue: { formulaValue: '=1/0' },
      effectiveValue: { errorValue: { type: ERROR_TYPES[value], message: 'Error in the source workbook.' } },
      formattedValue: value,
      ...formats,
    };
  }
  const entered: sheets_v4.Schema$ExtendedValue =
    typeof value === 'number'
      ? { numberValue: value }
      : typeof value === 'boolean'
        ? { boolValue: value }
        : { stringValue: value };
  const formatted = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  const data: CellData = {
    userEnteredValue: entered,
    effectiveValue: structuredClone(entered),
    formattedValue: formatted,
    ...formats,
  };
  return cell.links ? { ...data, ...linkRuns(formatted, cell.links) } : data;
}

/**
 * Links beside a cell's text, as Sheets keeps them: a Drive link pasted into a cell becomes a smart
 * chip (`chipRuns`, one run of length 1 per chip), a mailto: link a person chip, any other a link on a run of the text
 * (`textFormatRuns`). Runs start where each line of the text starts.
 */
function linkRuns(text: string, links: readonly string[]): Pick<CellData, 'chipRuns' | 'textFormatRuns'> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const chipRuns: sheets_v4.Schema$ChipRun[] = [];
  const textFormatRuns: sheets_v4.Schema$TextFormatRun[] = [];
  links.forEach((uri, i) => {
    const startIndex = starts[i] ?? 0;
    const person = /^mailto:([^?,]+)$/i.exec(uri)?.[1];
    if (/^https:\/\/(drive|docs)\.google\.com\//.test(uri))
      chipRuns.push({ startIndex, chip: { richLinkProperties: { uri } } });
    else if (person) chipRuns.push({ startIndex, chip: { personProperties: { email: person } } });
    else textFormatRuns.push({ startIndex, format: { link: { uri } } });
  });
  return {
    ...(chipRuns.length > 0 ? { chipRuns } : {}),
    ...(textFormatRuns.length > 0 ? { textFormatRuns } : {}),
  };
}

export function spreadsheetFromWorkbook(id: string, title: string, workbook: Workbook): StoredSpreadsheet {
  let nextId = 0;
  return {
    spreadsheetId: id,
    properties: { title, locale: 'in_ID', timeZone: 'Asia/Jakarta' },
    nextProtectedRangeId: 1,
    sheets: workbook.sheets.map((sheet, index) => {
      const stored = newSheet({ sheetId: nextId === 0 ? nextId++ : 1000 + nextId++, title: sheet.name, index });
      stored.rows = sheet.rows.map((row) => (row ?? []).map((cell) => (cell ? cellData(cell) : undefined)));
      const grid = stored.properties.gridProperties;
      grid.rowCount = Math.max(grid.rowCount, stored.rows.length);
      grid.columnCount = Math.max(grid.columnCount, ...stored.rows.map((row) => row.length));
      return stored;
    }),
  };
}
