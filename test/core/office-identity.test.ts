import { describe, expect, it } from 'vitest';
import { readOffice } from '../../functions/core/office-reader.js';
import { score } from '../helpers/scoring.js';
import { officeWorkbook, period, type CellInput } from '../helpers/workbook.js';

/**
 * SPEC §3: a workbook must prove whose it is. A Profil holding two Kode Satker rows that disagree proves
 * nothing (issue 17 item 4): whichever row monev read first, the other may be the truth, so the office is
 * left unscored with `office-code-mismatch`, naming both values and both cells. Rows that agree, or a second
 * row left blank, claim no other owner.
 */
function profil(codes: readonly CellInput[]) {
  return {
    rows: [
      ['Kode Satker', codes[0]],
      ['Nama Satker', 'Bawaslu Kota Malang'],
      ['Tahun', 2025],
      ...codes.slice(1).map((code) => ['Kode Satker', code]),
    ],
  };
}

describe('two Kode Satker rows in Profil', () => {
  const cases: { name: string; codes: CellInput[]; status: 'scored' | 'unscored'; cells: string[] }[] = [
    {
      name: 'disagreeing: the first is the registry code',
      codes: ['3573', '3507'],
      status: 'unscored',
      cells: ['Profil!B4'],
    },
    {
      name: 'disagreeing: the second is the registry code',
      codes: ['3507', '3573'],
      status: 'unscored',
      cells: ['Profil!B4'],
    },
    { name: 'agreeing, one typed as a number', codes: ['3573', 3573], status: 'scored', cells: [] },
    { name: 'the second left blank', codes: ['3573', undefined], status: 'scored', cells: [] },
  ];
  for (const { name, codes, status, cells } of cases) {
    it(name, () => {
      const result = score({ Profil: profil(codes) });
      expect(result.status).toBe(status);
      expect(result.findings.filter((f) => f.code === 'office-code-mismatch').map((f) => f.cell)).toEqual(cells);
    });
  }

  it('says both values and both cells, and what to do', () => {
    const found = score({ Profil: profil(['3573', '3507']) }).findings.find((f) => f.code === 'office-code-mismatch');
    expect(found?.message).toMatch(/dua Kode Satker yang berbeda: "3573" di Profil!B1 dan "3507" di Profil!B4/);
    expect(found?.message).toMatch(/tidak dinilai/);
    expect(found?.message).toMatch(/Hapus baris Kode Satker yang keliru/);
    expect(found?.office?.reason).toMatch(/"3573".*"3507"/);
  });

  it('leaves the workbook unidentified without a registry code too (monev validate)', () => {
    const parsed = readOffice(officeWorkbook({ Profil: profil(['3573', '3507']) }), { code: null }, period());
    expect(parsed.identified).toBe(false);
    expect(parsed.findings.map((f) => [f.code, f.cell])).toEqual([['office-code-mismatch', 'Profil!B4']]);
  });
});
