import { REGISTRY_TAB, headerOf } from '../../../sheets-schema/index.js';
import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * How monev is configured wrongly: its environment, the mail transport, where the rekap is. For the
 * person who deploys or runs monev; each message names the variable or file and says what to set.
 * The `env-…` entries are the hints zod attaches to one variable ("MONEV_WEBHOOK_SECRET: minimal 16 …");
 * the mail settings' hints are the mail catalogue's (messages/mail.ts), shared with the mail adapters.
 */
export interface ConfigMessageParams {
  'invalid-environment': { lines: readonly string[] };
  'env-webhook-secret-short': Record<string, never>;
  'env-functions-url': Record<string, never>;
  'env-tasks-queue': Record<string, never>;
  'env-service-account': Record<string, never>;
  'env-google-root-url': Record<string, never>;
  'env-drive-folder-id': Record<string, never>;
  'env-gmail-sender': Record<string, never>;
  'env-tasks-queue-needs-target': Record<string, never>;
  'data-dir-missing': Record<string, never>;
  'cycles-folder-missing': Record<string, never>;
  'rekap-file-unreadable': { path: string; reason: string; file: string; dataDir: string };
  'rekap-too-large': { path: string; mb: number };
  'rekap-output-unreadable': { path: string; reason: string };
  'rekap-not-a-spreadsheet': { reference: string };
  'rekap-unreadable': { link: string; reason: string };
  'rekap-without-registry': { link: string };
  'registry-without-source': { link: string };
}

export type ConfigMessageCode = keyof ConfigMessageParams;

const CATALOGUE: Catalogue<ConfigMessageParams> = {
  'invalid-environment': (p) => `Konfigurasi lingkungan tidak sah:\n${p.lines.join('\n')}`,
  'env-webhook-secret-short': () => 'minimal 16 karakter; buat dengan: openssl rand -hex 32',
  'env-functions-url': () => 'harus berupa URL, misalnya https://asia-southeast2-monev-jatim.cloudfunctions.net',
  'env-tasks-queue': () => 'harus berbentuk projects/PROYEK/locations/REGION/queues/ANTREAN',
  'env-service-account': () => 'harus alamat akun layanan, misalnya monev@monev-jatim.iam.gserviceaccount.com',
  'env-google-root-url': () => 'harus diawali http:// atau https://',
  'env-drive-folder-id': () => 'harus ID folder Drive (bagian URL setelah /folders/)',
  'env-gmail-sender': () => 'harus alamat e-mail pengirim, misalnya monev@jatim.bawaslu.go.id',
  'env-tasks-queue-needs-target': () =>
    'MONEV_TASKS_QUEUE memerlukan MONEV_FUNCTIONS_URL (alamat fungsi scoreOffice) dan MONEV_TASKS_SERVICE_ACCOUNT (akun layanan untuk token OIDC)',
  'data-dir-missing': () =>
    'MONEV_DATA_DIR belum diisi: folder data lokal yang berisi rekap.xlsx (atau MONEV_REKAP untuk Google Sheets).',
  'cycles-folder-missing': () =>
    'MONEV_DRIVE_FOLDER_ID (atau MONEV_DRIVE_CYCLES_FOLDER_ID) belum diisi: siklus triwulanan menyimpan hasil tiap satker di folder Drive itu. Buat folder, bagikan ke akun layanan sebagai Editor, lalu deploy lagi dengan --env MONEV_DRIVE_FOLDER_ID=<ID folder>.',
  'rekap-file-unreadable': (p) =>
    `${p.path}: ${p.reason}. Folder data harus berisi ${p.file} (buat contoh dengan: monev sample --out ${p.dataDir}).`,
  'rekap-too-large': (p) =>
    `${p.path}: file terlalu besar untuk dibaca (lebih dari ${p.mb} MB setelah dibuka). Hapus gambar atau lampiran di dalamnya, atau naikkan MONEV_MAX_UNPACKED_MB.`,
  'rekap-output-unreadable': (p) =>
    `${p.path}: ${p.reason}. File ini menyimpan riwayat Rekap dan catatan pengiriman (Log) dari run sebelumnya, jadi monev tidak menimpanya. Pulihkan salinan yang baik, atau simpan ulang file itu sebagai Excel Workbook (.xlsx); bila riwayatnya memang tidak diperlukan lagi, pindahkan file itu keluar dari folder, lalu jalankan lagi.`,
  'rekap-not-a-spreadsheet': (p) =>
    `--rekap "${p.reference}" bukan ID atau URL Google Spreadsheet. Salin URL spreadsheet rekap, misalnya https://docs.google.com/spreadsheets/d/…/edit.`,
  'rekap-unreadable': (p) => `Spreadsheet rekap ${p.link}: ${p.reason}.`,
  'rekap-without-registry': (p) =>
    `Spreadsheet rekap ${p.link} tidak punya tab ${REGISTRY_TAB.name}. Buat rekap dengan: monev provision --rekap`,
  'registry-without-source': (p) =>
    `Tab ${REGISTRY_TAB.name} di ${p.link} tidak punya kolom ${headerOf(REGISTRY_TAB, 'source')}.`,
};

export const configMessage = messagesOf(CATALOGUE);
export const CONFIG_MESSAGE_CODES = Object.keys(CATALOGUE) as ConfigMessageCode[];
