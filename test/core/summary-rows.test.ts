import { describe, expect, it } from 'vitest';
import { trendRecords } from '../../functions/core/summary-rows.js';

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
