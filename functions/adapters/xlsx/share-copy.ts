import type ExcelJS from 'exceljs';
import {
  AREA_SUMMARY_TAB,
  outputColumn,
  SUMMARY_TAB,
  TREND_TAB,
  type OutputColumn,
} from '../../../sheets-schema/index.js';
import { shareCopyText } from '../../core/messages/share-copy.js';
import { parsePeriod, periodLabel, type Period } from '../../core/period.js';
import { predicate } from '../../core/scoring/province.js';
import type { SheetRecord, SheetValue } from '../../core/summary-rows.js';
import { newWorkbook } from './exceljs.js';
import { LINE_POINTS, printSetup, wrappedLines, wrappedRowHeight } from './sheet-layout.js';
import { openOn } from './tab-order.js';

/**
 * The share copy OUT/rekap-<periode>.xlsx (issue 18 item 6): what the Ketua should see of one period and
 * nothing else, so the province can forward it as it is. Rekap sorted by rank with a province-average row,
 * Rekap Bidang with a colour scale on which the weakest cells are the reddest, and Tren; no Satker (file
 * paths, e-mail addresses), no Log (run IDs), no Laporan paths, each tab printing on A4 landscape one page
 * wide with its title and header repeated on every page.
 */
export interface ShareCopyTables {
  /** The period of the copy, "2025-TW3"; rows of other periods are left out. */
  readonly period: string;
  /** Rekap's and Rekap Bidang's rows as the rekap holds them after this run, every period. */
  readonly summary: readonly SheetRecord[];
  readonly areas: readonly SheetRecord[];
  /** Tren as the rekap holds it: Kode, Nama and the period columns. */
  readonly trend: { readonly headers: readonly string[]; readonly records: readonly SheetRecord[] };
}

/** How the rekap writer formats an output cell and a header cell, so that both files look alike. */
export interface OutputStyle {
  writeCell(cell: ExcelJS.Cell, value: SheetValue, spec: OutputColumn | undefined): void;
  styleHeader(cell: ExcelJS.Cell): void;
}

/** Rekap's columns in the share copy: no Periode (the title names it), Status (Keterangan says why), Diperbarui or Laporan. */
export const SHARE_SUMMARY_HEADERS = [
  'Peringkat',
  'Kode',
  'Nama',
  'IKU',
  'Rencana Aksi',
  'IKI',
  'Tahapan',
  'Kualitas Data',
  'Indeks',
  'Predikat',
  'Kesalahan',
  'Peringatan',
  'Keterangan',
] as const satisfies readonly (typeof SUMMARY_TAB.headers)[number][];

const SUMMARY_SCORES = ['IKU', 'Rencana Aksi', 'IKI', 'Tahapan', 'Kualitas Data', 'Indeks'] as const;
const AREA_HEADERS = AREA_SUMMARY_TAB.headers.filter((header) => header !== 'Periode');
const AREA_SCORES = AREA_HEADERS.filter((header) => header !== 'Kode' && header !== 'Nama');

/** "rekap-2025-TW3.xlsx". */
export function shareCopyName(period: string): string {
  return `rekap-${period.replace(/[^A-Za-z0-9_-]/g, '_')}.xlsx`;
}

/** The share copy, or null when `period` is no period ("2025-TW3"). */
export function buildShareCopy(tables: ShareCopyTables, style: OutputStyle, date?: Date): ExcelJS.Workbook | null {
  const period = parsePeriod(tables.period);
  if (!period) return null;
  const label = periodLabel(period);
  const summary = tables.summary.filter((row) => row.Periode === period.id).sort(byRank);
  const position = new Map(summary.map((row, i) => [String(row.Kode), i]));
  const inRankOrder = (rows: readonly SheetRecord[]) =>
    [...rows].sort(
      (a, b) =>
        (position.get(String(a.Kode)) ?? Infinity) - (position.get(String(b.Kode)) ?? Infinity) || compareCodes(a, b),
    );
  const scored = summary.filter((row) => typeof row.Indeks === 'number').length;
  const average = shareCopyText('average');

  const workbook = newWorkbook(date);
  const summaryAverage = averageRecord(summary, SUMMARY_SCORES, average);
  const averageIndex = summaryAverage.Indeks;
  if (typeof averageIndex === 'number') summaryAverage.Predikat = predicate(averageIndex);
  writeTab(workbook, style, {
    tab: SUMMARY_TAB.name,
    title: shareCopyText('title', { tab: SUMMARY_TAB.name, period: label }),
    note: shareCopyText('summary-note', { scored }),
    headers: SHARE_SUMMARY_HEADERS,
    rows: summary,
    average: summaryAverage,
  });

  const areaRows = inRankOrder(tables.areas.filter((row) => row.Periode === period.id));
  const areas = writeTab(workbook, style, {
    tab: AREA_SUMMARY_TAB.name,
    title: shareCopyText('title', { tab: AREA_SUMMARY_TAB.name, period: label }),
    note: shareCopyText('areas-note'),
    headers: AREA_HEADERS,
    rows: areaRows,
    average: averageRecord(areaRows, AREA_SCORES, average),
  });
  // The area scores follow Kode and Nama.
  weakestReddest(areas, AREA_HEADERS.length - AREA_SCORES.length + 1, AREA_HEADERS.length);

  const trendHeaders = tables.trend.headers.filter((header) => !isLaterPeriod(header, period));
  const trendPeriods = trendHeaders.filter((header) => parsePeriod(header) !== null);
  const trendRows = inRankOrder(tables.trend.records);
  writeTab(workbook, style, {
    tab: TREND_TAB.name,
    title: shareCopyText('title', { tab: TREND_TAB.name, period: label }),
    note: shareCopyText('trend-note', { period: label }),
    headers: trendHeaders,
    rows: trendRows,
    average: averageRecord(trendRows, trendPeriods, average),
  });

  openOn(workbook, SUMMARY_TAB.name);
  return workbook;
}

/** Rank first (equal ranks by code), offices without a rank (unscored) last. */
function byRank(a: SheetRecord, b: SheetRecord): number {
  const rank = (row: SheetRecord) => (typeof row.Peringkat === 'number' ? row.Peringkat : Infinity);
  return rank(a) - rank(b) || compareCodes(a, b);
}

function compareCodes(a: SheetRecord, b: SheetRecord): number {
  return String(a.Kode ?? '').localeCompare(String(b.Kode ?? ''));
}

/** A Tren column of a period after the copy's one (an old period scored again): not part of that period's picture. */
function isLaterPeriod(header: string, period: Period): boolean {
  const other = parsePeriod(header);
  return other !== null && other.year * 4 + other.quarter > period.year * 4 + period.quarter;
}

/**
 * The province-average row: in each score column the mean of the offices that have a score there, to two
 * decimals, as the scores themselves; unscored offices (blank) are not counted as 0.
 */
function averageRecord(
  rows: readonly SheetRecord[],
  scores: readonly string[],
  label: string,
): Record<string, SheetValue> {
  const record: Record<string, SheetValue> = { Nama: label };
  for (const header of scores) {
    const values = rows.map((row) => row[header]).filter((value): value is number => typeof value === 'number');
    record[header] =
      values.length === 0
        ? null
        : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
  }
  return record;
}

// Characters of column width an A4 page holds upright at full size, margins taken off.
const PORTRAIT_WIDTH = 95;
// What wrappedRowHeight gives a row of one line.
const ONE_LINE = LINE_POINTS + 3;
// Rows 1 and 2 hold the title and the line on how to read the tab; the table's header is row 3.
const HEADER_ROW = 3;
const TITLE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 14, bold: true };
const NOTE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 10, italic: true, color: { argb: 'FF404040' } };
const AVERAGE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const AVERAGE_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'medium', color: { argb: 'FF7A1F1F' } } };

function writeTab(
  workbook: ExcelJS.Workbook,
  style: OutputStyle,
  table: {
    readonly tab: string;
    readonly title: string;
    readonly note: string;
    readonly headers: readonly string[];
    readonly rows: readonly SheetRecord[];
    readonly average: Readonly<Record<string, SheetValue>>;
  },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.tab);
  const specs = table.headers.map((header) => outputColumn(table.tab, header));
  const widths = specs.map((spec) => spec?.width ?? 10);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  // Keterangan is prose: it wraps within its column instead of running off the printed page.
  const wrap = specs.map((spec) => spec?.wrap === true);

  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 21;
  // The note spans the table and wraps inside it, so the printed page is no wider than the table.
  sheet.mergeCells(2, 1, 2, table.headers.length);
  const note = sheet.getCell(2, 1);
  note.value = table.note;
  note.font = NOTE_FONT;
  note.alignment = { wrapText: true, vertical: 'top' };
  const tableWidth = widths.reduce((sum, width) => sum + width, 0);
  sheet.getRow(2).height = wrappedLines(table.note, tableWidth) * LINE_POINTS + 4;

  const header = sheet.getRow(HEADER_ROW);
  let headerLines = 1;
  table.headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    style.styleHeader(cell);
    // Bold headers are wider than the body text the estimate is made for.
    headerLines = Math.max(headerLines, wrappedLines(text, (widths[i] ?? 10) * 0.85));
  });
  header.height = headerLines * LINE_POINTS + 4;

  const write = (rowNumber: number, record: Readonly<Record<string, SheetValue>>): ExcelJS.Row => {
    const row = sheet.getRow(rowNumber);
    const values = table.headers.map((text) => record[text] ?? null);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      style.writeCell(cell, value, specs[i]);
      // A row made tall by its Keterangan reads from the top, as the Keterangan does.
      cell.alignment = {
        ...cell.alignment,
        vertical: 'top',
        ...(wrap[i] ? { wrapText: true } : {}),
      };
    });
    // Only a row whose Keterangan runs over more than one line is made taller; the others keep the
    // default height, so that a province's offices fit on one page.
    const height = wrappedRowHeight(values, widths, wrap);
    if (height > ONE_LINE) row.height = height;
    return row;
  };
  table.rows.forEach((record, i) => write(HEADER_ROW + 1 + i, record));
  const average = write(HEADER_ROW + 1 + table.rows.length, table.average);
  average.eachCell({ includeEmpty: true }, (cell, column) => {
    if (column > table.headers.length) return;
    cell.font = { name: 'Calibri', size: 11, ...cell.font, bold: true };
    if (specs[column - 1]?.format !== 'predicate' || cell.value === null) cell.fill = AVERAGE_FILL;
    cell.border = AVERAGE_BORDER;
  });

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }];
  // A narrow table (Tren of the first periods) fills an A4 page upright instead of two pages on their side.
  printSetup(sheet, {
    title: table.title,
    titleRows: HEADER_ROW,
    orientation: tableWidth <= PORTRAIT_WIDTH ? 'portrait' : 'landscape',
  });
  return sheet;
}

/**
 * A colour scale over the area scores, 0 a strong red fading to white at 100, fixed rather than from the
 * lowest to the highest score, so the same colour means the same score in every period and the weakest
 * cells are the ones that stand out (issue 18 item 4: the heat map read darker as higher). Blank cells
 * (unscored offices) stay white.
 */
function weakestReddest(sheet: ExcelJS.Worksheet, firstColumn: number, lastColumn: number): void {
  const letter = (column: number) => sheet.getColumn(column).letter;
  const lastRow = sheet.rowCount;
  if (lastRow <= HEADER_ROW) return;
  sheet.addConditionalFormatting({
    ref: `${letter(firstColumn)}${HEADER_ROW + 1}:${letter(lastColumn)}${lastRow}`,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 100 },
        ],
        color: [{ argb: WEAKEST_RED }, { argb: 'FFFFFFFF' }],
      },
    ],
  });
}

// Excel's own colour-scale red: strong enough to stand out, light enough for black text on it.
export const WEAKEST_RED = 'FFF8696B';
