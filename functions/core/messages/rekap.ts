import {
  COMPONENTS,
  REGISTRY_TAB,
  SETTINGS_TAB,
  WEIGHTS_TAB,
  YES_NO,
  headerOf,
  labelOf,
} from '../../../sheets-schema/index.js';
import { messagesOf, quoted, type Catalogue } from './catalogue.js';

/**
 * What is wrong with the rekap workbook (docs/SPEC.md §5), for the provincial team that runs monev.
 * Each problem stops the run before anything is written, except `office-without-name`, which only
 * notes how a row is read. `at` is the offending cell ("Satker!E7"); tab, column and key names come
 * from sheets-schema/, so renaming a header renames its messages.
 */
export interface RekapMessageParams {
  'registry-tab-missing': Record<string, never>;
  'registry-columns-missing': { at: string; columns: readonly string[] };
  'invalid-active': { at: string; value: string };
  'duplicate-office': { at: string; code: string; earlier: string };
  'office-without-name': { at: string; code: string };
  'no-active-office': Record<string, never>;
  'weights-columns-missing': { at: string; columns: readonly string[] };
  'unknown-component': { at: string; value: string };
  'invalid-component-weight': { at: string; component: string; value: string };
  'weights-not-100': { sum: string; parts: readonly string[] };
  'invalid-setting-number': { at: string; label: string; value: string; min: string; fallback: string };
  'invalid-period-setting': { at: string; value: string };
  'invalid-max-mentees': { at: string; value: string };
  'invalid-repair-deadline': { at: string; value: string };
  'invalid-office-code': { at: string; value: string; invisible: readonly string[]; wide: boolean };
}

export type RekapMessageCode = keyof RekapMessageParams;

const registry = REGISTRY_TAB.name;
const registryColumn = (key: keyof typeof REGISTRY_TAB.row.shape & string) => headerOf(REGISTRY_TAB, key);
const weights = WEIGHTS_TAB.name;

const CATALOGUE: Catalogue<RekapMessageParams> = {
  'registry-tab-missing': () =>
    `Tab "${registry}" tidak ditemukan. Tab ini memuat daftar satker yang dinilai; tambahkan tab "${registry}" dengan kolom ${REGISTRY_TAB.columns.map((c) => c.header).join(', ')}.`,
  'registry-columns-missing': (p) =>
    `${p.at}: kolom ${quoted(p.columns).join(', ')} tidak ditemukan di tab ${registry}. Tambahkan kolom tersebut di baris judul.`,
  'invalid-active': (p) =>
    `${p.at}: ${registryColumn('active')} berisi "${p.value}". Isi dengan ${YES_NO.choices.map((c) => c.label).join(' atau ')}.`,
  'duplicate-office': (p) =>
    `${p.at}: ${registryColumn('code')} ${p.code} sudah terdaftar di ${p.earlier}. Setiap satker hanya boleh terdaftar sekali; hapus atau perbaiki salah satunya.`,
  'office-without-name': (p) =>
    `${p.at}: satker ${p.code} tidak punya ${registryColumn('name')}; dinilai dengan nama "${p.code}".`,
  'no-active-office': () =>
    `Tab ${registry} tidak memuat satker aktif. Isi minimal satu baris dengan ${registryColumn('code')} dan ${registryColumn('source')}.`,
  'weights-columns-missing': (p) =>
    `${p.at}: tab ${weights} tidak memiliki kolom ${quoted(p.columns).join(' dan ')}. Tambahkan kolomnya, atau hapus tab ${weights} untuk memakai bobot bawaan.`,
  'unknown-component': (p) =>
    `${p.at}: komponen "${p.value}" tidak dikenal. Gunakan salah satu: ${COMPONENTS.map((c) => c.label).join(', ')}.`,
  'invalid-component-weight': (p) =>
    `${p.at}: bobot ${p.component} berisi "${p.value}". Isi dengan angka 0 atau lebih.`,
  'weights-not-100': (p) =>
    `Tab ${weights}: jumlah bobot komponen ${p.sum}, bukan 100 (${p.parts.join(', ')}). Sesuaikan agar jumlahnya 100; tidak ada hasil yang ditulis sebelum bobot benar.`,
  'invalid-setting-number': (p) =>
    `${p.at}: ${p.label} berisi "${p.value}". Isi dengan angka lebih dari ${p.min}, atau kosongkan untuk nilai bawaan ${p.fallback}.`,
  'invalid-period-setting': (p) =>
    `${p.at}: ${labelOf(SETTINGS_TAB, 'period')} berisi "${p.value}". Tulis seperti 2025-TW3 (tahun, tanda hubung, TW dan nomor triwulan 1–4).`,
  'invalid-max-mentees': (p) =>
    `${p.at}: ${labelOf(SETTINGS_TAB, 'maxMentees')} berisi "${p.value}". Isi dengan bilangan bulat 1 atau lebih, misalnya 3.`,
  'invalid-repair-deadline': (p) =>
    `${p.at}: ${labelOf(SETTINGS_TAB, 'repairDeadline')} berisi "${p.value}", bukan tanggal. Tulis seperti 15/10/2025 atau 15 Oktober 2025, atau kosongkan.`,
  'invalid-office-code': (p) => {
    const why = [
      p.invisible.length > 0 ? `memuat karakter tak terlihat (${p.invisible.join(', ')})` : null,
      p.wide ? 'memakai angka lebar penuh (seperti ３５７８), bukan angka biasa' : null,
    ].filter((part) => part !== null);
    return `${p.at}: ${registryColumn('code')} berisi "${p.value}"${why.length > 0 ? `, yang ${why.join(' dan ')}` : ''}; ${registryColumn('code')} harus kode Kemendagri 4 angka, misalnya 3573. Hapus isi sel itu, ketik ulang kodenya dengan angka biasa, lalu jalankan lagi.`;
  },
};

export const rekapMessage = messagesOf(CATALOGUE);
export const REKAP_MESSAGE_CODES = Object.keys(CATALOGUE) as RekapMessageCode[];

/**
 * Rekap's `Keterangan` (SPEC v3 §5), for the province and whoever it forwards the rekap to: why an office
 * is unscored, or which component is 0 for want of data. The reasons come in the office's own terms from
 * the findings' catalogues (core/messages/unreadable.ts, core/findings.ts, core/report/report-text.ts).
 */
export interface SummaryNoteParams {
  unscored: { reason: string };
  'zero-for-want-of-data': { component: string; problem: string };
}

const SUMMARY_NOTES: Catalogue<SummaryNoteParams> = {
  unscored: (p) => `Tidak dinilai: ${p.reason.replace(/[.\s]+$/, '')}.`,
  'zero-for-want-of-data': (p) => `${p.component} 0 karena ${p.problem}`,
};

export const summaryNote = messagesOf(SUMMARY_NOTES);
