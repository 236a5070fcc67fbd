import { AREA_CHOICES, AREA_IDS, AREAS } from './areas.js';
import { AGGREGATION, POLARITY, STAGE_NUMBER, STAGE_STATUS } from './choices.js';
import { col, defineTable, quarterColumns } from './columns.js';

/** The office workbook (docs/SPEC.md §3): one per kabupaten/kota office, edited by its operator. */

/** The kinds of position of the civil-service job analysis; Anjab's Jenis Jabatan offers them. */
export const JOB_TYPES = ['Struktural', 'Fungsional', 'Pelaksana'] as const;

const URL_HELP =
  'Tautan http(s) ke dokumen bukti (Google Drive, situs resmi). Lebih dari satu tautan dipisah spasi, koma atau baris baru.';
const TARGET_HELP = (quarter: string) =>
  `Target ${quarter}: yang direncanakan dalam triwulan ini saja. Angka, boleh desimal dengan koma (87,5) atau persen (87,5%). Kosongkan bila tidak ada target pada triwulan ini.`;
const REALIZATION_HELP = (quarter: string) =>
  `Realisasi ${quarter}: yang tercapai dalam triwulan ini saja. Kosongkan sampai triwulan ini dilaporkan; tulis 0 bila memang belum ada. Angka, boleh desimal dengan koma (87,5) atau persen.`;
const WEIGHT_HELP = 'Bobot indikator. Kosongkan semua untuk bobot sama; bila diisi, isi semua baris dan jumlahkan 100.';
const POLARITY_HELP =
  'Maksimal: makin tinggi makin baik (bawaan). Minimal: makin rendah makin baik, misalnya jumlah temuan.';
const AGGREGATION_HELP =
  'Cara menghitung sampai triwulan berjalan. Kumulatif: dijumlah (bawaan). Akhir Periode: nilai terakhir. Rata-rata: dirata-rata.';

export const PROFILE_TAB = {
  name: 'Profil',
  /** Key in column A, value in column B. */
  keys: [
    {
      key: 'officeCode',
      label: 'Kode Satker',
      required: true,
      help: 'Kode Kemendagri satker, misalnya 3573 untuk Kota Malang. Harus sama dengan kode di rekap provinsi.',
    },
    { key: 'officeName', label: 'Nama Satker', required: true, help: 'Nama lengkap, misalnya "Bawaslu Kota Malang".' },
    { key: 'year', label: 'Tahun', required: true, help: 'Tahun anggaran yang dilaporkan, misalnya 2025.' },
  ],
} as const;

export const ACTION_PLAN_TAB = defineTable('Rencana Aksi', {
  no: col.text({ header: 'No', required: false, help: 'Nomor urut (bebas).', width: 4 }),
  area: col.choice(AREA_IDS, AREA_CHOICES, {
    header: 'Bidang',
    required: true,
    help: `Bidang penguatan kelembagaan. Pilih dari daftar: ${AREAS.map((area) => `${area.no} ${area.name}`).join('; ')}. Nomornya saja (1–8) juga diterima.`,
    width: 18,
    wrap: true,
  }),
  activity: col.text({
    header: 'Kegiatan',
    required: true,
    help: 'Kegiatan rencana aksi yang akan dilaksanakan.',
    width: 30,
    wrap: true,
  }),
  output: col.text({
    header: 'Output',
    required: false,
    help: 'Keluaran kegiatan, misalnya "Laporan monitoring".',
    width: 18,
    wrap: true,
  }),
  unit: col.text({
    header: 'Satuan',
    required: false,
    help: 'Satuan target, misalnya dokumen, kegiatan, persen.',
    width: 10,
    wrap: true,
  }),
  ...quarterColumns('Target', 'target', TARGET_HELP),
  ...quarterColumns('Realisasi', 'realization', REALIZATION_HELP),
  responsible: col.text({
    header: 'Penanggung Jawab',
    required: false,
    help: 'Jabatan atau nama penanggung jawab kegiatan.',
    width: 16,
    wrap: true,
  }),
  evidence: col.urls({
    header: 'Bukti Dukung',
    required: true,
    allowBlank: true,
    help: `${URL_HELP} Realisasi hanya dihitung bila ada bukti dukung.`,
    width: 24,
    wrap: true,
  }),
  note: col.text({
    header: 'Keterangan',
    required: false,
    note: true,
    help: 'Catatan tambahan.',
    width: 18,
    wrap: true,
  }),
});

/**
 * The columns IKU and IKI share, from Indikator to Bukti Dukung: the indicator, how it is measured,
 * its targets and realizations per quarter and its evidence. Each tab says whose performance it is.
 */
function indicatorColumns(help: { readonly indicator: string; readonly weight: string }) {
  return {
    indicator: col.text({ header: 'Indikator', required: true, help: help.indicator, width: 30, wrap: true }),
    unit: col.text({
      header: 'Satuan',
      required: false,
      help: 'Satuan, misalnya persen, dokumen.',
      width: 10,
      wrap: true,
    }),
    polarity: col.choice(['maksimal', 'minimal'], POLARITY, {
      header: 'Polaritas',
      required: false,
      help: POLARITY_HELP,
      width: 12,
    }),
    aggregation: col.choice(['kumulatif', 'akhir-periode', 'rata-rata'], AGGREGATION, {
      header: 'Sifat',
      required: false,
      help: AGGREGATION_HELP,
      width: 12,
      wrap: true,
    }),
    weight: col.number({ header: 'Bobot', required: false, help: help.weight, width: 8 }),
    ...quarterColumns('Target', 'target', TARGET_HELP),
    ...quarterColumns('Realisasi', 'realization', REALIZATION_HELP),
    evidence: col.urls({ header: 'Bukti Dukung', required: false, help: URL_HELP, width: 24, wrap: true }),
  };
}

export const IKU_TAB = defineTable('IKU', {
  code: col.text({
    header: 'Kode',
    required: true,
    help: 'Kode unik indikator, misalnya IKU-01. Dipakai kolom "Kode IKU" di tab IKI.',
    width: 10,
  }),
  goal: col.text({
    header: 'Sasaran',
    required: false,
    help: 'Sasaran strategis yang diukur.',
    width: 24,
    wrap: true,
  }),
  ...indicatorColumns({ indicator: 'Rumusan indikator kinerja unit.', weight: WEIGHT_HELP }),
});

export const IKI_TAB = defineTable('IKI', {
  nip: col.nip({
    header: 'NIP',
    required: true,
    help: "NIP 18 digit, ditulis sebagai teks (awali dengan tanda petik ' bila perlu). Spasi boleh: 19870315 201012 1 001.",
    width: 22,
  }),
  name: col.text({ header: 'Nama', required: true, help: 'Nama pegawai.', width: 20, wrap: true }),
  position: col.text({
    header: 'Jabatan',
    required: false,
    help: 'Jabatan pegawai, dipilih dari daftar jabatan di tab Anjab.',
    width: 18,
    wrap: true,
    listFrom: { tab: 'Anjab', key: 'job' },
  }),
  ikuCode: col.text({
    header: 'Kode IKU',
    required: true,
    help: 'Kode IKU di tab IKU yang didukung indikator ini (penurunan IKU ke IKI), dipilih dari daftar.',
    width: 10,
    listFrom: { tab: 'IKU', key: 'code' },
  }),
  ...indicatorColumns({
    indicator: 'Rumusan indikator kinerja individu.',
    weight: `${WEIGHT_HELP} Bobot dihitung per pegawai.`,
  }),
});

export const JOBS_TAB = defineTable('Anjab', {
  job: col.text({
    header: 'Jabatan',
    required: true,
    help: 'Nama jabatan, sama persis dengan yang dipakai di tab ABK.',
    width: 36,
    wrap: true,
  }),
  jobType: col.text({
    header: 'Jenis Jabatan',
    required: false,
    help: 'Pilih dari daftar: Struktural, Fungsional atau Pelaksana.',
    width: 16,
    suggestions: JOB_TYPES,
  }),
  staff: col.integer({
    header: 'Pegawai Ada',
    required: true,
    help: 'Jumlah pegawai yang saat ini menduduki jabatan ini (bilangan bulat ≥ 0).',
    width: 12,
  }),
});

export const WORKLOAD_TAB = defineTable('ABK', {
  job: col.text({
    header: 'Jabatan',
    required: true,
    help: 'Nama jabatan, dipilih dari daftar jabatan di tab Anjab.',
    width: 30,
    wrap: true,
    listFrom: { tab: 'Anjab', key: 'job' },
  }),
  task: col.text({ header: 'Uraian Tugas', required: true, help: 'Uraian tugas jabatan.', width: 40, wrap: true }),
  resultUnit: col.text({
    header: 'Satuan Hasil',
    required: false,
    help: 'Satuan hasil kerja, misalnya laporan, dokumen.',
    width: 14,
    wrap: true,
  }),
  volume: col.number({
    header: 'Beban Kerja',
    required: true,
    help: 'Volume hasil kerja dalam setahun (angka ≥ 0).',
    width: 12,
  }),
  minutesPerUnit: col.positive({
    header: 'Norma Waktu',
    required: true,
    help: 'Waktu penyelesaian per satuan hasil, dalam menit (angka > 0).',
    width: 12,
  }),
});

export const STAGES_TAB = defineTable('Tahapan', {
  stage: col.choice(['1', '2', '3', '4'], STAGE_NUMBER, {
    header: 'Tahap',
    required: true,
    help: 'Tahap 1–4 penguatan kelembagaan.',
    width: 8,
  }),
  step: col.text({ header: 'Langkah', required: true, help: 'Langkah dalam tahap ini.', width: 48, wrap: true }),
  status: col.choice(['belum', 'proses', 'selesai'], STAGE_STATUS, {
    header: 'Status',
    required: true,
    help: 'Belum, Proses atau Selesai. Selesai perlu tanggal dan bukti dukung.',
    width: 12,
  }),
  finishedOn: col.date({
    header: 'Tanggal Selesai',
    required: false,
    help: 'Tanggal selesai, misalnya 15/08/2025.',
    width: 16,
  }),
  evidence: col.urls({ header: 'Bukti Dukung', required: false, help: URL_HELP, width: 36, wrap: true }),
});

/** The steps the template pre-fills in Tahapan (docs/SPEC.md §3, the Kota Malang pilot). */
export const STANDARD_STEPS: readonly { stage: 1 | 2 | 3 | 4; step: string }[] = [
  { stage: 1, step: 'Pembentukan tim pelaksana' },
  { stage: 1, step: 'Rapat penyepakatan ruang lingkup, target dan jadwal' },
  { stage: 1, step: 'Inventarisasi data SDM dan dokumen kelembagaan' },
  { stage: 2, step: 'Pemetaan regulasi' },
  { stage: 2, step: 'Analisis jabatan' },
  { stage: 2, step: 'Analisis beban kerja' },
  { stage: 3, step: 'Penyusunan IKU' },
  { stage: 3, step: 'Penyusunan IKI' },
  { stage: 4, step: 'Penyusunan instrumen monitoring dan evaluasi' },
  { stage: 4, step: 'Pelaksanaan monitoring dan evaluasi' },
];

export const STAGE_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Konsolidasi internal dan perencanaan',
  2: 'Pemetaan regulasi, jabatan dan beban kerja',
  3: 'Penyusunan IKU dan IKI',
  4: 'Instrumen monitoring dan evaluasi',
};

/** The six data tabs in workbook order; Profil comes first and Hasil Validasi last. */
export const DATA_TABS = [ACTION_PLAN_TAB, IKU_TAB, IKI_TAB, JOBS_TAB, WORKLOAD_TAB, STAGES_TAB] as const;

/**
 * The tab monev writes into each office workbook (docs/SPEC.md §5): SPEC's Tab, Sel, Tingkat, Kode, Pesan,
 * with Konteks beside the cell so an operator sees which activity, person or indicator a row is about,
 * and `Tambahan Nilai`, the finding's gain (docs/SPEC.md §8): index points the office gains when that
 * row is put right; blank for findings not about one row. Widths are in characters; `wrap` columns
 * hold prose and set the row heights.
 */
/**
 * Hasil Validasi (docs/SPEC.md §5): a title block (office, period, index, deadline, contact, when it was
 * checked), then the table. SPEC's columns Tab, Sel, Tingkat, Kode, Pesan keep their order; `Masalah` is
 * the kind of problem in Indonesian for the operator, and the machine code `Kode` is hidden beside it
 * (still there for filters, scripts and the provincial team).
 */
export const FEEDBACK_TAB = {
  name: 'Hasil Validasi',
  headers: ['Tab', 'Sel', 'Konteks', 'Tingkat', 'Masalah', 'Kode', 'Pesan', 'Tambahan Nilai'],
  widths: [13, 16, 30, 12, 22, 20, 70, 14],
  wrap: [false, false, true, false, true, false, true, false],
  hidden: [false, false, false, false, false, true, false, false],
  levels: { error: 'Kesalahan', warning: 'Peringatan' },
} as const;

export type ActionPlanRow = ReturnType<typeof ACTION_PLAN_TAB.row.parse>;
export type IkuRow = ReturnType<typeof IKU_TAB.row.parse>;
export type IkiRow = ReturnType<typeof IKI_TAB.row.parse>;
export type JobRow = ReturnType<typeof JOBS_TAB.row.parse>;
export type WorkloadRow = ReturnType<typeof WORKLOAD_TAB.row.parse>;
export type StageRow = ReturnType<typeof STAGES_TAB.row.parse>;
