import { cellText, formulaFailure, isFormulaError, type FormulaFailure } from './cells.js';
import type { Cell } from './workbook.js';

/**
 * NIP (Nomor Induk Pegawai, PP 11/2017 and BKN rules): 18 digits — date of birth (yyyymmdd),
 * month of appointment (yyyymm), sex (1 male, 2 female) and a 3-digit serial. Spaces are allowed
 * and ignored, so "19870315 201012 1 001" and "198703152010121001" are one person.
 */
export type NipRead =
  | { kind: 'value'; value: string }
  | { kind: 'invalid'; code: 'invalid-nip'; text: string; reason: string }
  | { kind: 'invalid'; code: 'nip-not-text'; text: string }
  | FormulaFailure;

/** Above 2^53 a number loses digits; every 18-digit NIP is, so a NIP stored as a number is broken. */
const LOST_DIGITS = 1e17;

export function readNip(cell: Cell | undefined): NipRead {
  if (isFormulaError(cell)) return formulaFailure(cell);
  const value = cell?.value;
  if (typeof value === 'number') {
    if (Math.abs(value) >= LOST_DIGITS)
      return { kind: 'invalid', code: 'nip-not-text', text: value.toLocaleString('fullwide', { useGrouping: false }) };
    return { kind: 'invalid', code: 'invalid-nip', text: String(value), reason: 'NIP harus 18 digit' };
  }
  const text = cellText(cell).trim();
  const digits = text.replace(/^'/, '').replace(/\s+/g, '');
  if (!/^\d+$/.test(digits))
    return { kind: 'invalid', code: 'invalid-nip', text, reason: 'NIP hanya boleh berisi angka' };
  if (digits.length !== 18)
    return { kind: 'invalid', code: 'invalid-nip', text, reason: `NIP harus 18 digit, bukan ${digits.length}` };
  const reason = nipStructureProblem(digits);
  return reason ? { kind: 'invalid', code: 'invalid-nip', text, reason } : { kind: 'value', value: digits };
}

function nipStructureProblem(nip: string): string | null {
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1940 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return '8 digit pertama harus tanggal lahir (ttttbbhh)';
  const appointedMonth = Number(nip.slice(12, 14));
  if (appointedMonth < 1 || appointedMonth > 12) return 'digit 9–14 harus tahun dan bulan pengangkatan (ttttbb)';
  if (nip[14] !== '1' && nip[14] !== '2') return 'digit ke-15 harus 1 atau 2 (jenis kelamin)';
  return null;
}

/** 198703******1001: enough for the office to recognise the person, not enough to identify them outside it. */
export function maskNip(nip: string): string {
  return `${nip.slice(0, 6)}******${nip.slice(14)}`;
}

/**
 * Whatever an operator typed into a NIP cell, masked for findings, reports, e-mails and logs (issue
 * 10 item 8): an invalid NIP is usually a real one with a typo, so it is as personal as a valid one.
 * Sixteen characters or more keep the valid form's 6 + 4 (an 18-digit text masks exactly as maskNip),
 * eight to fifteen keep 2 + 2, shorter texts nothing. The finding's cell locates the value for the
 * office; the mask is only there so the operator recognises it.
 */
export function maskNipText(text: string): string {
  const chars = Array.from(text.trim().replace(/^'/, '').replace(/\s+/g, ''));
  const keep = chars.length >= 16 ? [6, 4] : chars.length >= 8 ? [2, 2] : [0, 0];
  const [head = 0, tail = 0] = keep;
  return `${chars.slice(0, head).join('')}******${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/**
 * Anything shaped like a NIP — 18 digits, run together or in the printed groups `19870315 201012 1 001` —
 * that is not part of a longer number. Free text (a Nama, a Kegiatan, a value a finding quotes) may hold
 * one, typed by an operator who did not know better.
 */
const NIP_SHAPED = /(?<!\d)(\d{8})[ \u00a0]?(\d{6})[ \u00a0]?(\d)[ \u00a0]?(\d{3})(?!\d)/g;

/**
 * Sheet text as it may be printed (issue 17 item 4): every NIP-shaped run masked as the NIP column is, so a
 * NIP typed into free text reaches no PDF, e-mail, Hasil Validasi or terminal in full.
 */
export function maskNips(text: string): string {
  return text.replace(NIP_SHAPED, (_whole, a: string, b: string, c: string, d: string) => maskNip(a + b + c + d));
}

/**
 * maskNips over every string of plain data (objects, arrays), for a model about to be printed; anything else
 * (numbers, dates, class instances) is kept as it is.
 */
export function maskNipsIn<T>(value: T): T {
  if (typeof value === 'string') return maskNips(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskNipsIn(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskNipsIn(item)])) as T;
  return value;
}
