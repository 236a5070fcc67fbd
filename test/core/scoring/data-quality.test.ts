import { describe, expect, it } from 'vitest';
import { DEFAULT_TABS, type Row } from '../../helpers/workbook.js';
import { score, expectClose, type Tweaks, tableRowsWithout } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/data-quality.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('data quality', () => {
  const broken = (tab: keyof typeof DEFAULT_TABS, index: number, column: string): Tweaks => ({
    [tab]: DEFAULT_TABS[tab].map((row, i) => (i === index ? { ...row, [column]: 'rusak' } : row)),
  });
  const cases: { name: string; input: Tweaks; expected: number }[] = [
    { name: 'all 21 rows valid', input: {}, expected: 100 },
    { name: 'one IKU row broken: 100·20/21', input: broken('IKU', 0, 'Realisasi TW I'), expected: 2000 / 21 },
    {
      name: 'one ABK row broken (not scored, still counted): 100·20/21',
      input: broken('ABK', 1, 'Beban Kerja'),
      expected: 2000 / 21,
    },
    {
      name: 'three rows broken in three tabs: 100·18/21',
      input: {
        ...broken('Rencana Aksi', 1, 'Target TW II'),
        ...broken('IKI', 2, 'Realisasi TW I'),
        ...broken('Tahapan', 9, 'Status'),
      },
      expected: 1800 / 21,
    },
    {
      name: 'a warning does not make a row invalid (no evidence)',
      input: { 'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row) => ({ ...row, 'Bukti Dukung': undefined })) },
      expected: 100,
    },
    {
      name: 'IKU without column Indikator: its 2 rows invalid, 100·19/21',
      input: { IKU: { rows: tableRowsWithout('IKU', 'Indikator') } },
      expected: 1900 / 21,
    },
    { name: 'IKU tab missing: 19 rows, all valid', input: { IKU: null }, expected: 100 },
  ];
  for (const { name, input, expected } of cases) it(name, () => expectClose(score(input).scores.dataQuality, expected));
});

/**
 * What makes a row a data row (docs/SPEC.md §4, sheets-schema ColumnSpec.note): a value in a known column
 * that is data. Keterangan is a note, so a footnote typed in it under the Rencana Aksi table is not a row;
 * the default office keeps its 21 rows and its index 90,75. Before, the footnote was a third Rencana Aksi
 * row in error: RA (100 + 75 + 0)/3 = 58,33…, data quality 100·21/22, index 76,93.
 */
describe('data rows: a note alone never makes one', () => {
  const footnote = { Keterangan: 'Catatan: realisasi TW III menunggu laporan keuangan.' };
  const cases: { name: string; rows: Row[]; quality: number; index: number; errors: string[] }[] = [
    {
      name: 'a footnote in Keterangan under the table is not read',
      rows: [footnote],
      quality: 100,
      index: 90.75,
      errors: [],
    },
    {
      name: 'a footnote after a blank row is not read either',
      rows: [{}, footnote],
      quality: 100,
      index: 90.75,
      errors: [],
    },
    {
      // Kegiatan is data: the row is read, without Bidang and targets → one more RA row in error.
      // RA (100 + 75 + 0)/3 = 175/3; data quality 100·21/22; index (3325 + 30·175/3 + 1425 + 700 + 10·2100/22)/100.
      name: 'a note beside data keeps the row a data row',
      rows: [{ ...footnote, Kegiatan: 'Sosialisasi' }],
      quality: 2100 / 22,
      index: (3325 + 1750 + 1425 + 700 + 21000 / 22) / 100,
      errors: ['missing-target', 'missing-value'],
    },
  ];
  for (const { name, rows, quality, index, errors } of cases)
    it(name, () => {
      const result = score({ 'Rencana Aksi': [...DEFAULT_TABS['Rencana Aksi'], ...rows] });
      expectClose(result.scores.dataQuality, quality);
      expectClose(result.scores.index, index);
      expect(result.findings.filter((f) => f.level === 'error').map((f) => f.code)).toEqual(errors);
    });
});
