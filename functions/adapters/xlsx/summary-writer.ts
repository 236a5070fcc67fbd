import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import {
  AREA_SUMMARY_TAB,
  LOG_TAB,
  outputColumn,
  PEER_LEDGER_PROVINCE_WIDTHS,
  PEER_LEDGER_TAB,
  PREDICATE_COLOURS,
  SUMMARY_TAB,
  TREND_TAB,
  type OutputColumn,
  type OutputFormat,
} from '../../../sheets-schema/index.js';
import type { Feedback } from '../../core/feedback.js';
import { outputHeaderKeys, type SheetRecord, type SheetValue } from '../../core/summary-rows.js';
import { labelKey } from '../../core/workbook.js';
import type { FeedbackCopy, RekapHistory, SummarySink, SummaryUpdate } from '../../ports.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { ConfigError } from '../../shared/config-error.js';
import { configMessage } from '../../core/messages/config.js';
import { DEFAULT_WORKBOOK_LIMITS, WorkbookTooLargeError, type WorkbookLimits } from '../../core/workbook-limits.js';
import { REKAP_FILE, rekapLimits } from './xlsx-source.js';
import { newWorkbook } from './exceljs.js';
import { parseWorkbookArchive, readWorkbookFile } from './read-workbook.js';
import type { SheetJsWorkbook } from './sheetjs.js';
import { UnreadableWorkbookError } from './unreadable-workbook-error.js';
import { copyTab } from './workbook-copy.js';
import { feedbackWorkbook } from './feedback-sheet.js';
import { LINE_POINTS, printSetup, wrappedLines, wrappedRowHeight, type WithValidations } from './sheet-layout.js';
import { buildShareCopy, shareCopyName, type ShareCopyTables } from './share-copy.js';
import { arrangeTabs } from './tab-order.js';

/**
 * Local mode's outputs. The input rekap is never modified: OUT/rekap.xlsx is a copy of it with the
 * period's rows upserted into Rekap and Rekap Bidang and the run appended to Log; each office's
 * findings go to OUT/validasi/<kode>.xlsx as a Hasil Validasi tab.
 */
export class XlsxSummarySink implements SummarySink {
  constructor(
    private readonly dataDir: string,
    private readonly outDir: string,
    private readonly limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
  ) {}

  async writeFeedback(office: { readonly code: string }, feedback: Feedback): Promise<void> {
    await writeFileAtomic(this.feedbackPath(office.code), await feedbackWorkbook(office.code, feedback));
  }

  /** The Hasil Validasi this sink wrote, for the office's e-mail (README "Delivery"); null when there is none. */
  async feedbackCopy(office: { readonly code: string }): Promise<FeedbackCopy | null> {
    try {
      return { kind: 'file', bytes: new Uint8Array(await readFile(this.feedbackPath(office.code))) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private feedbackPath(code: string): string {
    return join(this.outDir, 'validasi', `${safeFileName(code)}.xlsx`);
  }

  async writeSummary(update: SummaryUpdate): Promise<void> {
    const workbook = await this.base();
    upsert(workbook, SUMMARY_TAB.name, SUMMARY_TAB.headers, SUMMARY_TAB.key, update.summary);
    upsert(workbook, AREA_SUMMARY_TAB.name, AREA_SUMMARY_TAB.headers, AREA_SUMMARY_TAB.key, update.areas);
    upsert(workbook, LOG_TAB.name, LOG_TAB.headers, [], update.log);
    layoutLog(workbook);
    if (update.trend) upsert(workbook, TREND_TAB.name, update.trend.headers, TREND_TAB.key, update.trend.records);
    if (update.ledger) {
      upsert(workbook, PEER_LEDGER_TAB.name, PEER_LEDGER_TAB.headers, PEER_LEDGER_TAB.key, update.ledger, [
        ...PEER_LEDGER_TAB.provinceHeaders,
      ]);
    }
    layoutLedger(workbook);
    arrangeTabs(workbook);
    await writeFileAtomic(join(this.outDir, REKAP_FILE), await toBytes(workbook));
    await this.writeShareCopy(workbook, update.summary);
  }

  /**
   * OUT/rekap-<periode>.xlsx beside rekap.xlsx, for the period of this run's Rekap rows, from the rekap as
   * just written (so a run that scored one office still shares every office of the period). A write
   * without Rekap rows (the Log of renewed watches) leaves it as it is.
   */
  private async writeShareCopy(workbook: ExcelJS.Workbook, summary: readonly SheetRecord[]): Promise<void> {
    const period = summary.find((record) => typeof record.Periode === 'string')?.Periode;
    if (typeof period !== 'string') return;
    const copy = buildShareCopy(shareTables(workbook, period), { writeCell, styleHeader: styleHeaderCell });
    if (copy) await writeFileAtomic(join(this.outDir, shareCopyName(period)), await toBytes(copy));
  }

  async readHistory(): Promise<RekapHistory> {
    const workbook = await this.base();
    return {
      summary: records(workbook, SUMMARY_TAB.name, SUMMARY_TAB.headers),
      log: records(workbook, LOG_TAB.name, LOG_TAB.headers),
      areas: records(workbook, AREA_SUMMARY_TAB.name, AREA_SUMMARY_TAB.headers),
      ledger: records(workbook, PEER_LEDGER_TAB.name, [...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders]),
    };
  }

  /**
   * The rekap as it stands: the input tabs from DATA/rekap.xlsx (the province edits those), the
   * output tabs from OUT/rekap.xlsx when an earlier run wrote one, so history and the send log
   * carry over from run to run without ever touching the input file. Both files are read by the
   * tolerant reader and copied into a workbook built afresh (workbook-copy.ts), so a rekap saved by
   * any program (openpyxl, pandas, LibreOffice, Excel) is read and written alike.
   */
  private base(): Promise<ExcelJS.Workbook> {
    this.loaded ??= (async () => {
      const input = await this.readTabs(join(this.dataDir, REKAP_FILE), 'input');
      const previous = await this.readTabs(join(this.outDir, REKAP_FILE), 'output');
      const workbook = newWorkbook();
      const carried = (name: string) =>
        OUTPUT_TABS.includes(name) ? previous?.SheetNames.find((tab) => tab === name) : undefined;
      for (const name of input?.SheetNames ?? []) {
        const from = carried(name);
        copyTab(workbook, name, from ? previous?.Sheets[from] : input?.Sheets[name]);
      }
      for (const name of OUTPUT_TABS)
        if (!workbook.getWorksheet(name) && carried(name)) copyTab(workbook, name, previous?.Sheets[name]);
      for (const name of OUTPUT_TABS) {
        const sheet = workbook.getWorksheet(name);
        if (sheet) restyle(sheet, name);
      }
      return workbook;
    })();
    return this.loaded;
  }

  /**
   * A rekap file's tabs as the tolerant reader gets them; null when OUT holds no rekap yet. A file that
   * cannot be read stops the run with a message naming it: writing over an unreadable OUT/rekap.xlsx
   * would lose its history and the send log that keeps reports from being mailed twice.
   */
  private async readTabs(path: string, role: 'input' | 'output'): Promise<SheetJsWorkbook | null> {
    if (role === 'output' && !(await exists(path))) return null;
    const limits = rekapLimits(this.limits);
    try {
      return parseWorkbookArchive(await readWorkbookFile(path, limits), limits, { columnWidths: true });
    } catch (error) {
      if (error instanceof WorkbookTooLargeError)
        throw new ConfigError(
          configMessage('rekap-too-large', { path, mb: Math.round(limits.maxUnpackedBytes / 2 ** 20) }),
          { cause: error },
        );
      if (!(error instanceof UnreadableWorkbookError)) throw error;
      throw new ConfigError(
        role === 'input'
          ? configMessage('rekap-file-unreadable', {
              path,
              reason: error.reason,
              file: REKAP_FILE,
              dataDir: this.dataDir,
            })
          : configMessage('rekap-output-unreadable', { path, reason: error.reason }),
        { cause: error },
      );
    }
  }

  private loaded: Promise<ExcelJS.Workbook> | undefined;

  describe(): string[] {
    return [join(this.outDir, REKAP_FILE), join(this.outDir, 'validasi')];
  }
}

/**
 * Log's columns at widths that show a run ID, a time and a fingerprint whole (they overlapped at Excel's
 * default width), A4 landscape one page wide. A width the province widened is kept.
 */
const LOG_WIDTHS: Readonly<Record<(typeof LOG_TAB.headers)[number], number>> = {
  Run: 27,
  Waktu: 21,
  Kode: 7,
  Aksi: 9,
  Hasil: 30,
  Periode: 10,
  Sidik: 34,
  Status: 12,
  Penerima: 28,
};

function layoutLog(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.getWorksheet(LOG_TAB.name);
  if (!sheet) return;
  const layout = locate(sheet, LOG_TAB.headers);
  for (const header of LOG_TAB.headers) {
    const at = layout.columns.get(header);
    if (at === undefined) continue;
    const column = sheet.getColumn(at);
    // Excel's default is no width at all; 10–13 is what createTab gives a header this short.
    if (!column.width || column.width <= Math.max(10, Math.min(34, header.length + 4)))
      column.width = LOG_WIDTHS[header];
  }
  printSetup(sheet, { title: `${LOG_TAB.name} Monev Bawaslu Jawa Timur`, titleRows: layout.headerRow });
}

/** What the share copy is made of, read from the rekap as this run leaves it. */
function shareTables(workbook: ExcelJS.Workbook, period: string): ShareCopyTables {
  const trend = workbook.getWorksheet(TREND_TAB.name);
  const trendHeaders: string[] = [];
  if (trend)
    trend.getRow(locate(trend, TREND_TAB.headers).headerRow).eachCell((cell) => {
      if (typeof cell.value === 'string' && outputColumn(TREND_TAB.name, cell.value)) trendHeaders.push(cell.value);
    });
  return {
    period,
    summary: records(workbook, SUMMARY_TAB.name, SUMMARY_TAB.headers),
    areas: records(workbook, AREA_SUMMARY_TAB.name, AREA_SUMMARY_TAB.headers),
    trend: { headers: trendHeaders, records: records(workbook, TREND_TAB.name, trendHeaders) },
  };
}

const OUTPUT_TABS: readonly string[] = [
  SUMMARY_TAB.name,
  AREA_SUMMARY_TAB.name,
  LOG_TAB.name,
  TREND_TAB.name,
  PEER_LEDGER_TAB.name,
];

/**
 * Pembelajaran as the rekap template carries it (docs/SPEC.md §9): the headers, monev's and the province's,
 * with the province's columns laid out for typing, before any pair is written.
 */
export function addLedgerTab(workbook: ExcelJS.Workbook): void {
  upsert(
    workbook,
    PEER_LEDGER_TAB.name,
    PEER_LEDGER_TAB.headers,
    PEER_LEDGER_TAB.key,
    [],
    [...PEER_LEDGER_TAB.provinceHeaders],
  );
  layoutLedger(workbook);
}

/** Rows below the header that Pembelajaran's validations cover ahead of the rows written so far. */
const LEDGER_SPARE_ROWS = 500;

/**
 * Pembelajaran's columns for the province (docs/SPEC.md §9): Tanggal Sesi takes a date (shown as one),
 * Hadir a Ya/Tidak dropdown, Topik and Tindak Lanjut wrap. Laid out again on every write, since a copy
 * made by another program may have lost them; the cells themselves are never written.
 */
function layoutLedger(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.getWorksheet(PEER_LEDGER_TAB.name);
  if (!sheet) return;
  const layout = locate(sheet, [...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders]);
  const last = Math.max(sheet.rowCount, layout.headerRow) + LEDGER_SPARE_ROWS;
  const range = (header: string) => {
    const column = sheet.getColumn(layout.columns.get(header) as number);
    return { column, cells: `${column.letter}${layout.headerRow + 1}:${column.letter}${last}` };
  };
  for (const header of PEER_LEDGER_TAB.provinceHeaders) {
    const at = layout.columns.get(header);
    if (at === undefined) continue;
    const column = sheet.getColumn(at);
    if (!column.width || column.width === defaultWidth(header)) column.width = PEER_LEDGER_PROVINCE_WIDTHS[header];
    styleHeaderCell(sheet.getRow(layout.headerRow).getCell(at));
    sheet.getRow(layout.headerRow).getCell(at).fill = PROVINCE_HEADER_FILL;
  }
  const validations = (sheet as unknown as WithValidations).dataValidations;
  if (layout.columns.has('Tanggal Sesi')) {
    const { column, cells } = range('Tanggal Sesi');
    column.numFmt = 'dd/mm/yyyy';
    validations.add(cells, {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Tanggal Sesi',
      error: 'Isi tanggal sesi pembelajaran, misalnya 15/08/2025. Kosongkan bila sesi belum berlangsung.',
    });
  }
  if (layout.columns.has('Hadir')) {
    validations.add(range('Hadir').cells, {
      type: 'list',
      allowBlank: true,
      formulae: ['"Ya,Tidak"'],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Hadir',
      error: 'Pilih Ya atau Tidak.',
    });
  }
  for (const header of ['Topik', 'Tindak Lanjut']) {
    const at = layout.columns.get(header);
    if (at !== undefined) sheet.getColumn(at).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The province's columns of Pembelajaran look different from monev's: a lighter header, to be filled in. */
const PROVINCE_HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F6F8F' } };

function records(workbook: ExcelJS.Workbook, tab: string, headers: readonly string[]): SheetRecord[] {
  const sheet = workbook.getWorksheet(tab);
  if (!sheet) return [];
  const layout = locate(sheet, headers);
  const result: SheetRecord[] = [];
  for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const record: Record<string, SheetValue> = {};
    for (const [header, column] of layout.columns) record[header] = plain(row.getCell(column).value);
    result.push(record);
  }
  return result;
}

/**
 * Updates the owned columns of the row whose key matches, or appends a row. Rows are never
 * reordered or removed, and columns the tool does not own are left alone (docs/SPEC.md §5).
 */
function upsert(
  workbook: ExcelJS.Workbook,
  tab: string,
  headers: readonly string[],
  key: readonly string[],
  records: readonly SheetRecord[],
  /** Headers of columns monev adds when missing but never writes into (Pembelajaran's for the province). */
  unowned: readonly string[] = [],
): void {
  const sheet = workbook.getWorksheet(tab) ?? createTab(workbook, tab, [...headers, ...unowned]);
  const layout = locate(sheet, [...headers, ...unowned]);
  let nextColumn = Math.max(0, ...layout.columns.values()) + 1;
  for (const header of [...headers, ...unowned]) {
    if (layout.columns.has(header)) continue;
    sheet.getRow(layout.headerRow).getCell(nextColumn).value = header;
    layout.columns.set(header, nextColumn++);
  }
  const rowKey = (read: (header: string) => SheetValue) =>
    key.map((header) => String(read(header) ?? '')).join('\u0000');
  const existing = new Map<string, number>();
  let lastRow = layout.headerRow;
  for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    lastRow = r;
    if (key.length > 0)
      existing.set(
        rowKey((header) => plain(row.getCell(layout.columns.get(header) as number).value)),
        r,
      );
  }
  for (const record of records) {
    const found = key.length > 0 ? existing.get(rowKey((header) => record[header] ?? null)) : undefined;
    const target = found ?? ++lastRow;
    const row = sheet.getRow(target);
    for (const header of headers)
      writeCell(row.getCell(layout.columns.get(header) as number), record[header] ?? null, outputColumn(tab, header));
    if (found === undefined && key.length > 0)
      existing.set(
        rowKey((header) => record[header] ?? null),
        target,
      );
  }
  if (headers.some((header) => outputColumn(tab, header))) shareable(sheet, tab, headers, layout, lastRow);
}

/**
 * Rekap and Rekap Bidang as the province shares them: monev's columns at readable widths (a width the
 * province set is kept), a filter over the whole table, and A4 landscape printing one page wide.
 */
function shareable(
  sheet: ExcelJS.Worksheet,
  tab: string,
  headers: readonly string[],
  layout: { headerRow: number; columns: Map<string, number> },
  lastRow: number,
): void {
  let headerLines = 1;
  for (const header of headers) {
    const spec = outputColumn(tab, header);
    const column = sheet.getColumn(layout.columns.get(header) as number);
    if (spec && !column.width) column.width = spec.width;
    // Bold headers are wider than the body text the estimate is made for.
    headerLines = Math.max(headerLines, wrappedLines(header, (column.width ?? 10) * 0.85));
  }
  const headerRow = sheet.getRow(layout.headerRow);
  headerRow.height = Math.max(headerRow.height ?? 0, headerLines * LINE_POINTS + 4);
  wrapProse(sheet, tab, headers, layout, lastRow);
  let lastColumn = 1;
  sheet.getRow(layout.headerRow).eachCell((_cell, column) => (lastColumn = Math.max(lastColumn, column)));
  sheet.autoFilter = {
    from: { row: layout.headerRow, column: 1 },
    to: { row: Math.max(lastRow, layout.headerRow + 1), column: lastColumn },
  };
  printSetup(sheet, { title: `${tab} Monev Bawaslu Jawa Timur`, titleRows: layout.headerRow });
}

/**
 * Keterangan wrapped within its column, every cell of its row at the top, and a row whose text runs over
 * more than one line made as tall as it (LibreOffice does not size rows itself): in print it was cut off
 * at the next column. A row of one line keeps the height it has.
 */
function wrapProse(
  sheet: ExcelJS.Worksheet,
  tab: string,
  headers: readonly string[],
  layout: { headerRow: number; columns: Map<string, number> },
  lastRow: number,
): void {
  const prose = headers.flatMap((header) => {
    const column = layout.columns.get(header);
    return outputColumn(tab, header)?.wrap === true && column !== undefined ? [column] : [];
  });
  if (prose.length === 0) return;
  for (let r = layout.headerRow + 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const values = prose.map((column) => plain(row.getCell(column).value));
    const widths = prose.map((column) => sheet.getColumn(column).width ?? 10);
    for (const column of prose) row.getCell(column).alignment = { wrapText: true, vertical: 'top' };
    const height = wrappedRowHeight(
      values,
      widths,
      prose.map(() => true),
    );
    if (height > LINE_POINTS + 3) {
      row.height = height;
      row.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: 'top' }));
    }
  }
}

const NUMBER_FORMATS: Partial<Record<OutputFormat, string>> = {
  score: '0.00',
  count: '0',
  datetime: 'dd/mm/yyyy hh:mm',
};
const LINK_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, color: { argb: 'FF0563C1' }, underline: true };

/** A value with the format of its column; a column without one keeps the old rule (two decimals for fractions). */
function writeCell(cell: ExcelJS.Cell, value: SheetValue, spec: OutputColumn | undefined): void {
  cell.value = value;
  if (!spec) {
    if (typeof value === 'number' && !Number.isInteger(value)) cell.numFmt = '0.00';
    return;
  }
  const numFmt = NUMBER_FORMATS[spec.format];
  if (numFmt) cell.numFmt = numFmt;
  // Centred: a rank right-aligned against the code beside it read as one number, a count of warnings ran
  // into the Keterangan after it.
  if (spec.format === 'count') cell.alignment = { horizontal: 'center' };
  // A number the province typed into Diperbarui that is no date Excel can show stays the number.
  if (spec.format === 'datetime' && typeof value === 'number' && value >= 0 && value <= LAST_EXCEL_DAY)
    cell.value = serialToDate(value);
  if (spec.format === 'link') {
    const linkable = typeof value === 'string' && isReportLocation(value);
    if (linkable) cell.value = { text: value, hyperlink: value };
    cell.font = linkable ? LINK_FONT : {};
  }
  if (spec.format === 'predicate') {
    const colour = typeof value === 'string' ? PREDICATE_COLOURS[value] : undefined;
    cell.fill = colour
      ? { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.fill}` } }
      : { type: 'pattern', pattern: 'none' };
    cell.font = colour ? { name: 'Calibri', size: 11, bold: true, color: { argb: `FF${colour.text}` } } : {};
    cell.alignment = { horizontal: 'center' };
  }
}

/**
 * Laporan holds where monev saved the report: a Drive link in live mode, a path relative to OUT
 * ("laporan/3573-2025-TW3.pdf") locally, which Excel and LibreOffice open next to rekap.xlsx.
 * Anything else (a scheme other than http(s), an absolute path) stays plain text.
 */
function isReportLocation(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value) || /^[\w.-]+(\/[\w.-]+)*$/.test(value);
}

// 31 December 9999, the last day Excel shows.
const LAST_EXCEL_DAY = 2_958_465;

/** ExcelJS writes a Date by its UTC fields; the serial is already Jakarta's wall clock. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

function dateToSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function createTab(workbook: ExcelJS.Workbook, tab: string, headers: readonly string[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(tab, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]);
  styleHeader(sheet.getRow(1));
  headers.forEach(
    (header, i) => (sheet.getColumn(i + 1).width = outputColumn(tab, header)?.width ?? defaultWidth(header)),
  );
  return sheet;
}

/** The width createTab gives a column without a declared one: its header and some room. */
function defaultWidth(header: string): number {
  return Math.max(10, Math.min(34, header.length + 4));
}

/**
 * The header row is the one among rows 1–10 holding most of our headers, as for input tabs. A header under
 * the name monev wrote before (Rekap's `Error`, now `Kesalahan`) is found and renamed in place.
 */
function locate(
  sheet: ExcelJS.Worksheet,
  headers: readonly string[],
): { headerRow: number; columns: Map<string, number> } {
  const wanted = outputHeaderKeys(sheet.name, headers);
  let best = { row: 1, columns: new Map<string, number>(), old: new Map<string, number>() };
  for (let r = 1; r <= Math.min(10, Math.max(1, sheet.rowCount)); r++) {
    const columns = new Map<string, number>();
    const old = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, column) => {
      const found = typeof cell.value === 'string' ? wanted.get(labelKey(cell.value)) : undefined;
      if (!found || columns.has(found.header)) return;
      columns.set(found.header, column);
      if (found.renamed) old.set(found.header, column);
    });
    if (columns.size > best.columns.size) best = { row: r, columns, old };
  }
  for (const [header, column] of best.old) sheet.getRow(best.row).getCell(column).value = header;
  return { headerRow: best.row, columns: best.columns };
}

/** The columns monev owns in each output tab; Tren's period columns are recognised by outputColumn. */
const OWNED_HEADERS: Readonly<Record<string, readonly string[]>> = {
  [SUMMARY_TAB.name]: SUMMARY_TAB.headers,
  [AREA_SUMMARY_TAB.name]: AREA_SUMMARY_TAB.headers,
  [LOG_TAB.name]: LOG_TAB.headers,
  [TREND_TAB.name]: TREND_TAB.headers,
  [PEER_LEDGER_TAB.name]: PEER_LEDGER_TAB.headers,
};

/**
 * An output tab copied from an earlier file gets monev's look back: the copy keeps values, number formats
 * and widths but not fonts and fills, so the header cells, the frozen header, the predicate colours, the
 * date-times and the links of every row are written again, in monev's columns only.
 */
function restyle(sheet: ExcelJS.Worksheet, tab: string): void {
  const headers = OWNED_HEADERS[tab] ?? [];
  const layout = locate(sheet, headers);
  if (layout.columns.size === 0) return;
  const owned = new Map<string, number>();
  sheet.getRow(layout.headerRow).eachCell((cell, column) => {
    const text = typeof cell.value === 'string' ? cell.value : null;
    if (text === null) return;
    const header = headers.find((known) => labelKey(known) === labelKey(text)) ?? text;
    if (!headers.includes(header) && outputColumn(tab, header) === undefined) return;
    owned.set(header, column);
    styleHeaderCell(cell);
  });
  let lastRow = layout.headerRow;
  for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    lastRow = r;
    for (const [header, column] of owned) {
      const spec = outputColumn(tab, header);
      if (spec) writeCell(row.getCell(column), plain(row.getCell(column).value), spec);
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.headerRow }];
  const ownedHeaders = [...owned.keys()];
  if (ownedHeaders.some((header) => outputColumn(tab, header)))
    shareable(sheet, tab, ownedHeaders, { headerRow: layout.headerRow, columns: owned }, lastRow);
}

function plain(value: ExcelJS.CellValue): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // A date cell reads back as the serial it was written from, so upserting it again keeps it a date.
  if (value instanceof Date) return dateToSerial(value);
  if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

const HEADER_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, bold: true, color: { argb: 'FFFFFFFF' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7A1F1F' } };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };

function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.alignment = HEADER_ALIGNMENT;
}

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.alignment = HEADER_ALIGNMENT;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function safeFileName(code: string): string {
  return code.replace(/[^A-Za-z0-9_-]/g, '_');
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
