import type { ColumnShape, TableTab } from '../../sheets-schema/index.js';

/**
 * The sample's content, before any file exists: what each cell of each tab holds and how it is
 * formatted. Generation is pure (seed in, content out); write-office.ts turns it into a workbook.
 */
export type SampleCell =
  | string
  | number
  | null
  /** A number with its own number format: a percent cell (0.875, "0.00%") or a date serial. */
  | { readonly value: number; readonly numFmt: string }
  /** A formula whose cached result is an error, as Excel saves "=J5/0". */
  | { readonly formula: string; readonly error: string };

export interface SampleTable {
  readonly tab: string;
  /** Headers in sheet order; a column the operator deleted is missing here. */
  readonly headers: string[];
  readonly rows: SampleCell[][];
}

export interface SampleOffice {
  readonly code: string;
  readonly name: string;
  readonly kind: 'Kabupaten' | 'Kota';
  /** "kota-malang": used in e-mail addresses. */
  readonly slug: string;
  /** "malangkota": the office's subdomain, as Bawaslu kabupaten/kota sites are named. */
  readonly host: string;
}

export interface OfficeContent {
  readonly office: SampleOffice;
  readonly year: number;
  readonly tables: SampleTable[];
}

/** How one office's operator writes things; drawn once per office so its sheets are consistent. */
export interface OfficeStyle {
  /** Share of due items realized in full and on time. */
  readonly quality: number;
  /** Percent values as percent-formatted cells, typed text ("87,5%"), or plain numbers (87.5). */
  readonly percent: 'cell' | 'text' | 'plain';
  /** Bidang as the area name or its number. */
  readonly area: 'name' | 'number';
  readonly nip: 'plain' | 'spaced';
  /** Dates as date cells, "15/08/2025" or "15 Agustus 2025". */
  readonly date: 'cell' | 'slash' | 'long';
  /** Quarters without a target left blank rather than 0. */
  readonly blankEmptyQuarters: boolean;
  readonly ikuWeights: boolean;
  readonly ikiWeights: boolean;
}

export type Row<S extends ColumnShape> = Partial<Record<keyof S & string, SampleCell>>;
/** A row of the given schema tab, keyed like its zod row. */
export type RowFor<T> = T extends TableTab<infer S> ? Row<S> : never;

/** Lays rows keyed by schema column out in template column order. */
export function tableOf<S extends ColumnShape>(spec: TableTab<S>, rows: readonly Row<S>[]): SampleTable {
  return {
    tab: spec.name,
    headers: spec.columns.map((column) => column.header),
    rows: rows.map((row) => spec.columns.map((column) => row[column.key] ?? null)),
  };
}

export function findTable(content: OfficeContent, tab: string): SampleTable {
  const table = content.tables.find((t) => t.tab === tab);
  if (!table) throw new Error(`sample has no tab ${tab}`);
  return table;
}

export function columnOf(table: SampleTable, header: string): number {
  const at = table.headers.indexOf(header);
  if (at < 0) throw new Error(`sample tab ${table.tab} has no column ${header}`);
  return at;
}

const PERCENT_FORMAT = '0.00%';
export const DATE_FORMAT = 'dd/mm/yyyy';

export function percentCell(value: number, style: OfficeStyle['percent']): SampleCell {
  if (style === 'cell') return { value: Math.round(value * 1000) / 100_000, numFmt: PERCENT_FORMAT };
  if (style === 'text') return `${indonesianDecimal(value)}%`;
  return value;
}

/** 87.5 → "87,5": Indonesian decimal comma, no thousands grouping. */
export function indonesianDecimal(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateCell(utcMs: number, style: OfficeStyle['date']): SampleCell {
  const date = new Date(utcMs);
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  if (style === 'slash') return `${String(day).padStart(2, '0')}/${String(month + 1).padStart(2, '0')}/${year}`;
  if (style === 'long') return `${day} ${MONTHS[month]} ${year}`;
  return { value: Math.round((utcMs - SERIAL_EPOCH_MS) / 86_400_000), numFmt: DATE_FORMAT };
}
