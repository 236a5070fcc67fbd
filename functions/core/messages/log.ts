import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * The `Hasil` of each Log row (the rekap's Log tab): what a run, a scoring, a report, a send or a
 * Drive channel came to, for the provincial team reading the Log. Decisions never read this text:
 * a send's outcome is in `Status`, and the one row monev reads back (a channel opened, for
 * renew-watches) is parsed by `openedChannel` here, next to the wording it parses.
 */
export interface LogResultParams {
  'run-started': { offices: number };
  'report-made': Record<string, never>;
  'report-failed': { reason: string };
  'send-no-address': Record<string, never>;
  sending: Record<string, never>;
  sent: { accepted: number; onlyMissing: boolean; refused: number };
  'send-uncertain': { reason: string };
  'send-stopped': Record<string, never>;
  'written-to-outbox': { accepted: number; onlyMissing: boolean };
  'send-failed': { reason: string };
  'cycle-finished': { cycle: string; scored: number; missing: number };
  'channel-opened': { id: string; fileId: string; resourceId: string; expiration: string };
  'channel-open-failed': { reason: string };
  'channel-stopped': { id: string };
  'channel-stop-failed': { id: string };
}

export type LogResultCode = keyof LogResultParams;

const CATALOGUE: Catalogue<LogResultParams> = {
  'run-started': (p) => `${p.offices} satker`,
  'report-made': () => 'PDF dibuat',
  'report-failed': (p) => `gagal: ${p.reason}`,
  'send-no-address': () => 'tidak dikirim: alamat e-mail kosong',
  sending: () => 'mengirim',
  sent: (p) =>
    `terkirim ke ${p.accepted} alamat${p.onlyMissing ? ' yang belum menerimanya' : ''}` +
    (p.refused > 0 ? `; ${p.refused} alamat ditolak, dicoba lagi pada run berikutnya` : ''),
  'send-uncertain': (p) => `tidak pasti: ${p.reason}`,
  'send-stopped': () =>
    'tidak pasti: monev berhenti setelah menyerahkan surat ke server dan sebelum jawabannya tercatat; ' +
    'tidak dikirim ulang otomatis (tanyakan ke penerima, lalu --resend bila belum sampai)',
  'written-to-outbox': (p) =>
    `ditulis ke outbox untuk ${p.accepted} alamat${p.onlyMissing ? ' yang belum menerimanya' : ''}; belum dikirim ` +
    '(kirim berkas .eml-nya dengan program surel, atau jalankan dengan MONEV_MAIL_TRANSPORT=smtp atau gmail)',
  'send-failed': (p) => `gagal: ${p.reason}`,
  'cycle-finished': (p) =>
    `siklus ${p.cycle}: ${p.scored} satker${p.missing > 0 ? `, ${p.missing} gagal dinilai` : ''}`,
  'channel-opened': (p) => `kanal ${p.id} dibuka untuk ${p.fileId}, resource ${p.resourceId}, berakhir ${p.expiration}`,
  'channel-open-failed': (p) => `gagal membuka kanal: ${p.reason}`,
  'channel-stopped': (p) => `kanal ${p.id} dihentikan`,
  'channel-stop-failed': (p) => `kanal ${p.id} gagal dihentikan`,
};

export const logResult = messagesOf(CATALOGUE);

const OPENED = /^kanal (\S+) dibuka untuk (\S+), resource (\S+), berakhir (\S+)$/;
const STOPPED = /^kanal (\S+) dihentikan$/;

/** A `channel-opened` Hasil read back; null for any other text. */
export function openedChannel(result: string): LogResultParams['channel-opened'] | null {
  const match = OPENED.exec(result);
  if (!match) return null;
  const [, id, fileId, resourceId, expiration] = match as unknown as [string, string, string, string, string];
  return { id, fileId, resourceId, expiration };
}

/** The channel a `channel-stopped` Hasil names; null for any other text. */
export function stoppedChannel(result: string): string | null {
  return STOPPED.exec(result)?.[1] ?? null;
}
