import { describe, expect, it } from 'vitest';
import { firstRows, TABLE_ROW_LIMIT } from '../../../functions/core/report/long-list.js';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import { rowRanges } from '../../../functions/core/report/report-text.js';
import { rankProvince } from '../../../functions/core/scoring/office.js';
import { wrongOfficeWorkbook } from '../../fakes/wrong-office.js';
import { period, scoreWorkbook, SETTINGS } from '../../helpers/workbook.js';

/**
 * Issue 17 item 2: an office with thousands of rows must still get its report within the 30-second print
 * limit, so the report's tables print their first rows and count the rest, and row lists stay one line.
 */
describe('long lists in the office report', () => {
  const cases: { name: string; rows: number; shown: number; more: string | null }[] = [
    { name: 'a short list is printed whole', rows: 3, shown: 3, more: null },
    { name: 'exactly the limit is printed whole', rows: TABLE_ROW_LIMIT, shown: TABLE_ROW_LIMIT, more: null },
    { name: 'beyond the limit the rest is counted', rows: 5060, shown: TABLE_ROW_LIMIT, more: '5.000' },
  ];
  for (const { name, rows, shown, more } of cases)
    it(name, () => {
      const list = firstRows(Array.from({ length: rows }, (_, i) => i));
      expect(list.rows).toHaveLength(shown);
      expect(list.more).toBe(more);
    });

  it('row ranges name four runs, then …', () => {
    // Rows 2, 4, 6, 8, 10 (0-based 1, 3, 5, 7, 9) are five separate runs.
    expect(rowRanges('IKI', 'A', [1, 3, 5, 7, 9])).toBe('IKI!A2, A4, A6, A8, …');
    expect(rowRanges('IKI', 'A', [1, 2, 3, 7])).toBe('IKI!A2:A4, A8');
  });

  it('an office whose tabs hold 100 wrong rows: 60 IKU rows and 60 persons printed, the rest counted', () => {
    // wrongOfficeWorkbook: every IKU row is a row in error. IKI row i has a readable NIP of its own unless
    // i mod 3 = 0, so 66 of the 100 rows are persons; the other 34 (sheet rows 2, 5, 8, …) are unreadable,
    // each with a Nama of its own ("Pegawai 1", …): listed too, as a data problem (issue 18). 100 in all.
    const [office] = rankProvince([scoreWorkbook(wrongOfficeWorkbook(100))]);
    if (!office) throw new Error('no office');
    const model = officeReportModel(office, {
      period: period('2025-TW3'),
      generatedAt: new Date('2025-10-01T03:00:00Z'),
      offices: [office],
      previousIndex: new Map(),
      weights: SETTINGS.weights,
    });
    expect(model.iku?.rows).toHaveLength(60);
    expect(model.iku?.more).toBe('40');
    expect(model.iki?.persons).toHaveLength(60);
    expect(model.iki?.morePersons).toBe('40');
    expect(model.iki?.unreadable).toContain('IKI!A2, A5, A8, A11, …');
  });
});
