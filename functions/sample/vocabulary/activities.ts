import type { AreaId } from '../../../sheets-schema/index.js';

/**
 * Action-plan activities per area, as Bawaslu kabupaten/kota secretariats write them. `schedule`
 * says how the yearly target spreads over the quarters; `perQuarter` is the volume when due.
 */
export type Schedule = 'quarterly' | 'semester' | 'once' | 'first-quarter' | 'last-quarter';

export interface ActivityTemplate {
  readonly activity: string;
  readonly output: string;
  readonly unit: string;
  readonly schedule: Schedule;
  readonly perQuarter: number;
  readonly responsible: readonly string[];
}

const a = (activity: string, output: string, unit: string, schedule: Schedule, perQuarter: number, ...responsible: string[]): ActivityTemplate => ({
  activity, output, unit, schedule, perQuarter, responsible,
});

export const ACTIVITIES: Readonly<Record<AreaId, readonly ActivityTemplate[]>> = {
  'akuntabilitas-keuangan': [
    a('Rekonsiliasi laporan keuangan triwulanan', 'Berita acara rekonsiliasi', 'dokumen', 'quarterly', 1, 'Pengelola Keuangan', 'Koordinator Sekretariat'),
    a('Penyusunan laporan realisasi anggaran', 'Laporan realisasi anggaran', 'laporan', 'quarterly', 1, 'Pengelola Keuangan', 'Bendahara Pengeluaran'),
    a('Verifikasi surat pertanggungjawaban belanja', 'SPJ terverifikasi', 'berkas', 'quarterly', 3, 'Bendahara Pengeluaran'),
    a('Monitoring tindak lanjut rekomendasi hasil pemeriksaan', 'Laporan monitoring tindak lanjut', 'laporan', 'semester', 1, 'Kepala Sekretariat', 'Pengelola Keuangan'),
    a('Penyusunan revisi DIPA dan POK', 'Dokumen revisi anggaran', 'dokumen', 'once', 1, 'Pengelola Keuangan'),
    a('Inventarisasi dan pelaporan barang milik negara', 'Laporan BMN', 'laporan', 'semester', 1, 'Pengelola Barang Milik Negara'),
    a('Reviu internal laporan keuangan semesteran', 'Catatan hasil reviu', 'dokumen', 'semester', 1, 'Koordinator Sekretariat'),
  ],
  'informasi-hukum-ppid': [
    a('Pemutakhiran daftar informasi publik', 'Daftar informasi publik mutakhir', 'dokumen', 'semester', 1, 'Analis Hukum', 'Pranata Hubungan Masyarakat'),
    a('Penyusunan laporan layanan informasi publik', 'Laporan layanan PPID', 'laporan', 'quarterly', 1, 'Analis Hukum'),
    a('Publikasi produk hukum pada laman JDIH', 'Produk hukum terunggah', 'dokumen', 'quarterly', 3, 'Analis Hukum', 'Pranata Komputer'),
    a('Uji konsekuensi informasi yang dikecualikan', 'Berita acara uji konsekuensi', 'dokumen', 'once', 1, 'Analis Hukum'),
    a('Sosialisasi layanan informasi publik kepada masyarakat', 'Kegiatan sosialisasi', 'kegiatan', 'semester', 1, 'Pranata Hubungan Masyarakat'),
    a('Penyusunan kajian hukum hasil pengawasan', 'Dokumen kajian hukum', 'dokumen', 'semester', 1, 'Analis Hukum'),
    a('Pendampingan penyelesaian sengketa informasi', 'Laporan pendampingan', 'laporan', 'once', 1, 'Analis Hukum', 'Koordinator Sekretariat'),
  ],
  'hubungan-kelembagaan': [
    a('Rapat koordinasi dengan pemerintah daerah dan Forkopimda', 'Notulen rapat koordinasi', 'kegiatan', 'quarterly', 1, 'Kepala Sekretariat'),
    a('Penandatanganan nota kesepahaman dengan perguruan tinggi', 'Naskah kerja sama', 'dokumen', 'once', 1, 'Kepala Sekretariat', 'Koordinator Sekretariat'),
    a('Audiensi dengan organisasi masyarakat sipil', 'Laporan audiensi', 'kegiatan', 'semester', 1, 'Koordinator Sekretariat'),
    a('Publikasi kegiatan kelembagaan di media massa', 'Berita terbit', 'berita', 'quarterly', 3, 'Pranata Hubungan Masyarakat'),
    a('Pengelolaan media sosial resmi', 'Konten media sosial', 'konten', 'quarterly', 12, 'Pranata Hubungan Masyarakat', 'Pranata Komputer'),
    a('Penyelenggaraan temu media', 'Kegiatan temu media', 'kegiatan', 'once', 1, 'Pranata Hubungan Masyarakat'),
  ],
  'pengolahan-data': [
    a('Pemutakhiran basis data hasil pengawasan', 'Basis data mutakhir', 'dokumen', 'quarterly', 1, 'Pranata Komputer', 'Penata Kelola Pemilu'),
    a('Penyusunan dasbor data pengawasan', 'Dasbor data pengawasan', 'aplikasi', 'once', 1, 'Pranata Komputer'),
    a('Digitalisasi arsip dokumen pengawasan', 'Arsip digital', 'berkas', 'quarterly', 40, 'Arsiparis', 'Pranata Komputer'),
    a('Validasi data penanganan pelanggaran', 'Rekap data tervalidasi', 'dokumen', 'quarterly', 1, 'Penata Kelola Pemilu'),
    a('Pelatihan pengolahan data bagi pegawai', 'Kegiatan pelatihan', 'kegiatan', 'once', 1, 'Pranata Komputer'),
    a('Penyusunan buku data pengawasan tahunan', 'Buku data pengawasan', 'dokumen', 'last-quarter', 1, 'Penata Kelola Pemilu'),
  ],
  'literasi-demokrasi': [
    a('Sekolah kader pengawasan partisipatif', 'Kegiatan sekolah kader', 'kegiatan', 'once', 1, 'Penata Kelola Pemilu', 'Koordinator Sekretariat'),
    a('Sosialisasi pengawasan partisipatif bagi pemilih pemula', 'Kegiatan sosialisasi', 'kegiatan', 'quarterly', 1, 'Penata Kelola Pemilu'),
    a('Pembinaan kampung pengawasan partisipatif', 'Desa binaan', 'desa', 'semester', 1, 'Penata Kelola Pemilu'),
    a('Diskusi publik evaluasi pemilihan', 'Kegiatan diskusi publik', 'kegiatan', 'semester', 1, 'Koordinator Sekretariat'),
    a('Penyusunan modul literasi demokrasi', 'Modul literasi demokrasi', 'dokumen', 'once', 1, 'Penata Kelola Pemilu'),
    a('Kunjungan edukasi ke sekolah dan kampus', 'Kegiatan kunjungan', 'kegiatan', 'quarterly', 2, 'Pranata Hubungan Masyarakat'),
  ],
  'tata-kelola-internal': [
    a('Penyusunan standar operasional prosedur kesekretariatan', 'SOP ditetapkan', 'dokumen', 'semester', 2, 'Koordinator Sekretariat'),
    a('Pembaruan peta proses bisnis', 'Peta proses bisnis', 'dokumen', 'once', 1, 'Koordinator Sekretariat'),
    a('Penyusunan register risiko dan rencana pengendalian', 'Register risiko', 'dokumen', 'first-quarter', 1, 'Kepala Sekretariat'),
    a('Pemantauan pengendalian intern', 'Laporan pemantauan SPIP', 'laporan', 'quarterly', 1, 'Koordinator Sekretariat'),
    a('Penataan arsip dinamis', 'Daftar arsip aktif', 'dokumen', 'quarterly', 1, 'Arsiparis', 'Pengadministrasi Perkantoran'),
    a('Evaluasi pelaksanaan SOP', 'Laporan evaluasi SOP', 'laporan', 'semester', 1, 'Koordinator Sekretariat'),
  ],
  'modernisasi-birokrasi': [
    a('Penerapan tanda tangan elektronik pada naskah dinas', 'Naskah dinas elektronik', 'dokumen', 'quarterly', 20, 'Pengadministrasi Perkantoran', 'Pranata Komputer'),
    a('Implementasi aplikasi persuratan elektronik', 'Laporan implementasi aplikasi', 'laporan', 'semester', 1, 'Pranata Komputer'),
    a('Pembangunan zona integritas', 'Dokumen pembangunan zona integritas', 'dokumen', 'semester', 1, 'Kepala Sekretariat'),
    a('Survei kepuasan layanan', 'Laporan survei kepuasan', 'laporan', 'semester', 1, 'Pranata Hubungan Masyarakat'),
    a('Penerapan layanan pengaduan daring', 'Kanal pengaduan daring aktif', 'layanan', 'once', 1, 'Pranata Komputer'),
    a('Pelatihan literasi digital pegawai', 'Kegiatan pelatihan', 'kegiatan', 'once', 1, 'Pranata Komputer'),
  ],
  'kinerja-kelembagaan': [
    a('Penyusunan perjanjian kinerja dan rencana aksi', 'Dokumen perjanjian kinerja', 'dokumen', 'first-quarter', 1, 'Kepala Sekretariat'),
    a('Pengukuran capaian kinerja triwulanan', 'Laporan capaian kinerja', 'laporan', 'quarterly', 1, 'Koordinator Sekretariat'),
    a('Penyusunan laporan kinerja instansi pemerintah', 'Dokumen LKjIP', 'dokumen', 'first-quarter', 1, 'Koordinator Sekretariat'),
    a('Evaluasi capaian IKU dan IKI', 'Laporan evaluasi kinerja', 'laporan', 'quarterly', 1, 'Kepala Sekretariat'),
    a('Rapat evaluasi kinerja pimpinan', 'Notulen rapat evaluasi', 'kegiatan', 'quarterly', 1, 'Kepala Sekretariat'),
    a('Penilaian sasaran kinerja pegawai', 'Dokumen SKP', 'dokumen', 'semester', 1, 'Koordinator Sekretariat', 'Pengadministrasi Perkantoran'),
  ],
};
