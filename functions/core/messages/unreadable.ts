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
}

export interface UnreadableFixParams {
  'resave-as-xlsx': Record<string, never>;
  'save-as-xlsx': Record<string, never>;
  'remove-password': Record<string, never>;
  'remove-password-or-save-as-xlsx': Record<string, never>;
  'check-source-file': Record<string, never>;
  'source-inside-data-folder': Record<string, never>;
  'copy-into-data-folder': Record<string, never>;
  'nothing-to-do': Record<string, never>;
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
};

const FIXES: Catalogue<UnreadableFixParams> = {
  'resave-as-xlsx': () => 'Simpan ulang sebagai Excel Workbook (.xlsx), lalu jalankan lagi.',
  'save-as-xlsx': () => SAVE_AS_XLSX,
  'remove-password': () =>
    'Buka file itu, hapus kata sandinya (Excel: File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan isiannya), simpan, lalu jalankan lagi.',
  'remove-password-or-save-as-xlsx': () => `Bila file berkata sandi, hapus kata sandinya. ${SAVE_AS_XLSX}`,
  'check-source-file': () =>
    `Periksa nama file di kolom ${source} pada tab ${REGISTRY_TAB.name} rekap, lalu jalankan lagi.`,
  'source-inside-data-folder': () => INSIDE_DATA_FOLDER,
  'copy-into-data-folder': () =>
    `${INSIDE_DATA_FOLDER} Salin file satker ke dalam folder data, jangan memakai tautan ke tempat lain.`,
  'nothing-to-do': () => 'Satker tidak perlu berbuat apa-apa; tim monev provinsi akan menilai ulang.',
};

export const unreadableReason = messagesOf(REASONS);
export const unreadableFix = messagesOf(FIXES);
export const UNREADABLE_REASON_CODES = Object.keys(REASONS) as UnreadableReasonCode[];
