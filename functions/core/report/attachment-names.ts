import type { Period } from '../period.js';

/**
 * The names that attachments carry in an e-mail (issue 18 §7): what the document is, whose it is and for
 * which period, so a Pimpinan who saves ten of them in one folder still tells them apart
 * ("Laporan Monev - Bawaslu Kota Malang - 2025-TW3.pdf"). Files on disk and in Drive keep the names of
 * docs/SPEC.md (`3573-2025-TW3.pdf`); only the name the reader sees changes. Every document sent by mail
 * takes its name from here, the Hasil Validasi workbook included.
 */

/**
 * Longest office name kept whole. Mail clients and the file systems they save to cope with long names,
 * but some (older Outlook, zip tools on Windows) cut or refuse paths beyond 255 characters with the
 * folder included; the longest office name in Jawa Timur is about 30 characters.
 */
const MAX_NAME = 60;

/**
 * Characters no file name may hold on one of the systems a reader saves to (Windows forbids the
 * printable ones, every system the slash), control characters, and the bidirectional overrides that
 * make a name read differently from what it is (".pdf" shown where the name ends in ".exe").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** An office name as a part of a file name: unsafe characters become "-", spaces are collapsed, length bounded. */
export function safeNamePart(name: string): string {
  const cleaned = name.replace(/\s+/g, ' ').replace(UNSAFE, '-').trim();
  // A name ending in dots or spaces is changed by Windows when saved; trailing ones are dropped.
  const bounded = cleaned.length > MAX_NAME ? `${cleaned.slice(0, MAX_NAME - 1).trimEnd()}…` : cleaned;
  return bounded.replace(/[. ]+$/, '') || 'Satker';
}

function attachmentName(parts: readonly string[], extension: string): string {
  return `${parts.join(' - ')}.${extension}`;
}

/** "Laporan Monev - Bawaslu Kota Malang - 2025-TW3.pdf": the office's report. */
export function officeReportAttachmentName(officeName: string, period: Pick<Period, 'id'>): string {
  return attachmentName(['Laporan Monev', safeNamePart(officeName), period.id], 'pdf');
}

/** "Kartu Jabatan - Bawaslu Kota Malang - 2025-TW3.pdf": the office's kartu jabatan (docs/SPEC.md §10). */
export function jobCardAttachmentName(officeName: string, period: Pick<Period, 'id'>): string {
  return attachmentName(['Kartu Jabatan', safeNamePart(officeName), period.id], 'pdf');
}

/** "Hasil Validasi - Bawaslu Kota Malang - 2025-TW3.xlsx": the office's findings, sent in local mode. */
export function validationAttachmentName(officeName: string, period: Pick<Period, 'id'>): string {
  return attachmentName(['Hasil Validasi', safeNamePart(officeName), period.id], 'xlsx');
}

/** "Rekap Monev Provinsi - 2025-TW3.pdf": the provincial recap. */
export function recapAttachmentName(period: Pick<Period, 'id'>): string {
  return attachmentName(['Rekap Monev Provinsi', period.id], 'pdf');
}
