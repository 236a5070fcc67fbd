import type { sheets_v4 } from '@googleapis/sheets';
import { columnLetters, parseA1, quoteSheet, type A1Range } from './a1.js';
import { invalidArgument } from './api-error.js';
import { applyFieldMask, maskAt, parseFieldMask, type MaskTree } from './field-mask.js';

/**
 * Spreadsheets in memory, close enough to Sheets API v4 for monev's adapters and tests: grid data
 * with user-entered and effective values, number formats, notes, validation, protected ranges;
 * `spreadsheets.get` views with ranges; atomic `batchUpdate`; `values.batchUpdate` and `values.append`.
 * Formulas are stored but not evaluated.
 */
export type CellData = sheets_v4.Schema$CellData;
type ExtendedValue = sheets_v4.Schema$ExtendedValue;
type GridRange = sheets_v4.Schema$GridRange;
type Request = sheets_v4.Schema$Request;

export interface StoredSheet {
  properties: sheets_v4.Schema$SheetProperties & {
    sheetId: number;
    title: string;
    index: number;
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number };
  };
  rows: (CellData | undefined)[][];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  columnWidths: Record<number, number>;
  basicFilter?: sheets_v4.Schema$BasicFilter;
}

export interface StoredSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string };
  sheets: StoredSheet[];
  nextProtectedRangeId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export function newSheet(
  properties: Partial<StoredSheet['properties']> & { sheetId: number; title: string; index: number },
): StoredSheet {
  return {
    properties: {
      sheetType: 'GRID',
      ...properties,
      gridProperties: { rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS, ...(properties.gridProperties ?? {}) },
    },
    rows: [],
    protectedRanges: [],
    columnWidths: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ViewOptions {
  readonly ranges?: readonly string[];
  readonly includeGridData: boolean;
}

export function findSheetByTitle(spreadsheet: StoredSpreadsheet, title: string): StoredSheet | undefined {
  return (
    spreadsheet.sheets.find((sheet) => sheet.properties.title === title) ??
    spreadsheet.sheets.find((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase())
  );
}

export function resolveRange(spreadsheet: StoredSpreadsheet, range: string): { sheet: StoredSheet; a1: A1Range } {
  const a1 = parseA1(range);
  const sheet = a1
    ? a1.sheet === null
      ? spreadsheet.sheets.find((s) => !s.properties.hidden)
      : findSheetByTitle(spreadsheet, a1.sheet)
    : undefined;
  if (!a1 || !sheet) throw invalidArgument(`Unable to parse range: ${range}`);
  return { sheet, a1 };
}

/** The Spreadsheet resource: all sheets, or only those the ranges touch, with grid data if asked. */
export function spreadsheetView(spreadsheet: StoredSpreadsheet, options: ViewOptions): sheets_v4.Schema$Spreadsheet {
  const selected = new Map<StoredSheet, A1Range[]>();
  if (options.ranges && options.ranges.length > 0) {
    for (const range of options.ranges) {
      const { sheet, a1 } = resolveRange(spreadsheet, range);
      selected.set(sheet, [...(selected.get(sheet) ?? []), a1]);
    }
  } else {
    for (const sheet of spreadsheet.sheets) selected.set(sheet, [{ sheet: sheet.properties.title }]);
  }
  const sheets = spreadsheet.sheets
    .filter((sheet) => selected.has(sheet))
    .map((sheet) => {
      const view: sheets_v4.Schema$Sheet = { properties: structuredClone(sheet.properties) };
      if (options.includeGridData) view.data = (selected.get(sheet) ?? []).map((a1) => gridData(sheet, a1));
      if (sheet.protectedRanges.length > 0) view.protectedRanges = structuredClone(sheet.protectedRanges);
      return view;
    });
  return {
    spreadsheetId: spreadsheet.spreadsheetId,
    properties: { ...spreadsheet.properties },
    sheets,
    spreadsheetUrl: spreadsheetUrl(spreadsheet.spreadsheetId),
  };
}

function bounds(sheet: StoredSheet, a1: A1Range) {
  const grid = sheet.properties.gridProperties;
  return {
    startRow: a1.startRow ?? 0,
    endRow: Math.min(a1.endRow ?? grid.rowCount, grid.rowCount),
    startColumn: a1.startColumn ?? 0,
    endColumn: Math.min(a1.endColumn ?? grid.columnCount, grid.columnCount),
  };
}

function gridData(sheet: StoredSheet, a1: A1Range): sheets_v4.Schema$GridData {
  const b = bounds(sheet, a1);
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let r = b.startRow; r < Math.min(b.endRow, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    const values: CellData[] = [];
    for (let c = b.startColumn; c < Math.min(b.endColumn, row.length); c++) values.push(structuredClone(row[c] ?? {}));
    while (values.length > 0 && Object.keys(values[values.length - 1] as CellData).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && rowData[rowData.length - 1]?.values === undefined) rowData.pop();
  const data: sheets_v4.Schema$GridData = {};
  // Proto3 JSON leaves out zero values: a range from A1 has no startRow or startColumn.
  if (b.startRow > 0) data.startRow = b.startRow;
  if (b.startColumn > 0) data.startColumn = b.startColumn;
  if (rowData.length > 0) data.rowData = rowData;
  return data;
}

/** Values as `values.get` or a test sees them: effective values, formula errors as their text. */
export function sheetValues(sheet: StoredSheet): (string | number | boolean | null)[][] {
  return sheet.rows.map((row) => (row ?? []).map((cell) => plainValue(cell)));
}

export function plainValue(cell: CellData | undefined): string | number | boolean | null {
  const value = cell?.effectiveValue;
  if (!value) return null;
  if (value.errorValue) return cell?.formattedValue ?? '#ERROR!';
  return value.stringValue ?? value.numberValue ?? value.boolValue ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writing cells

/** Sets the fields of `mask` from `patch` (clearing those `patch` lacks) and recomputes the effective parts. */
export function writeCell(
  sheet: StoredSheet,
  row: number,
  column: number,
  patch: CellData,
  mask: MaskTree | null,
): void {
  const rows = sheet.rows;
  while (rows.length <= row) rows.push([]);
  const cells = (rows[row] ??= []);
  const before = cells[column] ?? {};
  const after: CellData =
    mask === null
      ? structuredClone(patch)
      : mergeMasked(before as Record<string, unknown>, patch as Record<string, unknown>, mask);
  finishCell(after, mask === null || mask.has('userEnteredValue'));
  cells[column] = Object.keys(after).length > 0 ? after : undefined;
}

function mergeMasked(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  mask: MaskTree,
): Record<string, unknown> {
  if (mask.has('*')) return structuredClone(patch);
  const result = structuredClone(target);
  for (const [key, sub] of mask) {
    const value = patch[key];
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (sub === null || !isObject) {
      if (sub !== null && result[key] && typeof result[key] === 'object' && (value === undefined || value === null)) {
        result[key] = mergeMasked(result[key] as Record<string, unknown>, {}, sub);
      } else if (value === undefined || value === null) delete result[key];
      else result[key] = structuredClone(value);
      continue;
    }
    const current = result[key];
    result[key] = mergeMasked(
      current && typeof current === 'object' ? (current as Record<string, unknown>) : {},
      value as Record<string, unknown>,
      sub,
    );
  }
  return result;
}

/** Effective value, effective format and formatted value follow from what was entered. */
function finishCell(cell: CellData, valueWritten: boolean): void {
  const entered = cell.userEnteredValue;
  if (!entered || Object.keys(entered).length === 0) {
    delete cell.userEnteredValue;
    delete cell.effectiveValue;
    delete cell.formattedValue;
  } else if (entered.formulaValue === undefined || entered.formulaValue === null) {
    cell.effectiveValue = structuredClone(entered);
  } else if (valueWritten) {
    // Formulas are kept but not evaluated.
    delete cell.effectiveValue;
    delete cell.formattedValue;
  }
  if (cell.userEnteredFormat && Object.keys(cell.userEnteredFormat).length > 0)
    cell.effectiveFormat = structuredClone(cell.userEnteredFormat);
  else {
    delete cell.userEnteredFormat;
    delete cell.effectiveFormat;
  }
  const value = cell.effectiveValue;
  if (value && !value.errorValue)
    cell.formattedValue = formatValue(value, cell.effectiveFormat?.numberFormat?.type ?? undefined);
  for (const key of Object.keys(cell) as (keyof CellData)[]) {
    const field = cell[key];
    if (field === undefined || (field !== null && typeof field === 'object' && Object.keys(field).length === 0))
      delete cell[key];
  }
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function formatValue(value: ExtendedValue, type: string | undefined): string {
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (value.boolValue !== undefined && value.boolValue !== null) return value.boolValue ? 'TRUE' : 'FALSE';
  const n = value.numberValue ?? 0;
  if (type === 'PERCENT') return `${Number((n * 100).toFixed(2))}%`;
  if (type === 'DATE' || type === 'DATE_TIME') {
    const d = new Date(SERIAL_EPOCH_MS + Math.round(n * 86_400_000));
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  return String(n);
}

function hasData(cell: CellData | undefined): boolean {
  return cell?.userEnteredValue !== undefined || cell?.effectiveValue !== undefined;
}

export function lastRowWithData(sheet: StoredSheet): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) if ((sheet.rows[r] ?? []).some(hasData)) return r;
  return -1;
}

function truncateGrid(sheet: StoredSheet): void {
  const grid = sheet.properties.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, grid.rowCount);
  for (const row of sheet.rows) if (row && row.length > grid.columnCount) row.length = grid.columnCount;
}

// ---------------------------------------------------------------------------------------------
// spreadsheets.batchUpdate

export interface BatchResult {
  readonly replies: sheets_v4.Schema$Response[];
}

/** Applies every request or none: the spreadsheet is replaced only when all of them succeed. */
export function batchUpdate(
  spreadsheet: StoredSpreadsheet,
  requests: readonly Request[],
): { next: StoredSpreadsheet; replies: sheets_v4.Schema$Response[] } {
  if (!Array.isArray(requests) || requests.length === 0)
    throw invalidArgument('Invalid requests: at least one request is required.');
  const next = structuredClone(spreadsheet);
  const replies = requests.map((request, i) => {
    const kinds = Object.keys(request).filter((key) => (request as Record<string, unknown>)[key] !== undefined);
    if (kinds.length !== 1) throw invalidArgument(`Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0] as string;
    const handler = HANDLERS[kind];
    if (!handler)
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
    try {
      return handler(next, (request as Record<string, unknown>)[kind] as never);
    } catch (error) {
      if (error instanceof RequestProblem) throw invalidArgument(`Invalid requests[${i}].${kind}: ${error.message}`);
      throw error;
    }
  });
  return { next, replies };
}

class RequestProblem extends Error {}

type Handler = (spreadsheet: StoredSpreadsheet, body: never) => sheets_v4.Schema$Response;

function sheetById(spreadsheet: StoredSpreadsheet, sheetId: number | null | undefined): StoredSheet {
  const sheet = spreadsheet.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  if (!sheet) throw new RequestProblem(`No grid with id: ${sheetId ?? 0}`);
  return sheet;
}

function gridBounds(sheet: StoredSheet, range: GridRange) {
  const grid = sheet.properties.gridProperties;
  const b = {
    startRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? grid.rowCount,
    startColumn: range.startColumnIndex ?? 0,
    endColumn: range.endColumnIndex ?? grid.columnCount,
  };
  if (b.endRow > grid.rowCount)
    throw new RequestProblem(
      `Range ('${sheet.properties.title}'!${columnLetters(b.startColumn)}${b.startRow + 1}:${columnLetters(b.endColumn - 1)}${b.endRow}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  if (b.endColumn > grid.columnCount)
    throw new RequestProblem(`Range exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`);
  return b;
}

function renumber(spreadsheet: StoredSpreadsheet): void {
  spreadsheet.sheets.forEach((sheet, index) => (sheet.properties.index = index));
}

function requireFields(fields: string | null | undefined): MaskTree | null {
  if (!fields) throw new RequestProblem("'fields' is required but not specified.");
  return fields === '*' ? null : parseFieldMask(fields);
}

function writeRows(
  sheet: StoredSheet,
  rows: readonly sheets_v4.Schema$RowData[],
  startRow: number,
  startColumn: number,
  mask: MaskTree | null,
  clearTo?: { endRow: number; endColumn: number },
): void {
  const grid = sheet.properties.gridProperties;
  const width = Math.max(0, ...rows.map((row) => row.values?.length ?? 0));
  if (startRow + rows.length > grid.rowCount || startColumn + width > grid.columnCount) {
    throw new RequestProblem(
      `Attempting to write row: ${startRow + rows.length - 1}, beyond the last requested row of: ${grid.rowCount - 1}`,
    );
  }
  if (clearTo) {
    for (let r = startRow; r < Math.min(clearTo.endRow, sheet.rows.length); r++) {
      for (let c = startColumn; c < Math.min(clearTo.endColumn, (sheet.rows[r] ?? []).length); c++) {
        if (
          (r - startRow < rows.length && c - startColumn < (rows[r - startRow]?.values?.length ?? 0)) ||
          !sheet.rows[r]?.[c]
        )
          continue;
        writeCell(sheet, r, c, {}, mask);
      }
    }
  }
  rows.forEach((row, i) =>
    (row.values ?? []).forEach((cell, j) => writeCell(sheet, startRow + i, startColumn + j, cell ?? {}, mask)),
  );
}

const HANDLERS: Record<string, Handler> = {
  addSheet(spreadsheet, body: sheets_v4.Schema$AddSheetRequest) {
    const properties = body.properties ?? {};
    const title = properties.title ?? `Sheet${spreadsheet.sheets.length + 1}`;
    if (spreadsheet.sheets.some((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase())) {
      throw new RequestProblem(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    let sheetId = properties.sheetId ?? undefined;
    if (sheetId !== undefined && spreadsheet.sheets.some((sheet) => sheet.properties.sheetId === sheetId))
      throw new RequestProblem(`Sheet with id ${sheetId} already exists.`);
    if (sheetId !== undefined && sheetId < 0) throw new RequestProblem('sheetId must be non-negative.');
    while (sheetId === undefined || spreadsheet.sheets.some((sheet) => sheet.properties.sheetId === sheetId))
      sheetId = Math.floor(Math.random() * 2_000_000_000);
    const index = Math.min(properties.index ?? spreadsheet.sheets.length, spreadsheet.sheets.length);
    const sheet = newSheet({
      ...(properties as Partial<StoredSheet['properties']>),
      sheetId,
      title,
      index,
      gridProperties: {
        rowCount: properties.gridProperties?.rowCount ?? DEFAULT_ROWS,
        columnCount: properties.gridProperties?.columnCount ?? DEFAULT_COLUMNS,
        ...(properties.gridProperties?.frozenRowCount
          ? { frozenRowCount: properties.gridProperties.frozenRowCount }
          : {}),
      },
    });
    spreadsheet.sheets.splice(index, 0, sheet);
    renumber(spreadsheet);
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },

  deleteSheet(spreadsheet, body: sheets_v4.Schema$DeleteSheetRequest) {
    const sheet = spreadsheet.sheets.find((s) => s.properties.sheetId === body.sheetId);
    if (!sheet) throw new RequestProblem(`No sheet with id: ${body.sheetId}`);
    if (spreadsheet.sheets.filter((s) => !s.properties.hidden && s !== sheet).length === 0)
      throw new RequestProblem("You can't remove all the visible sheets in a document.");
    spreadsheet.sheets.splice(spreadsheet.sheets.indexOf(sheet), 1);
    renumber(spreadsheet);
    return {};
  },

  updateSheetProperties(spreadsheet, body: sheets_v4.Schema$UpdateSheetPropertiesRequest) {
    const sheet = sheetById(spreadsheet, body.properties?.sheetId);
    const mask = requireFields(body.fields);
    const merged =
      mask === null
        ? structuredClone(body.properties ?? {})
        : mergeMasked(
            sheet.properties as unknown as Record<string, unknown>,
            (body.properties ?? {}) as Record<string, unknown>,
            mask,
          );
    const title = (merged as { title?: string }).title;
    if (
      title &&
      spreadsheet.sheets.some((s) => s !== sheet && s.properties.title.toLowerCase() === title.toLowerCase())
    ) {
      throw new RequestProblem(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    sheet.properties = {
      ...sheet.properties,
      ...(merged as object),
      sheetId: sheet.properties.sheetId,
      index: sheet.properties.index,
    } as StoredSheet['properties'];
    sheet.properties.gridProperties = {
      ...sheet.properties.gridProperties,
      rowCount: sheet.properties.gridProperties?.rowCount ?? DEFAULT_ROWS,
      columnCount: sheet.properties.gridProperties?.columnCount ?? DEFAULT_COLUMNS,
    };
    truncateGrid(sheet);
    return {};
  },

  updateCells(spreadsheet, body: sheets_v4.Schema$UpdateCellsRequest) {
    const mask = requireFields(body.fields);
    const rows = body.rows ?? [];
    if (body.range) {
      const sheet = sheetById(spreadsheet, body.range.sheetId);
      const b = gridBounds(sheet, body.range);
      writeRows(sheet, rows, b.startRow, b.startColumn, mask, { endRow: b.endRow, endColumn: b.endColumn });
    } else {
      const start = body.start ?? {};
      writeRows(sheetById(spreadsheet, start.sheetId), rows, start.rowIndex ?? 0, start.columnIndex ?? 0, mask);
    }
    return {};
  },

  appendCells(spreadsheet, body: sheets_v4.Schema$AppendCellsRequest) {
    const sheet = sheetById(spreadsheet, body.sheetId);
    const mask = requireFields(body.fields);
    const rows = body.rows ?? [];
    const start = lastRowWithData(sheet) + 1;
    const grid = sheet.properties.gridProperties;
    grid.rowCount = Math.max(grid.rowCount, start + rows.length);
    grid.columnCount = Math.max(grid.columnCount, ...rows.map((row) => row.values?.length ?? 0));
    writeRows(sheet, rows, start, 0, mask);
    return {};
  },

  repeatCell(spreadsheet, body: sheets_v4.Schema$RepeatCellRequest) {
    const sheet = sheetById(spreadsheet, body.range?.sheetId);
    const mask = requireFields(body.fields);
    const b = gridBounds(sheet, body.range ?? {});
    for (let r = b.startRow; r < b.endRow; r++)
      for (let c = b.startColumn; c < b.endColumn; c++) writeCell(sheet, r, c, body.cell ?? {}, mask);
    return {};
  },

  setDataValidation(spreadsheet, body: sheets_v4.Schema$SetDataValidationRequest) {
    const sheet = sheetById(spreadsheet, body.range?.sheetId);
    const b = gridBounds(sheet, body.range ?? {});
    const mask = parseFieldMask('dataValidation');
    for (let r = b.startRow; r < b.endRow; r++)
      for (let c = b.startColumn; c < b.endColumn; c++)
        writeCell(sheet, r, c, body.rule ? { dataValidation: body.rule } : {}, mask);
    return {};
  },

  addProtectedRange(spreadsheet, body: sheets_v4.Schema$AddProtectedRangeRequest) {
    const protectedRange = structuredClone(body.protectedRange ?? {});
    const sheet = sheetById(spreadsheet, protectedRange.range?.sheetId);
    if (protectedRange.warningOnly && protectedRange.editors)
      throw new RequestProblem('Editors are not supported with warningOnly protection.');
    protectedRange.protectedRangeId ??= spreadsheet.nextProtectedRangeId++;
    sheet.protectedRanges.push(protectedRange);
    return { addProtectedRange: { protectedRange } };
  },

  updateDimensionProperties(spreadsheet, body: sheets_v4.Schema$UpdateDimensionPropertiesRequest) {
    const range = body.range ?? {};
    const sheet = sheetById(spreadsheet, range.sheetId);
    requireFields(body.fields);
    if (range.dimension === 'COLUMNS' && body.properties?.pixelSize) {
      for (let c = range.startIndex ?? 0; c < (range.endIndex ?? sheet.properties.gridProperties.columnCount); c++)
        sheet.columnWidths[c] = body.properties.pixelSize;
    }
    return {};
  },

  setBasicFilter(spreadsheet, body: sheets_v4.Schema$SetBasicFilterRequest) {
    const sheet = sheetById(spreadsheet, body.filter?.range?.sheetId);
    sheet.basicFilter = structuredClone(body.filter ?? {});
    return {};
  },

  autoResizeDimensions(spreadsheet, body: sheets_v4.Schema$AutoResizeDimensionsRequest) {
    // Sheets fits rows to their wrapped text; the fake keeps no row heights, so it only checks the sheet.
    sheetById(spreadsheet, body.dimensions?.sheetId);
    if (body.dimensions?.dimension !== 'ROWS' && body.dimensions?.dimension !== 'COLUMNS')
      throw new RequestProblem('Invalid dimensions: dimension must be ROWS or COLUMNS.');
    return {};
  },

  appendDimension(spreadsheet, body: sheets_v4.Schema$AppendDimensionRequest) {
    const sheet = sheetById(spreadsheet, body.sheetId);
    const grid = sheet.properties.gridProperties;
    if (body.dimension === 'ROWS') grid.rowCount += body.length ?? 0;
    else grid.columnCount += body.length ?? 0;
    return {};
  },
};

// ---------------------------------------------------------------------------------------------
// spreadsheets.values

type InputValue = string | number | boolean | null;

function enteredValue(value: InputValue, option: string): ExtendedValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (option === 'USER_ENTERED') {
    if (value.startsWith('=')) return { formulaValue: value };
    if (value.startsWith("'")) return { stringValue: value.slice(1) };
    if (value.trim() !== '' && Number.isFinite(Number(value))) return { numberValue: Number(value) };
  }
  return { stringValue: value };
}

function checkInputOption(option: unknown): string {
  if (option !== 'RAW' && option !== 'USER_ENTERED')
    throw invalidArgument("Invalid valueInputOption: 'valueInputOption' is required but not specified");
  return option;
}

function writeValues(
  sheet: StoredSheet,
  startRow: number,
  startColumn: number,
  values: readonly (readonly InputValue[])[],
  option: string,
): { updatedRows: number; updatedColumns: number; updatedCells: number } {
  const grid = sheet.properties.gridProperties;
  const width = Math.max(0, ...values.map((row) => row.length));
  grid.rowCount = Math.max(grid.rowCount, startRow + values.length);
  grid.columnCount = Math.max(grid.columnCount, startColumn + width);
  const mask = parseFieldMask('userEnteredValue');
  let cells = 0;
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      // Null means "leave this cell alone"; an empty string clears it.
      if (value === null || value === undefined) return;
      writeCell(
        sheet,
        startRow + i,
        startColumn + j,
        value === '' ? {} : { userEnteredValue: enteredValue(value, option) },
        mask,
      );
      cells++;
    }),
  );
  return { updatedRows: values.length, updatedColumns: width, updatedCells: cells };
}

export function valuesBatchUpdate(
  spreadsheet: StoredSpreadsheet,
  body: sheets_v4.Schema$BatchUpdateValuesRequest,
): { next: StoredSpreadsheet; response: sheets_v4.Schema$BatchUpdateValuesResponse } {
  const option = checkInputOption(body.valueInputOption);
  const next = structuredClone(spreadsheet);
  const responses = (body.data ?? []).map((data) => {
    const { sheet, a1 } = resolveRange(next, data.range ?? '');
    const startRow = a1.startRow ?? 0;
    const startColumn = a1.startColumn ?? 0;
    const values = (data.values ?? []) as InputValue[][];
    if (a1.endRow !== undefined && startRow + values.length > a1.endRow) {
      throw invalidArgument(
        `Requested writing within range [${data.range}], but tried writing to row [${startRow + values.length}]`,
      );
    }
    const counts = writeValues(sheet, startRow, startColumn, values, option);
    return {
      spreadsheetId: spreadsheet.spreadsheetId,
      updatedRange: `${quoteSheet(sheet.properties.title)}!${columnLetters(startColumn)}${startRow + 1}:${columnLetters(startColumn + Math.max(1, counts.updatedColumns) - 1)}${startRow + Math.max(1, counts.updatedRows)}`,
      ...counts,
    };
  });
  return {
    next,
    response: {
      spreadsheetId: spreadsheet.spreadsheetId,
      totalUpdatedRows: responses.reduce((n, r) => n + r.updatedRows, 0),
      totalUpdatedColumns: Math.max(0, ...responses.map((r) => r.updatedColumns)),
      totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
      totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange.split('!')[0])).size,
      responses,
    },
  };
}

/** Appends after the last row holding data in the range's columns, from the range's first column. */
export function valuesAppend(
  spreadsheet: StoredSpreadsheet,
  range: string,
  option: unknown,
  body: sheets_v4.Schema$ValueRange,
): { next: StoredSpreadsheet; response: sheets_v4.Schema$AppendValuesResponse } {
  const input = checkInputOption(option);
  const next = structuredClone(spreadsheet);
  const { sheet, a1 } = resolveRange(next, range);
  const startColumn = a1.startColumn ?? 0;
  const startRow = Math.max(a1.startRow ?? 0, lastRowWithData(sheet) + 1);
  const values = (body.values ?? []) as InputValue[][];
  const counts = writeValues(sheet, startRow, startColumn, values, input);
  const updatedRange = `${quoteSheet(sheet.properties.title)}!${columnLetters(startColumn)}${startRow + 1}:${columnLetters(startColumn + Math.max(1, counts.updatedColumns) - 1)}${startRow + Math.max(1, counts.updatedRows)}`;
  return {
    next,
    response: {
      spreadsheetId: spreadsheet.spreadsheetId,
      tableRange:
        startRow > 0
          ? `${quoteSheet(sheet.properties.title)}!A1:${columnLetters(Math.max(0, counts.updatedColumns - 1))}${startRow}`
          : undefined,
      updates: { spreadsheetId: spreadsheet.spreadsheetId, updatedRange, ...counts },
    },
  };
}

export { applyFieldMask, maskAt, parseFieldMask };
