/**
 * Unit indicators (IKU) an office might adopt, each with the individual indicators (IKI) staff
 * cascade from it. Targets are per quarter; null leaves the quarter blank. One indicator is
 * Minimal (fewer is better), as BPK findings are.
 */
export type Polarity = 'Maksimal' | 'Minimal';
export type Aggregation = 'Kumulatif' | 'Akhir Periode' | 'Rata-rata';
export type QuarterTargets = readonly [number | null, number | null, number | null, number | null];

export interface CascadeTemplate {
  readonly indicator: string;
  readonly unit: string;
  readonly targets: QuarterTargets;
}

export interface IndicatorTemplate {
  readonly goal: string;
  readonly indicator: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly aggregation: Aggregation;
  readonly targets: QuarterTargets;
  readonly cascade: readonly CascadeTemplate[];
}

const GOAL_FINANCE = 'Meningkatnya akuntabilitas pengelolaan keuangan';
const GOAL_PERFORMANCE = 'Meningkatnya kinerja kelembagaan';

/** The Minimal indicator every office adopts. */
export const MINIMAL_INDICATOR: IndicatorTemplate = {
  goal: GOAL_FINANCE,
  indicator: 'Jumlah temuan BPK atas laporan keuangan',
  unit: 'temuan',
  polarity: 'Minimal',
  aggregation: 'Akhir Periode',
  targets: [2, 2, 2, 2],
  cascade: [
    {
      indicator: 'Jumlah temuan administrasi keuangan yang belum ditindaklanjuti',
      unit: 'temuan',
      targets: [2, 2, 1, 1],
    },
  ],
};

const m = (
  goal: string,
  indicator: string,
  unit: string,
  aggregation: Aggregation,
  targets: QuarterTargets,
  ...cascade: [string, string, QuarterTargets][]
): IndicatorTemplate => ({
  goal,
  indicator,
  unit,
  polarity: 'Maksimal',
  aggregation,
  targets,
  cascade: cascade.map(([text, cascadeUnit, cascadeTargets]) => ({
    indicator: text,
    unit: cascadeUnit,
    targets: cascadeTargets,
  })),
});

export const MAXIMAL_INDICATORS: readonly IndicatorTemplate[] = [
  m(
    GOAL_FINANCE,
    'Persentase realisasi anggaran',
    'persen',
    'Akhir Periode',
    [20, 45, 70, 95],
    ['Persentase ketepatan waktu penyampaian laporan realisasi anggaran', 'persen', [100, 100, 100, 100]],
    ['Persentase SPJ belanja yang terverifikasi lengkap', 'persen', [90, 92.5, 95, 97.5]],
  ),
  m(
    'Meningkatnya kualitas layanan informasi publik',
    'Persentase permohonan informasi yang diselesaikan tepat waktu',
    'persen',
    'Rata-rata',
    [100, 100, 100, 100],
    ['Persentase permohonan informasi yang dijawab dalam 10 hari kerja', 'persen', [100, 100, 100, 100]],
  ),
  m(
    'Meningkatnya keterbukaan informasi hukum',
    'Jumlah produk hukum yang dipublikasikan di JDIH',
    'dokumen',
    'Kumulatif',
    [6, 6, 6, 6],
    ['Jumlah produk hukum yang diunggah ke laman JDIH', 'dokumen', [3, 3, 3, 3]],
  ),
  m(
    'Meningkatnya partisipasi masyarakat dalam pengawasan',
    'Jumlah kegiatan pengawasan partisipatif',
    'kegiatan',
    'Kumulatif',
    [2, 3, 3, 2],
    ['Jumlah kegiatan sosialisasi pengawasan partisipatif yang dilaksanakan', 'kegiatan', [1, 2, 2, 1]],
    ['Jumlah peserta sekolah kader pengawasan partisipatif', 'orang', [null, 40, 40, null]],
  ),
  m(
    'Terwujudnya tata kelola data pengawasan yang andal',
    'Persentase data hasil pengawasan yang dimutakhirkan',
    'persen',
    'Akhir Periode',
    [25, 50, 75, 100],
    ['Persentase data pengawasan yang divalidasi', 'persen', [25, 50, 75, 100]],
  ),
  m(
    'Terwujudnya tata kelola internal yang efektif',
    'Jumlah SOP yang ditetapkan dan diterapkan',
    'dokumen',
    'Kumulatif',
    [1, 3, 2, 3],
    ['Jumlah rancangan SOP yang disusun', 'dokumen', [1, 2, 1, 2]],
  ),
  m(
    'Meningkatnya kualitas pelayanan publik',
    'Indeks kepuasan masyarakat terhadap layanan',
    'indeks',
    'Akhir Periode',
    [null, 80, null, 82],
    ['Persentase pengaduan layanan yang ditindaklanjuti', 'persen', [100, 100, 100, 100]],
  ),
  m(
    GOAL_PERFORMANCE,
    'Persentase rencana aksi yang terlaksana tepat waktu',
    'persen',
    'Rata-rata',
    [90, 90, 90, 90],
    ['Persentase laporan capaian kinerja yang disampaikan tepat waktu', 'persen', [100, 100, 100, 100]],
  ),
  m(
    GOAL_PERFORMANCE,
    'Jumlah dokumen perencanaan dan pelaporan kinerja',
    'dokumen',
    'Kumulatif',
    [2, 1, 1, 1],
    ['Jumlah dokumen perencanaan kinerja yang disusun', 'dokumen', [1, 1, 1, 1]],
  ),
  m(
    'Meningkatnya kapasitas sumber daya manusia',
    'Persentase pegawai yang mengikuti pengembangan kompetensi',
    'persen',
    'Akhir Periode',
    [25, 50, 75, 100],
    ['Jumlah jam pelatihan yang diikuti', 'jam', [5, 5, 5, 5]],
  ),
  m(
    'Menguatnya hubungan kelembagaan',
    'Jumlah kerja sama kelembagaan yang terlaksana',
    'kegiatan',
    'Kumulatif',
    [1, 1, 1, 1],
    ['Jumlah rapat koordinasi dengan pemangku kepentingan', 'kegiatan', [1, 2, 2, 1]],
  ),
];
