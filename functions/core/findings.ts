import { maskNipText, maskNipsIn } from './nip.js';
import type { OfficeNotice } from './messages/unreadable.js';
import {
  ACTION_PLAN_TAB,
  IKI_TAB,
  IKU_TAB,
  JOBS_TAB,
  PROFILE_TAB,
  REGISTRY_TAB,
  STAGES_TAB,
  STAGE_STATUS,
  WORKLOAD_TAB,
  headerOf,
  labelOf,
  quarterLabel,
} from '../../sheets-schema/index.js';
import type { LimitExcess } from './workbook-limits.js';
import { tabRef } from './workbook.js';

/**
 * The one catalogue of findings (docs/SPEC.md §6). Every code has its level and its Indonesian message,
 * which says what is wrong, why it matters and what to do, quoting the offending value. The mapped
 * type makes the compiler insist that every code has a message.
 */

export type Level = 'error' | 'warning';

export interface Finding {
  readonly tab: string;
  /** The offending cell, e.g. "IKU!H7"; a row names column A, a tab its header cell or A1. */
  readonly cell: string;
  readonly level: Level;
  readonly code: FindingCode;
  readonly message: string;
  /**
   * What the row is about, from the parsed row ("Rapat koordinasi …", "Nur Aini (Analis SDM) · IKU-02"),
   * so an operator finds the row without counting. Set for findings on a data row; it may name the
   * office's own staff, so it goes to the office's Hasil Validasi and never to results.json or logs.
   */
  readonly context?: string;
  /**
   * For a finding that leaves the office unscored: the reason in the office's terms and what the office
   * must do, which the report a head of office reads shows instead of `message` (whose steps, such as
   * running monev again, are for the operator).
   */
  readonly office?: OfficeNotice;
}

interface Params {
  'missing-value': { column: string; help: string };
  'invalid-number': { column: string; value: string; expected?: string };
  'negative-number': { column: string; value: string };
  /** `unsaved`: `value` is a formula whose result the file does not hold (SPEC §2 v3). */
  'formula-error': { column: string; value: string; unsaved?: boolean };
  'invalid-choice': { column: string; value: string; options: readonly string[] };
  'invalid-date': { column: string; value: string };
  'invalid-url': { column: string; value: string };
  'invalid-nip': { value: string; reason: string };
  'nip-not-text': { value: string };
  'invalid-weight': { column: string; scope: string };
  'duplicate-code': { column: string; value: string; firstCell: string };
  'missing-target': Record<string, never>;
  'unknown-iku': { value: string };
  'unknown-job': { value: string };
  'missing-tab': { tab: string };
  'missing-column': { tab: string; column: string };
  'empty-tab': { tab: string };
  'unreadable-workbook': { file: string; reason: string; fix?: string; office?: OfficeNotice };
  /** `value` null: the cell is blank, or `absent` says what is missing; `expected` null: no registry code to compare. */
  'office-code-mismatch': {
    value: string | null;
    expected: string | null;
    absent?: ProfileAbsence;
    /** A second Kode Satker row disagreeing with the first (at `first`): the workbook names two offices. */
    conflict?: { first: string; other: string; otherCell: string };
  };
  'year-mismatch': { value: string | null; expected: string; period: string; absent?: ProfileAbsence };
  'workbook-too-large': { file: string; excess: LimitExcess };
  /** `readAs` without a thousands separator ("1014"), `words` the number in words (null when too large). */
  'ambiguous-number': { column: string; value: string; readAs: string; words?: string | null };
  'missing-realization': { column: string };
  'missing-evidence': { subject: 'realization' | 'stage'; value: string };
  'weights-not-100': { scope: string; sum: string };
  /**
   * `brokenCells`: this IKU's IKI rows exist but are all in error (`rows` of them), at these cells: the
   * cause to fix, not rows to add (issue 18).
   */
  'iku-without-iki': { value: string; brokenCells?: string; rows?: number };
  'missing-date': Record<string, never>;
  'no-staff': { value: string };
  'job-without-tasks': { value: string };
  /** SPEC §4 (v3): an IKI Jabatan naming no Anjab job. */
  'iki-unknown-job': { value: string };
  /** SPEC §4 (v3): `holders` distinct NIPs in IKI hold job `value`, whose Pegawai Ada is `staff`. */
  'staff-count-mismatch': { value: string; holders: number; staff: number };
  'invalid-email': { value: string };
  /** `malformed`: a Drive link whose ID is not a Drive ID (SPEC §8), unreachable without a request. */
  'evidence-unreachable': { link: string; account: string | null; consequence: string; malformed?: boolean };
  'evidence-trashed': { link: string; consequence: string };
  'evidence-empty': { link: string; folder: boolean; consequence: string };
  'evidence-shared': { link: string; offices: readonly string[] };
  'evidence-reused': { link: string; cells: readonly string[] };
}

export type FindingCode = keyof Params;

const ROW_ZERO = 'Baris ini dihitung 0 sampai diperbaiki.';

// Tab, column and choice names come from sheets-schema/, so renaming a header renames its messages.
const IKU = IKU_TAB.name;
const JOBS = JOBS_TAB.name;
const WORKLOAD = WORKLOAD_TAB.name;
const PROFILE = PROFILE_TAB.name;
const STAFF = headerOf(JOBS_TAB, 'staff');
const IKU_CODE = headerOf(IKI_TAB, 'ikuCode');
const EVIDENCE = headerOf(ACTION_PLAN_TAB, 'evidence');
const FINISHED = STAGE_STATUS.choices.find((c) => c.id === 'selesai')?.label ?? 'Selesai';
const OFFICE_CODE = labelOf(PROFILE_TAB, 'officeCode');
const YEAR = labelOf(PROFILE_TAB, 'year');

const CATALOGUE: {
  [C in FindingCode]: { level: Level; message: (p: Params[C]) => string; office?: (p: Params[C]) => OfficeNotice };
} = {
  'missing-value': {
    level: 'error',
    message: (p) => `Kolom "${p.column}" kosong, padahal wajib diisi. ${ROW_ZERO} ${p.help}`,
  },
  'invalid-number': {
    level: 'error',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)}, bukan ${p.expected ?? 'angka'}. ${ROW_ZERO} Isi dengan angka, misalnya 80 atau 87,5.`,
  },
  'negative-number': {
    level: 'error',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)}, padahal tidak boleh negatif. ${ROW_ZERO} Isi dengan angka 0 atau lebih.`,
  },
  'formula-error': {
    level: 'error',
    message: (p) =>
      p.unsaved
        ? `${p.column} berisi rumus ${p.value} yang hasilnya tidak tersimpan di file (file ini terakhir disimpan oleh program yang tidak menghitung rumus, misalnya skrip openpyxl atau pandas), sehingga nilainya tidak dapat dibaca. ${ROW_ZERO} Buka file itu di Excel, LibreOffice atau Google Sheets, lalu simpan ulang agar hasil rumusnya ikut tersimpan; bila hasilnya galat, perbaiki rumusnya.`
        : `${p.column} berisi galat rumus ${p.value}, sehingga nilainya tidak dapat dibaca. ${ROW_ZERO} Perbaiki rumusnya atau ganti dengan nilai biasa.`,
  },
  'invalid-choice': {
    level: 'error',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)}, bukan pilihan yang dikenal. ${ROW_ZERO} Pilih salah satu: ${p.options.join(', ')}.`,
  },
  'invalid-date': {
    level: 'error',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)}, bukan tanggal. ${ROW_ZERO} Tulis tanggal seperti 15/08/2025, 2025-08-15 atau 15 Agustus 2025.`,
  },
  'invalid-url': {
    level: 'error',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)}, bukan tautan http(s), sehingga bukti dukung tidak dapat diperiksa. ${ROW_ZERO} Tempel tautan lengkap yang diawali https://, misalnya tautan berbagi Google Drive.`,
  },
  'invalid-nip': {
    level: 'error',
    message: (p) =>
      `${headerOf(IKI_TAB, 'nip')} ${quote(maskNipText(p.value))} tidak valid: ${p.reason}. ${ROW_ZERO} Tulis NIP 18 digit sesuai SK, misalnya 19870315 201012 1 001.`,
  },
  'nip-not-text': {
    level: 'error',
    message: (p) =>
      `NIP tersimpan sebagai angka (${maskNipText(p.value)}), sehingga digit terakhirnya hilang. ${ROW_ZERO} Format sel sebagai teks (atau awali dengan tanda petik ') lalu ketik ulang NIP 18 digit.`,
  },
  'invalid-weight': {
    level: 'error',
    message: (p) =>
      `${p.column} kosong, padahal baris lain ${p.scope} berbobot. ${ROW_ZERO} Isi bobot semua baris, atau kosongkan semuanya agar bobot dibagi rata.`,
  },
  'duplicate-code': {
    level: 'error',
    message: (p) =>
      `${p.column} ${quote(p.value)} sudah dipakai di ${p.firstCell}. ${ROW_ZERO} Beri kode yang unik untuk setiap baris.`,
  },
  'missing-target': {
    level: 'error',
    message: () =>
      `${headerOf(ACTION_PLAN_TAB, 'target1')} sampai ${quarterLabel(4)} kosong atau 0, sehingga kegiatan ini tidak dapat dinilai. ${ROW_ZERO} Isi target pada triwulan kegiatan direncanakan.`,
  },
  'unknown-iku': {
    level: 'error',
    message: (p) =>
      `${IKU_CODE} ${quote(p.value)} tidak ada di tab ${IKU}, padahal indikator individu harus menurunkan IKU yang ada. ${ROW_ZERO} Tulis kode persis seperti kolom ${headerOf(IKU_TAB, 'code')} di tab ${IKU}.`,
  },
  'unknown-job': {
    level: 'error',
    message: (p) =>
      `${headerOf(WORKLOAD_TAB, 'job')} ${quote(p.value)} tidak ada di tab ${JOBS}, sehingga beban kerjanya tidak dapat dihitung. Tulis nama jabatan persis seperti di tab ${JOBS}, atau tambahkan jabatan itu ke ${JOBS}.`,
  },
  'missing-tab': {
    level: 'error',
    message: (p) =>
      `Tab "${p.tab}" tidak ditemukan, sehingga komponen yang memakainya dinilai 0. Tambahkan tab dengan nama persis "${p.tab}"; salin dari templat (monev template).`,
  },
  'missing-column': {
    level: 'error',
    message: (p) =>
      `Kolom "${p.column}" tidak ditemukan di tab ${p.tab} (dicari pada baris 1–10), sehingga semua baris tab ini tidak dapat dinilai. Tambahkan kolom berjudul "${p.column}" di baris judul.`,
  },
  'empty-tab': {
    level: 'error',
    message: (p) => `Tab ${p.tab} belum berisi data, sehingga komponennya dinilai 0. Isi data di bawah baris judul.`,
  },
  'unreadable-workbook': {
    level: 'error',
    message: (p) =>
      `File ${quote(p.file)} tidak dapat dibaca: ${p.reason}. Satker ini tidak dinilai sampai file dapat dibuka. ${p.fix ?? 'Perbaiki sesuai alasan di atas, lalu jalankan lagi.'}`,
    office: (p) =>
      p.office ?? {
        reason: `file satker tidak dapat dibaca: ${p.reason}`,
        todo: 'Operator satker memperbaiki file sesuai alasan di atas bersama tim monev provinsi.',
      },
  },
  'office-code-mismatch': {
    level: 'error',
    message: (p) => {
      const owner = p.expected === null ? 'satker Anda' : `satker ${p.expected}`;
      const fill = p.expected === null ? 'kode satker Anda, misalnya 3573' : p.expected;
      if (p.conflict)
        return `${PROFILE} memuat ${twoCodes(p.value, p.conflict)}, sehingga tidak terbukti file ini milik ${owner}. Satker ini tidak dinilai agar data satker lain tidak ikut dinilai atas nama satker ini. Hapus baris ${OFFICE_CODE} yang keliru sehingga tinggal satu baris berisi ${fill}, lalu jalankan lagi.`;
      if (p.value === null)
        return `${blankProfile(OFFICE_CODE, p.absent)}, sehingga tidak terbukti file ini milik ${owner}. Satker ini tidak dinilai agar file satker lain yang kodenya dihapus tidak ikut dinilai atas nama satker ini. ${fillProfile(OFFICE_CODE, fill, p.absent)}`;
      return `${OFFICE_CODE} di ${PROFILE} berisi ${quote(p.value)}, padahal rekap provinsi mencatat file ini milik ${owner}. Satker ini tidak dinilai agar data tidak tertukar. Pastikan file ini milik ${owner}, lalu perbaiki ${OFFICE_CODE} atau kolom ${headerOf(REGISTRY_TAB, 'source')} di rekap.`;
    },
    office: (p) => {
      const owner = p.expected === null ? 'satker Anda' : `satker ${p.expected}`;
      const fill = p.expected === null ? 'kode satker Anda' : p.expected;
      if (p.conflict)
        return {
          reason: `${PROFILE} memuat ${twoCodes(p.value, p.conflict)}, sehingga tidak terbukti file ini milik ${owner}`,
          todo: `Operator satker menghapus baris ${OFFICE_CODE} yang keliru sehingga tinggal satu baris berisi ${fill}, lalu mengirimkannya file kembali kepada tim monev provinsi.`,
        };
      return p.value === null
        ? {
            reason: `${blankProfile(OFFICE_CODE, p.absent)}, sehingga tidak terbukti file ini milik ${owner}`,
            todo: officeFillsProfile(OFFICE_CODE, fill, p.absent),
          }
        : {
            reason: `${OFFICE_CODE} di ${PROFILE} berisi ${quote(p.value)}, padahal file ini terdaftar untuk ${owner}`,
            todo: `Operator satker memastikan file ini milik ${owner} dan mengisi ${OFFICE_CODE} dengan ${fill}; bila file yang dikirim keliru, kirim file yang benar kepada tim monev provinsi.`,
          };
    },
  },
  'year-mismatch': {
    level: 'error',
    message: (p) =>
      p.value === null
        ? `${blankProfile(YEAR, p.absent)}, sehingga tidak terbukti data ini untuk tahun ${p.expected} (periode ${p.period}). Satker ini tidak dinilai agar data tahun lain tidak terpakai. ${fillProfile(YEAR, p.expected, p.absent)}`
        : `${YEAR} di ${PROFILE} berisi ${quote(p.value)}, padahal periode ${p.period} adalah tahun ${p.expected}. Satker ini tidak dinilai agar data tahun lain tidak terpakai. Isi ${YEAR} dengan ${p.expected}, atau gunakan file tahun ${p.expected}.`,
    office: (p) =>
      p.value === null
        ? {
            reason: `${blankProfile(YEAR, p.absent)}, sehingga tidak terbukti data ini untuk tahun ${p.expected}`,
            todo: officeFillsProfile(YEAR, p.expected, p.absent),
          }
        : {
            reason: `${YEAR} di ${PROFILE} berisi ${quote(p.value)}, padahal periode ${p.period} adalah tahun ${p.expected}`,
            todo: `Operator satker mengisi ${YEAR} dengan ${p.expected}, atau mengirim file tahun ${p.expected} kepada tim monev provinsi.`,
          },
  },
  'workbook-too-large': {
    level: 'error',
    message: (p) => tooLargeMessage(p.file, p.excess),
    office: (p) => ({
      reason:
        p.excess.measure === 'unpacked'
          ? 'file satker terlalu besar untuk dibaca monev'
          : `tab "${p.excess.tab}" memakai lebih banyak ${p.excess.measure === 'rows' ? 'baris' : 'kolom'} daripada yang dibaca monev`,
      todo:
        p.excess.measure === 'unpacked'
          ? 'Operator satker menghapus gambar, lampiran atau tab yang tidak diperlukan (bukti dukung cukup berupa tautan) dan menyimpan ulang file.'
          : `Operator satker menghapus ${p.excess.measure === 'rows' ? 'baris di bawah' : 'kolom di sebelah kanan'} tabel yang tidak diperlukan dan menyimpan ulang file.`,
    }),
  },
  'ambiguous-number': {
    level: 'warning',
    message: (p) =>
      `${p.column} berisi ${quote(p.value)} dan dibaca sebagai ${p.readAs}${p.words ? ` (${p.words})` : ''}, karena titik dianggap pemisah ribuan. Bila maksudnya desimal, tulis dengan koma, misalnya 1,25.`,
  },
  'missing-realization': {
    level: 'warning',
    message: (p) =>
      `${p.column} kosong, padahal indikator ini sudah bertarget, sehingga capaiannya dihitung 0. Isi realisasinya, atau tulis 0 bila memang belum ada.`,
  },
  'missing-evidence': {
    level: 'warning',
    message: (p) =>
      p.subject === 'realization'
        ? `Realisasi ${p.value} dilaporkan tanpa bukti dukung, sehingga dihitung 0. Tempel tautan bukti dukung (https://…) di kolom ${EVIDENCE}.`
        : `Langkah ini berstatus ${FINISHED} tanpa bukti dukung, sehingga hanya dihitung setengah. Tempel tautan bukti dukung (https://…) di kolom ${headerOf(STAGES_TAB, 'evidence')}.`,
  },
  'weights-not-100': {
    level: 'warning',
    message: (p) =>
      `Jumlah bobot ${p.scope} adalah ${p.sum}, bukan 100. Bobot tetap dipakai secara proporsional. Sesuaikan agar jumlahnya 100.`,
  },
  'iku-without-iki': {
    level: 'warning',
    message: (p) =>
      p.brokenCells === undefined
        ? `IKU ${quote(p.value)} belum diturunkan ke IKI mana pun, sehingga cakupan penurunan IKU ke IKI berkurang. Tambahkan minimal satu baris ${IKI_TAB.name} dengan ${IKU_CODE} ${quote(p.value)}.`
        : `IKU ${quote(p.value)} sudah punya ${p.rows ?? 1} baris ${IKI_TAB.name}, tetapi semuanya salah (${p.brokenCells}), sehingga IKU ini terhitung belum diturunkan ke IKI. Perbaiki kesalahan di sel tersebut (lihat temuannya); jangan menambah baris ${IKI_TAB.name} baru untuk IKU ini.`,
  },
  'missing-date': {
    level: 'warning',
    message: () =>
      `Langkah ini berstatus ${FINISHED} tetapi ${headerOf(STAGES_TAB, 'finishedOn')} kosong. Isi tanggal selesai, misalnya 15/08/2025.`,
  },
  'no-staff': {
    level: 'warning',
    message: (p) =>
      `${headerOf(JOBS_TAB, 'job')} ${quote(p.value)} tidak memiliki pegawai (${headerOf(JOBS_TAB, 'staff')} 0), sehingga efektivitas jabatannya tidak dapat dihitung. Isi jumlah pegawai bila jabatan ini sudah terisi.`,
  },
  'invalid-email': {
    level: 'warning',
    message: (p) =>
      `Alamat e-mail ${quote(p.value)} tidak sah, sehingga laporan tidak dikirim ke alamat itu. Perbaiki penulisannya, misalnya bawaslu.kotamalang@example.go.id; pisahkan beberapa alamat dengan koma.`,
  },
  'evidence-unreachable': {
    level: 'warning',
    message: (p) =>
      p.malformed
        ? `Bukti dukung ${quote(p.link)} tidak memuat ID file Google Drive yang sah (ID file Drive terdiri atas 10–128 huruf, angka, _ atau -), sehingga tidak menunjuk file mana pun; tautannya mungkin terpotong saat disalin. ${p.consequence} Buka file itu di Google Drive, pilih Bagikan → Salin link, lalu tempel tautan lengkapnya.`
        : `Bukti dukung ${quote(p.link)} tidak dapat dibuka monev: Google Drive menjawab file tidak ada, yang juga berarti file belum dibagikan. ${p.consequence} Bagikan file atau foldernya ke ${p.account ?? 'akun layanan monev'} sebagai Viewer (atau "Siapa saja yang memiliki link"), atau tempel tautan yang benar.`,
  },
  'evidence-trashed': {
    level: 'warning',
    message: (p) =>
      `Bukti dukung ${quote(p.link)} ada di Sampah Google Drive, sehingga tidak dapat menjadi bukti. ${p.consequence} Pulihkan file dari Sampah, atau tempel tautan dokumen yang masih ada.`,
  },
  'evidence-empty': {
    level: 'warning',
    message: (p) =>
      p.folder
        ? `Bukti dukung ${quote(p.link)} adalah folder kosong, sehingga belum membuktikan apa pun. ${p.consequence} Unggah dokumen buktinya ke folder itu.`
        : `Bukti dukung ${quote(p.link)} adalah file kosong (0 byte), sehingga belum membuktikan apa pun. ${p.consequence} Unggah ulang dokumen yang lengkap.`,
  },
  'evidence-shared': {
    level: 'warning',
    message: (p) =>
      `Bukti dukung ${quote(p.link)} juga dicantumkan oleh ${p.offices.join(', ')}. Nilai tidak berkurang, tetapi bukti yang sama di beberapa satker akan diperiksa tim provinsi. Pastikan dokumen ini memang bukti kegiatan satker Anda, atau tempel bukti milik satker sendiri.`,
  },
  'evidence-reused': {
    level: 'warning',
    message: (p) =>
      `Bukti dukung ${quote(p.link)} juga dipakai untuk kegiatan di ${p.cells.join(', ')}. Nilai tidak berkurang, tetapi satu dokumen untuk banyak kegiatan sulit membuktikan bahwa setiap kegiatan terlaksana. Tempel bukti khusus untuk kegiatan ini.`,
  },
  'job-without-tasks': {
    level: 'warning',
    message: (p) =>
      `${headerOf(JOBS_TAB, 'job')} ${quote(p.value)} ada di ${JOBS} tetapi tidak punya uraian tugas di tab ${WORKLOAD}, sehingga beban kerjanya 0. Tambahkan uraian tugasnya di ${WORKLOAD}.`,
  },
  'iki-unknown-job': {
    level: 'warning',
    message: (p) =>
      `${headerOf(IKI_TAB, 'position')} ${quote(p.value)} tidak ada di tab ${JOBS}, sehingga indikator pegawai ini tidak terhubung ke jabatan mana pun dan tidak muncul di kartu jabatan. Nilai tidak berkurang. Tulis nama jabatan persis seperti di tab ${JOBS}, atau tambahkan jabatan itu ke ${JOBS}.`,
  },
  'staff-count-mismatch': {
    level: 'warning',
    message: (p) =>
      `${headerOf(JOBS_TAB, 'job')} ${quote(p.value)} dipegang ${p.holders} pegawai (NIP berbeda) di tab ${IKI_TAB.name}, padahal ${STAFF} di ${JOBS} berisi ${p.staff}. Nilai tidak berkurang, tetapi kebutuhan pegawai dan efektivitas jabatan ini dihitung dari ${STAFF}, sehingga bisa keliru. Perbarui ${STAFF} menjadi ${p.holders} bila mereka semua memang memegang jabatan ini, atau perbaiki ${headerOf(IKI_TAB, 'position')} di tab ${IKI_TAB.name}.`,
  },
};

/**
 * Findings that make a whole tab unreadable (docs/SPEC.md §4): its component is 0 for want of data, not
 * of performance, which reports, the rekap's Keterangan and peer learning must tell apart.
 */
export const TAB_PROBLEMS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'missing-tab',
  'missing-column',
  'empty-tab',
]);

/** Whether `tab` is missing, lacks a required column or has no data rows. */
export function tabIsBroken(findings: readonly Pick<Finding, 'tab' | 'code'>[], tab: string): boolean {
  return findings.some((f) => f.tab === tab && TAB_PROBLEMS.has(f.code));
}

export function finding<C extends FindingCode>(code: C, tab: string, cell: string, params: Params[C]): Finding {
  const entry = CATALOGUE[code];
  // Values quoted from the sheet are where sheet text enters a message: a NIP typed into one is masked here,
  // once for results.json, Hasil Validasi, the CLI, the PDF and the e-mail.
  const quoted = maskNipsIn(params);
  const made: Finding = { tab, cell, level: entry.level, code, message: entry.message(quoted) };
  return entry.office ? { ...made, office: entry.office(quoted) } : made;
}

export function levelOf(code: FindingCode): Level {
  return CATALOGUE[code].level;
}

export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

/** What is missing when a Profil value cannot be read at all: the tab, its key row, or (undefined) only the value. */
export type ProfileAbsence = 'tab' | 'key';

function twoCodes(first: string | null, conflict: { first: string; other: string; otherCell: string }): string {
  return `dua ${OFFICE_CODE} yang berbeda: ${quote(first ?? '')} di ${conflict.first} dan ${quote(conflict.other)} di ${conflict.otherCell}`;
}

function blankProfile(label: string, absent: ProfileAbsence | undefined): string {
  if (absent === 'tab') return `Tab ${PROFILE} tidak ditemukan, sehingga ${label} tidak dapat dibaca`;
  if (absent === 'key') return `Baris "${label}" tidak ditemukan di kolom A tab ${PROFILE}`;
  return `${label} di ${PROFILE} kosong`;
}

/** What the office does about a blank Profil value: fill it in, without the operator's "run again". */
function officeFillsProfile(label: string, value: string, absent: ProfileAbsence | undefined): string {
  if (absent === 'tab')
    return `Operator satker menambahkan tab ${PROFILE} sesuai templat dan mengisi ${label} dengan ${value}.`;
  if (absent === 'key')
    return `Operator satker menulis "${label}" di kolom A tab ${PROFILE} dan ${value} di sebelahnya (kolom B).`;
  return `Operator satker mengisi ${label} di ${PROFILE} dengan ${value}.`;
}

function fillProfile(label: string, value: string, absent: ProfileAbsence | undefined): string {
  if (absent === 'tab')
    return `Tambahkan tab ${PROFILE} (salin dari templat: monev template), isi ${label} dengan ${value}, lalu jalankan lagi.`;
  if (absent === 'key')
    return `Tulis "${label}" di kolom A tab ${PROFILE} dan ${value} di sebelahnya (kolom B), lalu jalankan lagi.`;
  return `Isi ${label} dengan ${value}, lalu jalankan lagi.`;
}

/** The `workbook-too-large` finding: on the tab that passed a limit, else on Profil like an unreadable file. */
export function tooLargeFinding(file: string, excess: LimitExcess): Finding {
  const tab = excess.measure === 'unpacked' ? PROFILE : excess.tab;
  return finding('workbook-too-large', tab, `${tabRef(tab)}!A1`, { file, excess });
}

/** SPEC §8 limits: which one the file passed, why monev stops there, and what the operator removes. */
function tooLargeMessage(file: string, excess: LimitExcess): string {
  const unscored =
    'Satker ini tidak dinilai; file sebesar ini tidak dibaca agar penilaian satker lain tidak terganggu.';
  switch (excess.measure) {
    case 'unpacked':
      return `File ${quote(file)} terlalu besar: isinya ${megabytes(excess.bytes)} MB setelah dibuka, melebihi batas ${megabytes(excess.limit)} MB. ${unscored} Hapus gambar, lampiran, atau tab yang tidak diperlukan (bukti dukung cukup berupa tautan), simpan ulang, lalu jalankan lagi.`;
    case 'rows':
      return `Tab "${excess.tab}" di file ${quote(file)} memakai lebih dari ${thousands(excess.limit)} baris, melebihi batas per tab. ${unscored} Hapus baris di bawah tabel yang tidak diperlukan (termasuk isian yang tersalin jauh ke bawah), simpan, lalu jalankan lagi.`;
    case 'columns':
      return `Tab "${excess.tab}" di file ${quote(file)} memakai lebih dari ${thousands(excess.limit)} kolom, melebihi batas per tab. ${unscored} Hapus kolom di sebelah kanan tabel yang tidak diperlukan, simpan, lalu jalankan lagi.`;
  }
}

function megabytes(bytes: number): string {
  return thousands(Math.ceil(bytes / 2 ** 20));
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Quotes sheet text for a message, shortened so one pasted paragraph does not flood the report. */
export function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}"`;
}
