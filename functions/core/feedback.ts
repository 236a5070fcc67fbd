import { FEEDBACK_TAB } from '../../sheets-schema/index.js';
import type { Finding, Level } from './findings.js';
import { FINDING_LABELS } from './messages/finding-labels.js';
import { round2OrNull } from './numbers.js';
import { periodLabel, type Period } from './period.js';
import type { RekapInputs } from './rekap-reader.js';
import { isoDateLong, longDateTime, score } from './report/format.js';
import { potentialText } from './report/office/summary-section.js';
import { unscoredNotice } from './report/office/unscored-section.js';
import type { OfficeFinding, OfficeResult } from './scoring/office.js';
import { PREDICATE_LABELS } from './scoring/province.js';
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

/**
 * A line of the title block above the table (issue 18 item 5): whose findings these are, for which
 * period, what the index is and how far fixing them can raise it, by when and whom to ask, and when
 * monev checked the workbook (issue 17 item 7), so the operator knows whether their latest edit is in.
 */
export interface FeedbackTitleLine {
  readonly text: string;
  /** `title` large and bold, `strong` bold, `plain`, `muted` grey (the check time). */
  readonly style: 'title' | 'strong' | 'plain' | 'muted';
}

export interface Feedback {
  readonly errors: number;
  readonly warnings: number;
  readonly title: readonly FeedbackTitleLine[];
  /** The header row's number (1-based): below the title block and one blank row; the lines follow it. */
  readonly headerRow: number;
  readonly lines: readonly FeedbackLine[];
}

/** What the title block says besides the office's own result; all of it from the rekap and the run. */
export interface FeedbackContext {
  readonly period: Period;
  /** When the workbook was checked: the run's clock, never the writer's. */
  readonly checkedAt: Date;
  /** Pengaturan `Batas Perbaikan` (ISO date), when set. */
  readonly repairDeadline?: string | null;
  /** Pengaturan `Kontak`, when set. */
  readonly contact?: string | null;
}

const EMPTY_LINE: Record<(typeof FEEDBACK_TAB.headers)[number], SheetValue> = {
  Tab: '',
  Sel: '',
  Konteks: '',
  Tingkat: '',
  Masalah: '',
  Kode: '',
  Pesan: 'Tidak ada temuan. Terima kasih, data sudah rapi.',
  'Tambahan Nilai': null,
};

export function feedback(office: OfficeResult, context: FeedbackContext): Feedback {
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
  const title = titleBlock(office, context, errors, ordered.length - errors);
  return { errors, warnings: ordered.length - errors, title, headerRow: title.length + 2, lines };
}

/**
 * The title block. The index is *sementara* while the office has errors (SPEC v3 §8), with how far it can
 * rise in the words of the report's page 1; the deadline only when there is something to fix. Sheet text
 * (the office's name, the contact) is neutralised like every other value written into a sheet.
 */
function titleBlock(
  office: OfficeResult,
  context: FeedbackContext,
  errors: number,
  warnings: number,
): FeedbackTitleLine[] {
  const lines: FeedbackTitleLine[] = [
    { text: neutralise(`${FEEDBACK_TAB.name} · ${office.name} (${office.code})`), style: 'title' },
    { text: `Periode ${periodLabel(context.period)} (${context.period.id})`, style: 'plain' },
    { text: indexLine(office, errors), style: 'strong' },
    {
      text: countLine(office, errors, warnings),
      style: 'plain',
    },
  ];
  if (context.repairDeadline && errors + warnings > 0)
    lines.push({ text: `Batas perbaikan: ${isoDateLong(context.repairDeadline)}.`, style: 'plain' });
  if (context.contact)
    lines.push({ text: neutralise(`Bila ada pertanyaan, hubungi ${context.contact}.`), style: 'plain' });
  lines.push({
    text: `Diperiksa ${longDateTime(context.checkedAt)}; perubahan sesudah waktu itu belum termasuk.`,
    style: 'muted',
  });
  return lines;
}

/** "6 kesalahan (…), 2 peringatan."; an unscored office has no rows counted, so no word about rows counting 0. */
function countLine(office: OfficeResult, errors: number, warnings: number): string {
  if (errors + warnings === 0) return 'Tidak ada temuan.';
  const zero = office.status === 'scored' && errors > 0 ? ' (baris yang salah dihitung 0 sampai diperbaiki)' : '';
  return `${errors} ${FEEDBACK_TAB.levels.error.toLowerCase()}${zero}, ${warnings} ${FEEDBACK_TAB.levels.warning.toLowerCase()}.`;
}

function indexLine(office: OfficeResult, errors: number): string {
  if (office.status !== 'scored' || office.scores.index === null)
    return 'Satker belum dinilai: alasannya pada kesalahan di bawah ini.';
  const verdict = office.predicate ? ` (${office.predicate} ${PREDICATE_LABELS[office.predicate]})` : '';
  const potential = potentialText(office);
  return `Indeks ${errors > 0 ? 'sementara ' : ''}${score(office.scores.index)}${verdict}${potential ? `; ${potential}` : ''}.`;
}

/**
 * A finding that leaves the office unscored reads in the office's terms (the reason and what the office
 * must do), as in its report and e-mail: its message's steps, such as running monev again, are for the
 * provincial team, who read them in the CLI and results.json.
 */
function officeMessage(f: OfficeFinding): string {
  if (!f.office) return f.message;
  const notice = unscoredNotice(f);
  return `${notice.reason} Yang perlu dilakukan: ${notice.todo}`;
}

/** The rekap's settings the title block names: Pengaturan `Batas Perbaikan` and `Kontak`. */
export function feedbackSettings(
  rekap: Pick<RekapInputs, 'repairDeadline' | 'contact'>,
): Pick<FeedbackContext, 'repairDeadline' | 'contact'> {
  return { repairDeadline: rekap.repairDeadline, contact: rekap.contact };
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
    case 'Masalah':
      return FINDING_LABELS[f.code];
    case 'Kode':
      return f.code;
    case 'Pesan':
      return neutralise(officeMessage(f));
    case 'Tambahan Nilai':
      return round2OrNull(f.gain);
  }
}

/**
 * Whether the office's workbook could not be opened at all (`unreadable-workbook`): in live mode no Hasil
 * Validasi tab is written into a spreadsheet monev cannot open, so its e-mail may not point to one.
 */
export function workbookUnreadable(office: Pick<OfficeResult, 'findings'>): boolean {
  return office.findings.some((f) => f.code === 'unreadable-workbook');
}
