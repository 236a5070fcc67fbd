import { describe, expect, it } from 'vitest';
import { DATA_TABS } from '../../sheets-schema/index.js';
import { score, tableRowsWithout } from '../helpers/scoring.js';
import type { DataTabName } from '../helpers/workbook.js';

/**
 * A tab lacking a required column gets one `missing-column` finding and no row findings about that column
 * (issue 17 item 5): its cells do not exist, so "Kolom Norma Waktu kosong" at ABK!A2 would name a cell the
 * operator cannot find, and the tab-level finding already says every row is invalid. Checked for every
 * required column of every data tab of the default office, whose other findings are none at all.
 */
const cases = DATA_TABS.flatMap((tab) =>
  tab.columns
    .filter((column) => column.required)
    .map((column) => ({ tab: tab.name as DataTabName, header: column.header })),
);

describe('a missing required column raises no row findings', () => {
  for (const { tab, header } of cases) {
    it(`${tab} without ${header}`, () => {
      const result = score({ [tab]: { rows: tableRowsWithout(tab, header) } });
      const onTab = result.findings.filter((f) => f.tab === tab).map((f) => [f.code, f.cell, f.message]);
      expect(onTab).toEqual([
        [
          'missing-column',
          `${tab === 'Rencana Aksi' ? "'Rencana Aksi'" : tab}!A1`,
          expect.stringContaining(`"${header}"`),
        ],
      ]);
    });
  }
});
