import { createHash } from 'node:crypto';
import { SERVED_STATUS, type LogHistoryRow } from '../../sheets-schema/index.js';
import type { LogEntry } from './summary-rows.js';

/**
 * The send log: which report (office, period, content hash) went to which address, from the Log's rows
 * and the journal's. Decisions read the Status value and the address hashes, never the prose in Hasil.
 */

/**
 * A short hash of an address for Log's Penerima column: enough to know whether this address already
 * has a report (48 bits; a collision would need two of an office's few addresses to share it), never
 * the address itself. Anyone who can read the Log can read the Satker tab's addresses anyway.
 */
export function addressKey(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 12);
}

export interface ReportSends {
  /** Address hashes that have this report (delivered, or possibly delivered: at most once). */
  readonly served: ReadonlySet<string>;
  /** Some send of this report ended `tidak-pasti`. */
  readonly uncertain: boolean;
}

export function reportKey(code: string, period: string, fingerprint: string): string {
  return `${code}\u0000${period}\u0000${fingerprint}`;
}

/** Per report (reportKey), who has it, from Log rows of earlier runs. */
export function sendHistory(rows: readonly LogHistoryRow[]): Map<string, ReportSends> {
  const sends = new Map<string, { served: Set<string>; uncertain: boolean }>();
  for (const row of rows) {
    if (row.Aksi !== 'kirim' || row.Status === undefined || row.Periode === undefined || row.Sidik === undefined)
      continue;
    const key = reportKey(row.Kode, row.Periode, row.Sidik);
    const entry = sends.get(key) ?? { served: new Set<string>(), uncertain: false };
    if (SERVED_STATUS.has(row.Status)) for (const address of row.Penerima) entry.served.add(address);
    if (row.Status === 'tidak-pasti') entry.uncertain = true;
    sends.set(key, entry);
  }
  return sends;
}

/** A journal entry as the Log row it becomes, read back. */
export function asHistoryRow(entry: LogEntry): LogHistoryRow {
  return {
    Run: entry.run,
    Kode: entry.code,
    Aksi: entry.action,
    Hasil: entry.result,
    Periode: entry.period,
    Sidik: entry.fingerprint,
    Status: entry.status === 'mengirim' ? undefined : entry.status,
    Penerima: [...(entry.recipients ?? [])],
  };
}

/** Run, office and action name one Log row: a run logs each office's scoring, report and send once. */
export function logRowKey(row: { readonly Run?: string; readonly Kode: string; readonly Aksi?: string }): string {
  return `${row.Run ?? ''}\u0000${row.Kode}\u0000${row.Aksi ?? ''}`;
}

/**
 * A send started (`mengirim`) and followed by its outcome is the outcome; one never followed (monev
 * stopped while sending) becomes `tidak-pasti`: the server may or may not have taken it.
 */
export function settleIntents(entries: readonly LogEntry[]): LogEntry[] {
  const key = (entry: LogEntry) =>
    `${entry.run}\u0000${entry.code}\u0000${entry.period}\u0000${entry.fingerprint ?? ''}`;
  const finished = new Set(entries.filter((entry) => entry.status !== 'mengirim').map(key));
  return entries.flatMap((entry) => {
    if (entry.status !== 'mengirim') return [entry];
    if (finished.has(key(entry))) return [];
    return [
      {
        ...entry,
        status: 'tidak-pasti' as const,
        result:
          'tidak pasti: monev berhenti saat mengirim; tidak dikirim ulang otomatis (periksa dengan penerima, lalu --resend bila perlu)',
      },
    ];
  });
}
