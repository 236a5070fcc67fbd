import { describe, expect, it } from 'vitest';
import { realizations, targets, type CellInput, type Row } from '../../helpers/workbook.js';
import { score, where, expectClose, ind } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/iku.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('IKU weights', () => {
  // Row 1: T 80, R 80 → C 100. Row 2: T 80, R 40 → C 50. Row 3 (when present): C 100. k = 1.
  const build = (weights: CellInput[]): Row[] =>
    weights.map((bobot, i) => ({
      Kode: `IKU-0${i + 1}`,
      Indikator: ind,
      Bobot: bobot,
      ...targets(80),
      ...realizations(i === 1 ? 40 : 80),
    }));
  const cases: { name: string; input: CellInput[]; expected: { iku: number; findings: string[][] } }[] = [
    {
      name: 'all blank: equal weights (100 + 50)/2',
      input: [undefined, undefined],
      expected: { iku: 75, findings: [] },
    },
    { name: '70/30: (70·100 + 30·50)/100', input: [70, 30], expected: { iku: 85, findings: [] } },
    { name: '0/100: (0·100 + 100·50)/100', input: [0, 100], expected: { iku: 50, findings: [] } },
    {
      name: '30/10 does not sum to 100: warning, used normalised (3000 + 500)/40',
      input: [30, 10],
      expected: { iku: 87.5, findings: [['weights-not-100', 'IKU!G1', 'warning']] },
    },
    {
      // Row 2 is in error: it scores 0 with max(largest readable 70, 100 − 70): (7000 + 0)/140.
      name: 'one blank among weights: invalid-weight on the blank',
      input: [70, undefined],
      expected: { iku: 50, findings: [['invalid-weight', 'IKU!G3', 'error']] },
    },
    {
      // Row 2 unreadable: 0 with max(largest readable 50, 100 − 70): (20·100 + 50·0 + 50·100)/120 = 7000/120.
      name: 'unreadable Bobot: the row scores 0 with the largest readable Bobot when that is larger',
      input: [20, 'dua puluh', 50],
      expected: {
        iku: 7000 / 120,
        findings: [
          ['weights-not-100', 'IKU!G1', 'warning'],
          ['invalid-number', 'IKU!G3', 'error'],
        ],
      },
    },
    {
      // Row 2 unreadable: 0 with max(largest readable 30, 100 − (20 + 30)) = 50: (2000 + 0 + 3000)/100.
      name: 'unreadable Bobot: 100 − the readable sum when that is larger',
      input: [20, 'x', 30],
      expected: {
        iku: 50,
        findings: [
          ['weights-not-100', 'IKU!G1', 'warning'],
          ['invalid-number', 'IKU!G3', 'error'],
        ],
      },
    },
    {
      // The heaviest, weakest row (70, C 50) broken: 0 with max(30, 100 − 30) = 70: 3000/100 = 30,
      // below the 65 it scored unbroken ((3000 + 3500)/100).
      name: "breaking the heaviest row's Bobot does not lift the score",
      input: [30, 'tujuh puluh'],
      expected: {
        iku: 30,
        findings: [
          ['weights-not-100', 'IKU!G1', 'warning'],
          ['invalid-number', 'IKU!G3', 'error'],
        ],
      },
    },
    {
      // No readable Bobot at all: every row weighs 1: (100 + 0 + 100)/3.
      name: 'unreadable Bobot and no readable one: weight 1',
      input: [undefined, 'x', undefined],
      expected: { iku: 200 / 3, findings: [['invalid-number', 'IKU!G3', 'error']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKU: build(input) }, { period: '2025-TW1' });
      expectClose(result.scores.iku, expected.iku);
      const own = result.findings.filter((f) => f.tab === 'IKU' && f.code !== 'iku-without-iki');
      expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }
  it('the IKU component is at most 100', () => {
    // C = 100·100/80 = 125 → 120 and C = 100: (120 + 100)/2 = 110 → 100.
    const rows: Row[] = [
      { Kode: 'IKU-01', Indikator: ind, ...targets(80), ...realizations(100) },
      { Kode: 'IKU-02', Indikator: ind, ...targets(80), ...realizations(80) },
    ];
    expect(score({ IKU: rows }, { period: '2025-TW1' }).scores.iku).toBe(100);
  });
  it('duplicate Kode is an error on the later row, which scores 0', () => {
    // Both rows achieve 100; the later one is in error: (100 + 0)/2 = 50.
    const rows: Row[] = [
      { Kode: 'IKU-01', Indikator: ind, ...targets(80), ...realizations(80) },
      { Kode: 'IKU-01', Indikator: ind, ...targets(80), ...realizations(80) },
    ];
    const result = score({ IKU: rows }, { period: '2025-TW1' });
    expect(where(result, 'duplicate-code')).toEqual([['IKU!A3', 'error']]);
    expect(result.details.iku.map((r) => r.hasError)).toEqual([false, true]);
    expect(result.scores.iku).toBe(50);
  });
});
