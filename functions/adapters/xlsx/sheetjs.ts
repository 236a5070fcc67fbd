import { createRequire } from 'node:module';

/**
 * The reading half of SheetJS (`@e965/xlsx`, the SheetJS build republished on npm), required on first use like
 * exceljs. monev hands it archives it has already unpacked within the limits (zip-archive.ts), through
 * `parse_zip`, so SheetJS never inflates anything itself. Only the few fields monev reads are typed here.
 *
 * It is SheetJS's core build: the package's main file also loads the codepage tables, ~90 ms of its ~120 ms,
 * which only legacy 8-bit formats need. monev reads zip archives alone (XLSX and ODS, whose XML is Unicode;
 * an .xls is refused before SheetJS sees it, unreadable-workbook-error.ts), and the core build reads every
 * fixture of test/fixtures/workbooks to the same cells as the full one (test/adapters/xlsx/sheetjs.test.ts).
 */
export interface SheetJsCell {
  /** b boolean, e error, n number, s string, d date, z stub. */
  readonly t: 'b' | 'e' | 'n' | 's' | 'd' | 'z';
  readonly v?: string | number | boolean | Date;
  /** Number format. */
  readonly z?: string | number;
  /** Formatted text; for errors, the error's name. */
  readonly w?: string;
  /** Formula without its leading "=". */
  readonly f?: string;
  /** Whole-cell hyperlink. */
  readonly l?: { readonly Target?: string };
}

export interface SheetJsRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

export interface SheetJsSheet {
  readonly '!data'?: (readonly (SheetJsCell | undefined)[] | undefined)[];
  readonly '!merges'?: readonly SheetJsRange[];
  readonly '!autofilter'?: { readonly ref?: string };
  /** Column widths in Excel's units (characters of the default font), read only with `cellStyles`. */
  readonly '!cols'?: readonly ({ readonly width?: number; readonly hidden?: boolean } | undefined)[];
  /** Row heights in points, read only with `cellStyles`. */
  readonly '!rows'?: readonly ({ readonly hpt?: number; readonly hidden?: boolean } | undefined)[];
}

export interface SheetJsWorkbook {
  readonly SheetNames: readonly string[];
  readonly Sheets: Readonly<Record<string, SheetJsSheet | undefined>>;
  readonly Workbook?: { readonly WBProps?: { readonly date1904?: boolean } };
}

export interface SheetJsReadOptions {
  readonly dense: true;
  readonly cellNF: boolean;
  readonly cellFormula: boolean;
  readonly cellHTML: boolean;
  readonly cellText: boolean;
  readonly cellDates: boolean;
  readonly sheetRows: number;
  readonly bookVBA: boolean;
  readonly sheetStubs: boolean;
  readonly cellStyles: boolean;
}

/** A zip container as SheetJS's CFB module builds it. */
export interface CfbContainer {
  readonly FullPaths: readonly string[];
}

interface CfbEntry {
  readonly name: string;
  readonly content?: Uint8Array;
}

export interface SheetJs {
  parse_zip(container: CfbContainer, options: SheetJsReadOptions): SheetJsWorkbook;
  CFB: {
    read(data: Uint8Array, options: { type: 'buffer' }): CfbContainer;
    find(container: CfbContainer, path: string): CfbEntry | null;
    utils: {
      cfb_new(): CfbContainer;
      cfb_add(container: CfbContainer, name: string, content: Uint8Array, options: { unsafe: true }): void;
    };
  };
}

let loaded: SheetJs | undefined;

export function sheetjs(): SheetJs {
  loaded ??= createRequire(import.meta.url)('@e965/xlsx/dist/xlsx.core.min.js') as SheetJs;
  return loaded;
}

/**
 * Runs a synchronous SheetJS call with the console silenced. SheetJS reports oddities it works around
 * ("ODS number format may be incorrect: …") on the console, which would land between monev's own lines and
 * could quote a workbook's content; since the call is synchronous, nothing else runs while it is muted.
 */
export function quietly<T>(call: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const mute = (): void => undefined;
  console.error = mute;
  console.warn = mute;
  console.log = mute;
  try {
    return call();
  } finally {
    Object.assign(console, saved);
  }
}
