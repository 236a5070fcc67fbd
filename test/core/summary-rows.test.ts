import { describe, expect, it } from 'vitest';
import type { OfficeResult } from '../../functions/core/scoring/office.js';
import type { ComponentKey } from '../../sheets-schema/index.js';
import { summaryRemark, trendRecords } from '../../functions/core/summary-rows.js';
import { score, tableRowsWithout } from '../helpers/scoring.js';
import { HEADERS, profile } from '../helpers/workbook.js';

/** The Tren tab (issue 12): office × period index from the Rekap rows of earlier runs and this run's. */
describe('trendRecords', () => {
  it('one row per office, one column per period in time order, this run winning over older rows', () => {
    const earlier = [
      { Periode: '2025-TW2', Kode: '3573', Nama: 'Bawaslu Kota Malang', Indeks: 90.5 },
      { Periode: '2025-TW1', Kode: '3573', Nama: 'Bawaslu Kota Malang', Indeks: 80 },
      { Periode: '2025-TW3', Kode: '3573', Nama: 'Bawaslu Kota Malang', Indeks: 1 },
      { Periode: '2025-TW2', Kode: '3507', Nama: 'Bawaslu Kabupaten Malang', Indeks: null },
    ];
    const current = [
      { Periode: '2025-TW3', Kode: '3573', Nama: 'Bawaslu Kota Malang', Indeks: 97.5 },
      { Periode: '2025-TW3', Kode: '3507', Nama: '=HYPERLINK("x")', Indeks: 70.25 },
    ];
    expect(trendRecords(earlier, current)).toEqual({
      headers: ['Kode', 'Nama', '2025-TW1', '2025-TW2', '2025-TW3'],
      records: [
        // An unscored period is blank; a name that looks like a formula is kept inert.
        { Kode: '3507', Nama: `'=HYPERLINK("x")`, '2025-TW1': null, '2025-TW2': null, '2025-TW3': 70.25 },
        { Kode: '3573', Nama: 'Bawaslu Kota Malang', '2025-TW1': 80, '2025-TW2': 90.5, '2025-TW3': 97.5 },
      ],
    });
  });
});

/**
 * Rekap's Keterangan (SPEC v3 §5): why an office is unscored, or which component is 0 for want of data, in
 * the words of the office's report; blank for an office whose components all read.
 */
describe('summaryRemark', () => {
  // `zero`: the components the remark names, which must indeed be 0.
  const cases: { name: string; office: () => OfficeResult; expected: string | null; zero?: ComponentKey[] }[] = [
    { name: 'the default office, every tab readable', office: () => score(), expected: null },
    {
      name: 'IKU tab missing',
      office: () => score({ IKU: null }),
      expected: 'IKU 0 karena tab IKU tidak ditemukan.',
      zero: ['iku'],
    },
    {
      name: 'Rencana Aksi without its Bukti Dukung column, Tahapan empty',
      office: () =>
        score({
          'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') },
          Tahapan: { rows: [HEADERS.Tahapan] },
        }),
      expected:
        'Rencana Aksi 0 karena kolom wajib di tab Rencana Aksi tidak lengkap; Tahapan 0 karena tab Tahapan belum berisi data.',
      zero: ['actionPlan', 'stages'],
    },
    {
      name: 'unscored: the Profil names another office',
      office: () => score({ Profil: profile({ code: '3507' }) }),
      expected: 'Tidak dinilai: Kode Satker di Profil berisi "3507", padahal file ini terdaftar untuk satker 3573.',
    },
  ];
  for (const { name, office, expected } of cases)
    it(name, () => {
      const result = office();
      expect(summaryRemark(result)).toBe(expected);
      if (expected?.includes(' 0 karena '))
        expect(result.scores.actionPlan === 0 || result.scores.iku === 0).toBe(true);
    });
});
