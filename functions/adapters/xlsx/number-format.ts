import type { FormatKind } from '../../core/workbook.js';

/**
 * What a cell's number format says about its value (docs/SPEC.md §2). Only the kinds the core cares about
 * are told apart: a percent format turns 0.875 into 87.5, a date format turns a serial into a date,
 * "@" marks text. Everything else ("General", "#,##0", currency) is plain.
 */
export type FormatClass = 'percent' | 'date' | 'text' | 'plain';

// Parts of a format that are printed literally and must not be mistaken for tokens: quoted text
// ("Rp"), bracketed locale/colour/elapsed codes ([$-421], [Red], [h]), escaped characters (\d),
// padding (_)) and fill (*-) characters.
const LITERALS = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g;
const DATE_TOKEN = /[dmyhs]/;

const cache = new Map<string, FormatClass>();

export function classifyNumberFormat(numFmt: string | undefined): FormatClass {
  if (!numFmt) return 'plain';
  let known = cache.get(numFmt);
  if (known === undefined) {
    known = classify(numFmt);
    // Real workbooks use a handful of formats, but the cache must not grow without bound on odd input.
    if (cache.size < 1000) cache.set(numFmt, known);
  }
  return known;
}

function classify(numFmt: string): FormatClass {
  // "General" is a keyword, not the tokens g-e-n-e-r-a-l; it may appear in any section ("General;-General").
  const bare = numFmt
    .replace(LITERALS, '')
    .toLowerCase()
    .replace(/general/g, '');
  if (bare.includes('%')) return 'percent';
  if (DATE_TOKEN.test(bare)) return 'date';
  if (bare.includes('@')) return 'text';
  return 'plain';
}

/** The cell model's format for a value of the given type under the given format class. */
export function formatKind(formatClass: FormatClass, value: string | number | boolean): FormatKind {
  if (formatClass !== 'plain') return formatClass;
  return typeof value === 'number' ? 'number' : 'text';
}
