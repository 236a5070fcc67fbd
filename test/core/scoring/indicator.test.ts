import { describe, expect, it } from 'vitest';
import { band } from '../../../functions/core/report/format.js';
import { CATEGORY_BANDS, category } from '../../../functions/core/scoring/indicator.js';
import { realizations, targets, type CellInput, type Row } from '../../helpers/workbook.js';
import { score, codes, where, expectClose, ind } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/indicator.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('aggregation by Sifat up to quarter k', () => {
  // Targets 10, –, 30, 40 and realizations 5, –, –, 40 (– is blank).
  // Kumulatif sums the non-blank values ≤ k; Akhir Periode takes the last; Rata-rata averages them.
  const row = (sifat: CellInput): Row => ({
    Kode: 'IKU-01',
    Indikator: ind,
    Sifat: sifat,
    ...targets(10, '-', 30, 40),
    ...realizations(5, undefined, ' ', 40),
  });
  const cases: {
    name: string;
    input: { sifat: CellInput; k: number };
    expected: { t: number; r: number; c: number };
  }[] = [
    { name: 'Kumulatif k=1', input: { sifat: 'Kumulatif', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    {
      name: 'Kumulatif k=2 (blank Q2 adds nothing)',
      input: { sifat: 'Kumulatif', k: 2 },
      expected: { t: 10, r: 5, c: 50 },
    },
    { name: 'Kumulatif k=3: T 10+30, R 5', input: { sifat: 'Kumulatif', k: 3 }, expected: { t: 40, r: 5, c: 12.5 } },
    {
      name: 'Kumulatif k=4: T 80, R 45, C 100·45/80',
      input: { sifat: 'Kumulatif', k: 4 },
      expected: { t: 80, r: 45, c: 56.25 },
    },
    { name: 'blank Sifat is Kumulatif', input: { sifat: undefined, k: 4 }, expected: { t: 80, r: 45, c: 56.25 } },
    { name: 'Akhir Periode k=1', input: { sifat: 'Akhir Periode', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Akhir Periode k=2 keeps Q1', input: { sifat: 'Akhir Periode', k: 2 }, expected: { t: 10, r: 5, c: 50 } },
    {
      name: 'Akhir Periode k=3: T 30, R still 5, C 100·5/30',
      input: { sifat: 'Akhir Periode', k: 3 },
      expected: { t: 30, r: 5, c: 50 / 3 },
    },
    { name: 'Akhir Periode k=4', input: { sifat: 'Akhir Periode', k: 4 }, expected: { t: 40, r: 40, c: 100 } },
    { name: 'Rata-rata k=1', input: { sifat: 'Rata-rata', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Rata-rata k=2 ignores the blank', input: { sifat: 'Rata-rata', k: 2 }, expected: { t: 10, r: 5, c: 50 } },
    {
      name: 'Rata-rata k=3: T (10+30)/2 = 20, C 25',
      input: { sifat: 'Rata-rata', k: 3 },
      expected: { t: 20, r: 5, c: 25 },
    },
    // T = 80/3, R = 45/2 = 22,5, C = 100 · 22,5 · 3/80 = 84,375.
    { name: 'Rata-rata k=4', input: { sifat: 'Rata-rata', k: 4 }, expected: { t: 80 / 3, r: 22.5, c: 84.375 } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKU: [row(input.sifat)] }, { period: `2025-TW${input.k}` });
      const [detail] = result.details.iku;
      expectClose(detail?.target, expected.t);
      expectClose(detail?.realization, expected.r);
      expectClose(detail?.achievement ?? null, expected.c);
      expectClose(result.scores.iku, expected.c);
    });
  }
  it('T undefined when every target up to k is blank: not due, IKU null', () => {
    const result = score(
      { IKU: [{ Kode: 'IKU-01', Indikator: ind, Sifat: 'Rata-rata', ...targets(undefined, '-', 30, 40) }] },
      { period: '2025-TW2' },
    );
    expect(result.details.iku[0]).toMatchObject({ due: false, target: null, realization: null });
    expect(result.scores.iku).toBeNull();
  });
});

describe('polarity, cap and category', () => {
  // One row, T and R in quarter I, scored at k = 1; the IKU component is min(100, the row).
  const cases: {
    name: string;
    input: { polarity: CellInput; t: number; r: number };
    expected: { c: number; scored: number; iku: number };
  }[] = [
    {
      name: 'Maksimal 100·60/80',
      input: { polarity: 'Maksimal', t: 80, r: 60 },
      expected: { c: 75, scored: 75, iku: 75 },
    },
    {
      name: 'blank Polaritas is Maksimal',
      input: { polarity: undefined, t: 80, r: 60 },
      expected: { c: 75, scored: 75, iku: 75 },
    },
    {
      name: 'Maksimal over target: C 125 capped to 120, component to 100',
      input: { polarity: 'Maksimal', t: 80, r: 100 },
      expected: { c: 125, scored: 120, iku: 100 },
    },
    { name: 'Maksimal R = 0', input: { polarity: 'Maksimal', t: 80, r: 0 }, expected: { c: 0, scored: 0, iku: 0 } },
    {
      name: 'Minimal below target: 100·(20−5)/10 = 150',
      input: { polarity: 'Minimal', t: 10, r: 5 },
      expected: { c: 150, scored: 120, iku: 100 },
    },
    {
      name: 'Minimal above target: 100·(20−12)/10',
      input: { polarity: 'minimal', t: 10, r: 12 },
      expected: { c: 80, scored: 80, iku: 80 },
    },
    { name: 'Minimal R = 2T', input: { polarity: 'Minimal', t: 10, r: 20 }, expected: { c: 0, scored: 0, iku: 0 } },
    {
      name: 'Minimal R > 2T is not negative',
      input: { polarity: 'Minimal', t: 10, r: 25 },
      expected: { c: 0, scored: 0, iku: 0 },
    },
    {
      name: 'Minimal T = 0, R = 0',
      input: { polarity: 'Minimal', t: 0, r: 0 },
      expected: { c: 100, scored: 100, iku: 100 },
    },
    { name: 'Minimal T = 0, R > 0', input: { polarity: 'Minimal', t: 0, r: 3 }, expected: { c: 0, scored: 0, iku: 0 } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score(
        {
          IKU: [
            {
              Kode: 'IKU-01',
              Indikator: ind,
              Polaritas: input.polarity,
              ...targets(input.t),
              ...realizations(input.r),
            },
          ],
        },
        { period: '2025-TW1' },
      );
      expect(result.details.iku[0]).toMatchObject({ due: true, achievement: expected.c, scored: expected.scored });
      expect(result.scores.iku).toBe(expected.iku);
    });
  }

  // Rows C = 100·100/80 = 125 and C = 100·40/80 = 50: the cap decides the first row's part.
  const capCases: { name: string; input: number; expected: number }[] = [
    { name: 'cap 120: (120 + 50)/2', input: 120, expected: 85 },
    { name: 'cap 110 (Batas Capaian): (110 + 50)/2', input: 110, expected: 80 },
    { name: 'cap 100: (100 + 50)/2', input: 100, expected: 75 },
  ];
  for (const { name, input, expected } of capCases) {
    it(name, () => {
      const rows: Row[] = [
        { Kode: 'IKU-01', Indikator: ind, ...targets(80), ...realizations(100) },
        { Kode: 'IKU-02', Indikator: ind, ...targets(80), ...realizations(40) },
      ];
      expect(score({ IKU: rows }, { period: '2025-TW1', settings: { cap: input } }).scores.iku).toBe(expected);
    });
  }

  const categories: { name: string; input: number; expected: ReturnType<typeof category> }[] = [
    { name: '125', input: 125, expected: 'Sangat Baik' },
    { name: '91', input: 91, expected: 'Sangat Baik' },
    { name: '90,99', input: 90.99, expected: 'Baik' },
    { name: '76', input: 76, expected: 'Baik' },
    { name: '75,99', input: 75.99, expected: 'Cukup' },
    { name: '66', input: 66, expected: 'Cukup' },
    { name: '65,99', input: 65.99, expected: 'Kurang' },
    { name: '51', input: 51, expected: 'Kurang' },
    { name: '50,99', input: 50.99, expected: 'Sangat Kurang' },
    { name: '0', input: 0, expected: 'Sangat Kurang' },
  ];
  for (const { name, input, expected } of categories)
    it(`category of C = ${name}`, () => expect(category(input)).toBe(expected));

  // Reports colour a score by the band its category names: band-1 is Sangat Baik … band-5 Sangat Kurang.
  const order = CATEGORY_BANDS.map((b) => b.category);
  for (const { name, input, expected } of categories)
    it(`report band of ${name} is ${expected}'s`, () =>
      expect(band(input)).toBe(`band-${order.indexOf(expected) + 1}`));
});

describe('due rows and missing realization', () => {
  it('rows not due are left out of the IKU component', () => {
    // Only the first row is due (C = 100·50/100 = 50); the others have no target, a Maksimal
    // target 0, or a target only in quarter IV at k = 3. Component 50.
    const rows: Row[] = [
      { Kode: 'IKU-01', Indikator: ind, ...targets(100), ...realizations(50) },
      { Kode: 'IKU-02', Indikator: ind, ...realizations(10) },
      { Kode: 'IKU-03', Indikator: ind, ...targets(0), ...realizations(5) },
      { Kode: 'IKU-04', Indikator: ind, ...targets(undefined, undefined, undefined, 100) },
    ];
    const result = score({ IKU: rows });
    expect(result.details.iku.map((r) => r.due)).toEqual([true, false, false, false]);
    expect(result.scores.iku).toBe(50);
    expect(codes(result)).not.toContain('missing-realization');
  });

  // Quarter k's Realisasi column: L, M, N, O for k = 1…4. Row 2 is blank, row 3 achieves 100:
  // the component is (0 + 100)/2 = 50.
  const cases: { name: string; input: number; expected: string }[] = [
    { name: 'k=1 names Realisasi TW I', input: 1, expected: 'IKU!L2' },
    { name: 'k=2 names Realisasi TW II', input: 2, expected: 'IKU!M2' },
    { name: 'k=3 names Realisasi TW III', input: 3, expected: 'IKU!N2' },
    { name: 'k=4 names Realisasi TW IV', input: 4, expected: 'IKU!O2' },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const rows: Row[] = [
        { Kode: 'IKU-01', Indikator: ind, ...targets(10, 10, 10, 10) },
        { Kode: 'IKU-02', Indikator: ind, ...targets(10, 10, 10, 10), ...realizations(10, 10, 10, 10) },
      ];
      const result = score({ IKU: rows }, { period: `2025-TW${input}` });
      expect(where(result, 'missing-realization')).toEqual([[expected, 'warning']]);
      expect(result.details.iku[0]).toMatchObject({ due: true, achievement: 0, scored: 0 });
      expect(result.scores.iku).toBe(50);
    });
  }
  it('a realization in an earlier quarter is reported: no warning', () => {
    // Kumulatif at k = 3: T = 30, R = 10, C = 33,33…
    const result = score({
      IKU: [{ Kode: 'IKU-01', Indikator: ind, ...targets(10, 10, 10, 10), ...realizations(10) }],
    });
    expect(codes(result)).not.toContain('missing-realization');
    expectClose(result.scores.iku, 100 / 3);
  });
});
