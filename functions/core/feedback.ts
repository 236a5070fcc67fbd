import { FEEDBACK_TAB } from '../../sheets-schema/index.js';
import type { Finding, Level } from './findings.js';
import { round2OrNull } from './numbers.js';
import type { OfficeFinding, OfficeResult } from './scoring/office.js';
import { neutralise, type SheetValue } from './summary-rows.js';

/**
 * Hasil Validasi as the office's operator works through it (issue 12 item 6): errors first, since
 * they cost score, then warnings, each group in the order of the workbook (tab, row, column); the
 * level in words; the row's context beside the cell. Both writers (xlsx, Google) lay out these lines.
 */
export interface FeedbackLine {
  /** Null on the single line of an office without findings. */
  readonly level: Level | null;
  /** The finding's cell ("IKI!A7"), for a link in live mode; null when the line names none. */
  readonly cell: string | null;
  /** One value per FEEDBACK_TAB header; sheet text is neutralised so it never starts a formula. */
  readonly values: readonly SheetValue[];
}

export interface Feedback {
  readonly errors: number;
  readonly warnings: number;
  readonly lines: readonly FeedbackLine[];
}

const EMPTY_LINE: Record<(typeof FEEDBACK_TAB.headers)[number], SheetValue> = {
  Tab: '',
  Sel: '',
  Konteks: '',
  Tingkat: '',
  Kode: '',
  Pesan: 'Tidak ada temuan. Terima kasih, data sudah rapi.',
  'Tambahan Nilai': null,
};

export function feedback(office: Pick<OfficeResult, 'findings'>): Feedback {
  const ordered = errorsFirst(office.findings);
  const errors = ordered.filter((f) => f.level === 'error').length;
  const lines: FeedbackLine[] =
    ordered.length === 0
      ? [
          {
            level: null,
            cell: null,
            values: FEEDBACK_TAB.headers.map((header) => EMPTY_LINE[header]),
          },
        ]
      : ordered.map((f) => ({
          level: f.level,
          cell: f.cell,
          values: FEEDBACK_TAB.headers.map((header) => value(f, header)),
        }));
  return { errors, warnings: ordered.length - errors, lines };
}

/** Errors before warnings; the order within each level (the workbook's) is kept. */
export function errorsFirst<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings.filter((f) => f.level === 'error'), ...findings.filter((f) => f.level !== 'error')];
}

function value(f: OfficeFinding, header: (typeof FEEDBACK_TAB.headers)[number]): SheetValue {
  switch (header) {
    case 'Tab':
      return f.tab;
    case 'Sel':
      return f.cell;
    case 'Konteks':
      return neutralise(f.context ?? '');
    case 'Tingkat':
      return FEEDBACK_TAB.levels[f.level];
    case 'Kode':
      return f.code;
    case 'Pesan':
      return neutralise(f.message);
    case 'Tambahan Nilai':
      return round2OrNull(f.gain);
  }
}
