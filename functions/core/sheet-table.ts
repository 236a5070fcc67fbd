import type { z } from 'zod';
import { substantiveColumns, type ColumnShape, type ColumnSpec, type TableTab } from '../../sheets-schema/index.js';
import { cellText, isBlank, readDate, readNumber, readText, readUrls, type Read } from './cells.js';
import { finding, type Finding } from './findings.js';
import { readNip } from './nip.js';
import { numberInWords, plainNumber } from './number-words.js';
import { cellRef, labelKey, type Cell, type Sheet } from './workbook.js';

/**
 * Reads a table tab (docs/SPEC.md §2–3): finds the header row, maps columns by header, and turns each data
 * row into a typed row plus findings. A cell that cannot be read becomes null and marks its row as
 * in error; the scoring then counts that row as due and worth 0 (docs/SPEC.md §4).
 */
export type TableStatus = 'ok' | 'missing-tab' | 'missing-column' | 'empty';

export interface ParsedRow<R> {
  /** 0-based index of the sheet row. */
  readonly index: number;
  readonly values: R;
  /** Columns whose cell was present but unreadable. */
  readonly invalid: ReadonlySet<keyof R>;
  hasError: boolean;
}

export interface ParsedTable<R> {
  readonly tab: string;
  readonly status: TableStatus;
  readonly headerIndex: number;
  readonly columnIndex: ReadonlyMap<keyof R & string, number>;
  readonly rows: ParsedRow<R>[];
  /** "IKU!H7" for a column of a row; column A when the column was not found. */
  ref(row: number, key: keyof R & string): string;
  /** The cell's text as typed, for quoting in messages. */
  text(row: number, key: keyof R & string): string;
  /**
   * The http(s) links of a cell (docs/SPEC.md §3), also when another token in it is invalid and the
   * row is in error: evidence is counted for every data row (docs/SPEC.md §8).
   */
  links(row: number, key: keyof R & string): readonly string[];
}

const HEADER_SCAN_ROWS = 10;
const MAX_QUANTITY = 1e12;

interface HeaderMatch {
  headerIndex: number;
  columnIndex: Map<string, number>;
  missing: ColumnSpec[];
}

/** The header row is the first of rows 1–10 holding the most required headers (docs/SPEC.md §2). */
export function locateHeader(sheet: Sheet, columns: readonly (ColumnSpec & { key: string })[]): HeaderMatch {
  const required = columns.filter((column) => column.required);
  let best = { index: 0, count: -1 };
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const labels = new Set((sheet.rows[r] ?? []).map((cell) => headerKey(cell)));
    const count = required.filter((column) => labels.has(labelKey(column.header))).length;
    if (count > best.count) best = { index: r, count };
  }
  const headerCells = sheet.rows[best.index] ?? [];
  const columnIndex = new Map<string, number>();
  for (const column of columns) {
    const at = headerCells.findIndex((cell) => headerKey(cell) === labelKey(column.header));
    if (at >= 0) columnIndex.set(column.key, at);
  }
  return { headerIndex: best.index, columnIndex, missing: required.filter((column) => !columnIndex.has(column.key)) };
}

function headerKey(cell: Cell | undefined): string {
  return cell && typeof cell.value === 'string' ? labelKey(cell.value) : '';
}

export function readTable<Shape extends ColumnShape>(
  sheet: Sheet | undefined,
  spec: TableTab<Shape>,
  findings: Finding[],
): ParsedTable<z.infer<z.ZodObject<Shape>>> {
  type R = z.infer<z.ZodObject<Shape>>;
  const tab = spec.name;
  if (!sheet) {
    findings.push(finding('missing-tab', tab, `${cellRef(tab, 0, 0)}`, { tab }));
    return table(tab, 'missing-tab', 0, new Map(), [], undefined);
  }
  const { headerIndex, columnIndex, missing } = locateHeader(sheet, spec.columns);
  for (const column of missing)
    findings.push(finding('missing-column', tab, cellRef(tab, 0, 0), { tab, column: column.header }));

  // A data row holds a value in a known column that is data, not a note (docs/SPEC.md §4 "Data
  // quality"; sheets-schema ColumnSpec.note): a footnote under the table is not a row in error.
  const marking = substantiveColumns(spec.columns).filter((column) => columnIndex.has(column.key));
  const rows: ParsedRow<R>[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || marking.every((column) => isBlank(cells[columnIndex.get(column.key) as number]))) continue;
    const values: Record<string, unknown> = {};
    const invalid = new Set<string>();
    for (const column of spec.columns) {
      const at = columnIndex.get(column.key);
      // A column the tab lacks has no cells to blame: its `missing-column` finding speaks for every row
      // (the rows are invalid through `missing` below), so no row finding names a cell that does not exist.
      const read =
        at === undefined ? absentColumn(column) : readColumn(column, cells[at], cellRef(tab, r, at), tab, findings);
      values[column.key] = read.value;
      if (read.invalid) invalid.add(column.key);
    }
    const parsed = spec.row.safeParse(values);
    if (!parsed.success)
      throw new Error(`Internal: row ${r + 1} of ${tab} does not fit its schema: ${parsed.error.message}`);
    rows.push({
      index: r,
      values: parsed.data,
      invalid: invalid as Set<keyof R>,
      hasError: invalid.size > 0 || missing.length > 0,
    });
  }
  if (missing.length === 0 && rows.length === 0) findings.push(finding('empty-tab', tab, cellRef(tab, 0, 0), { tab }));
  const status: TableStatus = missing.length > 0 ? 'missing-column' : rows.length === 0 ? 'empty' : 'ok';
  return table(tab, status, headerIndex, columnIndex as Map<keyof R & string, number>, rows, sheet);
}

function table<R>(
  tab: string,
  status: TableStatus,
  headerIndex: number,
  columnIndex: Map<keyof R & string, number>,
  rows: ParsedRow<R>[],
  sheet: Sheet | undefined,
): ParsedTable<R> {
  return {
    tab,
    status,
    headerIndex,
    columnIndex,
    rows,
    ref: (row, key) => cellRef(tab, row, columnIndex.get(key) ?? 0),
    text: (row, key) => {
      const at = columnIndex.get(key);
      return at === undefined ? '' : cellText(sheet?.rows[row]?.[at]).trim();
    },
    links: (row, key) => {
      const at = columnIndex.get(key);
      const read = at === undefined ? null : readUrls(sheet?.rows[row]?.[at]);
      return read?.kind === 'value' ? read.value.valid : [];
    },
  };
}

interface ColumnRead {
  value: unknown;
  invalid: boolean;
}

const BLANK_OK: ColumnRead = { value: null, invalid: false };

/** The value of a column the tab lacks: what a blank optional cell reads as, and no finding. */
function absentColumn(column: ColumnSpec): ColumnRead {
  if (column.kind === 'urls') return { value: [], invalid: false };
  if (column.kind === 'choice' && column.choices?.defaultId) return { value: column.choices.defaultId, invalid: false };
  return BLANK_OK;
}

function readColumn(
  column: ColumnSpec,
  cell: Cell | undefined,
  ref: string,
  tab: string,
  findings: Finding[],
): ColumnRead {
  const label = column.header;
  const fail = (f: Finding): ColumnRead => {
    findings.push(f);
    return { value: column.kind === 'urls' ? [] : null, invalid: true };
  };
  const blank = (): ColumnRead => {
    if (column.required && !column.allowBlank)
      return fail(finding('missing-value', tab, ref, { column: label, help: column.help }));
    return absentColumn(column);
  };
  const unreadable = (read: Extract<Read<unknown>, { kind: 'invalid' }>): ColumnRead =>
    read.code === 'formula-error'
      ? fail(finding('formula-error', tab, ref, { column: label, value: read.text, unsaved: read.unsaved }))
      : read.code === 'invalid-date'
        ? fail(finding('invalid-date', tab, ref, { column: label, value: read.text }))
        : fail(finding('invalid-number', tab, ref, { column: label, value: read.text }));

  switch (column.kind) {
    case 'text': {
      const read = readText(cell);
      if (read.kind === 'blank') return blank();
      if (read.kind === 'invalid') return unreadable(read);
      return { value: read.value, invalid: false };
    }
    case 'number':
    case 'integer':
    case 'positive': {
      const read = readNumber(cell);
      if (read.kind === 'blank') return blank();
      if (read.kind === 'invalid') return unreadable(read);
      const value = read.value;
      if (value < 0) return fail(finding('negative-number', tab, ref, { column: label, value: cellText(cell).trim() }));
      // No target, volume or weight in this programme comes near a trillion; such a cell is a paste
      // mistake, and sums of numbers near 1e308 would overflow into NaN scores.
      if (value > MAX_QUANTITY)
        return fail(
          finding('invalid-number', tab, ref, {
            column: label,
            value: cellText(cell).trim(),
            expected: 'angka yang wajar (di bawah 1 triliun)',
          }),
        );
      // Above 2^53 a whole number is no longer exact; no head count is that large.
      if (column.kind === 'integer' && !Number.isSafeInteger(value))
        return fail(
          finding('invalid-number', tab, ref, {
            column: label,
            value: cellText(cell).trim(),
            expected: 'bilangan bulat',
          }),
        );
      if (column.kind === 'positive' && value === 0)
        return fail(
          finding('invalid-number', tab, ref, {
            column: label,
            value: cellText(cell).trim(),
            expected: 'angka lebih dari 0',
          }),
        );
      if (read.ambiguous)
        findings.push(
          finding('ambiguous-number', tab, ref, {
            column: label,
            value: cellText(cell).trim(),
            // Not "1.014": restating the number with a thousands dot would not say how it was read.
            readAs: plainNumber(value),
            words: numberInWords(value),
          }),
        );
      return { value, invalid: false };
    }
    case 'choice': {
      const read = readText(cell);
      if (read.kind === 'blank') return blank();
      if (read.kind === 'invalid') return unreadable(read);
      const choice = column.choices?.find(read.value);
      if (!choice)
        return fail(
          finding('invalid-choice', tab, ref, {
            column: label,
            value: read.value,
            options: column.choices?.choices.map((c) => c.label) ?? [],
          }),
        );
      return { value: choice.id, invalid: false };
    }
    case 'date': {
      const read = readDate(cell);
      if (read.kind === 'blank') return blank();
      if (read.kind === 'invalid') return unreadable(read);
      return { value: read.value, invalid: false };
    }
    case 'urls': {
      const read = readUrls(cell);
      if (read.kind === 'blank') return blank();
      if (read.kind === 'invalid') return unreadable(read);
      const [bad] = read.value.invalid;
      if (bad !== undefined) return fail(finding('invalid-url', tab, ref, { column: label, value: bad }));
      return { value: read.value.valid, invalid: false };
    }
    case 'nip': {
      if (isBlank(cell)) return blank();
      const read = readNip(cell);
      if (read.kind === 'value') return { value: read.value, invalid: false };
      if (read.code === 'invalid-nip')
        return fail(finding('invalid-nip', tab, ref, { value: read.text, reason: read.reason }));
      if (read.code === 'nip-not-text') return fail(finding('nip-not-text', tab, ref, { value: read.text }));
      return fail(finding('formula-error', tab, ref, { column: label, value: read.text, unsaved: read.unsaved }));
    }
  }
}
