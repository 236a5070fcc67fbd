import { formatId } from '../core/numbers.js';

/**
 * The one catalogue of what the HTTP functions answer when they refuse or fail (issue 9 item 2), in the
 * manner of core/findings.ts: every code has its status and its Indonesian text, and the mapped type
 * makes the compiler insist on both. The code travels in the answer (`{"error": …, "code": …}`), so a
 * caller (the Apps Script, an operator's curl) can rely on it while the wording may change.
 */
interface Params {
  'not-configured': Record<string, never>;
  internal: Record<string, never>;
  'not-found': Record<string, never>;
  'unknown-function': { name: string; choices: readonly string[] };
  'unreadable-body': Record<string, never>;
  'body-too-large': { limit: number };
  'encoded-body': Record<string, never>;
  'body-timeout': { seconds: number };
  'bad-signature': Record<string, never>;
  'bad-channel-token': Record<string, never>;
  'bad-change-body': Record<string, never>;
  'unknown-spreadsheet': Record<string, never>;
  'bad-score-body': Record<string, never>;
  'bad-cycle-body': Record<string, never>;
  'bad-finish-body': Record<string, never>;
  'config-invalid': Record<string, never>;
  'task-rejected': Record<string, never>;
  'missing-token': Record<string, never>;
  'invalid-token': Record<string, never>;
  'wrong-caller': Record<string, never>;
}

export type ReplyCode = keyof Params;
export type ReplyParams<C extends ReplyCode> = Params[C];

const CATALOGUE: { [C in ReplyCode]: { status: number; text: (p: Params[C]) => string } } = {
  'not-configured': { status: 500, text: () => 'Layanan belum dikonfigurasi; lihat log.' },
  internal: { status: 500, text: () => 'Terjadi kesalahan internal; sudah dicatat.' },
  'not-found': { status: 404, text: () => 'Tidak ditemukan.' },
  'unknown-function': {
    status: 404,
    text: (p) => `Tidak ada fungsi "${p.name.slice(0, 60)}". Pilihan: ${p.choices.join(', ')}.`,
  },
  'unreadable-body': {
    status: 400,
    text: () => 'Isi permintaan tidak dapat dibaca; kirim JSON yang sah, misalnya {"spreadsheetId": "..."}.',
  },
  'body-too-large': {
    status: 413,
    text: (p) => `Isi permintaan lebih dari ${p.limit / 1024} KiB; pemberitahuan perubahan jauh lebih kecil.`,
  },
  'encoded-body': {
    status: 415,
    text: () => 'Isi permintaan tidak boleh dikompresi (Content-Encoding); kirim JSON biasa.',
  },
  'body-timeout': {
    status: 408,
    text: (p) => `Isi permintaan tidak selesai terkirim dalam ${formatId(p.seconds, 1)} detik; kirim ulang sekaligus.`,
  },
  'bad-signature': { status: 401, text: () => 'Tanda tangan tidak sah.' },
  'bad-channel-token': { status: 401, text: () => 'Token kanal tidak sah.' },
  'bad-change-body': { status: 400, text: () => 'Isi permintaan harus {"spreadsheetId": "..."}.' },
  'unknown-spreadsheet': { status: 404, text: () => 'Spreadsheet tidak terdaftar di rekap.' },
  'bad-score-body': { status: 400, text: () => 'Isi permintaan harus {"code": "3573"}.' },
  'bad-cycle-body': {
    status: 400,
    text: () =>
      'Isi permintaan harus {"period": "2025-TW3"} atau kosong; "label" (huruf, angka, tanda hubung) memulai siklus lain di hari yang sama.',
  },
  'bad-finish-body': { status: 400, text: () => 'Isi permintaan harus {"cycle": "2025-TW3-…"}.' },
  'config-invalid': {
    status: 422,
    text: () => 'Satker atau konfigurasi rekap tidak sah; mengulang tidak akan membantu. Lihat log.',
  },
  'task-rejected': {
    status: 422,
    text: () =>
      'Tugas ini ditolak: siklusnya tidak tercatat atau tidak berlaku lagi; mengulang tidak akan membantu. Lihat log.',
  },
  'missing-token': {
    status: 401,
    text: () => 'Fungsi ini memerlukan token OIDC Google di header Authorization: Bearer ….',
  },
  'invalid-token': {
    status: 401,
    text: () => 'Token OIDC tidak sah: tanda tangan, penerbit, audiens atau masa berlakunya tidak cocok.',
  },
  'wrong-caller': { status: 403, text: () => 'Token OIDC ini bukan milik akun layanan monev.' },
};

export interface Reply {
  readonly status: number;
  readonly body: { readonly error: string; readonly code: ReplyCode };
}

export function reply<C extends ReplyCode>(code: C, ...[params]: OptionalParams<C>): Reply {
  const entry = CATALOGUE[code] as { status: number; text: (p: Params[C] | undefined) => string };
  return { status: entry.status, body: { error: entry.text(params), code } };
}

/** Codes without parameters take none; the others insist on theirs. */
export type OptionalParams<C extends ReplyCode> = Params[C] extends Record<string, never> ? [] : [Params[C]];
