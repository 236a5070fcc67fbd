import { describe, expect, it } from 'vitest';
import { toCell, toSheet } from '../../../functions/adapters/google/sheets-cells.js';
import { spreadsheetId } from '../../../functions/adapters/google/spreadsheet-ref.js';
import type { Cell } from '../../../functions/core/workbook.js';
import { DEFAULT_WORKBOOK_LIMITS, exceededLimit } from '../../../functions/core/workbook-limits.js';

/** Sheets CellData → the core's cell model (docs/SPEC.md §2), the same cells the xlsx reader yields. */
describe('toCell', () => {
  const cases: { name: string; input: Parameters<typeof toCell>[0]; expected: Cell | undefined }[] = [
    { name: 'empty cell', input: {}, expected: undefined },
    {
      name: 'plain number',
      input: { effectiveValue: { numberValue: 42 }, formattedValue: '42' },
      expected: { value: 42, format: 'number' },
    },
    {
      name: 'percent cell keeps the fraction',
      input: {
        effectiveValue: { numberValue: 0.875 },
        formattedValue: '87,5%',
        effectiveFormat: { numberFormat: { type: 'PERCENT' } },
      },
      expected: { value: 0.875, format: 'percent' },
    },
    {
      name: 'date cell is a serial',
      input: {
        effectiveValue: { numberValue: 45884 },
        formattedValue: '15/08/2025',
        effectiveFormat: { numberFormat: { type: 'DATE' } },
      },
      expected: { value: 45884, format: 'date' },
    },
    {
      name: 'date-time cell is a serial',
      input: { effectiveValue: { numberValue: 45884.5 }, effectiveFormat: { numberFormat: { type: 'DATE_TIME' } } },
      expected: { value: 45884.5, format: 'date' },
    },
    {
      name: 'number held as text',
      input: {
        effectiveValue: { numberValue: 198703152010121000 },
        effectiveFormat: { numberFormat: { type: 'TEXT' } },
      },
      expected: { value: 198703152010121000, format: 'text' },
    },
    {
      name: 'text',
      input: { effectiveValue: { stringValue: '87,5' }, formattedValue: '87,5' },
      expected: { value: '87,5', format: 'text' },
    },
    {
      name: 'currency format counts as a number',
      input: { effectiveValue: { numberValue: 1250 }, effectiveFormat: { numberFormat: { type: 'CURRENCY' } } },
      expected: { value: 1250, format: 'number' },
    },
    {
      name: 'boolean',
      input: { effectiveValue: { boolValue: true }, formattedValue: 'TRUE' },
      expected: { value: true, format: 'text' },
    },
    {
      name: 'formula error as its text',
      input: {
        effectiveValue: { errorValue: { type: 'REF', message: 'Reference does not exist.' } },
        formattedValue: '#REF!',
      },
      expected: { value: '#REF!', format: 'text' },
    },
    {
      name: 'formula error without formatted value',
      input: { effectiveValue: { errorValue: { type: 'DIVIDE_BY_ZERO' } } },
      expected: { value: '#DIV/0!', format: 'text' },
    },
    {
      name: 'labelled link gives its URL',
      input: { effectiveValue: { stringValue: 'Bukti' }, hyperlink: 'https://drive.google.com/file/d/abc' },
      expected: {
        value: 'https://drive.google.com/file/d/abc',
        format: 'text',
        links: ['https://drive.google.com/file/d/abc'],
      },
    },
    {
      name: 'a URL shown as text stays, its hyperlink beside it',
      input: { effectiveValue: { stringValue: 'https://a.example/x' }, hyperlink: 'https://a.example/y' },
      expected: { value: 'https://a.example/x', format: 'text', links: ['https://a.example/y'] },
    },
    {
      name: 'rich-text runs: a link on part of the text',
      input: {
        effectiveValue: { stringValue: 'Notulen dan daftar hadir' },
        textFormatRuns: [
          { startIndex: 0, format: { link: { uri: 'https://drive.google.com/file/d/notulen' } } },
          { startIndex: 7, format: {} },
          { startIndex: 12, format: { link: { uri: 'https://drive.google.com/file/d/hadir' } } },
        ],
      },
      expected: {
        value: 'Notulen dan daftar hadir',
        format: 'text',
        links: ['https://drive.google.com/file/d/notulen', 'https://drive.google.com/file/d/hadir'],
      },
    },
    {
      name: 'smart chips: a pasted Drive link turned into a chip',
      input: {
        effectiveValue: { stringValue: 'Laporan TW III.pdf' },
        chipRuns: [{ startIndex: 0, chip: { richLinkProperties: { uri: 'https://drive.google.com/file/d/chip' } } }],
      },
      expected: { value: 'Laporan TW III.pdf', format: 'text', links: ['https://drive.google.com/file/d/chip'] },
    },
    {
      name: 'person chips: each address as a mailto: link, the "@" placeholders as the text',
      input: {
        effectiveValue: { stringValue: '@, @' },
        chipRuns: [
          { startIndex: 0, chip: { personProperties: { email: 'a@bawaslu.go.id' } } },
          { startIndex: 3, chip: { personProperties: { email: 'b@bawaslu.go.id', displayFormat: 'DEFAULT' } } },
        ],
      },
      expected: { value: '@, @', format: 'text', links: ['mailto:a@bawaslu.go.id', 'mailto:b@bawaslu.go.id'] },
    },
    {
      name: 'HYPERLINK formula: the URL from the formula, in either argument separator',
      input: {
        userEnteredValue: { formulaValue: '=hyperlink("https://drive.google.com/file/d/f"; "Bukti")' },
        effectiveValue: { stringValue: 'Bukti' },
      },
      expected: { value: 'Bukti', format: 'text', links: ['https://drive.google.com/file/d/f'] },
    },
    {
      name: 'every form at once, each link once, in the SPEC order',
      input: {
        effectiveValue: { stringValue: 'Bukti' },
        hyperlink: 'https://a.example/1',
        textFormatRuns: [{ startIndex: 0, format: { link: { uri: 'https://a.example/2' } } }],
        chipRuns: [{ startIndex: 0, chip: { richLinkProperties: { uri: 'https://a.example/1' } } }],
        userEnteredValue: { formulaValue: '=HYPERLINK("https://a.example/3","Bukti")' },
      },
      expected: {
        value: 'https://a.example/1',
        format: 'text',
        links: ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'],
      },
    },
    {
      name: 'percent by pattern: NUMBER typed 0.00% is a percent',
      input: {
        effectiveValue: { numberValue: 0.875 },
        effectiveFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00%' } },
      },
      expected: { value: 0.875, format: 'percent' },
    },
    {
      name: 'percent by pattern: a quoted or escaped % is only text',
      input: {
        effectiveValue: { numberValue: 87.5 },
        effectiveFormat: { numberFormat: { type: 'NUMBER', pattern: '0.0" %";\\%0' } },
      },
      expected: { value: 87.5, format: 'number' },
    },
    {
      name: 'internal link is not a URL',
      input: { effectiveValue: { stringValue: 'lihat IKU' }, hyperlink: '#gid=123' },
      expected: { value: 'lihat IKU', format: 'text' },
    },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(toCell(input)).toEqual(expected));

  it('places blocks by their start row and column', () => {
    const sheet = toSheet({
      properties: { title: 'IKU' },
      data: [
        {
          startRow: 2,
          startColumn: 1,
          rowData: [
            { values: [{ effectiveValue: { numberValue: 1 } }] },
            {},
            { values: [{}, { effectiveValue: { stringValue: 'x' } }] },
          ],
        },
      ],
    });
    expect(sheet.rows[2]?.[1]).toEqual({ value: 1, format: 'number' });
    expect(sheet.rows[4]?.[2]).toEqual({ value: 'x', format: 'text' });
    expect(sheet.rows[3]).toBeUndefined();
  });

  it('keeps a value below a blank gap, so a value at row 6 000 passes the row limit (SPEC §2 v3)', () => {
    const rowData = [
      { values: [{ effectiveValue: { stringValue: 'No' } }] },
      ...Array.from({ length: 5998 }, () => ({})),
      { values: [{ effectiveValue: { numberValue: 4 } }] },
    ];
    const sheet = toSheet({ properties: { title: 'Rencana Aksi' }, data: [{ startRow: 0, startColumn: 0, rowData }] });
    expect(sheet.rows[5999]?.[0]).toEqual({ value: 4, format: 'number' });
    expect(exceededLimit({ sheets: [sheet] }, DEFAULT_WORKBOOK_LIMITS)).toEqual({
      measure: 'rows',
      tab: 'Rencana Aksi',
      limit: 5000,
    });
  });
});

describe('spreadsheetId', () => {
  const cases: { input: string; expected: string | null }[] = [
    { input: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd', expected: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd' },
    { input: ' https://docs.google.com/spreadsheets/d/1AbCdEfGhIjK_lm-no/edit#gid=0 ', expected: '1AbCdEfGhIjK_lm-no' },
    { input: 'https://docs.google.com/spreadsheets/u/1/d/1AbCdEfGhIjK_lm-no/edit', expected: '1AbCdEfGhIjK_lm-no' },
    { input: 'satker/3573.xlsx', expected: null },
    { input: 'abc', expected: null },
  ];
  for (const { input, expected } of cases)
    it(`reads ${input.trim()}`, () => expect(spreadsheetId(input)).toBe(expected));
});
