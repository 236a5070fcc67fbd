import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';
import { scoreWorkbook } from '../../helpers/workbook.js';

/**
 * SPEC §2 v3: a formula cell without a saved result is `formula-error`, never blank. The pair of fixtures
 * (test/fixtures/workbooks/make.sh) is one office whose IKU-02 Target TW I is =25/0: LibreOffice computed it
 * and kept #DIV/0!; openpyxl re-saved that file and dropped the result. Read as blank, the Target left
 * IKU-02 not due, and IKU rose from 50 to 100 — a dropped result must never make a row look better.
 *
 * Worked by hand for 2025-TW1, equal weights: IKU-01 T 25, R 25 → 100; IKU-02 in error → 0. IKU = 50 in both.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks');

describe('a formula without a saved result', () => {
  const cases: { file: string; message: RegExp }[] = [
    { file: 'libreoffice-formula-office.xlsx', message: /^Target TW I berisi galat rumus #DIV\/0!/ },
    {
      file: 'openpyxl-formula-office.xlsx',
      message:
        /^Target TW I berisi rumus =25\/0 yang hasilnya tidak tersimpan di file.*Buka file itu di Excel, LibreOffice atau Google Sheets, lalu simpan ulang/,
    },
  ];
  for (const { file, message } of cases) {
    it(`${file}: formula-error on the cell, and the row scores 0`, async () => {
      const result = scoreWorkbook(await readXlsxWorkbook(join(FIXTURES, file)), { period: '2025-TW1' });
      const errors = result.findings.filter((f) => f.level === 'error');
      expect(errors.map((f) => [f.code, f.cell])).toEqual([['formula-error', 'IKU!H3']]);
      expect(errors[0]?.message).toMatch(message);
      expect(result.scores.iku).toBe(50);
    });
  }
});
