import { describe, expect, it } from 'vitest';
import { feedbackRequests } from '../../../functions/adapters/google/feedback-requests.js';
import type { Feedback } from '../../../functions/core/feedback.js';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';

/** The one batchUpdate that writes an office's Hasil Validasi in live mode, as the xlsx file lays it out. */
const sample: Feedback = {
  errors: 1,
  warnings: 0,
  title: [
    { text: 'Hasil Validasi · Bawaslu Kota Malang (3573)', style: 'title' },
    { text: 'Diperiksa 6 Desember 2026 09.41 WIB; perubahan sesudah waktu itu belum termasuk.', style: 'muted' },
  ],
  headerRow: 4,
  lines: [
    {
      level: 'error',
      cell: 'IKI!A7',
      values: ['IKI', 'IKI!A7', 'Budi · IKU-01', 'Kesalahan', 'NIP bukan teks', 'nip-not-text', 'Pesan.', 7.5],
    },
  ],
};

describe('feedbackRequests (Hasil Validasi in the office spreadsheet)', () => {
  const requests = feedbackRequests(42, sample, true, (tab) => (tab === 'IKI' ? 7 : undefined));
  const write = requests.find((r) => r.updateCells)?.updateCells;
  const rows = write?.rows ?? [];

  it('sizes the tab to title, blank row, header and lines, and freezes down to the header', () => {
    expect(requests[0]?.addSheet?.properties?.gridProperties).toEqual({
      rowCount: 5,
      columnCount: FEEDBACK_TAB.headers.length,
      frozenRowCount: 4,
    });
  });

  it('writes the title block in column A, a blank row, then the header and the lines', () => {
    expect(rows.map((row) => row.values?.[0]?.userEnteredValue?.stringValue)).toEqual([
      'Hasil Validasi · Bawaslu Kota Malang (3573)',
      'Diperiksa 6 Desember 2026 09.41 WIB; perubahan sesudah waktu itu belum termasuk.',
      undefined,
      'Tab',
      'IKI',
    ]);
    expect(rows[0]?.values?.[0]?.userEnteredFormat?.textFormat).toMatchObject({ bold: true, fontSize: 14 });
    expect(rows[3]?.values?.map((cell) => cell.userEnteredValue?.stringValue)).toEqual([...FEEDBACK_TAB.headers]);
    // The cell links to itself in its tab.
    expect(rows[4]?.values?.[1]?.userEnteredFormat?.textFormat?.link?.uri).toBe('#gid=7&range=A7');
  });

  it('hides the machine code and shows every other column at its width', () => {
    const columns = requests.flatMap((r) => (r.updateDimensionProperties ? [r.updateDimensionProperties] : []));
    expect(columns.map((c) => c.properties?.hiddenByUser)).toEqual([...FEEDBACK_TAB.hidden]);
    expect(columns[FEEDBACK_TAB.headers.indexOf('Kode')]?.properties?.hiddenByUser).toBe(true);
    expect(columns.every((c) => c.fields === 'pixelSize,hiddenByUser')).toBe(true);
  });

  it('fits the rows from the header down to their text, leaving the title rows alone', () => {
    expect(requests.at(-1)?.autoResizeDimensions?.dimensions).toEqual({
      sheetId: 42,
      dimension: 'ROWS',
      startIndex: 4,
      endIndex: 5,
    });
  });
});
