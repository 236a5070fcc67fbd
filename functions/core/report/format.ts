import { formatId, roundHalfAway } from '../numbers.js';
import { bandIndex } from '../scoring/indicator.js';

/** Display helpers for reports and e-mails: Indonesian numbers, dashes for nothing. */

/** A score to two decimals, always shown ("87,50"), so columns of scores line up. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : fixedId(value, 2);
}

/** A quantity as typed: up to two decimals ("70", "87,5"). */
export function quantity(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatId(value, 2);
}

const fixedFormatters = new Map<number, Intl.NumberFormat>();

export function fixedId(value: number, digits: number): string {
  let formatter = fixedFormatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/**
 * A change of score to two decimals like the scores it compares ("+0,34", "−1,20"); a change that rounds
 * to nothing is "0,00", without a sign.
 */
export function signed(value: number | null): string {
  if (value === null) return '–';
  const rounded = roundHalfAway(value, 2);
  const text = fixedId(Math.abs(rounded), 2);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** A CSS class for a 0–100 score, shared by tables and the heatmap legend. */
export function band(value: number | null): string {
  return value === null ? 'band-none' : `band-${bandIndex(value) + 1}`;
}

/** Next to a 0 that comes from a broken tab, in the office report's tables: a data problem, not performance. */
export const DATA_PROBLEM_MARK = 'masalah data';
/** The chip class of such a number: hatched grey, not the red of a poor score (templates/report.css). */
export const BROKEN_BAND = 'band-broken';

/** A CSS class for a category in words (Sangat Baik … Sangat Kurang), or for a row whose data is wrong. */
export function categoryClass(category: string | null, hasError: boolean): string {
  if (hasError) return 'cat-error';
  switch (category) {
    case 'Sangat Baik':
      return 'cat-1';
    case 'Baik':
      return 'cat-2';
    case 'Cukup':
      return 'cat-3';
    case 'Kurang':
      return 'cat-4';
    case 'Sangat Kurang':
      return 'cat-5';
    default:
      return 'cat-none';
  }
}

const DATE_FORMAT = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "28 November 2026". */
export function longDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** "15 Oktober 2025" for an ISO date ("2025-10-15"), the day as written whatever the time zone. */
export function isoDateLong(iso: string): string {
  return DATE_FORMAT.format(new Date(`${iso}T12:00:00+07:00`));
}

const TIME_FORMAT = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "6 Desember 2026 09.41 WIB": a moment as an office reads it, on Jakarta's wall clock. */
export function longDateTime(date: Date): string {
  return `${longDate(date)} ${TIME_FORMAT.format(date)} WIB`;
}
