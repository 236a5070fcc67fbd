import { describe, it } from 'vitest';
import { DEFAULT_TABS } from '../../helpers/workbook.js';
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
