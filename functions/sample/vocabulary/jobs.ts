/**
 * Jobs of a Bawaslu kabupaten/kota secretariat with the tasks their workload analysis (ABK) lists.
 * `minutes` is the usual norma waktu per unit of result; the generator derives yearly volumes so
 * that each job's efficiency (EJ) lands where it wants.
 */
export type JobType = 'Struktural' | 'Fungsional' | 'Pelaksana';

export interface TaskTemplate {
  readonly task: string;
  readonly resultUnit: string;
  readonly minutes: number;
}

export interface JobTemplate {
  readonly job: string;
  readonly jobType: JobType;
  /** Usual number of people holding the job in one office. */
  readonly staff: readonly [number, number];
  readonly tasks: readonly TaskTemplate[];
}

const t = (task: string, resultUnit: string, minutes: number): TaskTemplate => ({ task, resultUnit, minutes });

export const HEAD_OF_SECRETARIAT: JobTemplate = {
  job: 'Kepala Sekretariat',
  jobType: 'Struktural',
  staff: [1, 1],
  tasks: [
    t('Memimpin rapat koordinasi sekretariat', 'kegiatan', 180),
    t('Menandatangani dan mengendalikan naskah dinas', 'dokumen', 15),
    t('Menyusun rencana kerja dan anggaran sekretariat', 'dokumen', 2400),
    t('Mengevaluasi capaian kinerja pegawai', 'laporan', 240),
  ],
};

export const SECRETARIAT_COORDINATOR: JobTemplate = {
  job: 'Koordinator Sekretariat',
  jobType: 'Fungsional',
  staff: [1, 2],
  tasks: [
    t('Mengoordinasikan penyusunan laporan kinerja', 'laporan', 480),
    t('Menyiapkan bahan rapat pimpinan', 'dokumen', 120),
    t('Memantau pelaksanaan rencana aksi', 'laporan', 300),
    t('Menyusun telaahan staf', 'dokumen', 180),
  ],
};

export const OTHER_JOBS: readonly JobTemplate[] = [
  {
    job: 'Analis Hukum',
    jobType: 'Fungsional',
    staff: [1, 2],
    tasks: [
      t('Menyusun kajian hukum', 'dokumen', 960),
      t('Menyusun rancangan keputusan', 'dokumen', 240),
      t('Melayani permohonan informasi publik', 'permohonan', 90),
      t('Mengunggah produk hukum ke JDIH', 'dokumen', 30),
    ],
  },
  {
    job: 'Pengelola Keuangan',
    jobType: 'Pelaksana',
    staff: [1, 2],
    tasks: [
      t('Memverifikasi dokumen pertanggungjawaban', 'berkas', 45),
      t('Menyusun laporan realisasi anggaran', 'laporan', 600),
      t('Melakukan rekonsiliasi data keuangan', 'dokumen', 480),
    ],
  },
  {
    job: 'Bendahara Pengeluaran',
    jobType: 'Pelaksana',
    staff: [1, 1],
    tasks: [
      t('Membukukan transaksi pengeluaran', 'transaksi', 20),
      t('Menyusun laporan pertanggungjawaban bendahara', 'laporan', 480),
      t('Menyetorkan pajak belanja', 'transaksi', 30),
    ],
  },
  {
    job: 'Penata Kelola Pemilu',
    jobType: 'Fungsional',
    staff: [1, 3],
    tasks: [
      t('Menyusun laporan hasil pengawasan', 'laporan', 360),
      t('Memfasilitasi sosialisasi pengawasan partisipatif', 'kegiatan', 960),
      t('Memvalidasi data penanganan pelanggaran', 'berkas', 60),
      t('Menyusun bahan materi pengawasan', 'dokumen', 240),
    ],
  },
  {
    job: 'Pranata Komputer',
    jobType: 'Fungsional',
    staff: [1, 2],
    tasks: [
      t('Memelihara jaringan dan perangkat komputer', 'kegiatan', 120),
      t('Memutakhirkan basis data pengawasan', 'dokumen', 300),
      t('Mengelola laman resmi dan media sosial', 'konten', 45),
    ],
  },
  {
    job: 'Pranata Hubungan Masyarakat',
    jobType: 'Fungsional',
    staff: [1, 1],
    tasks: [
      t('Menyusun siaran pers', 'berita', 120),
      t('Mendokumentasikan kegiatan kelembagaan', 'kegiatan', 180),
      t('Memantau pemberitaan media', 'laporan', 60),
    ],
  },
  {
    job: 'Arsiparis',
    jobType: 'Fungsional',
    staff: [1, 1],
    tasks: [
      t('Menata arsip dinamis', 'berkas', 25),
      t('Mendigitalkan arsip', 'berkas', 15),
      t('Menyusun daftar arsip', 'dokumen', 240),
    ],
  },
  {
    job: 'Pengelola Barang Milik Negara',
    jobType: 'Pelaksana',
    staff: [1, 1],
    tasks: [
      t('Mencatat mutasi barang milik negara', 'transaksi', 30),
      t('Menyusun laporan barang milik negara', 'laporan', 720),
      t('Memeriksa kondisi barang', 'kegiatan', 240),
    ],
  },
  {
    job: 'Pengadministrasi Perkantoran',
    jobType: 'Pelaksana',
    staff: [1, 3],
    tasks: [
      t('Mengagendakan surat masuk dan keluar', 'surat', 10),
      t('Menyiapkan kebutuhan rapat', 'kegiatan', 90),
      t('Mengetik naskah dinas', 'dokumen', 30),
    ],
  },
  {
    job: 'Staf Pelaksana',
    jobType: 'Pelaksana',
    staff: [2, 5],
    tasks: [
      t('Membantu penyiapan kegiatan pengawasan', 'kegiatan', 240),
      t('Menginput data hasil pengawasan', 'berkas', 20),
      t('Menggandakan dan mendistribusikan dokumen', 'dokumen', 15),
    ],
  },
];
