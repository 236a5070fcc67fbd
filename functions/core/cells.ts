import type { Cell } from './workbook.js';

/**
 * Cell normalisation (docs/SPEC.md §2), shared by every adapter. Each reader answers blank, a value, or
 * the reason the cell cannot be read; messages are the validator's business.
 */
export type ReadFailure = 'invalid-number' | 'invalid-date' | 'formula-error';

export type Read<T> =
  | { readonly kind: 'blank' }
  | { readonly kind: 'value'; readonly value: T; readonly ambiguous?: boolean }
  | {
      readonly kind: 'invalid';
      readonly code: ReadFailure;
      readonly text: string;
      /** A formula without a saved result (`text` is the formula): formula-error with its own message. */
      readonly unsaved?: boolean;
    };

const BLANK: Read<never> = { kind: 'blank' };

const FORMULA_ERRORS = new Set([
  '#REF!',
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#ERROR!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);

export function isBlank(cell: Cell | undefined): boolean {
  if (cell?.unsavedFormula !== undefined) return false;
  if (!cell || cell.value === null) return true;
  if (typeof cell.value !== 'string') return false;
  const text = cell.value.trim();
  return text === '' || text === '-' || text === '–' || text === '—';
}

export function isFormulaError(cell: Cell | undefined): boolean {
  if (cell?.unsavedFormula !== undefined) return true;
  return typeof cell?.value === 'string' && FORMULA_ERRORS.has(cell.value.trim().toUpperCase());
}

/** How a cell for which isFormulaError holds reads: its error text, or the formula that has no result. */
export interface FormulaFailure {
  readonly kind: 'invalid';
  readonly code: 'formula-error';
  readonly text: string;
  readonly unsaved?: boolean;
}

export function formulaFailure(cell: Cell | undefined): FormulaFailure {
  if (cell?.unsavedFormula !== undefined)
    return { kind: 'invalid', code: 'formula-error', text: `=${cell.unsavedFormula}`, unsaved: true };
  return { kind: 'invalid', code: 'formula-error', text: cellText(cell).trim() };
}

/** The cell as the operator sees it, for quoting in messages. */
export function cellText(cell: Cell | undefined): string {
  if (cell?.unsavedFormula !== undefined) return `=${cell.unsavedFormula}`;
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number') {
    if (cell.format === 'date')
      return readDate(cell).kind === 'value'
        ? isoToDisplay((readDate(cell) as { value: string }).value)
        : String(cell.value);
    return String(cell.value).replace('.', ',');
  }
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}

export function readText(cell: Cell | undefined): Read<string> {
  if (isBlank(cell) || !cell) return BLANK;
  if (isFormulaError(cell)) return formulaFailure(cell);
  if (typeof cell.value === 'number' && cell.format !== 'date') return { kind: 'value', value: String(cell.value) };
  return { kind: 'value', value: cellText(cell).trim() };
}

// Indonesian: dots group thousands, a comma marks decimals ("1.250,5", "87,5").
const INDONESIAN_NUMBER = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
// A dot as the decimal mark ("87.5"), which spreadsheets in English locale produce.
const DOT_DECIMAL = /^[+-]?\d+\.\d+$/;
// A single dot followed by exactly three digits: "1.250" — thousands, but worth a warning.
const AMBIGUOUS = /^[+-]?\d{1,3}\.\d{3}$/;

/** Percent cells hold fractions (0.875 → 87.5): values are in percent units throughout. */
export function readNumber(cell: Cell | undefined): Read<number> {
  if (isBlank(cell) || !cell) return BLANK;
  if (isFormulaError(cell)) return formulaFailure(cell);
  const { value } = cell;
  if (typeof value === 'number') {
    const read = cell.format === 'percent' ? fromFraction(value) : value;
    // A huge percent cell overflows when scaled to percent units; it is unreadable, not infinite.
    if (!Number.isFinite(read)) return { kind: 'invalid', code: 'invalid-number', text: String(value) };
    return { kind: 'value', value: read };
  }
  if (typeof value !== 'string') return { kind: 'invalid', code: 'invalid-number', text: cellText(cell) };
  return parseNumberText(value);
}

export function parseNumberText(raw: string): Read<number> {
  const trimmed = raw.trim();
  let text = trimmed.replace(/\s+/g, '');
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  if (INDONESIAN_NUMBER.test(text)) {
    const value = Number(text.replace(/\./g, '').replace(',', '.'));
    // Several hundred digits read as Infinity: no count or percentage is that, so it is unreadable.
    if (Number.isFinite(value)) return { kind: 'value', value, ambiguous: AMBIGUOUS.test(text) };
  }
  if (DOT_DECIMAL.test(text) && Number.isFinite(Number(text))) return { kind: 'value', value: Number(text) };
  return { kind: 'invalid', code: 'invalid-number', text: trimmed };
}

function fromFraction(value: number): number {
  // 0.1 × 100 is 10.000000000000002 in binary floats; a percent cell never means that.
  return Math.round(value * 100 * 1e9) / 1e9;
}

const MONTHS = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTH_ALIASES: Record<string, number> = {
  jan: 1,
  feb: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agus: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nop: 11,
  nov: 11,
  nopember: 11,
  des: 12,
};
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Dates come out as ISO "yyyy-mm-dd". */
export function readDate(cell: Cell | undefined): Read<string> {
  if (isBlank(cell) || !cell) return BLANK;
  if (isFormulaError(cell)) return formulaFailure(cell);
  const { value } = cell;
  if (typeof value === 'number') {
    // Only a date-formatted number is a date serial; 45000 typed as a plain number is not.
    // Serial 2 958 465 is 9999-12-31. The text of a date cell out of range is its raw number, since
    // cellText would ask readDate again.
    if (cell.format !== 'date') return { kind: 'invalid', code: 'invalid-date', text: cellText(cell) };
    if (!(value >= 1 && value <= 2_958_465)) return { kind: 'invalid', code: 'invalid-date', text: String(value) };
    return { kind: 'value', value: new Date(SERIAL_EPOCH_MS + Math.floor(value) * DAY_MS).toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string') return { kind: 'invalid', code: 'invalid-date', text: cellText(cell) };
  const parsed = parseDateText(value.trim());
  return parsed ? { kind: 'value', value: parsed } : { kind: 'invalid', code: 'invalid-date', text: value.trim() };
}

export function parseDateText(text: string): string | null {
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(text);
  if (match) {
    const name = (match[2] as string).toLowerCase();
    const month = MONTHS.indexOf(name) + 1 || MONTH_ALIASES[name];
    if (month) return isoDate(Number(match[3]), month, Number(match[1]));
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function isoToDisplay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * A Bukti Dukung cell's links (docs/SPEC.md §3), in the order the SPEC gives: the http(s) URLs in its text
 * (separated by spaces, commas, semicolons or new lines), then the links the adapter found beside the
 * text (whole-cell hyperlink, rich-text runs, smart chips, HYPERLINK formula), each once. Anything else
 * that names a link is reported back as invalid. When the adapter found links, the text is their label
 * ("Laporan", a chip's file name): its plain words are not links, and only a token with another scheme
 * ("ftp://…", "file:…") is invalid. Without such links every token must be an http(s) URL.
 */
export function readUrls(cell: Cell | undefined): Read<{ valid: string[]; invalid: string[] }> {
  const beside = cell?.links ?? [];
  const text = readText(cell);
  if (text.kind === 'invalid') return text;
  if (text.kind === 'blank' && beside.length === 0) return text;
  const valid: string[] = [];
  const invalid: string[] = [];
  const labelled = beside.length > 0;
  const tokens = text.kind === 'value' ? text.value.split(/[\s,;]+/).filter((part) => part !== '') : [];
  for (const token of tokens) {
    if (isHttpUrl(token)) valid.push(token);
    else if (!labelled || OTHER_SCHEME.test(token)) invalid.push(token);
  }
  for (const link of beside) {
    const trimmed = link.trim();
    if (isHttpUrl(trimmed)) valid.push(trimmed);
    // A link inside the spreadsheet ("#gid=0") names no document: it is neither evidence nor a mistake.
    else if (SCHEME.test(trimmed)) invalid.push(trimmed);
  }
  return { kind: 'value', value: { valid: [...new Set(valid)], invalid: [...new Set(invalid)] } };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// In a label, "Catatan:" is a word; "ftp://…" or "mailto:…" is a link of another scheme.
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/|^(?:mailto|file|javascript|data|tel):/i;

export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
