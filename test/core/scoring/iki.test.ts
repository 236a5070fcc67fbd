import { describe, expect, it } from 'vitest';
import { NIP_A, NIP_B, realizations, targets, type CellInput, type Row } from '../../helpers/workbook.js';
import { score, where, expectClose, ind } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/iki.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('IKI', () => {
  // IKU keeps its default codes IKU-01 and IKU-02. Rows are due in quarter I, scored at k = 1.
  const iki = (nip: CellInput, kode: string, t: number, r: CellInput, bobot?: CellInput): Row => ({
    NIP: nip,
    Nama: 'Pegawai',
    'Kode IKU': kode,
    Indikator: ind,
    Bobot: bobot,
    ...targets(t),
    ...realizations(r),
  });
  const cases: {
    name: string;
    input: Row[];
    expected: { iki: number | null; persons: (number | null)[]; findings: string[][] };
  }[] = [
    {
      // A: (100 + 50)/2 = 75. B: (60·100 + 40·50)/100 = 80. Component (75 + 80)/2.
      name: 'weighted mean per person, then mean of persons',
      input: [
        iki(NIP_A, 'IKU-01', 10, 10),
        iki(NIP_A, 'IKU-02', 10, 5),
        iki(NIP_B, 'IKU-01', 10, 10, 60),
        iki(NIP_B, 'IKU-02', 10, 5, 40),
      ],
      expected: { iki: 77.5, persons: [75, 80], findings: [] },
    },
    {
      // A: C 150 → 120. B: 60. Only the component is capped: min(100, (120 + 60)/2) = 90.
      name: 'a person above 100 counts fully in the mean of persons',
      input: [iki(NIP_A, 'IKU-01', 10, 15), iki(NIP_B, 'IKU-02', 10, 6)],
      expected: { iki: 90, persons: [120, 60], findings: [] },
    },
    {
      // (120 + 100)/2 = 110 → 100.
      name: 'the component is at most 100',
      input: [iki(NIP_A, 'IKU-01', 10, 15), iki(NIP_B, 'IKU-02', 10, 10)],
      expected: { iki: 100, persons: [120, 100], findings: [] },
    },
    {
      // The printed and plain NIP are one person: (100 + 50)/2 = 75; B 100; component 87,5.
      name: 'NIP with and without spaces is one person',
      input: [iki(NIP_A, 'IKU-01', 10, 10), iki('198703152010121001', 'IKU-02', 10, 5), iki(NIP_B, 'IKU-01', 10, 10)],
      expected: { iki: 87.5, persons: [75, 100], findings: [] },
    },
    {
      // A: (100 + 0)/2 = 50 (the unknown code scores 0 within A); B 100. Component 75.
      name: 'unknown Kode IKU: error on its cell, 0 within the person',
      input: [iki(NIP_A, 'IKU-01', 10, 10), iki(NIP_A, 'IKU-99', 10, 10), iki(NIP_B, 'IKU-02', 10, 10)],
      expected: { iki: 75, persons: [50, 100], findings: [['unknown-iku', 'IKI!D3', 'error']] },
    },
    {
      // A: 100. The unreadable NIP is a person of its own scoring 0. Component 50.
      name: 'unreadable NIP: a person of its own scoring 0',
      input: [iki(NIP_A, 'IKU-01', 10, 10), iki('12345', 'IKU-02', 10, 10)],
      expected: { iki: 50, persons: [100, 0], findings: [['invalid-nip', 'IKI!A3', 'error']] },
    },
    {
      // A: Bobot 30 (C 100) and an unreadable Bobot → 0 with max(A's largest readable Bobot 30,
      // 100 − A's readable sum 30) = 70: 3000/100 = 30. B's Bobot is not A's: B 100. Component 65.
      name: "unreadable Bobot within a person: max(person's largest readable, 100 − person's readable sum)",
      input: [
        iki(NIP_A, 'IKU-01', 10, 10, 30),
        iki(NIP_A, 'IKU-02', 10, 10, 'tiga puluh'),
        iki(NIP_B, 'IKU-02', 10, 10),
      ],
      expected: {
        iki: 65,
        persons: [30, 100],
        findings: [
          ['weights-not-100', 'IKI!I2', 'warning'],
          ['invalid-number', 'IKI!I3', 'error'],
        ],
      },
    },
    {
      // A: Bobot 60 (C 100), 50 (C 50) and an unreadable one → max(60, 100 − 110) = 60:
      // (6000 + 2500 + 0)/170 = 50. B 100. Component 75.
      name: "unreadable Bobot within a person whose weights exceed 100: the person's largest readable",
      input: [
        iki(NIP_A, 'IKU-01', 10, 10, 60),
        iki(NIP_A, 'IKU-02', 10, 5, 50),
        iki(NIP_A, 'IKU-02', 10, 10, 'x'),
        iki(NIP_B, 'IKU-02', 10, 10),
      ],
      expected: {
        iki: 75,
        persons: [50, 100],
        findings: [
          ['weights-not-100', 'IKI!I2', 'warning'],
          ['invalid-number', 'IKI!I4', 'error'],
        ],
      },
    },
    {
      name: 'no due row in any person: IKI null',
      input: [
        { ...iki(NIP_A, 'IKU-01', 0, undefined), ...targets(undefined, undefined, undefined, 10) },
        iki(NIP_B, 'IKU-02', 0, undefined),
      ],
      expected: { iki: null, persons: [null, null], findings: [] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKI: input }, { period: '2025-TW1' });
      expectClose(result.scores.iki, expected.iki);
      expect(result.details.iki.map((p) => p.score)).toEqual(expected.persons);
      expect(result.findings.filter((f) => f.tab === 'IKI').map((f) => [f.code, f.cell, f.level])).toEqual(
        expected.findings,
      );
    });
  }

  // Coverage = share of valid IKU codes with at least one valid IKI row.
  const coverage: {
    name: string;
    input: { iku: string[]; iki: Row[] };
    expected: { coverage: number; warnings: string[] };
  }[] = [
    {
      name: 'every IKU cascaded',
      input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_B, 'IKU-02', 1, 1)] },
      expected: { coverage: 100, warnings: [] },
    },
    {
      name: 'IKU-02 without IKI: 1 of 2',
      input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1)] },
      expected: { coverage: 50, warnings: ['IKU!A3'] },
    },
    {
      name: 'an IKI row in error does not cover its IKU',
      input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_B, 'IKU-02', 1, 'x')] },
      expected: { coverage: 50, warnings: ['IKU!A3'] },
    },
    {
      name: '3 of 4 IKU cascaded',
      input: {
        iku: ['IKU-01', 'IKU-02', 'IKU-03', 'IKU-04'],
        iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_A, 'IKU-03', 1, 1), iki(NIP_B, 'IKU-04', 1, 1)],
      },
      expected: { coverage: 75, warnings: ['IKU!A3'] },
    },
  ];
  for (const { name, input, expected } of coverage) {
    it(`coverage: ${name}`, () => {
      const result = score(
        {
          IKU: input.iku.map((kode) => ({ Kode: kode, Indikator: ind, ...targets(1), ...realizations(1) })),
          IKI: input.iki,
        },
        { period: '2025-TW1' },
      );
      expect(result.ikiCoverage).toBe(expected.coverage);
      expect(where(result, 'iku-without-iki')).toEqual(expected.warnings.map((cell) => [cell, 'warning']));
    });
  }

  // Issue 18: an IKU whose only IKI rows are in error names those errors, so nobody adds duplicate rows.
  it.each([
    ['no IKI row at all: add one', [iki(NIP_A, 'IKU-01', 1, 1)], null],
    [
      'its IKI rows in error: the cause, at its cells',
      [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_B, 'IKU-02', 1, 'x'), iki(NIP_A, 'IKU-02', 1, 'y')],
      2,
    ],
  ] as const)('iku-without-iki: %s', (_, rows, broken) => {
    const result = score(
      {
        IKU: ['IKU-01', 'IKU-02'].map((kode) => ({ Kode: kode, Indikator: ind, ...targets(1), ...realizations(1) })),
        IKI: [...rows],
      },
      { period: '2025-TW1' },
    );
    const warning = result.findings.find((f) => f.code === 'iku-without-iki');
    const causes = result.findings.filter((f) => f.tab === 'IKI' && f.level === 'error').map((f) => f.cell);
    if (broken === null) {
      expect(causes).toEqual([]);
      expect(warning?.message).toContain('Tambahkan minimal satu baris IKI dengan Kode IKU "IKU-02"');
    } else {
      expect(causes).toHaveLength(broken);
      // Two rows in error in one column read as one range, e.g. "IKI!M3:M4".
      const column = /!([A-Z]+)/.exec(causes[0] as string)?.[1];
      expect(warning?.message).toContain(
        `sudah punya ${broken} baris IKI, tetapi semuanya salah (IKI!${column}3:${column}4)`,
      );
      expect(warning?.message).toContain('jangan menambah baris IKI baru');
      expect(warning?.message).not.toContain('Tambahkan');
    }
  });
});
