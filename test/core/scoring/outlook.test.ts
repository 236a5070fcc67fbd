import { describe, expect, it } from 'vitest';
import { realizations, targets, type CellInput, type Row } from '../../helpers/workbook.js';
import { ind, score } from '../../helpers/scoring.js';

/** docs/SPEC.md §8 outlook of functions/core/scoring/outlook.ts; numbers worked out by hand, per Sifat and polarity. */

describe('outlook (Peringatan dini)', () => {
  const iku = (sifat: CellInput, polaritas: CellInput, t: CellInput[], r: CellInput[]): Row => ({
    Kode: 'IKU-01',
    Indikator: ind,
    Sifat: sifat,
    Polaritas: polaritas,
    ...targets(...t),
    ...realizations(...r),
  });
  const cases: {
    name: string;
    period: string;
    input: Row;
    expected: { projected: number; atRisk: boolean } | null;
  }[] = [
    {
      // R 20 + 25 = 45 over 2 quarters → 90 for the year; T year 100 → 90.
      name: 'Kumulatif Maksimal: R × 4/k against Σ targets',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [20, 25]),
      expected: { projected: 90, atRisk: true },
    },
    {
      // R 30 + 30 + 30 = 90 → 120; T 100 → 120 (at the cap).
      name: 'Kumulatif ahead of pace: capped at 120',
      period: '2025-TW3',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [30, 30, 40]),
      expected: { projected: 120, atRisk: false },
    },
    {
      // Minimal, R 6 in one quarter → 24 a year; T 5·4 = 20 → 100·(40 − 24)/20 = 80.
      name: 'Kumulatif Minimal: more than the pace allows',
      period: '2025-TW1',
      input: iku('Kumulatif', 'Minimal', [5, 5, 5, 5], [6]),
      expected: { projected: 80, atRisk: true },
    },
    {
      // Latest R 70 (TW II) against the TW IV target 80 → 87,5.
      name: 'Akhir Periode Maksimal: latest R against the TW IV target',
      period: '2025-TW3',
      input: iku('Akhir Periode', 'Maksimal', [50, 60, 70, 80], [55, 70, undefined]),
      expected: { projected: 87.5, atRisk: true },
    },
    {
      // Latest R 9 against the TW IV target 10, Minimal → 100·(20 − 9)/10 = 110.
      name: 'Akhir Periode Minimal',
      period: '2025-TW2',
      input: iku('Akhir Periode', 'Minimal', [12, 11, 10, 10], [12, 9]),
      expected: { projected: 110, atRisk: false },
    },
    {
      // Mean R (80 + 90)/2 = 85 against the mean target (80 + 90 + 100 + 110)/4 = 95 → 89,47…
      name: 'Rata-rata Maksimal: mean R against the mean of the year’s targets',
      period: '2025-TW2',
      input: iku('Rata-rata', 'Maksimal', [80, 90, 100, 110], [80, 90]),
      expected: { projected: (100 * 85) / 95, atRisk: true },
    },
    {
      // Mean R 3 against mean target 4 (blank TW II left out: (4 + 4 + 4)/3), Minimal → 100·(8 − 3)/4 = 125 → 120.
      name: 'Rata-rata Minimal, a blank target left out of the mean',
      period: '2025-TW3',
      input: iku('Rata-rata', 'Minimal', [4, undefined, 4, 4], [3, 3, 3]),
      expected: { projected: 120, atRisk: false },
    },
    {
      // Nothing reported counts as R 0 → 0.
      name: 'no realization yet: R counts 0',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], []),
      expected: { projected: 0, atRisk: true },
    },
    {
      name: 'no TW IV target: left out',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, undefined], [25, 25]),
      expected: null,
    },
    {
      name: 'not due yet at k: left out',
      period: '2025-TW1',
      input: iku('Kumulatif', 'Maksimal', [undefined, 25, 25, 25], []),
      expected: null,
    },
    {
      name: 'TW IV: the year is over, outlook empty',
      period: '2025-TW4',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [10, 10, 10, 10]),
      expected: null,
    },
    {
      name: 'a row in error is left out',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [20, 'dua puluh']),
      expected: null,
    },
  ];
  for (const { name, period, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKU: [input] }, { period });
      const outlook = result.outlook.map((row) => ({ code: row.code, projected: row.projected, atRisk: row.atRisk }));
      if (expected === null) expect(outlook).toEqual([]);
      else {
        expect(outlook).toHaveLength(1);
        expect(outlook[0]?.code).toBe('IKU-01');
        expect(outlook[0]?.projected).toBeCloseTo(expected.projected, 9);
        expect(outlook[0]?.atRisk).toBe(expected.atRisk);
      }
    });
  }

  it('keeps the IKU tab’s order', () => {
    const rows = ['IKU-03', 'IKU-01', 'IKU-02'].map((code) => ({
      ...iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [25]),
      Kode: code,
    }));
    expect(score({ IKU: rows }, { period: '2025-TW1' }).outlook.map((row) => row.code)).toEqual([
      'IKU-03',
      'IKU-01',
      'IKU-02',
    ]);
  });
});
