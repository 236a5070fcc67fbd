import { AREAS } from './areas.js';
import type { ColumnSpec } from './columns.js';
import {
  ACTION_PLAN_TAB,
  DATA_TABS,
  FEEDBACK_TAB,
  IKI_TAB,
  IKU_TAB,
  JOBS_TAB,
  PROFILE_TAB,
  STAGES_TAB,
  WORKLOAD_TAB,
} from './office-workbook.js';
import { COMPONENTS } from './rekap-workbook.js';

/**
 * The Petunjuk tab of the office template (issue 12 item 7): how to fill the workbook, in Indonesian,
 * built from the schema so tab names, required columns and weights never disagree with what monev
 * reads. It is an extra tab, and extra tabs are ignored by the reader (docs/SPEC.md §2, §3).
 */
export interface GuideLine {
  readonly text: string;
  /** A title line (bold, larger) or a section heading (bold); body text otherwise. */
  readonly style?: 'title' | 'heading';
}

const PURPOSE: Record<string, string> = {
  [ACTION_PLAN_TAB.name]:
    'satu baris per kegiatan rencana aksi: bidang, kegiatan, target dan realisasi tiap triwulan, serta tautan bukti dukung. Realisasi tanpa bukti dukung dihitung 0.',
  [IKU_TAB.name]:
    'satu baris per indikator kinerja unit, dengan kode unik (misalnya IKU-01), target dan realisasi tiap triwulan.',
  [IKI_TAB.name]:
    'satu baris per indikator per pegawai; Kode IKU menunjuk IKU yang didukung. NIP ditulis sebagai teks 18 digit.',
  [JOBS_TAB.name]: 'satu baris per jabatan: jenis jabatan dan jumlah pegawai yang ada.',
  [WORKLOAD_TAB.name]:
    'uraian tugas tiap jabatan: beban kerja setahun dan norma waktu (menit per satuan hasil). Nama jabatan sama persis dengan di Anjab.',
  [STAGES_TAB.name]:
    'langkah-langkah penguatan kelembagaan sudah terisi; ubah Status menjadi Proses atau Selesai. Selesai perlu tanggal dan bukti dukung.',
};

const required = (columns: readonly ColumnSpec[]) =>
  columns
    .filter((column) => column.required)
    .map((column) => column.header)
    .join(', ');

export const GUIDE_TAB: { readonly name: string; readonly width: number; readonly lines: readonly GuideLine[] } = {
  name: 'Petunjuk',
  width: 70,
  lines: [
    { text: 'Petunjuk pengisian workbook monev', style: 'title' },
    {
      text: 'Workbook ini dibaca monev untuk menilai kinerja kelembagaan satker setiap triwulan. Isi tab-tab berikut; tab Petunjuk ini tidak dibaca dan boleh dihapus.',
    },
    { text: 'Urutan pengisian', style: 'heading' },
    {
      text: `1. ${PROFILE_TAB.name}: isi ${PROFILE_TAB.keys.map((key) => key.label).join(', ')} di kolom B. Kode Satker harus sama dengan kode di rekap provinsi dan Tahun dengan tahun periode; bila tidak, satker tidak dinilai.`,
    },
    ...DATA_TABS.map((tab, i) => ({
      text: `${i + 2}. ${tab.name}: ${PURPOSE[tab.name] ?? ''} Kolom wajib: ${required(tab.columns)}.`,
    })),
    { text: 'Aturan umum', style: 'heading' },
    {
      text: `• Judul kolom berwarna jingga wajib ada; yang biru boleh dikosongkan. Di ${PROFILE_TAB.name}, ${PROFILE_TAB.keys
        .filter((key) => key.required)
        .map((key) => key.label)
        .join(', ')} berwarna jingga: wajib diisi. Arahkan kursor ke judul kolom untuk membaca catatannya.`,
    },
    {
      text: '• Jangan mengubah nama tab atau judul kolom. Kolom tambahan boleh ditambahkan di sebelah kanan; monev mengabaikannya.',
    },
    {
      text: '• Target dan realisasi diisi per triwulan (TW I Januari–Maret, TW II April–Juni, TW III Juli–September, TW IV Oktober–Desember). Kosongkan realisasi triwulan yang belum dilaporkan.',
    },
    { text: '• Angka memakai koma untuk desimal (87,5) atau persen (87,5%). Tanggal seperti 15/08/2025.' },
    {
      text: '• Bukti Dukung berisi tautan lengkap yang diawali https://, misalnya tautan berbagi Google Drive; beberapa tautan dipisah spasi, koma atau baris baru. Pastikan file dapat dibuka oleh tim provinsi.',
    },
    {
      text: `• Pilih dari daftar (dropdown) bila kolom menyediakannya. Bidang: ${AREAS.map((area) => `${area.no} ${area.name}`).join('; ')}.`,
    },
    { text: 'Setelah dinilai', style: 'heading' },
    {
      text: `• monev menulis tab ${FEEDBACK_TAB.name}: ${FEEDBACK_TAB.levels.error} lebih dulu (baris itu dihitung 0 sampai diperbaiki), lalu ${FEEDBACK_TAB.levels.warning}. Kolom Sel menunjuk sel yang perlu diperbaiki, Konteks menyebut barisnya dan Masalah jenis masalahnya. Baris "Diperiksa" di atas tabel menyebut kapan workbook terakhir diperiksa.`,
    },
    {
      text: `• Indeks kinerja kelembagaan menggabungkan ${COMPONENTS.map((c) => `${c.label} (${c.defaultWeight})`).join(', ')}; bobot bawaan ini dapat diubah provinsi.`,
    },
  ],
};
