import type { sheets_v4 } from '@googleapis/sheets';
import {
  AREA_SUMMARY_TAB,
  LOG_TAB,
  outputColumn,
  PEER_LEDGER_TAB,
  PREDICATE_COLOURS,
  SUMMARY_TAB,
  TREND_TAB,
  type OutputColumn,
  type OutputFormat,
} from '../../../sheets-schema/index.js';
import { neutralise, outputHeaderKeys, type SheetRecord, type SheetValue } from '../../core/summary-rows.js';
import { labelKey, sameLabel, type Cell, type Sheet } from '../../core/workbook.js';
import type { SummaryUpdate } from '../../ports.js';
import type { RekapTab } from './rekap-spreadsheet.js';
import { outputTabLayout, rgb } from './layout-requests.js';
import { enteredValue, plainValue } from './sheets-cells.js';

/**
 * The rekap's Rekap, Rekap Bidang and Log as one list of batchUpdate requests, planned from the tabs
 * as they stand (read under the rekap lock). Rows are upserted by Periode+Kode like the xlsx writer
 * does: an existing row is updated in place, a new key goes below the last row; rows are never
 * reordered or removed, and only the cells of monev's own columns are written, so columns the
 * province added are left alone. Every write names its cells, so sending the plan twice (a retry
 * after a lost answer) leaves the same rekap as sending it once.
 */
type Request = sheets_v4.Schema$Request;

interface TabSpec {
  readonly name: string;
  readonly headers: readonly string[];
  readonly key: readonly string[];
  /** Columns monev adds (header only) when missing but never writes into: Pembelajaran's for the province. */
  readonly unowned?: readonly string[];
}

/** Sheet ids monev gives the output tabs it creates (any unused non-negative id would do). */
const OUTPUT_SHEET_IDS: Record<string, number> = {
  [SUMMARY_TAB.name]: 1_733_617_101,
  [AREA_SUMMARY_TAB.name]: 1_733_617_102,
  [LOG_TAB.name]: 1_733_617_103,
  [TREND_TAB.name]: 1_733_617_104,
  [PEER_LEDGER_TAB.name]: 1_733_617_105,
};

export interface PlanOptions {
  /**
   * After a write whose answer was lost, the Log may already hold this run's lines: match them by
   * Run, Kode, Aksi and Hasil instead of appending them again.
   */
  readonly logAlreadyWritten?: boolean;
}

export function planSummary(tabs: readonly RekapTab[], update: SummaryUpdate, options: PlanOptions = {}): Request[] {
  const used = new Set(tabs.map((tab) => tab.sheetId));
  const logKey = options.logAlreadyWritten ? ['Run', 'Kode', 'Aksi', 'Hasil'] : [];
  return [
    ...planTab(tabs, SUMMARY_TAB, update.summary, used),
    ...planTab(tabs, AREA_SUMMARY_TAB, update.areas, used),
    ...planTab(tabs, { ...LOG_TAB, key: logKey }, update.log, used),
    ...(update.trend ? planTab(tabs, { ...TREND_TAB, headers: update.trend.headers }, update.trend.records, used) : []),
    ...(update.ledger
      ? planTab(tabs, { ...PEER_LEDGER_TAB, unowned: PEER_LEDGER_TAB.provinceHeaders }, update.ledger, used)
      : []),
  ];
}

export function findTab(tabs: readonly RekapTab[], name: string): RekapTab | undefined {
  return tabs.find((tab) => tab.title === name) ?? tabs.find((tab) => sameLabel(tab.title, name));
}

function planTab(
  tabs: readonly RekapTab[],
  spec: TabSpec,
  records: readonly SheetRecord[],
  used: Set<number>,
): Request[] {
  if (records.length === 0) return [];
  const requests: Request[] = [];
  const existing = findTab(tabs, spec.name);
  let tab: RekapTab;
  if (existing) {
    tab = existing;
  } else {
    let sheetId = OUTPUT_SHEET_IDS[spec.name] ?? 1_733_617_199;
    while (used.has(sheetId)) sheetId++;
    used.add(sheetId);
    tab = {
      sheetId,
      title: spec.name,
      rowCount: 1000,
      columnCount: Math.max(26, spec.headers.length),
      sheet: { name: spec.name, rows: [] },
    };
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: spec.name,
          gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount, frozenRowCount: 1 },
        },
      },
    });
    requests.push(...outputTabLayout(sheetId, spec.name, [...spec.headers, ...(spec.unowned ?? [])]));
  }

  const layout = locate(tab.sheet, [...spec.headers, ...(spec.unowned ?? [])]);
  // A header under its old name is written anew, like a header that is missing.
  const headerCells = new Map<number, string>([...layout.renamed].map(([header, column]) => [column, header]));
  let nextColumn = Math.max(-1, ...(tab.sheet.rows[layout.headerRow] ?? []).map((cell, c) => (cell ? c : -1))) + 1;
  for (const header of [...spec.headers, ...(spec.unowned ?? [])]) {
    if (layout.columns.has(header)) continue;
    headerCells.set(nextColumn, header);
    layout.columns.set(header, nextColumn++);
  }

  const rowKey = (read: (header: string) => SheetValue) =>
    spec.key.map((header) => String(read(header) ?? '')).join('\u0000');
  const rowsByKey = new Map<string, number>();
  let lastRow = layout.headerRow;
  for (let r = layout.headerRow + 1; r < tab.sheet.rows.length; r++) {
    const row = tab.sheet.rows[r];
    if (!row || !row.some((cell) => cell !== undefined && cell.value !== null && cell.value !== '')) continue;
    lastRow = r;
    if (spec.key.length === 0) continue;
    const key = rowKey((header) => plainValue(row[layout.columns.get(header) ?? -1]));
    if (!rowsByKey.has(key)) rowsByKey.set(key, r);
  }

  const writes = new Map<number, Map<number, sheets_v4.Schema$CellData>>();
  for (const record of records) {
    const key = spec.key.length > 0 ? rowKey((header) => record[header] ?? null) : null;
    const found = key === null ? undefined : rowsByKey.get(key);
    const target = found ?? ++lastRow;
    if (key !== null && found === undefined) rowsByKey.set(key, target);
    const cells = new Map<number, sheets_v4.Schema$CellData>();
    for (const header of spec.headers)
      cells.set(
        layout.columns.get(header) as number,
        dataCell(record[header] ?? null, outputColumn(spec.name, header)),
      );
    writes.set(target, cells);
  }

  const neededRows = Math.max(lastRow, layout.headerRow) + 1;
  const neededColumns = Math.max(...[...layout.columns.values()].map((c) => c + 1));
  const grid: { rowCount?: number; columnCount?: number } = {};
  if (neededRows > tab.rowCount) grid.rowCount = neededRows;
  if (neededColumns > tab.columnCount) grid.columnCount = neededColumns;
  if (Object.keys(grid).length > 0) {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId: tab.sheetId, gridProperties: grid },
        fields: Object.keys(grid)
          .map((field) => `gridProperties.${field}`)
          .join(','),
      },
    });
  }
  if (headerCells.size > 0) {
    const header = new Map(
      [...headerCells].map(([column, text]) => [
        column,
        { userEnteredValue: { stringValue: text }, userEnteredFormat: { textFormat: { bold: true } } },
      ]),
    );
    requests.push(
      ...cellWrites(
        tab.sheetId,
        new Map([[layout.headerRow, header]]),
        'userEnteredValue,userEnteredFormat.textFormat.bold',
      ),
    );
  }
  requests.push(
    ...cellWrites(
      tab.sheetId,
      writes,
      'userEnteredValue,userEnteredFormat.numberFormat,userEnteredFormat.backgroundColor,userEnteredFormat.textFormat',
    ),
  );
  if (spec.name === PEER_LEDGER_TAB.name)
    requests.push(...ledgerValidations(tab.sheetId, layout, Math.max(tab.rowCount, neededRows)));
  return requests;
}

/**
 * Pembelajaran's columns for the province (docs/SPEC.md §9): Tanggal Sesi takes a date (shown as one) and
 * Hadir is Ya or Tidak, over every row of the tab's grid below the header (`gridRows`; a range past the grid
 * is refused by the API). Set again with every write that touches the tab: a validation only constrains,
 * so setting it twice changes nothing, and no cell's value is written.
 */
export function ledgerValidations(
  sheetId: number,
  layout: { headerRow: number; columns: Map<string, number> },
  gridRows: number,
): Request[] {
  const range = (column: number) => ({
    sheetId,
    startRowIndex: layout.headerRow + 1,
    endRowIndex: Math.max(gridRows, layout.headerRow + 2),
    startColumnIndex: column,
    endColumnIndex: column + 1,
  });
  const requests: Request[] = [];
  const date = layout.columns.get('Tanggal Sesi');
  if (date !== undefined)
    requests.push(
      {
        setDataValidation: {
          range: range(date),
          rule: {
            condition: { type: 'DATE_IS_VALID' },
            strict: true,
            inputMessage: 'Tanggal sesi pembelajaran, misalnya 15/08/2025. Kosongkan bila sesi belum berlangsung.',
          },
        },
      },
      {
        repeatCell: {
          range: range(date),
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
    );
  const present = layout.columns.get('Hadir');
  if (present !== undefined)
    requests.push({
      setDataValidation: {
        range: range(present),
        rule: {
          condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }, { userEnteredValue: 'Tidak' }] },
          strict: true,
          showCustomUi: true,
        },
      },
    });
  return requests;
}

/**
 * Text is neutralised here too, so nothing monev writes into the rekap can start a formula. The
 * column's format rides along in the same request (issue 12 item 8): two-decimal scores, a date-time
 * Diperbarui, Laporan linked, the predicate coloured.
 */
function dataCell(value: SheetValue, spec: OutputColumn | undefined): sheets_v4.Schema$CellData {
  const safe = typeof value === 'string' ? neutralise(value) : value;
  const cell: sheets_v4.Schema$CellData = {};
  const entered = enteredValue(safe);
  if (entered) cell.userEnteredValue = entered;
  const format: sheets_v4.Schema$CellFormat = {};
  const numberFormat = spec ? NUMBER_FORMATS[spec.format] : undefined;
  if (numberFormat) format.numberFormat = numberFormat;
  else if (typeof safe === 'number' && !Number.isInteger(safe)) format.numberFormat = NUMBER_FORMATS.score;
  if (spec?.format === 'link' && typeof safe === 'string' && /^https:\/\/\S+$/.test(safe))
    format.textFormat = { link: { uri: safe } };
  const colour = spec?.format === 'predicate' && typeof safe === 'string' ? PREDICATE_COLOURS[safe] : undefined;
  if (colour) {
    format.backgroundColor = rgb(colour.fill);
    format.textFormat = { bold: true, foregroundColor: rgb(colour.text) };
  }
  if (Object.keys(format).length > 0) cell.userEnteredFormat = format;
  return cell;
}

const NUMBER_FORMATS: Partial<Record<OutputFormat, sheets_v4.Schema$NumberFormat>> = {
  score: { type: 'NUMBER', pattern: '0.00' },
  count: { type: 'NUMBER', pattern: '0' },
  datetime: { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' },
};

/**
 * One updateCells per run of adjacent cells; consecutive rows with the same runs share a request.
 * Cells between monev's columns are never part of a run, so they are never touched.
 */
function cellWrites(
  sheetId: number,
  writes: ReadonlyMap<number, ReadonlyMap<number, sheets_v4.Schema$CellData>>,
  fields: string,
): Request[] {
  const groups: {
    row: number;
    runs: { column: number; cells: sheets_v4.Schema$CellData[] }[];
    rows: sheets_v4.Schema$CellData[][][];
  }[] = [];
  for (const [row, cells] of [...writes].sort((a, b) => a[0] - b[0])) {
    const columns = [...cells.keys()].sort((a, b) => a - b);
    const runs: { column: number; cells: sheets_v4.Schema$CellData[] }[] = [];
    for (const column of columns) {
      const last = runs[runs.length - 1];
      const cell = cells.get(column) as sheets_v4.Schema$CellData;
      if (last && last.column + last.cells.length === column) last.cells.push(cell);
      else runs.push({ column, cells: [cell] });
    }
    const previous = groups[groups.length - 1];
    const shape = (r: typeof runs) => r.map((run) => `${run.column}+${run.cells.length}`).join(',');
    if (previous && previous.row + previous.rows.length === row && shape(previous.runs) === shape(runs))
      previous.rows.push(runs.map((run) => run.cells));
    else groups.push({ row, runs, rows: [runs.map((run) => run.cells)] });
  }
  return groups.flatMap((group) =>
    group.runs.map((run, i) => ({
      updateCells: {
        start: { sheetId, rowIndex: group.row, columnIndex: run.column },
        rows: group.rows.map((cellsOfRow) => ({ values: cellsOfRow[i] })),
        fields,
      },
    })),
  );
}

/**
 * The header row is the one among rows 1–10 holding most of our headers, as for input tabs. `renamed` holds
 * the columns found under the name monev wrote before (Rekap's `Error`, now `Kesalahan`), to be renamed.
 */
function locate(
  sheet: Sheet,
  headers: readonly string[],
): { headerRow: number; columns: Map<string, number>; renamed: Map<string, number> } {
  const wanted = outputHeaderKeys(sheet.name, headers);
  let best = { row: 0, columns: new Map<string, number>(), renamed: new Map<string, number>() };
  for (let r = 0; r < Math.min(10, Math.max(1, sheet.rows.length)); r++) {
    const columns = new Map<string, number>();
    const renamed = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((cell: Cell | undefined, c) => {
      const found = cell && typeof cell.value === 'string' ? wanted.get(labelKey(cell.value)) : undefined;
      if (!found || columns.has(found.header)) return;
      columns.set(found.header, c);
      if (found.renamed) renamed.set(found.header, c);
    });
    if (columns.size > best.columns.size) best = { row: r, columns, renamed };
  }
  return { headerRow: best.row, columns: best.columns, renamed: best.renamed };
}

/** Rows below the header of a tab as records by header, like the xlsx writer reads its history. */
export function tabRecords(tab: RekapTab | undefined, headers: readonly string[]): SheetRecord[] {
  if (!tab) return [];
  const layout = locate(tab.sheet, headers);
  const records: SheetRecord[] = [];
  for (let r = layout.headerRow + 1; r < tab.sheet.rows.length; r++) {
    const row = tab.sheet.rows[r];
    if (!row || !row.some((cell) => cell !== undefined && cell.value !== null && cell.value !== '')) continue;
    const record: Record<string, SheetValue> = {};
    for (const [header, column] of layout.columns) record[header] = plainValue(row[column]);
    records.push(record);
  }
  return records;
}
