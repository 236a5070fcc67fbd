import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../functions/cli.js';
import type { CommandIo } from '../../functions/commands/io.js';

/**
 * What the end-to-end tests share: running the `monev` command with captured output, hashing files,
 * and reading workbook cells with exceljs directly. The cell readers below are written from docs/SPEC.md §2
 * on purpose, without the core's normalisation, so that the tests recompute numbers independently.
 */

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIo(): { io: CommandIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (text) => out.push(text), err: (text) => err.push(text), interactive: false },
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const captured = captureIo();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  readonly number: number;
  /** The cell under a header; an empty cell for a header the tab does not have. */
  cell(header: string): ExcelJS.Cell;
}

export interface SheetTable {
  readonly name: string;
  readonly headers: ReadonlyMap<string, number>;
  readonly rows: readonly SheetRow[];
}

/** A tab whose header row is `headerRow`; rows below it that hold nothing are skipped. */
export function sheetTable(workbook: ExcelJS.Workbook, tab: string, headerRow = 1): SheetTable {
  const sheet = workbook.getWorksheet(tab);
  if (!sheet) throw new Error(`Test workbook has no tab ${tab}`);
  const headers = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, column) => {
    const text = textOf(cell);
    if (text !== null) headers.set(text.trim(), column);
  });
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const hasData = [...headers.values()].some((column) => !isBlank(row.getCell(column)));
    if (!hasData) continue;
    // A header the tab lacks reads as an empty cell far to the right of any data.
    rows.push({ number: r, cell: (header) => row.getCell(headers.get(header) ?? 16_000) });
  }
  return { name: tab, headers, rows };
}

/** A cell as a plain string or number (null for empty), for comparing output workbooks. */
export function valueOf(cell: ExcelJS.Cell): string | number | null {
  const value = plain(cell.value);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

type Plain = string | number | boolean | Date | { error: string } | null;

/** The value the sheet shows: formula results, link text, joined rich text. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink;
  if ('formula' in value || 'sharedFormula' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

/** docs/SPEC.md §2 blank: empty, only spaces, "-" or "–". */
export function isBlank(cell: ExcelJS.Cell): boolean {
  const value = plain(cell.value);
  if (value === null) return true;
  return typeof value === 'string' && /^\s*[-–]?\s*$/.test(value);
}

export function textOf(cell: ExcelJS.Cell): string | null {
  const value = plain(cell.value);
  if (value === null || typeof value === 'object') return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

export type NumberCell = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/**
 * docs/SPEC.md §2 numbers, as a person reads them: a percent-formatted 0.875 is 87.5, "87,5%" is 87.5,
 * "1.250,5" is 1250.5, "1.250" is 1250, "87.5" is 87.5; formula errors and words are invalid.
 */
export function numberOf(cell: ExcelJS.Cell): NumberCell {
  if (isBlank(cell)) return { kind: 'blank' };
  const value = plain(cell.value);
  if (typeof value === 'number') return { kind: 'number', value: cell.numFmt?.includes('%') ? value * 100 : value };
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = value.trim();
  const percent = text.endsWith('%');
  const digits = percent ? text.slice(0, -1).trim() : text;
  let parsed: number | null = null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) parsed = Number(digits.replace(/\./g, '').replace(',', '.'));
  else if (/^-?\d+(,\d+)?$/.test(digits)) parsed = Number(digits.replace(',', '.'));
  else if (/^-?\d+\.\d+$/.test(digits)) parsed = Number(digits);
  return parsed === null ? { kind: 'invalid' } : { kind: 'number', value: parsed };
}

/** docs/SPEC.md §3 Bukti Dukung: one or more http(s) URLs separated by spaces, commas or new lines. */
export function hasValidEvidence(cell: ExcelJS.Cell): boolean {
  const text = textOf(cell);
  if (text === null || isBlank(cell)) return false;
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => /^https?:\/\/\S+$/i.test(part));
}

/** Half away from zero, to two decimals (docs/SPEC.md §4 output precision). */
export function round2(value: number): number {
  const scaled = Math.abs(value) * 100;
  // A tiny nudge so that 66.665 computed as 66.66499999… still rounds up, as a person would.
  return (Math.sign(value) * Math.round(scaled + 1e-9)) / 100;
}

/** "85,03": a score as Indonesian text with two decimals. */
export function idScore(value: number): string {
  return new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** Collapses all whitespace, so text that a PDF table wrapped over lines still matches. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** docs/SPEC.md §3's table of the eight areas: number, id and name. */
export const SPEC_AREAS = [
  [1, 'akuntabilitas-keuangan', 'Akuntabilitas Keuangan'],
  [2, 'informasi-hukum-ppid', 'Pelayanan Informasi Hukum dan PPID'],
  [3, 'hubungan-kelembagaan', 'Hubungan dan Eksistensi Kelembagaan'],
  [4, 'pengolahan-data', 'Pengolahan Data'],
  [5, 'literasi-demokrasi', 'Literasi Demokrasi'],
  [6, 'tata-kelola-internal', 'Penataan Tata Kelola Internal'],
  [7, 'modernisasi-birokrasi', 'Modernisasi Birokrasi'],
  [8, 'kinerja-kelembagaan', 'Peningkatan Kinerja Kelembagaan'],
] as const;

export type SpecAreaId = (typeof SPEC_AREAS)[number][1];

/** A Bidang cell (number, id or name, any case) → area id. */
const AREA_BY_SPELLING = new Map<string, SpecAreaId>(
  SPEC_AREAS.flatMap(
    ([no, id, name]) =>
      [
        [String(no), id],
        [id, id],
        [name.toLowerCase(), id],
      ] as [string, SpecAreaId][],
  ),
);

/**
 * The Rencana Aksi rows of a workbook worked out per docs/SPEC.md §4 for quarter k: whether each row is due,
 * in error, late (reported R < T), its achievement and area name.
 */
export interface ActionPlanRow {
  readonly number: number;
  readonly activity: string | null;
  readonly area: SpecAreaId | null;
  readonly error: boolean;
  readonly due: boolean;
  readonly late: boolean;
  readonly achievement: number;
}

export function actionPlanRows(table: SheetTable, quarter: number): ActionPlanRow[] {
  const required = [
    'Bidang',
    'Kegiatan',
    ...['Target', 'Realisasi'].flatMap((kind) => QUARTER_NUMERALS.map((q) => `${kind} TW ${q}`)),
    'Bukti Dukung',
  ];
  const tabBroken = required.some((header) => !table.headers.has(header));
  return table.rows.map((row) => {
    const area = AREA_BY_SPELLING.get((textOf(row.cell('Bidang')) ?? '').toLowerCase()) ?? null;
    const activity = textOf(row.cell('Kegiatan'));
    const targets = QUARTER_NUMERALS.map((q) => numberOf(row.cell(`Target TW ${q}`)));
    const realizations = QUARTER_NUMERALS.map((q) => numberOf(row.cell(`Realisasi TW ${q}`)));
    const numbers = [...targets, ...realizations];
    const badNumber = numbers.some((n) => n.kind === 'invalid' || (n.kind === 'number' && n.value < 0));
    const noTarget = targets.every((n) => n.kind !== 'number' || n.value === 0);
    const evidenceText = isBlank(row.cell('Bukti Dukung')) ? null : textOf(row.cell('Bukti Dukung'));
    const badUrl = evidenceText !== null && !hasValidEvidence(row.cell('Bukti Dukung'));
    const error = tabBroken || area === null || activity === null || badNumber || noTarget || badUrl;
    const sum = (cells: NumberCell[]) =>
      cells.slice(0, quarter).reduce((total, n) => total + (n.kind === 'number' ? n.value : 0), 0);
    const T = sum(targets);
    const R = sum(realizations);
    const counted = hasValidEvidence(row.cell('Bukti Dukung')) ? R : 0;
    const due = error || T > 0;
    return {
      number: row.number,
      activity,
      area,
      error,
      due,
      late: !error && T > 0 && R < T,
      achievement: error || T <= 0 ? 0 : Math.min(100, (100 * counted) / T),
    };
  });
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Each office's addresses from the rekap's Satker `Email` column (comma-separated), by Kode. */
export async function registryEmails(rekapPath: string): Promise<Map<string, string[]>> {
  const registry = sheetTable(await loadWorkbook(rekapPath), 'Satker');
  return new Map(
    registry.rows.map((row) => [
      String(valueOf(row.cell('Kode'))),
      (textOf(row.cell('Email')) ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
    ]),
  );
}

/** A row of the Log tab of `OUT/rekap.xlsx`, as the send log reads it. */
export interface LogRow {
  run: string;
  code: string;
  action: string;
  fingerprint: string;
  status: string;
}

export async function logRows(out: string): Promise<LogRow[]> {
  const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Log');
  const text = (row: (typeof table.rows)[number], header: string) => String(valueOf(row.cell(header)) ?? '');
  return table.rows.map((row) => ({
    run: text(row, 'Run'),
    code: text(row, 'Kode'),
    action: text(row, 'Aksi'),
    fingerprint: text(row, 'Sidik'),
    status: text(row, 'Status'),
  }));
}
