import {
  AREAS,
  COMPONENTS,
  AREA_SUMMARY_TAB,
  areaById,
  LOG_TAB,
  PEER_LEDGER_TAB,
  SUMMARY_TAB,
  TREND_TAB,
  type SendStatus,
} from '../../sheets-schema/index.js';
import { summaryNote } from './messages/rekap.js';
import type { LedgerRow } from './peer-learning.js';
import { compareCodes } from './scoring/province.js';
import { formatId, round2OrNull } from './numbers.js';
import { componentProblems } from './report/report-text.js';
import type { Period } from './period.js';
import type { OfficeResult } from './scoring/office.js';
import { labelKey } from './workbook.js';

/**
 * The rows monev writes into sheets, as plain values keyed by header, so the xlsx and Google
 * adapters write the same thing. Text from sheets never starts a formula here: adapters write values
 * raw, and `neutralise` guards the cells that quote sheet text.
 */
export type SheetValue = string | number | null;
export type SheetRecord = Readonly<Record<string, SheetValue>>;

/**
 * How the writers find monev's columns in an output tab: each header by its label key (case and spaces
 * ignored), and the names monev wrote before (SUMMARY_TAB.renamed: `Error`, now `Kesalahan`) under the
 * header that replaced them, marked so the writer renames the cell.
 */
export function outputHeaderKeys(
  tab: string,
  headers: readonly string[],
): Map<string, { readonly header: string; readonly renamed: boolean }> {
  const keys = new Map(headers.map((header) => [labelKey(header), { header, renamed: false }]));
  const renamed: Readonly<Record<string, string>> =
    labelKey(tab) === labelKey(SUMMARY_TAB.name) ? SUMMARY_TAB.renamed : {};
  for (const [old, header] of Object.entries(renamed))
    if (keys.has(labelKey(header)) && !keys.has(labelKey(old))) keys.set(labelKey(old), { header, renamed: true });
  return keys;
}

export function summaryRecord(
  office: OfficeResult,
  period: Period,
  updatedAt: Date,
  report: string | null,
): SheetRecord {
  const s = office.scores;
  const count = (level: 'error' | 'warning') => office.findings.filter((f) => f.level === level).length;
  const record: Record<(typeof SUMMARY_TAB.headers)[number], SheetValue> = {
    Periode: period.id,
    Kode: office.code,
    Nama: neutralise(office.name),
    Status: office.status === 'scored' ? 'Dinilai' : 'Tidak dinilai',
    IKU: round2OrNull(s.iku),
    'Rencana Aksi': round2OrNull(s.actionPlan),
    IKI: round2OrNull(s.iki),
    Tahapan: round2OrNull(s.stages),
    'Kualitas Data': round2OrNull(s.dataQuality),
    Indeks: round2OrNull(s.index),
    Predikat: office.predicate,
    Peringkat: office.rank,
    Kesalahan: count('error'),
    Peringatan: count('warning'),
    Keterangan: summaryRemark(office),
    Diperbarui: jakartaSerial(updatedAt),
    Laporan: report,
  };
  return record;
}

/**
 * Rekap's `Keterangan` (SPEC v3 §5): why an office is unscored, in the office's terms (the reason its
 * report gives), or which components are 0 for want of data (a tab or a required column missing, a tab
 * without rows), so that a 0 is not read as performance. Blank otherwise.
 */
export function summaryRemark(office: OfficeResult): string | null {
  if (office.status === 'unscored') {
    const errors = office.findings.filter((f) => f.level === 'error');
    const reason = errors.find((f) => f.office) ?? errors[0];
    if (!reason) return null;
    return neutralise(summaryNote('unscored', { reason: reason.office?.reason ?? reason.message }));
  }
  const problems = componentProblems(office);
  const zeros = COMPONENTS.flatMap((component) => {
    const problem = problems[component.key];
    return problem === null ? [] : [summaryNote('zero-for-want-of-data', { component: component.label, problem })];
  });
  return zeros.length === 0 ? null : neutralise(`${zeros.join('; ')}.`);
}

/**
 * The Tren tab from the Rekap rows of earlier runs and this run's: one record per office with its index
 * in every period (blank when unscored), periods in time order. This run's rows win over older ones of
 * the same period.
 */
export function trendRecords(
  earlier: readonly SheetRecord[],
  current: readonly SheetRecord[],
): { headers: string[]; records: SheetRecord[] } {
  const byOffice = new Map<string, Record<string, SheetValue>>();
  const periods = new Set<string>();
  for (const row of [...earlier, ...current]) {
    const period = typeof row.Periode === 'string' ? row.Periode : null;
    if (period === null || row.Kode === null || row.Kode === undefined) continue;
    periods.add(period);
    const code = String(row.Kode);
    const record = byOffice.get(code) ?? { Kode: code, Nama: null };
    if (typeof row.Nama === 'string') record.Nama = neutralise(row.Nama);
    record[period] = typeof row.Indeks === 'number' ? row.Indeks : null;
    byOffice.set(code, record);
  }
  const ordered = [...periods].sort();
  const headers = [...TREND_TAB.headers, ...ordered];
  const records = [...byOffice.values()]
    .sort((a, b) => (String(a.Kode) < String(b.Kode) ? -1 : 1))
    .map((record) => Object.fromEntries(headers.map((header) => [header, record[header] ?? null])));
  return { headers, records };
}

export function areaRecord(office: OfficeResult, period: Period): SheetRecord {
  const record: Record<string, SheetValue> = { Periode: period.id, Kode: office.code, Nama: neutralise(office.name) };
  for (const area of AREAS) record[area.name] = round2OrNull(office.areas[area.id]);
  return record satisfies Record<(typeof AREA_SUMMARY_TAB.headers)[number], SheetValue>;
}

export interface LogEntry {
  readonly run: string;
  readonly time: string;
  readonly code: string;
  /** `pantau`: a Drive watch channel opened or stopped; `siklus`: a cycle of the fan-out that finished (its ID, offices, those not scored). */
  readonly action: 'mulai' | 'nilai' | 'laporan' | 'kirim' | 'pantau' | 'siklus';
  readonly result: string;
  readonly period: string;
  readonly fingerprint?: string;
  /**
   * Sends only: what became of it. `mengirim` marks a send handed over to the transport (Mailer's
   * beforeHandover); it lives only in the journal (see LogJournal in ports.ts), where a run that stops
   * mid-send leaves it, and is never written to Log.
   */
  readonly status?: SendStatus | 'mengirim';
  /** Sends only: short hashes of the addresses the transport took (addressKey), never the addresses. */
  readonly recipients?: readonly string[];
}

/** Log rows carry codes, counts, scores and hashes only: never names, NIPs or addresses. */
export function logRecord(entry: LogEntry): SheetRecord {
  const record: Record<(typeof LOG_TAB.headers)[number], SheetValue> = {
    Run: entry.run,
    Waktu: entry.time,
    Kode: entry.code,
    Aksi: entry.action,
    Hasil: neutralise(entry.result),
    Periode: entry.period,
    Sidik: entry.fingerprint ?? null,
    Status: entry.status === undefined || entry.status === 'mengirim' ? null : entry.status,
    Penerima: entry.recipients && entry.recipients.length > 0 ? entry.recipients.join(' ') : null,
  };
  return record;
}

export function scoringLogResult(office: OfficeResult): string {
  const errors = office.findings.filter((f) => f.level === 'error').length;
  const warnings = office.findings.length - errors;
  if (office.status === 'unscored') {
    const reason = office.findings.find(
      (f) =>
        f.code === 'unreadable-workbook' ||
        f.code === 'workbook-too-large' ||
        f.code === 'office-code-mismatch' ||
        f.code === 'year-mismatch',
    );
    return `tidak dinilai (${reason?.code ?? 'error'}); ${errors} error, ${warnings} peringatan`;
  }
  const index = office.scores.index;
  return `indeks ${index === null ? '-' : formatId(index)} (${office.predicate ?? '-'}); ${errors} error, ${warnings} peringatan`;
}

/** "2026-11-28 06:55 WIB": offices and the province work in Western Indonesia Time. */
export function jakartaTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} WIB`;
}

/**
 * A spreadsheet date-time serial (days since 1899-12-30) of the moment as a clock in Jakarta shows it:
 * spreadsheet dates have no time zone, and the province reads Western Indonesia Time (UTC+7, no DST).
 */
export function jakartaSerial(date: Date): number {
  const JAKARTA_OFFSET_MS = 7 * 3_600_000;
  // Whole minutes, as jakartaTime shows them, so a serial read back compares equal.
  const minutes = Math.floor((date.getTime() + JAKARTA_OFFSET_MS) / 60_000);
  return minutes / 1440 + 25_569;
}

/**
 * Text a spreadsheet could take for a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe. Writes are raw values anyway; this second guard keeps the text inert when somebody
 * copies it into a cell that does evaluate, at the cost of a visible, harmless quote.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The Pembelajaran records a full run writes for its period (docs/SPEC.md §9): one per pair, grouped by
 * mentor (the province plans a mentor's sessions together), then by area and mentee; and, for each row of
 * this period that is no longer paired, the row as it stands with Nilai Pembina cleared: the province's
 * columns may hold a session, so the row stays, but it no longer counts.
 */
export function ledgerRecords(
  period: Period,
  offices: readonly OfficeResult[],
  ledger: readonly LedgerRow[],
): SheetRecord[] {
  const byCode = new Map(offices.map((office) => [office.code, office]));
  const pairs = offices
    .flatMap((office) => office.peers.map((peer) => ({ mentee: office, area: peer.area, mentor: peer.office })))
    .sort(
      (a, b) =>
        compareCodes(a.mentor, b.mentor) ||
        areaById(a.area).no - areaById(b.area).no ||
        compareCodes(a.mentee.code, b.mentee.code),
    );
  const current = pairs.map(({ mentee, area, mentor }): SheetRecord => {
    const other = byCode.get(mentor);
    return {
      Periode: period.id,
      Bidang: areaById(area).name,
      Satker: mentee.code,
      'Nama Satker': neutralise(mentee.name),
      Pembina: mentor,
      'Nama Pembina': neutralise(other?.name ?? mentor),
      'Nilai Satker': round2OrNull(mentee.areas[area]),
      'Nilai Pembina': round2OrNull(other?.areas[area] ?? null),
    };
  });
  const paired = new Set(pairs.map((pair) => `${pair.area}\u0000${pair.mentee.code}`));
  const dropped = ledger
    .filter((row) => row.period === period.id && !paired.has(`${row.area}\u0000${row.mentee}`))
    .filter((row) => row.mentorScore !== null)
    .map((row): SheetRecord =>
      Object.fromEntries(
        PEER_LEDGER_TAB.headers.map((header) => [
          header,
          header === 'Nilai Pembina' ? null : (row.record[header] ?? null),
        ]),
      ),
    );
  return [...current, ...dropped];
}
