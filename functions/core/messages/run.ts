import { REGISTRY_TAB, SETTINGS_TAB, labelOf } from '../../../sheets-schema/index.js';
import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * Why a run, a scoring or a cycle task cannot go ahead: the period, the offices asked for and the
 * cycle a task names. For whoever started it (the provincial team, or the task queue's log); nothing
 * has been written when one is given. The `mail-` codes are the lines `monev run` closes with on
 * what became of the reports' e-mail.
 */
export interface RunMessageParams {
  'unknown-period': { value: string };
  'period-missing': Record<string, never>;
  'unknown-offices': { codes: readonly string[] };
  'office-not-registered': { office: string };
  'cycle-not-recorded': { cycle: string };
  'cycle-not-recorded-to-finish': { cycle: string };
  'office-not-in-cycle': { code: string; cycle: string };
  'cycle-incomplete': { cycle: string; missing: number; total: number; checks: number };
  'cycle-period-unknown': { cycle: string; period: string };
  'mail-summary': { where: string; outbox: boolean; sent: number; unchanged: number; failed: number };
  'mail-failed': { code: string; reason: string };
  'mail-more-failed': { count: number };
  'mail-uncertain': { codes: readonly string[] };
  'mail-no-address': { codes: readonly string[] };
}

export type RunMessageCode = keyof RunMessageParams;

const period = labelOf(SETTINGS_TAB, 'period');

const CATALOGUE: Catalogue<RunMessageParams> = {
  'unknown-period': (p) => `--period "${p.value}" tidak dikenal. Tulis seperti 2025-TW3.`,
  'period-missing': () =>
    `${period} belum ditentukan. Isi ${period} di tab ${SETTINGS_TAB.name} (misalnya 2025-TW3) atau berikan --period 2025-TW3.`,
  'unknown-offices': (p) =>
    `--offices: kode ${p.codes.join(', ')} tidak ada (atau tidak aktif) di tab ${REGISTRY_TAB.name}. Periksa kodenya, misalnya 3573 untuk Kota Malang.`,
  'office-not-registered': (p) => `Satker ${p.office} tidak terdaftar (atau tidak aktif) di tab ${REGISTRY_TAB.name}.`,
  'cycle-not-recorded': (p) =>
    `Siklus ${p.cycle} tidak tercatat; tugas ini berasal dari siklus yang tidak dimulai di sini.`,
  'cycle-not-recorded-to-finish': (p) => `Siklus ${p.cycle} tidak tercatat; tidak ada yang dapat diselesaikan.`,
  'office-not-in-cycle': (p) => `Satker ${p.code} bukan bagian dari siklus ${p.cycle}.`,
  'cycle-incomplete': (p) =>
    `Siklus ${p.cycle}: ${p.missing} dari ${p.total} satker belum dinilai setelah ${p.checks} pemeriksaan; laporan tidak dikirim. Periksa log scoreOffice, lalu mulai siklus lagi.`,
  'cycle-period-unknown': (p) => `Siklus ${p.cycle} mencatat periode "${p.period}" yang tidak dikenal.`,
  // The outbox only writes files: saying "terkirim" would tell the operator that mail went out when none did.
  'mail-summary': (p) =>
    p.outbox
      ? `E-mail ${p.where}: ${p.sent} ditulis ke outbox (belum dikirim), ${p.unchanged} tidak ditulis ulang karena laporannya tidak berubah (--resend untuk memaksa), ${p.failed} gagal.`
      : `E-mail ${p.where}: ${p.sent} terkirim, ${p.unchanged} tidak dikirim ulang karena laporannya tidak berubah (--resend untuk memaksa), ${p.failed} gagal.`,
  'mail-failed': (p) => `  Laporan ${p.code} tidak terkirim: ${p.reason}`,
  'mail-more-failed': (p) => `  … dan ${p.count} lagi (lihat tab Log, kolom Hasil).`,
  'mail-uncertain': (p) =>
    `  Tidak pasti terkirim: ${p.codes.join(', ')}. Server surel berhenti menjawab setelah menerima suratnya, atau monev ` +
    'terhenti setelah menyerahkannya ke server; surat ini tidak dikirim ulang otomatis agar tidak ada yang menerima dua kali. ' +
    'Tanyakan ke penerima: bila belum sampai, jalankan lagi dengan --resend --offices KODE; bila sudah, ubah Status ' +
    'barisnya (tidak-pasti) di tab Log menjadi terkirim. Sampai salah satunya dilakukan, setiap run mencantumkannya lagi.',
  'mail-no-address': (p) =>
    `  Tanpa alamat e-mail: ${p.codes.join(', ')} (isi kolom Email di tab Satker atau Email Provinsi di Pengaturan).`,
};

export const runMessage = messagesOf(CATALOGUE);
export const RUN_MESSAGE_CODES = Object.keys(CATALOGUE) as RunMessageCode[];
