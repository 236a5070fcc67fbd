import { describe, expect, it } from 'vitest';
import { AREA_IDS, type AreaId } from '../../sheets-schema/index.js';
import type { Finding } from '../../functions/core/findings.js';
import { category } from '../../functions/core/scoring/indicator.js';
import { rankProvince, type OfficeResult } from '../../functions/core/scoring/office.js';
import { indexScore, predicate, type Predicate } from '../../functions/core/scoring/province.js';
import {
  DEFAULT_TABS, HEADERS, NIP_A, NIP_B, URL_A, officeWorkbook, profile, realizations, scoreWorkbook, targets,
  type CellInput, type Row, type ScoreOptions, type TabInput,
} from '../helpers/workbook.js';

/**
 * The scoring rules of SPEC §4, one table per rule. Every expected number is worked out by hand in
 * the comment next to it. The default office (test/helpers/workbook.ts) scores, at 2025-TW3:
 * IKU 95 · Rencana Aksi 87,5 · IKI 95 · Tahapan 70 · Kualitas Data 100 (21 valid rows) · index 90,75.
 * Weighted: IKU 35·95 = 3325, RA 30·87,5 = 2625, IKI 15·95 = 1425, Tahapan 10·70 = 700, KD 10·100 = 1000.
 */

type Tweaks = Partial<Record<'Profil' | keyof typeof DEFAULT_TABS, TabInput>>;

const score = (tweaks: Tweaks = {}, options: ScoreOptions = {}) => scoreWorkbook(officeWorkbook(tweaks), options);
const codes = (result: OfficeResult, tab?: string) => result.findings.filter((f) => tab === undefined || f.tab === tab).map((f) => f.code);
const where = (result: OfficeResult, code: Finding['code']) => result.findings.filter((f) => f.code === code).map((f) => [f.cell, f.level]);

function expectClose(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

const ind = 'Indikator uji';

describe('aggregation by Sifat up to quarter k', () => {
  // Targets 10, –, 30, 40 and realizations 5, –, –, 40 (– is blank).
  // Kumulatif sums the non-blank values ≤ k; Akhir Periode takes the last; Rata-rata averages them.
  const row = (sifat: CellInput): Row => ({ Kode: 'IKU-01', Indikator: ind, Sifat: sifat, ...targets(10, '-', 30, 40), ...realizations(5, undefined, ' ', 40) });
  const cases: { name: string; input: { sifat: CellInput; k: number }; expected: { t: number; r: number; c: number } }[] = [
    { name: 'Kumulatif k=1', input: { sifat: 'Kumulatif', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Kumulatif k=2 (blank Q2 adds nothing)', input: { sifat: 'Kumulatif', k: 2 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Kumulatif k=3: T 10+30, R 5', input: { sifat: 'Kumulatif', k: 3 }, expected: { t: 40, r: 5, c: 12.5 } },
    { name: 'Kumulatif k=4: T 80, R 45, C 100·45/80', input: { sifat: 'Kumulatif', k: 4 }, expected: { t: 80, r: 45, c: 56.25 } },
    { name: 'blank Sifat is Kumulatif', input: { sifat: undefined, k: 4 }, expected: { t: 80, r: 45, c: 56.25 } },
    { name: 'Akhir Periode k=1', input: { sifat: 'Akhir Periode', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Akhir Periode k=2 keeps Q1', input: { sifat: 'Akhir Periode', k: 2 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Akhir Periode k=3: T 30, R still 5, C 100·5/30', input: { sifat: 'Akhir Periode', k: 3 }, expected: { t: 30, r: 5, c: 50 / 3 } },
    { name: 'Akhir Periode k=4', input: { sifat: 'Akhir Periode', k: 4 }, expected: { t: 40, r: 40, c: 100 } },
    { name: 'Rata-rata k=1', input: { sifat: 'Rata-rata', k: 1 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Rata-rata k=2 ignores the blank', input: { sifat: 'Rata-rata', k: 2 }, expected: { t: 10, r: 5, c: 50 } },
    { name: 'Rata-rata k=3: T (10+30)/2 = 20, C 25', input: { sifat: 'Rata-rata', k: 3 }, expected: { t: 20, r: 5, c: 25 } },
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
    const result = score({ IKU: [{ Kode: 'IKU-01', Indikator: ind, Sifat: 'Rata-rata', ...targets(undefined, '-', 30, 40) }] }, { period: '2025-TW2' });
    expect(result.details.iku[0]).toMatchObject({ due: false, target: null, realization: null });
    expect(result.scores.iku).toBeNull();
  });
});

describe('polarity, cap and category', () => {
  // One row, T and R in quarter I, scored at k = 1; the IKU component is min(100, the row).
  const cases: { name: string; input: { polarity: CellInput; t: number; r: number }; expected: { c: number; scored: number; iku: number } }[] = [
    { name: 'Maksimal 100·60/80', input: { polarity: 'Maksimal', t: 80, r: 60 }, expected: { c: 75, scored: 75, iku: 75 } },
    { name: 'blank Polaritas is Maksimal', input: { polarity: undefined, t: 80, r: 60 }, expected: { c: 75, scored: 75, iku: 75 } },
    { name: 'Maksimal over target: C 125 capped to 120, component to 100', input: { polarity: 'Maksimal', t: 80, r: 100 }, expected: { c: 125, scored: 120, iku: 100 } },
    { name: 'Maksimal R = 0', input: { polarity: 'Maksimal', t: 80, r: 0 }, expected: { c: 0, scored: 0, iku: 0 } },
    { name: 'Minimal below target: 100·(20−5)/10 = 150', input: { polarity: 'Minimal', t: 10, r: 5 }, expected: { c: 150, scored: 120, iku: 100 } },
    { name: 'Minimal above target: 100·(20−12)/10', input: { polarity: 'minimal', t: 10, r: 12 }, expected: { c: 80, scored: 80, iku: 80 } },
    { name: 'Minimal R = 2T', input: { polarity: 'Minimal', t: 10, r: 20 }, expected: { c: 0, scored: 0, iku: 0 } },
    { name: 'Minimal R > 2T is not negative', input: { polarity: 'Minimal', t: 10, r: 25 }, expected: { c: 0, scored: 0, iku: 0 } },
    { name: 'Minimal T = 0, R = 0', input: { polarity: 'Minimal', t: 0, r: 0 }, expected: { c: 100, scored: 100, iku: 100 } },
    { name: 'Minimal T = 0, R > 0', input: { polarity: 'Minimal', t: 0, r: 3 }, expected: { c: 0, scored: 0, iku: 0 } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKU: [{ Kode: 'IKU-01', Indikator: ind, Polaritas: input.polarity, ...targets(input.t), ...realizations(input.r) }] }, { period: '2025-TW1' });
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
  for (const { name, input, expected } of categories) it(`category of C = ${name}`, () => expect(category(input)).toBe(expected));
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
    const result = score({ IKU: [{ Kode: 'IKU-01', Indikator: ind, ...targets(10, 10, 10, 10), ...realizations(10) }] });
    expect(codes(result)).not.toContain('missing-realization');
    expectClose(result.scores.iku, 100 / 3);
  });
});

describe('IKU weights', () => {
  // Row 1: T 80, R 80 → C 100. Row 2: T 80, R 40 → C 50. Row 3 (when present): C 100. k = 1.
  const build = (weights: CellInput[]): Row[] =>
    weights.map((bobot, i) => ({ Kode: `IKU-0${i + 1}`, Indikator: ind, Bobot: bobot, ...targets(80), ...realizations(i === 1 ? 40 : 80) }));
  const cases: { name: string; input: CellInput[]; expected: { iku: number; findings: string[][] } }[] = [
    { name: 'all blank: equal weights (100 + 50)/2', input: [undefined, undefined], expected: { iku: 75, findings: [] } },
    { name: '70/30: (70·100 + 30·50)/100', input: [70, 30], expected: { iku: 85, findings: [] } },
    { name: '0/100: (0·100 + 100·50)/100', input: [0, 100], expected: { iku: 50, findings: [] } },
    {
      name: '30/10 does not sum to 100: warning, used normalised (3000 + 500)/40',
      input: [30, 10],
      expected: { iku: 87.5, findings: [['weights-not-100', 'IKU!G1', 'warning']] },
    },
    {
      // Row 2 is in error: it scores 0 with the largest readable Bobot, 70: (7000 + 0)/140.
      name: 'one blank among weights: invalid-weight on the blank',
      input: [70, undefined],
      expected: { iku: 50, findings: [['invalid-weight', 'IKU!G3', 'error']] },
    },
    {
      // Row 2 unreadable: 0 with weight 50 (largest readable): (20·100 + 50·0 + 50·100)/120 = 7000/120.
      name: 'unreadable Bobot: the row scores 0 with the largest readable Bobot',
      input: [20, 'dua puluh', 50],
      expected: { iku: 7000 / 120, findings: [['weights-not-100', 'IKU!G1', 'warning'], ['invalid-number', 'IKU!G3', 'error']] },
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

describe('Rencana Aksi', () => {
  // Targets F–I, realizations J–M, Bukti Dukung O. k = 3 unless stated.
  const cases: {
    name: string;
    input: { row: Row; k?: number };
    expected: { score: number | null; onTime: boolean | null; findings: string[][] };
  }[] = [
    { name: 'T 3, R 3 with evidence: 100, on time', input: { row: { ...targets(1, 1, 1), ...realizations(1, 1, 1), 'Bukti Dukung': URL_A } }, expected: { score: 100, onTime: true, findings: [] } },
    { name: 'T 2+2, R 1+2: 75, late', input: { row: { ...targets(2, 2), ...realizations(1, 2), 'Bukti Dukung': URL_A } }, expected: { score: 75, onTime: false, findings: [] } },
    { name: 'T 2, R 3: min(100, 150)', input: { row: { ...targets(2), ...realizations(3), 'Bukti Dukung': URL_A } }, expected: { score: 100, onTime: true, findings: [] } },
    {
      name: 'R > 0 without evidence: R taken as 0, status from reported R',
      input: { row: { ...targets(2), ...realizations(2) } },
      expected: { score: 0, onTime: true, findings: [['missing-evidence', "'Rencana Aksi'!O2", 'warning']] },
    },
    { name: 'R = 0 without evidence: no warning, late', input: { row: { ...targets(2), ...realizations(0) } }, expected: { score: 0, onTime: false, findings: [] } },
    { name: 'realization after quarter k does not count', input: { row: { ...targets(1, 1, 1, 1), ...realizations(0, 0, 0, 4), 'Bukti Dukung': URL_A } }, expected: { score: 0, onTime: false, findings: [] } },
    {
      name: 'all four targets blank: missing-target on column A, row scores 0',
      input: { row: { ...realizations(1), 'Bukti Dukung': URL_A } },
      expected: { score: 0, onTime: null, findings: [['missing-target', "'Rencana Aksi'!A2", 'error']] },
    },
    {
      name: 'all four targets 0: missing-target',
      input: { row: { ...targets(0, 0, 0, 0), 'Bukti Dukung': URL_A } },
      expected: { score: 0, onTime: null, findings: [['missing-target', "'Rencana Aksi'!A2", 'error']] },
    },
    { name: 'target only in quarter IV: not due yet, component null', input: { row: { ...targets(0, 0, 0, 5) } }, expected: { score: null, onTime: null, findings: [] } },
    { name: 'target only in quarter IV, k=4: due', input: { row: { ...targets(0, 0, 0, 5), ...realizations(0, 0, 0, 5), 'Bukti Dukung': URL_A }, k: 4 }, expected: { score: 100, onTime: true, findings: [] } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ 'Rencana Aksi': [{ Bidang: 1, Kegiatan: 'Kegiatan uji', ...input.row }] }, { period: `2025-TW${input.k ?? 3}` });
      expect(result.scores.actionPlan).toBe(expected.score);
      expect(result.details.actionPlan[0]?.onTime).toBe(expected.onTime);
      const own = result.findings.filter((f) => f.tab === 'Rencana Aksi');
      expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }

  it('area scores: mean over the area\'s due rows, error rows included when Bidang is readable', () => {
    // k = 1. Area 1: 100 and 50 → 75. Area 4: one row in error → 0. "Bidang 9" is unreadable: it
    // counts in the component but in no area. Area 2 has only a row not yet due → null.
    // Component: (100 + 50 + 0 + 0)/4 = 37,5.
    const rows: Row[] = [
      { Bidang: 1, Kegiatan: 'a', ...targets(4), ...realizations(4), 'Bukti Dukung': URL_A },
      { Bidang: 'akuntabilitas-keuangan', Kegiatan: 'b', ...targets(4), ...realizations(2), 'Bukti Dukung': URL_A },
      { Bidang: 'Pengolahan Data', Kegiatan: 'c', ...targets(4), ...realizations('empat'), 'Bukti Dukung': URL_A },
      { Bidang: 'Bidang 9', Kegiatan: 'd', ...targets(4), ...realizations(4), 'Bukti Dukung': URL_A },
      { Bidang: 2, Kegiatan: 'e', ...targets(undefined, undefined, undefined, 5) },
    ];
    const result = score({ 'Rencana Aksi': rows }, { period: '2025-TW1' });
    expect(result.scores.actionPlan).toBe(37.5);
    const expected = Object.fromEntries(AREA_IDS.map((id) => [id, null])) as Record<AreaId, number | null>;
    expected['akuntabilitas-keuangan'] = 75;
    expected['pengolahan-data'] = 0;
    expect(result.areas).toEqual(expected);
  });
});

describe('IKI', () => {
  // IKU keeps its default codes IKU-01 and IKU-02. Rows are due in quarter I, scored at k = 1.
  const iki = (nip: CellInput, kode: string, t: number, r: CellInput, bobot?: CellInput): Row => ({
    NIP: nip, Nama: 'Pegawai', 'Kode IKU': kode, Indikator: ind, Bobot: bobot, ...targets(t), ...realizations(r),
  });
  const cases: { name: string; input: Row[]; expected: { iki: number | null; persons: (number | null)[]; findings: string[][] } }[] = [
    {
      // A: (100 + 50)/2 = 75. B: (60·100 + 40·50)/100 = 80. Component (75 + 80)/2.
      name: 'weighted mean per person, then mean of persons',
      input: [iki(NIP_A, 'IKU-01', 10, 10), iki(NIP_A, 'IKU-02', 10, 5), iki(NIP_B, 'IKU-01', 10, 10, 60), iki(NIP_B, 'IKU-02', 10, 5, 40)],
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
      // A: Bobot 30 (C 100) and an unreadable Bobot → 0 with A's largest readable Bobot 30:
      // 3000/60 = 50. B: 100. Component 75.
      name: 'unreadable Bobot within a person uses the person\'s largest readable Bobot',
      input: [iki(NIP_A, 'IKU-01', 10, 10, 30), iki(NIP_A, 'IKU-02', 10, 10, 'tiga puluh'), iki(NIP_B, 'IKU-02', 10, 10)],
      expected: { iki: 75, persons: [50, 100], findings: [['weights-not-100', 'IKI!I2', 'warning'], ['invalid-number', 'IKI!I3', 'error']] },
    },
    {
      name: 'no due row in any person: IKI null',
      input: [{ ...iki(NIP_A, 'IKU-01', 0, undefined), ...targets(undefined, undefined, undefined, 10) }, iki(NIP_B, 'IKU-02', 0, undefined)],
      expected: { iki: null, persons: [null, null], findings: [] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ IKI: input }, { period: '2025-TW1' });
      expectClose(result.scores.iki, expected.iki);
      expect(result.details.iki.map((p) => p.score)).toEqual(expected.persons);
      expect(result.findings.filter((f) => f.tab === 'IKI').map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }

  // Coverage = share of valid IKU codes with at least one valid IKI row.
  const coverage: { name: string; input: { iku: string[]; iki: Row[] }; expected: { coverage: number; warnings: string[] } }[] = [
    { name: 'every IKU cascaded', input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_B, 'IKU-02', 1, 1)] }, expected: { coverage: 100, warnings: [] } },
    { name: 'IKU-02 without IKI: 1 of 2', input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1)] }, expected: { coverage: 50, warnings: ['IKU!A3'] } },
    { name: 'an IKI row in error does not cover its IKU', input: { iku: ['IKU-01', 'IKU-02'], iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_B, 'IKU-02', 1, 'x')] }, expected: { coverage: 50, warnings: ['IKU!A3'] } },
    {
      name: '3 of 4 IKU cascaded',
      input: { iku: ['IKU-01', 'IKU-02', 'IKU-03', 'IKU-04'], iki: [iki(NIP_A, 'IKU-01', 1, 1), iki(NIP_A, 'IKU-03', 1, 1), iki(NIP_B, 'IKU-04', 1, 1)] },
      expected: { coverage: 75, warnings: ['IKU!A3'] },
    },
  ];
  for (const { name, input, expected } of coverage) {
    it(`coverage: ${name}`, () => {
      const result = score({ IKU: input.iku.map((kode) => ({ Kode: kode, Indikator: ind, ...targets(1), ...realizations(1) })), IKI: input.iki }, { period: '2025-TW1' });
      expect(result.ikiCoverage).toBe(expected.coverage);
      expect(where(result, 'iku-without-iki')).toEqual(expected.warnings.map((cell) => [cell, 'warning']));
    });
  }
});

describe('Tahapan', () => {
  // Status C, Tanggal Selesai D, Bukti Dukung E; one step per case, component = 100 × its value.
  const cases: { name: string; input: Row; expected: { stages: number; findings: string[][] } }[] = [
    { name: 'Selesai with date and link: 1', input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A }, expected: { stages: 100, findings: [] } },
    {
      name: 'Selesai without link: 0,5',
      input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025' },
      expected: { stages: 50, findings: [['missing-evidence', 'Tahapan!E2', 'warning']] },
    },
    {
      name: 'Selesai without date: 1 with a warning',
      input: { Status: 'Selesai', 'Bukti Dukung': URL_A },
      expected: { stages: 100, findings: [['missing-date', 'Tahapan!D2', 'warning']] },
    },
    {
      name: 'Selesai without date and link: 0,5, two warnings',
      input: { Status: 'selesai' },
      expected: { stages: 50, findings: [['missing-date', 'Tahapan!D2', 'warning'], ['missing-evidence', 'Tahapan!E2', 'warning']] },
    },
    { name: 'Proses: 0,5', input: { Status: 'Proses' }, expected: { stages: 50, findings: [] } },
    { name: 'Belum: 0', input: { Status: 'Belum' }, expected: { stages: 0, findings: [] } },
    { name: 'unknown status: error, 0', input: { Status: 'Hampir', 'Bukti Dukung': URL_A }, expected: { stages: 0, findings: [['invalid-choice', 'Tahapan!C2', 'error']] } },
    {
      name: 'Selesai with an ftp link: error, 0',
      input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': 'ftp://x.id/a' },
      expected: { stages: 0, findings: [['invalid-url', 'Tahapan!E2', 'error']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ Tahapan: [{ Tahap: 1, Langkah: 'Pembentukan tim pelaksana', ...input }] });
      expect(result.scores.stages).toBe(expected.stages);
      expect(result.findings.filter((f) => f.tab === 'Tahapan').map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }
  it('component = 100 × mean over all steps', () => {
    // 1 + 0,5 (no link) + 0,5 (Proses) + 0 + 0 (error) = 2 over 5 steps → 40.
    const rows: Row[] = [
      { Tahap: 1, Langkah: 'a', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A },
      { Tahap: 1, Langkah: 'b', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025' },
      { Tahap: 2, Langkah: 'c', Status: 'Proses' },
      { Tahap: 3, Langkah: 'd', Status: 'Belum' },
      { Tahap: 'lima', Langkah: 'e', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A },
    ];
    expect(score({ Tahapan: rows }).scores.stages).toBe(40);
  });
});

describe('ABK (workload)', () => {
  // WKE 75 000. W = Σ Beban Kerja × Norma Waktu; need = W/WKE; gap = staff − round half up (need);
  // EJ = W/(staff·WKE): A > 1,00 · B ≥ 0,90 · C ≥ 0,70 · D ≥ 0,50 · E below.
  const cases: {
    name: string;
    input: { staff: number; tasks: [number, number][] };
    expected: { need: number; gap: number; ej: number | null; category: string | null; findings: string[][] };
  }[] = [
    { name: 'EJ exactly 1,00 is B: W 150 000 + 75 000', input: { staff: 3, tasks: [[1500, 100], [375, 200]] }, expected: { need: 3, gap: 0, ej: 1, category: 'B', findings: [] } },
    { name: 'need 2,5 rounds up to 3: W 187 500', input: { staff: 2, tasks: [[1875, 100]] }, expected: { need: 2.5, gap: -1, ej: 1.25, category: 'A', findings: [] } },
    { name: 'need 1,5 rounds up to 2: W 112 500', input: { staff: 1, tasks: [[1500, 75]] }, expected: { need: 1.5, gap: -1, ej: 1.5, category: 'A', findings: [] } },
    { name: 'EJ 1,001 is A: W 75 075', input: { staff: 1, tasks: [[1001, 75]] }, expected: { need: 1.001, gap: 0, ej: 1.001, category: 'A', findings: [] } },
    { name: 'EJ 0,90 is B: W 67 500', input: { staff: 1, tasks: [[900, 75]] }, expected: { need: 0.9, gap: 0, ej: 0.9, category: 'B', findings: [] } },
    { name: 'EJ 0,899 is C: W 67 425', input: { staff: 1, tasks: [[899, 75]] }, expected: { need: 0.899, gap: 0, ej: 0.899, category: 'C', findings: [] } },
    { name: 'EJ 0,70 is C: W 52 500', input: { staff: 1, tasks: [[700, 75]] }, expected: { need: 0.7, gap: 0, ej: 0.7, category: 'C', findings: [] } },
    { name: 'EJ 0,699 is D: W 52 425', input: { staff: 1, tasks: [[699, 75]] }, expected: { need: 0.699, gap: 0, ej: 0.699, category: 'D', findings: [] } },
    { name: 'EJ 0,50 is D: W 75 000 for 2 staff', input: { staff: 2, tasks: [[1000, 75]] }, expected: { need: 1, gap: 1, ej: 0.5, category: 'D', findings: [] } },
    { name: 'EJ 0,499 is E, need rounds down to 0: W 37 425', input: { staff: 1, tasks: [[499, 75]] }, expected: { need: 0.499, gap: 1, ej: 0.499, category: 'E', findings: [] } },
    {
      name: 'no staff: EJ null, need 0,5 rounds up to 1',
      input: { staff: 0, tasks: [[500, 75]] },
      expected: { need: 0.5, gap: -1, ej: null, category: null, findings: [['no-staff', 'Anjab!C2', 'warning']] },
    },
    {
      name: 'job without tasks: W 0',
      input: { staff: 2, tasks: [] },
      expected: { need: 0, gap: 2, ej: 0, category: 'E', findings: [['job-without-tasks', 'Anjab!A2', 'warning']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      // A second job, Pengawas (1 staff, W 750 · 100 = 75 000), keeps ABK from being empty.
      const result = score({
        Anjab: [{ Jabatan: 'Analis', 'Pegawai Ada': input.staff }, { Jabatan: 'Pengawas', 'Pegawai Ada': 1 }],
        ABK: [
          ...input.tasks.map(([volume, minutes], i) => ({ Jabatan: 'Analis', 'Uraian Tugas': `Tugas ${i + 1}`, 'Beban Kerja': volume, 'Norma Waktu': minutes })),
          { Jabatan: 'Pengawas', 'Uraian Tugas': 'Mengawasi', 'Beban Kerja': 750, 'Norma Waktu': 100 },
        ],
      });
      const [job] = result.workload.jobs;
      expectClose(job?.need, expected.need);
      expect(job?.gap).toBe(expected.gap);
      expectClose(job?.ej, expected.ej);
      expect(job?.category).toBe(expected.category);
      const own = result.findings.filter((f) => f.tab === 'Anjab' || f.tab === 'ABK');
      expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }

  it('unknown job: error on the ABK row, its minutes left out', () => {
    // Default Anjab (1 + 2 staff, W 60 000 + 120 000) plus a task for "Sopir", not in Anjab.
    // Office EJ stays 180 000/(3 · 75 000) = 0,8.
    const result = score({ ABK: [...DEFAULT_TABS.ABK, { Jabatan: 'Sopir', 'Uraian Tugas': 'Mengemudi', 'Beban Kerja': 1000, 'Norma Waktu': 60 }] });
    expect(where(result, 'unknown-job')).toEqual([['ABK!A4', 'error']]);
    expectClose(result.workload.ej, 0.8);
  });
  const office: { name: string; input: { staff: [number, number]; wke: number }; expected: number | null }[] = [
    { name: 'office EJ = ΣW/(Σstaff·WKE) = 180 000/225 000', input: { staff: [1, 2], wke: 75_000 }, expected: 0.8 },
    { name: 'office EJ with WKE 60 000: 180 000/180 000', input: { staff: [1, 2], wke: 60_000 }, expected: 1 },
    { name: 'office EJ null when no staff at all', input: { staff: [0, 0], wke: 75_000 }, expected: null },
  ];
  for (const { name, input, expected } of office) {
    it(name, () => {
      const [head, finance] = DEFAULT_TABS.Anjab;
      const anjab = [{ ...head, 'Pegawai Ada': input.staff[0] }, { ...finance, 'Pegawai Ada': input.staff[1] }];
      expectClose(score({ Anjab: anjab }, { settings: { effectiveMinutes: input.wke } }).workload.ej, expected);
    });
  }
  it('workload is not in the index', () => {
    expect(score({ Anjab: [{ Jabatan: 'Kepala Sekretariat', 'Pegawai Ada': 40 }, { Jabatan: 'Staf Keuangan', 'Pegawai Ada': 0 }] }).scores.index).toBe(90.75);
  });
});

describe('data quality', () => {
  const broken = (tab: keyof typeof DEFAULT_TABS, index: number, column: string): Tweaks => ({
    [tab]: DEFAULT_TABS[tab].map((row, i) => (i === index ? { ...row, [column]: 'rusak' } : row)),
  });
  const cases: { name: string; input: Tweaks; expected: number }[] = [
    { name: 'all 21 rows valid', input: {}, expected: 100 },
    { name: 'one IKU row broken: 100·20/21', input: broken('IKU', 0, 'Realisasi TW I'), expected: 2000 / 21 },
    { name: 'one ABK row broken (not scored, still counted): 100·20/21', input: broken('ABK', 1, 'Beban Kerja'), expected: 2000 / 21 },
    {
      name: 'three rows broken in three tabs: 100·18/21',
      input: { ...broken('Rencana Aksi', 1, 'Target TW II'), ...broken('IKI', 2, 'Realisasi TW I'), ...broken('Tahapan', 9, 'Status') },
      expected: 1800 / 21,
    },
    { name: 'a warning does not make a row invalid (no evidence)', input: { 'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row) => ({ ...row, 'Bukti Dukung': undefined })) }, expected: 100 },
    { name: 'IKU without column Indikator: its 2 rows invalid, 100·19/21', input: { IKU: { rows: tableRowsWithout('IKU', 'Indikator') } }, expected: 1900 / 21 },
    { name: 'IKU tab missing: 19 rows, all valid', input: { IKU: null }, expected: 100 },
  ];
  for (const { name, input, expected } of cases) it(name, () => expectClose(score(input).scores.dataQuality, expected));
});

function tableRowsWithout(tab: keyof typeof DEFAULT_TABS, header: string): CellInput[][] {
  const headers = HEADERS[tab].filter((h) => h !== header);
  return [headers, ...DEFAULT_TABS[tab].map((row) => headers.map((h) => row[h]))];
}

describe('components and index', () => {
  const noneDue: Row[] = DEFAULT_TABS.IKU.map((row) => ({ ...row, ...targets(undefined, undefined, undefined, 25), ...realizations(undefined, undefined, undefined) }));
  const cases: {
    name: string;
    input: Tweaks;
    expected: { scores: Partial<Record<'iku' | 'actionPlan' | 'iki' | 'stages' | 'dataQuality' | 'index', number | null>>; predicate: Predicate; findings?: string[][] };
  }[] = [
    { name: 'default office: 9075/100', input: {}, expected: { scores: { iku: 95, actionPlan: 87.5, iki: 95, stages: 70, dataQuality: 100, index: 90.75 }, predicate: 'AA' } },
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
        'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row) => ({ ...row, ...targets(0, 0, 0, 5), ...realizations(0, 0, 0) })),
        IKI: DEFAULT_TABS.IKI.map((row) => ({ ...row, ...targets(undefined, undefined, undefined, 5), ...realizations(undefined, undefined, undefined) })),
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
      expected: { scores: { iku: 0, iki: 95, index: 57.5 }, predicate: 'CC', findings: [['missing-tab', 'IKU!A1', 'error']] },
    },
    {
      // (3325 + 0 + 1425 + 700 + 1000)/100.
      name: 'missing Rencana Aksi tab: 0',
      input: { 'Rencana Aksi': null },
      expected: { scores: { actionPlan: 0, index: 64.5 }, predicate: 'B', findings: [['missing-tab', "'Rencana Aksi'!A1", 'error']] },
    },
    {
      // KD 100·19/21; (0 + 2625 + 1425 + 700 + 10·1900/21)/100.
      name: 'IKU without column Target TW II: 0, its rows invalid',
      input: { IKU: { rows: tableRowsWithout('IKU', 'Target TW II') } },
      expected: { scores: { iku: 0, dataQuality: 1900 / 21, index: (4750 + 19000 / 21) / 100 }, predicate: 'CC', findings: [['missing-column', 'IKU!A1', 'error']] },
    },
    {
      // 11 rows left, all valid; (3325 + 2625 + 1425 + 0 + 1000)/100.
      name: 'empty Tahapan: 0',
      input: { Tahapan: [] },
      expected: { scores: { stages: 0, dataQuality: 100, index: 83.75 }, predicate: 'A', findings: [['empty-tab', 'Tahapan!A1', 'error']] },
    },
    {
      // KD 100·11/21; (3325 + 2625 + 1425 + 0 + 10·1100/21)/100.
      name: 'Tahapan without column Status: 0',
      input: { Tahapan: { rows: tableRowsWithout('Tahapan', 'Status') } },
      expected: { scores: { stages: 0, dataQuality: 1100 / 21, index: (7375 + 11000 / 21) / 100 }, predicate: 'BB', findings: [['missing-column', 'Tahapan!A1', 'error']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score(input);
      for (const [key, value] of Object.entries(expected.scores)) expectClose(result.scores[key as keyof typeof result.scores], value);
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
    { name: 'all components', input: { iku: 100, actionPlan: 80, iki: 90, stages: 90, dataQuality: 90 }, expected: 90.5 },
    // (2400 + 1000 + 1000)/50.
    { name: 'nulls left out', input: { iku: null, actionPlan: 80, iki: null, stages: 100, dataQuality: 100 }, expected: 88 },
    { name: 'all null', input: { iku: null, actionPlan: null, iki: null, stages: null, dataQuality: null }, expected: null },
  ];
  for (const { name, input, expected } of indexCases) it(`index: ${name}`, () => expectClose(indexScore(input, weights), expected));
});

describe('predicate boundaries', () => {
  const cases: { name: string; input: number; expected: Predicate }[] = [
    { name: '100', input: 100, expected: 'AA' },
    { name: 'just above 90', input: 90.01, expected: 'AA' },
    { name: 'exactly 90', input: 90, expected: 'A' },
    // 0,3 · 300 is 90 on paper; binary noise must not lift it into AA.
    { name: '90 with float noise', input: 90 + 1e-12, expected: 'A' },
    { name: 'just above 80', input: 80.01, expected: 'A' },
    { name: 'exactly 80', input: 80, expected: 'BB' },
    { name: 'just above 70', input: 70.01, expected: 'BB' },
    { name: 'exactly 70', input: 70, expected: 'B' },
    { name: 'just above 60', input: 60.01, expected: 'B' },
    { name: 'exactly 60', input: 60, expected: 'CC' },
    { name: 'just above 50', input: 50.01, expected: 'CC' },
    { name: 'exactly 50', input: 50, expected: 'C' },
    { name: 'just above 30', input: 30.01, expected: 'C' },
    { name: 'exactly 30', input: 30, expected: 'D' },
    { name: '0', input: 0, expected: 'D' },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(predicate(input)).toBe(expected));
  it('an office whose components are all 90 is A, not AA', () => {
    expect(predicate(indexScore({ iku: 90, actionPlan: 90, iki: 90, stages: 90, dataQuality: 90 }, { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 }) ?? 0)).toBe('A');
  });
});

describe('province: rank and peers', () => {
  const base = score();
  const noAreas = Object.fromEntries(AREA_IDS.map((id) => [id, null])) as Record<AreaId, number | null>;
  const office = (code: string, index: number | null, areas: Partial<Record<AreaId, number>> = {}, status: OfficeResult['status'] = 'scored'): OfficeResult => ({
    ...base,
    code,
    status,
    scores: { ...base.scores, index },
    areas: { ...noAreas, ...areas },
  });

  it('rank by index descending, ties by code ascending, unscored offices unranked', () => {
    // 3501 (90) first; 80, 80 and 80,0000000001 (80 after settling) tie → 3503, 3507, 3573.
    const offices = [office('3573', 80), office('3507', 80), office('3501', 90), office('3502', null, {}, 'unscored'), office('3503', 80.0000000001)];
    const ranks = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.rank]));
    expect(ranks).toEqual({ '3501': 1, '3503': 2, '3507': 3, '3573': 4, '3502': null });
  });

  it('peer pairs: two weakest areas, best other office, only when it scores higher', () => {
    // 3501: weakest area 1 (40) and area 3 (50). Area 1 best others 3502 and 3503 tie at 90 → 3502;
    //   area 3 best other 3502 (70).
    // 3502: weakest area 2 (60) and area 3 (70). Area 2 → 3503 (80). Area 3: best other is 3501 (50,
    //   tie with 3503, code first), not higher → no pair.
    // 3503: weakest area 3 (50) then area 2, 4, 5, 6 tie at 80 → area 2 (lowest number).
    //   Area 3 → 3502 (70). Area 2: best other 3501/3502 at 60 → not higher → no pair.
    // 3504: areas 4, 5, 6 tie at 50 → areas 4 and 5; best other 3503 (80) for both.
    // 3505 is unscored: its areas are ignored even though they are high.
    const offices = [
      office('3501', 70, { 'akuntabilitas-keuangan': 40, 'informasi-hukum-ppid': 60, 'hubungan-kelembagaan': 50 }),
      office('3502', 70, { 'akuntabilitas-keuangan': 90, 'informasi-hukum-ppid': 60, 'hubungan-kelembagaan': 70 }),
      office('3503', 70, {
        'akuntabilitas-keuangan': 90, 'informasi-hukum-ppid': 80, 'hubungan-kelembagaan': 50,
        'pengolahan-data': 80, 'literasi-demokrasi': 80, 'tata-kelola-internal': 80,
      }),
      office('3504', 70, { 'pengolahan-data': 50, 'literasi-demokrasi': 50, 'tata-kelola-internal': 50 }),
      office('3505', null, { 'akuntabilitas-keuangan': 100, 'hubungan-kelembagaan': 100, 'pengolahan-data': 100 }, 'unscored'),
    ];
    const peers = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.peers]));
    expect(peers).toEqual({
      '3501': [{ area: 'akuntabilitas-keuangan', office: '3502' }, { area: 'hubungan-kelembagaan', office: '3502' }],
      '3502': [{ area: 'informasi-hukum-ppid', office: '3503' }],
      '3503': [{ area: 'hubungan-kelembagaan', office: '3502' }],
      '3504': [{ area: 'pengolahan-data', office: '3503' }, { area: 'literasi-demokrasi', office: '3503' }],
      '3505': [],
    });
  });
});

describe('office identity', () => {
  const cases: { name: string; input: Tweaks; expected: { status: OfficeResult['status']; findings: string[][] } }[] = [
    { name: 'Kode Satker of another office', input: { Profil: profile({ code: '3507' }) }, expected: { status: 'unscored', findings: [['office-code-mismatch', 'Profil!B1', 'error']] } },
    { name: 'Tahun of another year', input: { Profil: profile({ year: 2024 }) }, expected: { status: 'unscored', findings: [['year-mismatch', 'Profil!B3', 'error']] } },
    { name: 'Kode Satker typed as a number', input: { Profil: profile({ code: 3573 }) }, expected: { status: 'scored', findings: [] } },
    { name: 'Tahun typed as text with spaces', input: { Profil: profile({ year: ' 2025 ' }) }, expected: { status: 'scored', findings: [] } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const [result] = rankProvince([score(input), { ...score(), code: '3574' }]);
      expect(result?.status).toBe(expected.status);
      expect(result?.findings.filter((f) => f.tab === 'Profil').map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
      if (expected.status === 'unscored') {
        expect(result?.scores).toEqual({ iku: null, actionPlan: null, iki: null, stages: null, dataQuality: null, index: null });
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
