import { OFFICE_KIND, YES_NO } from './choices.js';
import { col, defineTable } from './columns.js';
import { AREAS } from './areas.js';

/** The provincial rekap workbook (docs/SPEC.md §5): the registry of offices, the weights, the settings and the summary. */

export const REGISTRY_TAB = defineTable('Satker', {
  code: col.text({ header: 'Kode', required: true, help: 'Kode Kemendagri satker, misalnya 3573.', width: 8 }),
  name: col.text({ header: 'Nama', required: true, help: 'Nama satker, misalnya "Bawaslu Kota Malang".', width: 32 }),
  kind: col.choice(['kabupaten', 'kota', 'provinsi'], OFFICE_KIND, {
    header: 'Jenis',
    required: false,
    help: 'Kabupaten, Kota atau Provinsi.',
    width: 12,
  }),
  source: col.text({
    header: 'Sumber',
    required: true,
    help: 'ID atau URL spreadsheet satker; pada mode lokal, path file .xlsx relatif terhadap folder data.',
    width: 40,
  }),
  email: col.text({
    header: 'Email',
    required: false,
    help: 'Alamat e-mail penerima laporan, dipisah koma.',
    width: 36,
  }),
  active: col.choice(['ya', 'tidak'], YES_NO, {
    header: 'Aktif',
    required: false,
    help: 'Ya (bawaan) atau Tidak. Satker tidak aktif tidak dinilai.',
    width: 8,
  }),
});

export const WEIGHTS_TAB = defineTable('Bobot', {
  component: col.text({
    header: 'Komponen',
    required: true,
    help: 'IKU, Rencana Aksi, IKI, Tahapan, Kualitas Data.',
    width: 20,
  }),
  weight: col.number({
    header: 'Bobot',
    required: true,
    help: 'Bobot komponen dalam indeks; jumlah semua bobot harus 100.',
    width: 10,
  }),
});

/** The index components and their default weights (docs/SPEC.md §4). */
export const COMPONENTS = [
  { key: 'iku', label: 'IKU', defaultWeight: 35 },
  { key: 'actionPlan', label: 'Rencana Aksi', defaultWeight: 30 },
  { key: 'iki', label: 'IKI', defaultWeight: 15 },
  { key: 'stages', label: 'Tahapan', defaultWeight: 10 },
  { key: 'dataQuality', label: 'Kualitas Data', defaultWeight: 10 },
] as const;

export type ComponentKey = (typeof COMPONENTS)[number]['key'];

export const SETTINGS_TAB = {
  name: 'Pengaturan',
  keys: [
    { key: 'period', label: 'Periode', help: 'Periode penilaian, misalnya 2025-TW3.' },
    {
      key: 'cap',
      label: 'Batas Capaian',
      help: 'Batas atas capaian indikator yang dihitung, dalam persen (bawaan 120).',
    },
    // 75 000 minutes a year: the effective working time per employee used by KemenPAN-RB workload analysis (Permenpan 1/2020).
    { key: 'effectiveMinutes', label: 'WKE', help: 'Waktu kerja efektif setahun dalam menit (bawaan 75 000).' },
    { key: 'provinceEmail', label: 'Email Provinsi', help: 'Penerima laporan rekap provinsi, dipisah koma.' },
    {
      key: 'maxMentees',
      label: 'Maks Binaan',
      help: 'Paling banyak berapa permintaan belajar yang dibina satu satker per periode (bawaan 3).',
    },
    {
      key: 'repairDeadline',
      label: 'Batas Perbaikan',
      help: 'Tanggal terakhir satker memperbaiki temuannya, misalnya 15/10/2025; dicantumkan di laporan dan e-mail.',
    },
    {
      key: 'contact',
      label: 'Kontak',
      help: 'Siapa yang dapat ditanya operator satker, misalnya "Tim Monev Provinsi, 0341-123456".',
    },
  ],
} as const;

export const SETTING_DEFAULTS = { cap: 120, effectiveMinutes: 75_000, maxMentees: 3 } as const;

export const SUMMARY_TAB = {
  name: 'Rekap',
  headers: [
    'Periode',
    'Kode',
    'Nama',
    'Status',
    'IKU',
    'Rencana Aksi',
    'IKI',
    'Tahapan',
    'Kualitas Data',
    'Indeks',
    'Predikat',
    'Peringkat',
    'Error',
    'Peringatan',
    'Diperbarui',
    'Laporan',
  ],
  key: ['Periode', 'Kode'],
} as const;

export const AREA_SUMMARY_TAB = {
  name: 'Rekap Bidang',
  headers: ['Periode', 'Kode', 'Nama', ...AREAS.map((area) => area.name)],
  key: ['Periode', 'Kode'],
} as const;

/**
 * Tren (output): one row per office, one column per period, the index of each (issue 12). Its period
 * columns grow as periods are scored; a row is upserted by Kode.
 */
export const TREND_TAB = {
  name: 'Tren',
  headers: ['Kode', 'Nama'],
  key: ['Kode'],
} as const;

/**
 * Log: one row per action of a run. Periode and Sidik (the PDF's SHA-256) make the send log: a report
 * already sent unchanged for the same office and period is not sent again.
 */
export const LOG_TAB = {
  name: 'Log',
  headers: ['Run', 'Waktu', 'Kode', 'Aksi', 'Hasil', 'Periode', 'Sidik'],
} as const;

export type RegistryRow = ReturnType<typeof REGISTRY_TAB.row.parse>;
