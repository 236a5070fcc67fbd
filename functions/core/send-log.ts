import { createHash } from 'node:crypto';
import { OUTBOX_STATUS, SERVED_STATUS, type LogHistoryRow } from '../../sheets-schema/index.js';
import { logResult } from './messages/log.js';
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
  /**
   * Address hashes that have this report, or may have it (at most once): they are not sent it again
   * unless the operator asks (--resend).
   */
  readonly served: ReadonlySet<string>;
  /**
   * Address hashes whose only record is `tidak-pasti` (no delivery of this report to them is
   * confirmed): the report is listed for a check by hand until one is, or until --resend sends it.
   */
  readonly unconfirmed: ReadonlySet<string>;
}

export function reportKey(code: string, period: string, fingerprint: string): string {
  return `${code}\u0000${period}\u0000${fingerprint}`;
}

/**
 * Per report (reportKey), who has it, from Log rows of earlier runs. A report written to the outbox has
 * reached nobody: it counts as served for the outbox, which is not written the same report twice, and
 * not for a transport that delivers (`outbox` false), which sends it.
 */
export function sendHistory(rows: readonly LogHistoryRow[], options: { outbox: boolean }): Map<string, ReportSends> {
  const sends = new Map<string, { served: Set<string>; confirmed: Set<string>; doubtful: Set<string> }>();
  for (const row of rows) {
    if (row.Aksi !== 'kirim' || row.Status === undefined || row.Periode === undefined || row.Sidik === undefined)
      continue;
    const key = reportKey(row.Kode, row.Periode, row.Sidik);
    const entry = sends.get(key) ?? { served: new Set<string>(), confirmed: new Set<string>(), doubtful: new Set() };
    const served = SERVED_STATUS.has(row.Status) || (options.outbox && row.Status === OUTBOX_STATUS);
    for (const address of served ? row.Penerima : []) {
      entry.served.add(address);
      (row.Status === 'tidak-pasti' ? entry.doubtful : entry.confirmed).add(address);
    }
    sends.set(key, entry);
  }
  return new Map(
    [...sends].map(([key, entry]) => [
      key,
      { served: entry.served, unconfirmed: new Set([...entry.doubtful].filter((a) => !entry.confirmed.has(a))) },
    ]),
  );
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
 * A send handed over (`mengirim`, journalled just before the message could reach anyone) and followed
 * by its outcome is the outcome; one never followed (monev stopped while sending) becomes
 * `tidak-pasti`: the server may or may not have taken it. The intent and its outcome are the same
 * run's `kirim` rows for the same report; a send with no intent at all never reached the transport,
 * and the next run sends it.
 */
export function settleIntents(entries: readonly LogEntry[]): LogEntry[] {
  const key = (entry: LogEntry) =>
    [entry.run, entry.code, entry.action, entry.period, entry.fingerprint ?? ''].join('\u0000');
  const finished = new Set(entries.filter((entry) => entry.action === 'kirim' && entry.status !== 'mengirim').map(key));
  return entries.flatMap((entry) => {
    if (entry.status !== 'mengirim') return [entry];
    if (finished.has(key(entry))) return [];
    return [{ ...entry, status: 'tidak-pasti' as const, result: logResult('send-stopped') }];
  });
}
