import type { FindingCode } from '../findings.js';

/**
 * The kind of problem each finding code names, in a few Indonesian words, for the operator who reads
 * Hasil Validasi (issue 18 item 5): the code itself (`nip-not-text`) stays in its own column for machines
 * and for the provincial team, but nobody should have to read English codes to know what is wrong.
 * The mapped type makes the compiler insist that every code has a label.
 */
export const FINDING_LABELS: { readonly [C in FindingCode]: string } = {
  'missing-value': 'Isian wajib kosong',
  'invalid-number': 'Bukan angka',
  'negative-number': 'Angka negatif',
  'formula-error': 'Rumus bermasalah',
  'invalid-choice': 'Pilihan tidak dikenal',
  'invalid-date': 'Tanggal tidak terbaca',
  'invalid-url': 'Tautan tidak sah',
  'invalid-nip': 'NIP tidak sah',
  'nip-not-text': 'NIP bukan teks',
  'invalid-weight': 'Bobot tidak sah',
  'duplicate-code': 'Kode ganda',
  'missing-target': 'Target kosong',
  'unknown-iku': 'Kode IKU tidak dikenal',
  'unknown-job': 'Jabatan tidak ada di Anjab',
  'missing-tab': 'Tab tidak ada',
  'missing-column': 'Kolom tidak ada',
  'empty-tab': 'Tab kosong',
  'unreadable-workbook': 'Berkas tidak dapat dibaca',
  'office-code-mismatch': 'Kode satker tidak cocok',
  'year-mismatch': 'Tahun tidak cocok',
  'workbook-too-large': 'Berkas terlalu besar',
  'ambiguous-number': 'Angka bermakna ganda',
  'missing-realization': 'Realisasi belum diisi',
  'missing-evidence': 'Bukti dukung belum ada',
  'weights-not-100': 'Jumlah bobot bukan 100',
  'iku-without-iki': 'IKU tanpa IKI',
  'missing-date': 'Tanggal belum diisi',
  'no-staff': 'Jabatan tanpa pegawai',
  'job-without-tasks': 'Jabatan tanpa uraian tugas',
  'iki-unknown-job': 'Jabatan IKI tidak ada di Anjab',
  'staff-count-mismatch': 'Jumlah pegawai berbeda',
  'invalid-email': 'Alamat surel tidak sah',
  'evidence-unreachable': 'Bukti dukung tidak dapat dibuka',
  'evidence-trashed': 'Bukti dukung di Sampah',
  'evidence-empty': 'Berkas bukti dukung kosong',
  'evidence-shared': 'Bukti dukung dipakai satker lain',
  'evidence-reused': 'Bukti dukung dipakai berulang',
};
