import type { Finding } from '../../findings.js';
import type { OfficeResult } from '../../scoring/office.js';
import { followUp, type ReportContext } from '../report-context.js';
import { cellName } from '../report-text.js';

/** Findings that leave an office unscored: the page names the first of them as the reason. */
const UNSCORED_REASONS = new Set([
  'unreadable-workbook',
  'office-code-mismatch',
  'year-mismatch',
  'workbook-too-large',
]);

/** Reasons whose cell points the operator to a value (Profil's Kode Satker); a whole file has no cell to show. */
const REASONS_WITH_CELL = new Set(['office-code-mismatch', 'year-mismatch']);

/** Why an unscored office is not scored; undefined for a scored office. */
export function unscoredReason(office: OfficeResult): Finding | undefined {
  if (office.status !== 'unscored') return undefined;
  const errors = office.findings.filter((f) => f.level === 'error');
  return errors.find((f) => UNSCORED_REASONS.has(f.code)) ?? errors[0];
}

/**
 * The callout in place of the summary when the office is not scored (issue 12): the reason once, what the
 * office must do, and by when and whom to ask. Null for a scored office.
 */
export function unscoredSection(office: OfficeResult, context: ReportContext) {
  const reason = unscoredReason(office);
  return reason ? { ...unscoredNotice(reason), followUp: followUp(context) } : null;
}

/**
 * The unscored page's reason and to-do (issue 12), in the office's terms from the catalogues
 * (core/messages/unreadable.ts, core/findings.ts); the e-mail leads with the same words. The operator's
 * steps stay in the finding's message, for the CLI and Hasil Validasi. A result stored before findings
 * carried `office` falls back to the message.
 */
export function unscoredNotice(reason: Finding) {
  const office = reason.office;
  return {
    cell: REASONS_WITH_CELL.has(reason.code) ? cellName(reason.cell) : null,
    reason: office ? sentence(office.reason) : reason.message,
    todo: office ? office.todo : 'Operator satker memperbaiki data sesuai alasan di atas.',
  };
}

/** "File satker kosong." from "file satker kosong": a phrase of the catalogue as a sentence. */
function sentence(phrase: string): string {
  const text = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
