import { REGISTRY_TAB, headerOf } from '../../../sheets-schema/index.js';
import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * Why an office's workbook could not be read or scored, and what to do about it. A reason is a short
 * phrase and a fix a sentence: the `unreadable-workbook` finding (core/findings.ts) quotes both, and the
 * rekap's own reasons end up in configuration messages. Causes (a zip library's or Google's raw text)
 * stay in logs and never reach operators.
 */
export interface UnreadableReasonParams {
  // A local .xlsx file.
  'file-not-found': Record<string, never>;
  'is-directory': Record<string, never>;
  'access-denied': Record<string, never>;
  'cannot-open': Record<string, never>;
  'empty-file': Record<string, never>;
  'password-protected': Record<string, never>;
  'password-protected-ods': Record<string, never>;
  'not-regular-file': Record<string, never>;
  'archive-size-mismatch': Record<string, never>;
  'old-xls': Record<string, never>;
  'password-or-xls': Record<string, never>;
  'text-not-xlsx': Record<string, never>;
  'not-xlsx': Record<string, never>;
  'corrupt-workbook': Record<string, never>;
  'not-a-workbook': Record<string, never>;
  'source-absolute': Record<string, never>;
  'source-outside': Record<string, never>;
  'source-link-outside': Record<string, never>;
  // A Google spreadsheet, or any other Google request (GoogleApiError's reason).
  'invalid-google-source': { source: string };
  'google-unreachable': Record<string, never>;
  'google-no-answer': Record<string, never>;
  'google-quota': Record<string, never>;
  'google-unavailable': { status: number };
  'google-unauthenticated': Record<string, never>;
  'google-api-disabled': Record<string, never>;
  'google-storage-full': Record<string, never>;
  'google-not-shared': { what: string; account: string };
  /** `where` is where the ID or URL was given; the Sumber column when absent. */
  'google-not-found': { what: string; where?: string; account: string };
  'google-not-a-spreadsheet': { what: string };
  'google-missing-tab': { what: string };
  'google-rejected': { what: string; status: number };
  'rekap-locked': { holder: string; until: string };
  // Neither the file nor the service: monev itself, or a cycle that gave up.
  'unexpected-read': Record<string, never>;
  'unexpected-score': Record<string, never>;
  'cycle-service-failure': Record<string, never>;
  /** The Satker row names no file or spreadsheet at all. */
  'source-blank': Record<string, never>;
}

export interface UnreadableFixParams {
  'resave-as-xlsx': Record<string, never>;
  'save-as-xlsx': Record<string, never>;
  'remove-password': Record<string, never>;
  'remove-password-ods': Record<string, never>;
  'remove-password-or-save-as-xlsx': Record<string, never>;
  'check-source-file': Record<string, never>;
  'source-inside-data-folder': Record<string, never>;
  'copy-into-data-folder': Record<string, never>;
  'nothing-to-do': Record<string, never>;
  'fill-source': Record<string, never>;
}

export type UnreadableReasonCode = keyof UnreadableReasonParams;
export type UnreadableFixCode = keyof UnreadableFixParams;

const source = headerOf(REGISTRY_TAB, 'source');
const SAVE_AS_XLSX = `Buka file itu di Excel atau LibreOffice, pilih Simpan Sebagai (Save As) dengan jenis "Excel Workbook (.xlsx)", sesuaikan nama file di kolom ${source} rekap bila berubah, lalu jalankan lagi.`;
const INSIDE_DATA_FOLDER = `Isi kolom ${source} pada tab ${REGISTRY_TAB.name} rekap dengan letak file di dalam folder data, relatif terhadap folder itu (misalnya satker/3573.xlsx), lalu jalankan lagi.`;

const REASONS: Catalogue<UnreadableReasonParams> = {
  'file-not-found': () => 'file tidak ditemukan',
  'is-directory': () => 'yang ditunjuk adalah folder, bukan file',
  'access-denied': () => 'file tidak boleh dibaca (izin akses ditolak)',
  'cannot-open': () => 'file tidak bisa dibuka',
  'empty-file': () => 'file kosong (0 byte)',
  'password-protected': () => 'file dilindungi kata sandi',
  'password-protected-ods': () => 'file LibreOffice (.ods) dilindungi kata sandi',
  'not-regular-file': () =>
    'yang ditunjuk bukan file biasa (misalnya pipa bernama/FIFO atau perangkat), sehingga tidak dibuka',
  'archive-size-mismatch': () =>
    'file rusak: isi arsipnya tidak sesuai dengan ukuran yang tercatat di dalamnya (file terpotong, rusak saat dikirim, atau diubah program lain)',
  'old-xls': () => 'berformat Excel lama (.xls), yang tidak dibaca monev',
  'password-or-xls': () => 'file dilindungi kata sandi atau berformat Excel lama (.xls)',
  'text-not-xlsx': () => 'bukan file Excel .xlsx yang sah (isinya teks biasa, mungkin CSV yang diganti namanya)',
  'not-xlsx': () => 'bukan file Excel .xlsx yang sah',
  'corrupt-workbook': () => 'file rusak atau tidak lengkap',
  'not-a-workbook': () => 'bukan buku kerja Excel (.xlsx) atau LibreOffice (.ods) yang sah (tidak ada lembar kerja)',
  'source-absolute': () => `kolom ${source} berisi path absolut, padahal harus di dalam folder data`,
  'source-outside': () => `kolom ${source} memakai ".." sehingga menunjuk ke luar folder data`,
  'source-link-outside': () => `kolom ${source} menunjuk ke tautan (symlink) yang mengarah ke luar folder data`,
  'invalid-google-source': (p) =>
    `${source} "${p.source}" bukan ID atau URL Google Spreadsheet; salin URL spreadsheet satker (https://docs.google.com/spreadsheets/d/…) ke kolom ${source}`,
  'google-unreachable': () =>
    'tidak dapat terhubung ke Google (koneksi terputus atau habis waktu); periksa jaringan lalu jalankan lagi',
  'google-no-answer': () => 'permintaan ke Google gagal sebelum ada jawaban; jalankan lagi',
  'google-quota': () =>
    'kuota Google API habis dan tetap habis setelah ditunggu; jalankan lagi beberapa menit lagi atau turunkan MONEV_GOOGLE_READS_PER_MINUTE/MONEV_GOOGLE_WRITES_PER_MINUTE',
  'google-unavailable': (p) =>
    `layanan Google sedang bermasalah (HTTP ${p.status}) dan belum pulih setelah dicoba ulang; jalankan lagi nanti`,
  'google-unauthenticated': () =>
    'monev tidak dapat masuk ke Google: kredensial akun layanan tidak sah atau kedaluwarsa; periksa GOOGLE_APPLICATION_CREDENTIALS',
  'google-api-disabled': () =>
    'API Google yang diperlukan belum diaktifkan di project; aktifkan Google Sheets API dan Google Drive API di Google Cloud Console',
  'google-storage-full': () =>
    'ruang Drive akun layanan tidak tersedia; isi MONEV_DRIVE_FOLDER_ID dengan folder di Shared Drive yang dibagikan ke akun layanan',
  'google-not-shared': (p) =>
    `${p.what} tidak dapat dibuka: belum dibagikan ke ${p.account}. Bagikan sebagai Editor, lalu jalankan lagi`,
  'google-not-found': (p) =>
    `${p.what} tidak ditemukan: periksa ID atau URL di ${p.where ?? `kolom ${source}`}, dan pastikan sudah dibagikan ke ${p.account}`,
  'google-not-a-spreadsheet': (p) =>
    `${p.what} bukan Google Spreadsheet (mungkin file Excel atau CSV yang diunggah ke Drive); buka file itu lalu pilih File > Simpan sebagai Google Spreadsheet, dan isi ${source} dengan spreadsheet barunya`,
  'google-missing-tab': (p) => `${p.what}: tab yang diminta tidak ada`,
  'google-rejected': (p) =>
    `Google menolak permintaan monev untuk ${p.what.toLowerCase()} (HTTP ${p.status}); laporkan ke tim monev provinsi`,
  'rekap-locked': (p) =>
    `rekap sedang ditulis oleh proses monev lain (${p.holder}, sampai ${p.until}); jalankan lagi setelah proses itu selesai`,
  'unexpected-read': () => 'terjadi kesalahan tak terduga saat membaca; laporkan ke tim monev provinsi',
  'unexpected-score': () => 'terjadi kesalahan tak terduga saat menilai; laporkan ke tim monev provinsi',
  'cycle-service-failure': () =>
    'penilaiannya gagal berulang kali selama siklus karena gangguan layanan, bukan karena isi file',
  'source-blank': () => `kolom ${source} di rekap kosong`,
};

const FIXES: Catalogue<UnreadableFixParams> = {
  'resave-as-xlsx': () => 'Simpan ulang sebagai Excel Workbook (.xlsx), lalu jalankan lagi.',
  'save-as-xlsx': () => SAVE_AS_XLSX,
  'remove-password': () =>
    'Buka file itu, hapus kata sandinya (Excel: File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan isiannya), simpan, lalu jalankan lagi.',
  'remove-password-ods': () =>
    'Buka file itu di LibreOffice dengan kata sandinya, pilih File → Simpan Sebagai, hilangkan centang "Simpan dengan kata sandi", simpan, lalu jalankan lagi.',
  'remove-password-or-save-as-xlsx': () => `Bila file berkata sandi, hapus kata sandinya. ${SAVE_AS_XLSX}`,
  'check-source-file': () =>
    `Periksa nama file di kolom ${source} pada tab ${REGISTRY_TAB.name} rekap, lalu jalankan lagi.`,
  'source-inside-data-folder': () => INSIDE_DATA_FOLDER,
  'copy-into-data-folder': () =>
    `${INSIDE_DATA_FOLDER} Salin file satker ke dalam folder data, jangan memakai tautan ke tempat lain.`,
  'nothing-to-do': () => 'Satker tidak perlu berbuat apa-apa; tim monev provinsi akan menilai ulang.',
  'fill-source': () => `Isi kolom ${source} dengan file atau spreadsheet satker ini, lalu jalankan lagi.`,
};

/**
 * What the head of an office reads on the report of an unscored office (issue 12): the reason in the
 * office's terms, and what the office itself must do. The operator's steps (re-running monev, the rekap's
 * Sumber column, environment settings) stay in the finding's message for the CLI and the log; a reason
 * the province must solve tells the office it has nothing to do.
 */
export interface OfficeNotice {
  readonly reason: string;
  readonly todo: string;
}

const PROVINCE_FIXES = 'Satker tidak perlu berbuat apa-apa: tim monev provinsi memperbaikinya dan menilai ulang.';
const RESEND = 'lalu mengirimkannya kembali kepada tim monev provinsi';
const SAVE_AS_XLSX_TODO = `Operator satker membuka file itu di Excel atau LibreOffice, menyimpannya sebagai "Excel Workbook (.xlsx)", ${RESEND}.`;
const service = (reason: string): OfficeNotice => ({ reason, todo: PROVINCE_FIXES });

const OFFICE_NOTICES: { readonly [C in UnreadableReasonCode]: (p: UnreadableReasonParams[C]) => OfficeNotice } = {
  'file-not-found': () => ({
    reason: 'file satker tidak ditemukan pada data provinsi',
    todo: 'Operator satker mengirim file satker (.xlsx) kepada tim monev provinsi.',
  }),
  'is-directory': () => service('yang terdaftar pada rekap provinsi adalah folder, bukan file satker'),
  'access-denied': () => service('file satker tidak dapat dibuka di komputer tim monev provinsi (izin akses ditolak)'),
  'cannot-open': () => ({
    reason: 'file satker tidak bisa dibuka',
    todo: `Operator satker memeriksa bahwa file terbuka di Excel atau LibreOffice, ${RESEND}.`,
  }),
  'empty-file': () => ({
    reason: 'file satker kosong (0 byte)',
    todo: `Operator satker mengirim ulang file yang lengkap kepada tim monev provinsi.`,
  }),
  'password-protected': () => ({
    reason: 'file satker dilindungi kata sandi',
    todo: `Operator satker menghapus kata sandi file (Excel: File → Info → Lindungi Buku Kerja), menyimpannya, ${RESEND}.`,
  }),
  'password-protected-ods': () => ({
    reason: 'file satker (LibreOffice .ods) dilindungi kata sandi',
    todo: `Operator satker membuka file di LibreOffice, memilih File → Simpan Sebagai tanpa centang "Simpan dengan kata sandi", ${RESEND}.`,
  }),
  'not-regular-file': () => service('yang terdaftar pada rekap provinsi bukan file biasa, sehingga tidak dibuka'),
  'archive-size-mismatch': () => ({
    reason: 'file satker rusak (isinya tidak sesuai dengan yang tercatat di dalam file)',
    todo: `Operator satker membuka file itu di Excel atau LibreOffice, menyimpannya ulang sebagai "Excel Workbook (.xlsx)", ${RESEND}; bila tidak terbuka, kirim ulang dari salinan yang utuh.`,
  }),
  'old-xls': () => ({ reason: 'file satker berformat Excel lama (.xls)', todo: SAVE_AS_XLSX_TODO }),
  'password-or-xls': () => ({
    reason: 'file satker dilindungi kata sandi atau berformat Excel lama (.xls)',
    todo: `Operator satker menghapus kata sandinya bila ada, menyimpan file sebagai "Excel Workbook (.xlsx)", ${RESEND}.`,
  }),
  'text-not-xlsx': () => ({
    reason: 'file satker bukan file Excel .xlsx yang sah (isinya teks biasa, mungkin CSV yang diganti namanya)',
    todo: SAVE_AS_XLSX_TODO,
  }),
  'not-xlsx': () => ({ reason: 'file satker bukan file Excel .xlsx yang sah', todo: SAVE_AS_XLSX_TODO }),
  'corrupt-workbook': () => ({ reason: 'file satker rusak atau tidak lengkap', todo: SAVE_AS_XLSX_TODO }),
  'not-a-workbook': () => ({
    reason: 'file satker bukan buku kerja Excel (.xlsx) atau LibreOffice (.ods) (tidak ada lembar kerja)',
    todo: SAVE_AS_XLSX_TODO,
  }),
  'source-absolute': () => service('letak file satker pada rekap provinsi tidak sah'),
  'source-outside': () => service('letak file satker pada rekap provinsi tidak sah'),
  'source-link-outside': () => service('letak file satker pada rekap provinsi tidak sah'),
  'invalid-google-source': () => ({
    reason: 'alamat spreadsheet satker pada rekap provinsi bukan alamat Google Spreadsheet',
    todo: 'Operator satker mengirim tautan spreadsheet satker (https://docs.google.com/spreadsheets/d/…) kepada tim monev provinsi.',
  }),
  'google-unreachable': () => service('monev tidak dapat terhubung ke Google saat penilaian'),
  'google-no-answer': () => service('Google tidak menjawab saat penilaian'),
  'google-quota': () => service('kuota layanan Google habis saat penilaian'),
  'google-unavailable': () => service('layanan Google sedang bermasalah saat penilaian'),
  'google-unauthenticated': () => service('monev tidak dapat masuk ke Google saat penilaian'),
  'google-api-disabled': () => service('layanan Google yang diperlukan monev belum diaktifkan'),
  'google-storage-full': () => service('ruang Google Drive monev tidak tersedia'),
  'google-not-shared': (p) => ({
    reason: 'spreadsheet satker belum dibagikan ke akun monev',
    todo: `Operator satker membagikan spreadsheet satker ke ${p.account} sebagai Editor (Bagikan → tambahkan alamat itu).`,
  }),
  'google-not-found': (p) => ({
    reason: 'spreadsheet satker tidak ditemukan',
    todo: `Operator satker memastikan spreadsheet satker masih ada dan dibagikan ke ${p.account}, lalu mengirim tautannya kepada tim monev provinsi.`,
  }),
  'google-not-a-spreadsheet': () => ({
    reason: 'file satker di Google Drive bukan Google Spreadsheet (mungkin file Excel yang diunggah)',
    todo: 'Operator satker membuka file itu, memilih File → Simpan sebagai Google Spreadsheet, lalu mengirim tautan spreadsheet barunya kepada tim monev provinsi.',
  }),
  'google-missing-tab': () => ({
    reason: 'spreadsheet satker tidak memiliki tab yang dibaca monev',
    todo: 'Operator satker memeriksa bahwa nama tab sama dengan templat (IKU, Rencana Aksi, IKI, Anjab, ABK, Tahapan, Profil) dan mengembalikan tab yang terhapus.',
  }),
  'google-rejected': () => service('Google menolak permintaan monev'),
  'rekap-locked': () => service('rekap provinsi sedang ditulis proses lain saat penilaian'),
  'unexpected-read': () => service('terjadi kesalahan pada monev saat membaca data satker'),
  'unexpected-score': () => service('terjadi kesalahan pada monev saat menilai data satker'),
  'cycle-service-failure': () => service('penilaian gagal karena gangguan layanan, bukan karena isi file'),
  'source-blank': () => service('rekap provinsi belum mencatat file atau spreadsheet satker ini'),
};

/** A reason for the operator (the finding, the log) together with its wording for the office's report. */
export interface UnreadableText {
  readonly reason: string;
  readonly office: OfficeNotice;
}

export function unreadable<C extends UnreadableReasonCode>(
  code: C,
  ...params: UnreadableReasonParams[C] extends Record<string, never> ? [] : [UnreadableReasonParams[C]]
): UnreadableText {
  const p = (params[0] ?? {}) as UnreadableReasonParams[C];
  return { reason: REASONS[code](p), office: OFFICE_NOTICES[code](p) };
}

export const unreadableReason = messagesOf(REASONS);
export const unreadableFix = messagesOf(FIXES);
export const UNREADABLE_REASON_CODES = Object.keys(REASONS) as UnreadableReasonCode[];
