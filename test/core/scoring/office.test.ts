import { describe, expect, it } from 'vitest';
import { rankProvince, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { indexScore, type Predicate } from '../../../functions/core/scoring/province.js';
import { readOffice } from '../../../functions/core/office-reader.js';
import {
  DEFAULT_TABS,
  officeWorkbook,
  period,
  profile,
  realizations,
  targets,
  type CellInput,
  type Row,
} from '../../helpers/workbook.js';
import { score, expectClose, type Tweaks, tableRowsWithout } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/office.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('components and index', () => {
  const noneDue: Row[] = DEFAULT_TABS.IKU.map((row) => ({
    ...row,
    ...targets(undefined, undefined, undefined, 25),
    ...realizations(undefined, undefined, undefined),
  }));
  const cases: {
    name: string;
    input: Tweaks;
    expected: {
      scores: Partial<Record<'iku' | 'actionPlan' | 'iki' | 'stages' | 'dataQuality' | 'index', number | null>>;
      predicate: Predicate;
      findings?: string[][];
    };
  }[] = [
    {
      name: 'default office: 9075/100',
      input: {},
      expected: {
        scores: { iku: 95, actionPlan: 87.5, iki: 95, stages: 70, dataQuality: 100, index: 90.75 },
        predicate: 'AA',
      },
    },
    {
      // IKU null: index over the others, (2625 + 1425 + 700 + 1000)/65 = 5750/65.
      name: 'IKU with nothing due is null and left out',
      input: { IKU: noneDue },
      expected: { scores: { iku: null, index: 5750 / 65 }, predicate: 'A' },
    },
    {
      // RA, IKU and IKI null: (700 + 1000)/20 = 85.
      name: 'three null components',
      input: {
        IKU: noneDue,
        'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row) => ({
          ...row,
          ...targets(0, 0, 0, 5),
          ...realizations(0, 0, 0),
        })),
        IKI: DEFAULT_TABS.IKI.map((row) => ({
          ...row,
          ...targets(undefined, undefined, undefined, 5),
          ...realizations(undefined, undefined, undefined),
        })),
      },
      expected: { scores: { iku: null, actionPlan: null, iki: null, index: 85 }, predicate: 'A' },
    },
    {
      // IKU-02 has a broken cell: the component is 0, not null. KD 100·20/21.
      // (0 + 2625 + 1425 + 700 + 10·2000/21)/100 = (4750 + 952,38…)/100 = 57,0238…
      name: 'a row in error makes a component 0, not null',
      input: { IKU: [noneDue[0] as Row, { ...(noneDue[1] as Row), 'Realisasi TW I': 'x' }] },
      expected: { scores: { iku: 0, dataQuality: 2000 / 21, index: (4750 + 20000 / 21) / 100 }, predicate: 'CC' },
    },
    {
      // (0 + 2625 + 1425 + 700 + 1000)/100; IKI is not failed for the missing IKU tab.
      name: 'missing IKU tab: IKU 0',
      input: { IKU: null },
      expected: {
        scores: { iku: 0, iki: 95, index: 57.5 },
        predicate: 'CC',
        findings: [['missing-tab', 'IKU!A1', 'error']],
      },
    },
    {
      // (3325 + 0 + 1425 + 700 + 1000)/100.
      name: 'missing Rencana Aksi tab: 0',
      input: { 'Rencana Aksi': null },
      expected: {
        scores: { actionPlan: 0, index: 64.5 },
        predicate: 'B',
        findings: [['missing-tab', "'Rencana Aksi'!A1", 'error']],
      },
    },
    {
      // KD 100·19/21; (0 + 2625 + 1425 + 700 + 10·1900/21)/100.
      name: 'IKU without column Target TW II: 0, its rows invalid',
      input: { IKU: { rows: tableRowsWithout('IKU', 'Target TW II') } },
      expected: {
        scores: { iku: 0, dataQuality: 1900 / 21, index: (4750 + 19000 / 21) / 100 },
        predicate: 'CC',
        findings: [['missing-column', 'IKU!A1', 'error']],
      },
    },
    {
      // 11 rows left, all valid; (3325 + 2625 + 1425 + 0 + 1000)/100.
      name: 'empty Tahapan: 0',
      input: { Tahapan: [] },
      expected: {
        scores: { stages: 0, dataQuality: 100, index: 83.75 },
        predicate: 'A',
        findings: [['empty-tab', 'Tahapan!A1', 'error']],
      },
    },
    {
      // KD 100·11/21; (3325 + 2625 + 1425 + 0 + 10·1100/21)/100.
      name: 'Tahapan without column Status: 0',
      input: { Tahapan: { rows: tableRowsWithout('Tahapan', 'Status') } },
      expected: {
        scores: { stages: 0, dataQuality: 1100 / 21, index: (7375 + 11000 / 21) / 100 },
        predicate: 'BB',
        findings: [['missing-column', 'Tahapan!A1', 'error']],
      },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score(input);
      for (const [key, value] of Object.entries(expected.scores))
        expectClose(result.scores[key as keyof typeof result.scores], value);
      expect(result.predicate).toBe(expected.predicate);
      if (expected.findings) {
        const tabLevel = result.findings.filter((f) => ['missing-tab', 'missing-column', 'empty-tab'].includes(f.code));
        expect(tabLevel.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
      }
    });
  }

  const weights = { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 };
  const indexCases: { name: string; input: Parameters<typeof indexScore>[0]; expected: number | null }[] = [
    // (3500 + 2400 + 1350 + 900 + 900)/100.
    {
      name: 'all components',
      input: { iku: 100, actionPlan: 80, iki: 90, stages: 90, dataQuality: 90 },
      expected: 90.5,
    },
    // (2400 + 1000 + 1000)/50.
    {
      name: 'nulls left out',
      input: { iku: null, actionPlan: 80, iki: null, stages: 100, dataQuality: 100 },
      expected: 88,
    },
    {
      name: 'all null',
      input: { iku: null, actionPlan: null, iki: null, stages: null, dataQuality: null },
      expected: null,
    },
  ];
  for (const { name, input, expected } of indexCases)
    it(`index: ${name}`, () => expectClose(indexScore(input, weights), expected));
});

describe('office identity: messages', () => {
  const message = (tweaks: Tweaks, code: string) => score(tweaks).findings.find((f) => f.code === code)?.message;

  it('says the Kode Satker cell is blank and names the registry code', () => {
    const text = message({ Profil: profile({ code: undefined }) }, 'office-code-mismatch');
    expect(text).toMatch(/^Kode Satker di Profil kosong/);
    expect(text).toMatch(/tidak dinilai/);
    expect(text).toMatch(/Isi Kode Satker dengan 3573/);
  });

  it('says the Profil tab is missing and how to add it', () => {
    expect(message({ Profil: null }, 'year-mismatch')).toMatch(/^Tab Profil tidak ditemukan.*monev template.*2025/);
  });

  it('quotes an unreadable value', () => {
    expect(message({ Profil: profile({ code: '#REF!' }) }, 'office-code-mismatch')).toMatch(/berisi "#REF!"/);
  });
});

describe('office identity without a registry code (monev validate without --kode)', () => {
  const cases: { name: string; code: CellInput; identified: boolean; findings: string[] }[] = [
    { name: 'any Kode Satker is accepted', code: '3507', identified: true, findings: [] },
    {
      name: 'a blank Kode Satker still leaves the office unscored',
      code: undefined,
      identified: false,
      findings: ['office-code-mismatch'],
    },
  ];
  for (const { name, code, identified, findings } of cases) {
    it(name, () => {
      const parsed = readOffice(officeWorkbook({ Profil: profile({ code }) }), { code: null }, period());
      expect(parsed.identified).toBe(identified);
      expect(parsed.findings.filter((f) => f.tab === 'Profil').map((f) => f.code)).toEqual(findings);
    });
  }

  it("asks for the office's own code when there is none to compare", () => {
    const parsed = readOffice(officeWorkbook({ Profil: profile({ code: undefined }) }), { code: null }, period());
    expect(parsed.findings[0]?.message).toMatch(/Isi Kode Satker dengan kode satker Anda, misalnya 3573/);
  });
});

describe('office identity', () => {
  const cases: { name: string; input: Tweaks; expected: { status: OfficeResult['status']; findings: string[][] } }[] = [
    {
      name: 'Kode Satker of another office',
      input: { Profil: profile({ code: '3507' }) },
      expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!B1', 'error']] },
    },
    {
      name: 'Tahun of another year',
      input: { Profil: profile({ year: 2024 }) },
      expected: { status: 'unscored', findings: [['year-mismatch', 'Profil!B3', 'error']] },
    },
    {
      name: 'Kode Satker typed as a number',
      input: { Profil: profile({ code: 3573 }) },
      expected: { status: 'scored', findings: [] },
    },
    {
      name: 'Tahun typed as text with spaces',
      input: { Profil: profile({ year: ' 2025 ' }) },
      expected: { status: 'scored', findings: [] },
    },
    // SPEC §3 v2: a blank or unreadable Kode Satker or Tahun does not equal the registry's: unscored.
    {
      name: 'Kode Satker blank',
      input: { Profil: profile({ code: undefined }) },
      expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!B1', 'error']] },
    },
    {
      name: 'Kode Satker a dash (blank, SPEC §2)',
      input: { Profil: profile({ code: '-' }) },
      expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!B1', 'error']] },
    },
    {
      name: 'Kode Satker a formula error',
      input: { Profil: profile({ code: '#REF!' }) },
      expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!B1', 'error']] },
    },
    {
      name: 'Tahun blank',
      input: { Profil: profile({ year: '  ' }) },
      expected: { status: 'unscored', findings: [['year-mismatch', 'Profil!B3', 'error']] },
    },
    {
      name: 'no Kode Satker row',
      input: {
        Profil: {
          rows: [
            ['Nama Satker', 'Bawaslu Kota Malang'],
            ['Tahun', 2025],
          ],
        },
      },
      expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!A1', 'error']] },
    },
    {
      name: 'no Profil tab',
      input: { Profil: null },
      expected: {
        status: 'unscored',
        findings: [
          ['office-code-mismatch', 'Profil!A1', 'error'],
          ['year-mismatch', 'Profil!A1', 'error'],
        ],
      },
    },
    {
      name: 'Nama Satker blank is a missing value, not an identity question',
      input: { Profil: profile({ name: undefined }) },
      expected: { status: 'scored', findings: [['missing-value', 'Profil!B2', 'error']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const [result] = rankProvince([score(input), { ...score(), code: '3574' }]);
      expect(result?.status).toBe(expected.status);
      expect(result?.findings.filter((f) => f.tab === 'Profil').map((f) => [f.code, f.cell, f.level])).toEqual(
        expected.findings,
      );
      if (expected.status === 'unscored') {
        expect(result?.scores).toEqual({
          iku: null,
          actionPlan: null,
          iki: null,
          stages: null,
          dataQuality: null,
          index: null,
        });
        expect(result?.predicate).toBeNull();
        expect(result?.rank).toBeNull();
        expect(result?.peers).toEqual([]);
      } else {
        expect(result?.scores.index).toBe(90.75);
        expect(result?.rank).toBe(1);
      }
    });
  }
});
