import { z } from 'zod';
import type { ChoiceSet, Choice } from './choices.js';

/**
 * How a column's cells are read. The validator picks its normaliser from the kind, the template
 * generator its data validation, and the reports their formatting.
 */
export type ColumnKind =
  | 'text' // free text, trimmed
  | 'number' // a number ≥ 0 in Indonesian format; a percent cell 0,875 reads as 87,5
  | 'integer' // a whole number ≥ 0
  | 'positive' // a number > 0
  | 'choice' // one of a ChoiceSet
  | 'date' // a date cell, dd/mm/yyyy, yyyy-mm-dd or "15 Agustus 2025"
  | 'urls' // one or more http(s) links
  | 'nip'; // an 18-digit NIP held as text

export interface ChoiceLookup extends ChoiceSet {
  find(text: string): Choice | undefined;
}

export interface ColumnSpec {
  /** The header exactly as the template writes it; matching is case- and space-insensitive. */
  readonly header: string;
  readonly required: boolean;
  /**
   * A required header whose cells may still be blank: quarters not reported yet (docs/SPEC.md §4 "T or R is
   * undefined when all its cells … are blank") and Bukti Dukung, whose absence is only a warning.
   */
  readonly allowBlank?: boolean;
  readonly kind: ColumnKind;
  /** Indonesian help shown as the header note in templates and quoted by messages. */
  readonly help: string;
  readonly choices?: ChoiceLookup;
  /** Target/realization columns know their quarter, so messages can say "Realisasi TW III". */
  readonly quarter?: 1 | 2 | 3 | 4;
  /** Column width in characters for templates. */
  readonly width?: number;
  /**
   * Long text (an activity, an indicator, a task, links): the templates wrap it within its column, so a
   * filled tab prints one page wide at a readable size instead of at the few points a row of unwrapped
   * prose forces (issue 18 item 7). Short text, codes, choices and numbers stay on one line.
   */
  readonly wrap?: boolean;
  /**
   * Values a template offers as a dropdown on a free-text column (Jenis Jabatan): a help to the
   * operator, not a rule, so other text is still read as it is.
   */
  readonly suggestions?: readonly string[];
  /**
   * A dropdown of the values another tab's column holds (IKI and ABK Jabatan from Anjab, IKI Kode IKU from
   * IKU), so that a job or a code is picked, not retyped: a typo there is how `iki-unknown-job` and
   * `unknown-iku` start. A help, not a rule: other text is still read and checked as it is.
   */
  readonly listFrom?: { readonly tab: string; readonly key: string };
  /**
   * A note beside the data (Keterangan), not data itself: it never makes a row a data row (docs/SPEC.md
   * §4 "Data quality" counts rows with a value in a substantive column). A footnote typed under a table
   * in the note column is therefore not read, instead of becoming a row in error that costs the office
   * (issue 16: a probe's index fell from 94,5 to 79,0). A row with data keeps its note.
   */
  readonly note?: boolean;
}

declare module 'zod' {
  interface GlobalMeta {
    column?: ColumnSpec;
  }
}

type Options = Omit<ColumnSpec, 'kind' | 'choices'>;

export const col = {
  text: (o: Options) =>
    z
      .string()
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'text' } }),
  number: (o: Options) =>
    z
      .number()
      .nonnegative()
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'number' } }),
  integer: (o: Options) =>
    z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'integer' } }),
  positive: (o: Options) =>
    z
      .number()
      .positive()
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'positive' } }),
  date: (o: Options) =>
    z.iso
      .date()
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'date' } }),
  urls: (o: Options) =>
    z
      .array(z.url({ protocol: /^https?$/ }))
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'urls' } }),
  nip: (o: Options) =>
    z
      .string()
      .regex(/^\d{18}$/)
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'nip' } }),
  choice: <const Ids extends readonly [string, ...string[]]>(ids: Ids, choices: ChoiceLookup, o: Options) =>
    z
      .enum(ids)
      .nullable()
      .meta({ title: o.header, description: o.help, column: { ...o, kind: 'choice', choices } }),
};

export type ColumnShape = Record<string, z.ZodType>;

export interface TableTab<Shape extends ColumnShape = ColumnShape> {
  readonly name: string;
  readonly row: z.ZodObject<Shape>;
  /** The columns in template order, with the key the row object uses. */
  readonly columns: readonly (ColumnSpec & { readonly key: keyof Shape & string })[];
}

/** The columns whose value makes a row a data row: every column but the notes. */
export function substantiveColumns<C extends ColumnSpec>(columns: readonly C[]): C[] {
  return columns.filter((column) => column.note !== true);
}

export function defineTable<Shape extends ColumnShape>(name: string, shape: Shape): TableTab<Shape> {
  const columns = Object.entries(shape).map(([key, schema]) => {
    const column = schema.meta()?.column;
    if (!column) throw new Error(`Kolom "${key}" pada tab ${name} tidak punya metadata kolom.`);
    return { ...column, key };
  });
  return { name, row: z.object(shape), columns };
}

/** The label of a key of a key-value tab (Profil, Pengaturan), for messages that name the key. */
export function labelOf<K extends string>(
  tab: { readonly name: string; readonly keys: readonly { readonly key: K; readonly label: string }[] },
  key: K,
): string {
  const entry = tab.keys.find((k) => k.key === key);
  if (!entry) throw new Error(`Tab ${tab.name} tidak punya kunci ${key}.`);
  return entry.label;
}

/** The header a tab gives one of its columns, for messages that name the column. */
export function headerOf<Shape extends ColumnShape>(tab: TableTab<Shape>, key: keyof Shape & string): string {
  const column = tab.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Tab ${tab.name} tidak punya kolom ${key}.`);
  return column.header;
}

/** "Target TW I" … "Realisasi TW IV": the quarter columns that IKU, IKI and Rencana Aksi share. */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** "TW III": how sheets and messages name a quarter. */
export function quarterLabel(q: 1 | 2 | 3 | 4): string {
  return `TW ${QUARTER_NUMERALS[q - 1]}`;
}

export function quarterHeader(kind: 'Target' | 'Realisasi', q: 1 | 2 | 3 | 4): string {
  return `${kind} ${quarterLabel(q)}`;
}

/** The months of each quarter, so each quarter column's note says which one it is. */
export const QUARTER_MONTHS = ['Januari–Maret', 'April–Juni', 'Juli–September', 'Oktober–Desember'] as const;

/** `help` gets the quarter ("triwulan II, April–Juni") so each of the four columns has its own note. */
export function quarterColumns<P extends 'target' | 'realization'>(
  kind: 'Target' | 'Realisasi',
  prefix: P,
  help: (quarter: string) => string,
) {
  const make = (q: 1 | 2 | 3 | 4) =>
    col.number({
      header: quarterHeader(kind, q),
      required: true,
      allowBlank: true,
      quarter: q,
      help: help(`triwulan ${QUARTER_NUMERALS[q - 1]} (${QUARTER_MONTHS[q - 1]})`),
      // Wide enough for 87,5 and for "Realisasi" on the first of the header's two lines.
      width: 9,
    });
  return {
    [`${prefix}1`]: make(1),
    [`${prefix}2`]: make(2),
    [`${prefix}3`]: make(3),
    [`${prefix}4`]: make(4),
  } as Record<`${P}${1 | 2 | 3 | 4}`, ReturnType<typeof make>>;
}
