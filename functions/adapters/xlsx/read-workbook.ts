import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Cell, CellValue, FormatKind, Sheet, Workbook } from '../../core/workbook.js';
import {
  DEFAULT_WORKBOOK_LIMITS,
  WorkbookTooLargeError,
  exceededLimit,
  type WorkbookLimits,
} from '../../core/workbook-limits.js';
import { unreadable, unreadableFix } from '../../core/messages/unreadable.js';
import { classifyNumberFormat, formatKind } from './number-format.js';
import { quietly, sheetjs, type SheetJsCell, type SheetJsSheet, type SheetJsWorkbook } from './sheetjs.js';
import { UnreadableWorkbookError, fileErrorReason, sniffUnreadable } from './unreadable-workbook-error.js';
import { tabPastRowLimit } from './rows-in-use.js';
import { ZipFormatError, ZipLimitError, unpackZip } from './zip-archive.js';

/**
 * Reads a workbook file (.xlsx from Excel, LibreOffice, Google Sheets, openpyxl, pandas, exceljs; .ods from
 * LibreOffice) into the cell model of core/workbook.ts (docs/SPEC.md §2). The file is only read, never
 * written. Anything that is not a readable workbook rejects with UnreadableWorkbookError; a workbook past
 * the limits of SPEC §8 rejects with WorkbookTooLargeError before it costs more memory than the limits allow.
 *
 * Why SheetJS and not exceljs (which monev still writes with): exceljs fails on workbooks whose parts are
 * linked by absolute paths (exceljs issue #2797: every openpyxl or pandas re-save with notes), reads no .ods,
 * and cannot stop at a row limit; the measurements are in BENCHMARKS.md.
 */
export async function readXlsxWorkbook(
  path: string,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<Workbook> {
  return readXlsxBuffer(await readWorkbookFile(path, limits), limits);
}

/** The bytes of a workbook file, refused unread when the file alone is past the unpacked limit. */
export async function readWorkbookFile(path: string, limits: WorkbookLimits): Promise<Buffer> {
  let buf: Buffer;
  let file: FileHandle | undefined;
  try {
    // Opened without blocking and checked on the open handle: a FIFO named by Sumber would otherwise wait
    // for a writer forever (holding the run and its lock), and a check by path before opening could be
    // raced by a swap. Only a regular file is read.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await file.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!info.isFile())
      throw new UnreadableWorkbookError(unreadable('not-regular-file'), { fix: unreadableFix('check-source-file') });
    // A file larger than the unpacked limit cannot unpack to less (a zip only stores or shrinks), so it is
    // refused before being read into memory.
    if (info.size > limits.maxUnpackedBytes)
      throw new WorkbookTooLargeError({ measure: 'unpacked', bytes: info.size, limit: limits.maxUnpackedBytes });
    buf = await file.readFile();
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    if (error instanceof UnreadableWorkbookError) throw error;
    throw new UnreadableWorkbookError(fileErrorReason(error), {
      cause: error,
      fix: unreadableFix('check-source-file'),
    });
  } finally {
    await file?.close();
  }
  return buf;
}

export async function readXlsxBuffer(
  buf: Uint8Array,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<Workbook> {
  const parsed = parseWorkbookArchive(buf, limits);
  const date1904 = parsed.Workbook?.WBProps?.date1904 === true;
  const workbook: Workbook = {
    sheets: parsed.SheetNames.map((name) => readSheet(name, parsed.Sheets[name], date1904)),
  };
  const excess = exceededLimit(workbook, limits);
  if (excess) throw new WorkbookTooLargeError(excess);
  return workbook;
}

/**
 * SheetJS's own model of a workbook, unpacked within the limits. `columnWidths` also reads the
 * columns' widths (SheetJS reads them only with its styles), for a copy that keeps the author's layout.
 */
export function parseWorkbookArchive(
  buf: Uint8Array,
  limits: WorkbookLimits,
  { columnWidths = false }: { readonly columnWidths?: boolean } = {},
): SheetJsWorkbook {
  const sniffed = sniffUnreadable(buf);
  if (sniffed) throw sniffed;
  let files: Map<string, Uint8Array>;
  try {
    if (isEncryptedOpenDocument(buf, limits))
      throw new UnreadableWorkbookError(unreadable('password-protected-ods'), {
        fix: unreadableFix('remove-password-ods'),
      });
    files = unpackZip(buf, limits.maxUnpackedBytes, isNeededPart);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    if (error instanceof ZipLimitError)
      throw new WorkbookTooLargeError({
        measure: 'unpacked',
        bytes: error.unpackedBytes,
        limit: limits.maxUnpackedBytes,
      });
    if (error instanceof ZipFormatError && error.fault === 'encrypted')
      throw new UnreadableWorkbookError(unreadable('password-protected'), {
        cause: error,
        fix: unreadableFix('remove-password'),
      });
    if (error instanceof ZipFormatError && error.fault === 'size-mismatch')
      throw new UnreadableWorkbookError(unreadable('archive-size-mismatch'), { cause: error });
    throw new UnreadableWorkbookError(BROKEN, { cause: error });
  }
  const kind = archiveKind(files);
  if (kind === 'other') throw new UnreadableWorkbookError(NOT_A_WORKBOOK);
  if (kind === 'ods') capOdsRepeats(files, limits);
  // SheetJS stops one row past the limit; a value further down, below a blank gap, is found here.
  const tall = tabPastRowLimit(files, kind, limits.maxRows);
  if (tall !== null) throw new WorkbookTooLargeError({ measure: 'rows', tab: tall, limit: limits.maxRows });

  const lib = sheetjs();
  const container = lib.CFB.utils.cfb_new();
  for (const [name, data] of files) lib.CFB.utils.cfb_add(container, name, data, { unsafe: true });
  let parsed: SheetJsWorkbook;
  try {
    parsed = quietly(() =>
      lib.parse_zip(container, {
        ...PARSE_OPTIONS,
        // One row past the limit, so a tab that passes it is seen without parsing the rest.
        sheetRows: limits.maxRows + 1,
        cellStyles: columnWidths,
      }),
    );
  } catch (error) {
    throw new UnreadableWorkbookError(BROKEN, { cause: error });
  }
  if (parsed.SheetNames.length === 0) throw new UnreadableWorkbookError(NOT_A_WORKBOOK);
  return parsed;
}

/** How SheetJS parses every workbook: cells as stored (values, number formats, formulas), none rendered. */
export const PARSE_OPTIONS = {
  dense: true,
  cellNF: true,
  cellFormula: true,
  cellHTML: false,
  cellText: false,
  cellDates: false,
  bookVBA: false,
  sheetStubs: true,
} as const;

const BROKEN = unreadable('corrupt-workbook');
const NOT_A_WORKBOOK = unreadable('not-a-workbook');

/**
 * Parts that never hold a cell value are not even inflated: notes (whose absolute part paths broke exceljs),
 * drawings, charts, pictures, pivot caches, printer settings. They still count towards the unpacked limit.
 */
const SKIPPED_PART =
  /(^|\/)(comments\d*\.xml|threadedComments|persons|drawings|charts|media|pivotCache|pivotTables|printerSettings|customXml|externalLinks|embeddings|docProps|Thumbnails|Pictures|Configurations2|calcChain\.xml)/i;

function isNeededPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name) && !SKIPPED_PART.test(name);
}

const MANIFEST = 'META-INF/manifest.xml';

/**
 * OpenDocument encrypts with its own scheme, not zip's: the manifest stays readable and lists an
 * `encryption-data` element for each encrypted part, whose bytes are ciphertext that would only read as
 * a damaged file. Checked first, from the manifest alone, so the operator is told about the password.
 */
function isEncryptedOpenDocument(buf: Uint8Array, limits: WorkbookLimits): boolean {
  let manifest: Uint8Array | undefined;
  try {
    manifest = unpackZip(buf, limits.maxUnpackedBytes, (name) => name === MANIFEST).get(MANIFEST);
  } catch {
    return false;
  }
  return manifest !== undefined && /<(?:[\w.-]+:)?encryption-data\b/.test(new TextDecoder().decode(manifest));
}

function archiveKind(files: ReadonlyMap<string, Uint8Array>): 'xlsx' | 'ods' | 'other' {
  if (files.has('content.xml') && files.has(MANIFEST)) {
    const manifest = new TextDecoder().decode(files.get(MANIFEST));
    return manifest.includes('opendocument.spreadsheet') ? 'ods' : 'other';
  }
  const types = files.get('[Content_Types].xml');
  if (!types) return 'other';
  return /spreadsheetml|ms-excel/.test(new TextDecoder().decode(types)) ? 'xlsx' : 'other';
}

/**
 * OpenDocument writes a row or cell repeated N times as one element with a count. SheetJS expands the count,
 * so a few bytes could ask for millions of cells; counts past the limits are cut to one past the limit,
 * which still shows the tab as too large when that repetition holds values.
 */
function capOdsRepeats(files: Map<string, Uint8Array>, limits: WorkbookLimits): void {
  const content = files.get('content.xml');
  if (!content) return;
  const text = new TextDecoder().decode(content);
  const capped = text.replace(/table:number-(rows|columns)-repeated="(\d+)"/g, (whole, axis: string, count: string) => {
    const cap = (axis === 'rows' ? limits.maxRows : limits.maxColumns) + 1;
    return Number(count) > cap ? `table:number-${axis}-repeated="${cap}"` : whole;
  });
  if (capped !== text) files.set('content.xml', new TextEncoder().encode(capped));
}

function readSheet(name: string, worksheet: SheetJsSheet | undefined, date1904: boolean): Sheet {
  const data = worksheet?.['!data'] ?? [];
  const covered = coveredCells(worksheet);
  const rows: (Cell[] | undefined)[] = [];
  data.forEach((source, r) => {
    if (!source) return;
    const cells: Cell[] = [];
    source.forEach((sourceCell, c) => {
      if (!sourceCell || covered.has(r * COLUMN_SPAN + c)) return;
      const cell = toCell(sourceCell, date1904);
      if (cell) cells[c] = cell;
    });
    if (cells.length > 0) rows[r] = cells;
  });
  return { name, rows };
}

const COLUMN_SPAN = 1 << 14; // Excel's 16 384 columns: r * COLUMN_SPAN + c names a cell uniquely.

/**
 * The cells a merge covers, except its top-left one. Google Sheets leaves them empty, and so does the core:
 * one value per merged block whichever program wrote the file.
 */
function coveredCells(worksheet: SheetJsSheet | undefined): Set<number> {
  const covered = new Set<number>();
  for (const merge of worksheet?.['!merges'] ?? []) {
    for (let r = merge.s.r; r <= merge.e.r; r++)
      for (let c = merge.s.c; c <= merge.e.c; c++)
        if (r !== merge.s.r || c !== merge.s.c) covered.add(r * COLUMN_SPAN + c);
  }
  return covered;
}

// Excel's error codes as SheetJS stores them (the BIFF numbers), for when a writer left no text.
export const ERROR_NAMES: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

// Excel's 1904 date system counts days from 1904-01-01, 1462 days after the 1900 system's day 0.
const DAYS_1900_TO_1904 = 1462;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function toCell(cell: SheetJsCell, date1904: boolean): Cell | undefined {
  const links = cellLinks(cell);
  const value = displayedValue(cell, links);
  // A formula whose result the file does not hold (openpyxl and pandas write none): not blank, but a cell
  // the core reports, so a dropped #DIV/0! never reads as an empty cell (docs/SPEC.md §2 v3).
  if (value === undefined && cell.f && links.length === 0)
    return { value: null, format: 'text', unsavedFormula: cell.f.trim() };
  if (value === undefined) return undefined;
  let shown: CellValue;
  let format: FormatKind;
  if (value instanceof Date) {
    const ms = value.getTime();
    // Excel shows "########" for a date it cannot display; an out-of-range date becomes that text.
    if (Number.isNaN(ms)) return { value: '########', format: 'text' };
    shown = (ms - SERIAL_EPOCH_MS) / DAY_MS;
    format = 'date';
  } else {
    format = formatKind(classifyNumberFormat(typeof cell.z === 'string' ? cell.z : undefined), value);
    shown = format === 'date' && typeof value === 'number' && date1904 ? value + DAYS_1900_TO_1904 : value;
  }
  return links.length > 0 ? { value: shown, format, links } : { value: shown, format };
}

/** The value as the spreadsheet shows it: formulas give their cached result, errors their name. */
function displayedValue(cell: SheetJsCell, links: readonly string[]): Exclude<CellValue, null> | Date | undefined {
  let value: Exclude<CellValue, null> | Date | undefined;
  switch (cell.t) {
    case 'z':
      value = undefined;
      break;
    case 'e':
      value = cell.w ?? (typeof cell.v === 'number' ? ERROR_NAMES[cell.v] : undefined) ?? '#ERROR!';
      break;
    default:
      value = cell.v;
  }
  // A label in front of a link ("Bukti rapat") gives the link itself, so that a Bukti Dukung column read
  // only for its text still finds the URL; the label is kept when it already is the URL. The link is also
  // in `links` (SPEC §3) for the core to collect.
  const link = links[0];
  if (link !== undefined && typeof value !== 'number' && !(typeof value === 'string' && WEB_URL.test(value)))
    return link;
  return value;
}

const EXTERNAL_LINK = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^\s*https?:\/\//i;
// HYPERLINK("https://…"; "Bukti"): Google Sheets and LibreOffice keep pasted links with labels this way.
const HYPERLINK_FORMULA = /^\s*=?\s*HYPERLINK\(\s*"([^"]+)"/i;

/** SPEC §3 order: the whole-cell hyperlink, then the URL of a HYPERLINK formula; links inside the workbook are left out. */
function cellLinks(cell: SheetJsCell): string[] {
  const links: string[] = [];
  const target = cell.l?.Target?.trim();
  if (target && EXTERNAL_LINK.test(target)) links.push(target);
  const formulaUrl = cell.f ? HYPERLINK_FORMULA.exec(cell.f)?.[1]?.trim() : undefined;
  if (formulaUrl && EXTERNAL_LINK.test(formulaUrl) && !links.includes(formulaUrl)) links.push(formulaUrl);
  return links;
}
