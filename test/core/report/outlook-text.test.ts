import { describe, expect, it } from 'vitest';
import { neededText, projectionBasis } from '../../../functions/core/report/outlook-text.js';
import type { OutlookRow } from '../../../functions/core/scoring/outlook.js';

/** The outlook's wording (SPEC v3 §8 `needed`): as the rule computes it, in the row's Satuan. */
const row = (over: Partial<OutlookRow>): OutlookRow => ({
  row: 1,
  code: 'IKU-01',
  indicator: null,
  projected: 90,
  atRisk: true,
  needed: 55,
  aggregation: 'kumulatif',
  polarity: 'maksimal',
  unit: 'dokumen',
  yearTarget: 100,
  ...over,
});

describe('outlook wording', () => {
  const cases: { name: string; input: [Partial<OutlookRow>, number]; expected: string }[] = [
    { name: 'Kumulatif at TW III: what TW IV must bring', input: [{}, 3], expected: 'TW IV perlu 55 dokumen' },
    {
      name: 'Kumulatif at TW II: the total of TW III–IV',
      input: [{}, 2],
      expected: 'TW III–IV perlu 55 dokumen (jumlah)',
    },
    {
      name: 'Akhir Periode: the level to reach in TW IV',
      input: [{ aggregation: 'akhir-periode', needed: 80, unit: 'persen' }, 2],
      expected: 'TW IV perlu mencapai 80 persen',
    },
    {
      name: 'Rata-rata at TW II: the mean of each remaining quarter',
      input: [{ aggregation: 'rata-rata', needed: 113.5, unit: null }, 2],
      expected: 'TW III–IV perlu rata-rata 113,5 tiap triwulan',
    },
    {
      name: 'Minimal: a ceiling',
      input: [{ polarity: 'minimal', needed: 14, unit: 'temuan' }, 1],
      expected: 'TW II–IV perlu paling banyak 14 temuan (jumlah)',
    },
    {
      name: 'more than 100 percent: out of reach, said so',
      input: [{ aggregation: 'rata-rata', needed: 181.1, unit: 'persen' }, 3],
      expected: 'TW IV perlu rata-rata 181,1 persen: target akhir tahun tidak lagi dapat dicapai',
    },
    {
      name: 'a ceiling below zero: out of reach',
      input: [{ polarity: 'minimal', needed: -3, unit: 'temuan' }, 3],
      expected: 'target akhir tahun tidak lagi dapat dicapai: batas setahun sudah terlampaui',
    },
  ];
  for (const { name, input, expected } of cases)
    it(name, () => expect(neededText(row(input[0]), input[1])).toBe(expected));

  it('says "bila laju sejauh ini berlanjut" only where a pace is projected', () => {
    expect(projectionBasis(row({}))).toBe('bila laju sejauh ini berlanjut');
    expect(projectionBasis(row({ aggregation: 'akhir-periode' }))).toBe('relatif terhadap rencana sejauh ini');
    expect(projectionBasis(row({ aggregation: 'rata-rata' }))).toBe('relatif terhadap rencana sejauh ini');
  });
});
