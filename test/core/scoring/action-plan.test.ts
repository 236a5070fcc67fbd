import { describe, expect, it } from 'vitest';
import { AREA_IDS, type AreaId } from '../../../sheets-schema/index.js';
import { URL_A, realizations, targets, type Row } from '../../helpers/workbook.js';
import { score } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/action-plan.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('Rencana Aksi', () => {
  // Targets F–I, realizations J–M, Bukti Dukung O. k = 3 unless stated.
  const cases: {
    name: string;
    input: { row: Row; k?: number };
    expected: { score: number | null; onTime: boolean | null; findings: string[][] };
  }[] = [
    {
      name: 'T 3, R 3 with evidence: 100, on time',
      input: { row: { ...targets(1, 1, 1), ...realizations(1, 1, 1), 'Bukti Dukung': URL_A } },
      expected: { score: 100, onTime: true, findings: [] },
    },
    {
      name: 'T 2+2, R 1+2: 75, late',
      input: { row: { ...targets(2, 2), ...realizations(1, 2), 'Bukti Dukung': URL_A } },
      expected: { score: 75, onTime: false, findings: [] },
    },
    {
      name: 'T 2, R 3: min(100, 150)',
      input: { row: { ...targets(2), ...realizations(3), 'Bukti Dukung': URL_A } },
      expected: { score: 100, onTime: true, findings: [] },
    },
    {
      name: 'R > 0 without evidence: R taken as 0, status from reported R',
      input: { row: { ...targets(2), ...realizations(2) } },
      expected: { score: 0, onTime: true, findings: [['missing-evidence', "'Rencana Aksi'!O2", 'warning']] },
    },
    {
      name: 'R = 0 without evidence: no warning, late',
      input: { row: { ...targets(2), ...realizations(0) } },
      expected: { score: 0, onTime: false, findings: [] },
    },
    {
      name: 'realization after quarter k does not count',
      input: { row: { ...targets(1, 1, 1, 1), ...realizations(0, 0, 0, 4), 'Bukti Dukung': URL_A } },
      expected: { score: 0, onTime: false, findings: [] },
    },
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
    {
      name: 'target only in quarter IV: not due yet, component null',
      input: { row: { ...targets(0, 0, 0, 5) } },
      expected: { score: null, onTime: null, findings: [] },
    },
    {
      name: 'target only in quarter IV, k=4: due',
      input: { row: { ...targets(0, 0, 0, 5), ...realizations(0, 0, 0, 5), 'Bukti Dukung': URL_A }, k: 4 },
      expected: { score: 100, onTime: true, findings: [] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score(
        { 'Rencana Aksi': [{ Bidang: 1, Kegiatan: 'Kegiatan uji', ...input.row }] },
        { period: `2025-TW${input.k ?? 3}` },
      );
      expect(result.scores.actionPlan).toBe(expected.score);
      expect(result.details.actionPlan[0]?.onTime).toBe(expected.onTime);
      const own = result.findings.filter((f) => f.tab === 'Rencana Aksi');
      expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }

  it("area scores: mean over the area's due rows, error rows included when Bidang is readable", () => {
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
