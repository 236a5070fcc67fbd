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
    expected: { projected: number; atRisk: boolean; needed: number } | null;
  }[] = [
    {
      // R 20 + 25 = 45 over 2 quarters → 90 for the year; T year 100 → 90. Needed: 100 − 45 = 55.
      name: 'Kumulatif Maksimal: R × 4/k against Σ targets',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [20, 25]),
      expected: { projected: 90, atRisk: true, needed: 55 },
    },
    {
      // R 40 · 3 = 120 → 160 for the year; T 100 → 160, capped at 120. Needed 100 − 120 < 0 → floored at 0.
      name: 'Kumulatif ahead of pace: capped at 120, nothing more needed',
      period: '2025-TW3',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], [40, 40, 40]),
      expected: { projected: 120, atRisk: false, needed: 0 },
    },
    {
      // Minimal, R 6 in one quarter → 24 a year; T 5·4 = 20 → 100·(40 − 24)/20 = 80. At most 20 − 6 = 14 more.
      name: 'Kumulatif Minimal: more than the pace allows',
      period: '2025-TW1',
      input: iku('Kumulatif', 'Minimal', [5, 5, 5, 5], [6]),
      expected: { projected: 80, atRisk: true, needed: 14 },
    },
    {
      // Minimal, R 24 by TW III → 32 a year; 100·(40 − 32)/20 = 40. The ceiling is already passed: 20 − 24 = −4.
      name: 'Kumulatif Minimal past its ceiling: needed is negative',
      period: '2025-TW3',
      input: iku('Kumulatif', 'Minimal', [5, 5, 5, 5], [8, 8, 8]),
      expected: { projected: 40, atRisk: true, needed: -4 },
    },
    {
      // Latest R 70 (TW II) and latest T 70 (TW III): on plan. 70 × 80/70 = 80 against the TW IV target
      // 80 → 100, not at risk (SPEC v2 said 87,5 and flagged it). TW IV needs 80.
      name: 'Akhir Periode Maksimal on plan stays on plan (v3: relative to plan)',
      period: '2025-TW3',
      input: iku('Akhir Periode', 'Maksimal', [50, 60, 70, 80], [55, 70, undefined]),
      expected: { projected: 100, atRisk: false, needed: 80 },
    },
    {
      // Latest R 63 against latest T 70: 90 % of plan → 63 × 80/70 = 72 against 80 → 90, at risk.
      name: 'Akhir Periode Maksimal behind plan',
      period: '2025-TW3',
      input: iku('Akhir Periode', 'Maksimal', [50, 60, 70, 80], [50, 60, 63]),
      expected: { projected: 90, atRisk: true, needed: 80 },
    },
    {
      // Latest R 9 against latest T 11, Minimal → 9 × 10/11 = 8,1818… against 10 → 100·(20 − 8,18…)/10
      // = 118,18…; TW IV may reach at most 10.
      name: 'Akhir Periode Minimal',
      period: '2025-TW2',
      input: iku('Akhir Periode', 'Minimal', [12, 11, 10, 10], [12, 9]),
      expected: { projected: (100 * (20 - 90 / 11)) / 10, atRisk: false, needed: 10 },
    },
    {
      // Mean R 85 against mean T so far 85: on plan → 85 × 95/85 = 95 against the year's mean target 95 →
      // 100. Each remaining quarter needs (4 · 95 − 170)/2 = 105.
      name: 'Rata-rata Maksimal on plan (v3: relative to plan)',
      period: '2025-TW2',
      input: iku('Rata-rata', 'Maksimal', [80, 90, 100, 110], [80, 90]),
      expected: { projected: 100, atRisk: false, needed: 105 },
    },
    {
      // Mean R 76,5 against mean T 85 (90 % of plan) → 76,5 × 95/85 = 85,5 against 95 → 90, at risk.
      // Needed (380 − 153)/2 = 113,5.
      name: 'Rata-rata Maksimal behind plan',
      period: '2025-TW2',
      input: iku('Rata-rata', 'Maksimal', [80, 90, 100, 110], [72, 81]),
      expected: { projected: 90, atRisk: true, needed: 113.5 },
    },
    {
      // Mean R 3, mean T so far (4 + 4)/2 = 4 (blank TW II left out), year mean 4 → 3 × 4/4 = 3, Minimal →
      // 100·(8 − 3)/4 = 125 → 120. TW IV may bring at most (16 − 9)/1 = 7.
      name: 'Rata-rata Minimal, a blank target left out of the mean',
      period: '2025-TW3',
      input: iku('Rata-rata', 'Minimal', [4, undefined, 4, 4], [3, 3, 3]),
      expected: { projected: 120, atRisk: false, needed: 7 },
    },
    {
      // Nothing reported counts as R 0 → 0; the whole year's 100 is still needed.
      name: 'no realization yet: R counts 0',
      period: '2025-TW2',
      input: iku('Kumulatif', 'Maksimal', [25, 25, 25, 25], []),
      expected: { projected: 0, atRisk: true, needed: 100 },
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
      const outlook = result.outlook;
      if (expected === null) expect(outlook).toEqual([]);
      else {
        expect(outlook).toHaveLength(1);
        expect(outlook[0]?.code).toBe('IKU-01');
        expect(outlook[0]?.projected).toBeCloseTo(expected.projected, 9);
        expect(outlook[0]?.atRisk).toBe(expected.atRisk);
        expect(outlook[0]?.needed).toBeCloseTo(expected.needed, 9);
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
