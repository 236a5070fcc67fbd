import type { sheets_v4 } from '@googleapis/sheets';
import { GUIDE_TAB, outputColumn } from '../../../sheets-schema/index.js';
import { headerNote, numberFormatFor, TEMPLATE_DATA_ROWS, type HeaderColumn } from '../xlsx/sheet-layout.js';
import { enteredValue } from './sheets-cells.js';

/**
 * The look of the workbooks monev creates, as batchUpdate requests: the same header rows, help notes,
 * column formats and dropdowns as the xlsx template (functions/adapters/xlsx/sheet-layout.ts), plus
 * what only Sheets has: protected header rows. Provisioning builds office and rekap spreadsheets
 * from sheets-schema through these, so both modes hand operators the same layout.
 */
type Request = sheets_v4.Schema$Request;

export const rgb = (hex: string) => ({
  red: parseInt(hex.slice(0, 2), 16) / 255,
  green: parseInt(hex.slice(2, 4), 16) / 255,
  blue: parseInt(hex.slice(4, 6), 16) / 255,
});
// Required columns get a warmer fill so operators see at a glance what must be filled (as in xlsx).
const REQUIRED_FILL = rgb('FCE4D6');
const OPTIONAL_FILL = rgb('DDEBF7');
const PIXELS_PER_CHARACTER = 7;

const HEADER_FORMAT = (required: boolean): sheets_v4.Schema$CellFormat => ({
  textFormat: { bold: true },
  backgroundColor: required ? REQUIRED_FILL : OPTIONAL_FILL,
  horizontalAlignment: 'CENTER',
  verticalAlignment: 'MIDDLE',
  wrapStrategy: 'WRAP',
});

/** Excel number formats of the template, as Sheets number formats. */
export function sheetsNumberFormat(excelFormat: string | undefined): sheets_v4.Schema$NumberFormat | undefined {
  switch (excelFormat) {
    case '@':
      return { type: 'TEXT', pattern: '@' };
    case '0':
      return { type: 'NUMBER', pattern: '0' };
    case 'dd/mm/yyyy':
      return { type: 'DATE', pattern: 'dd/mm/yyyy' };
    default:
      return undefined;
  }
}

export function columnWidth(sheetId: number, column: number, characters: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize: characters * PIXELS_PER_CHARACTER },
      fields: 'pixelSize',
    },
  };
}

/** Warns whoever edits the header row: monev finds columns by their titles. */
export function protectHeader(
  sheetId: number,
  rows: { startRow: number; endRow: number; endColumn?: number },
  what: string,
): Request {
  return {
    addProtectedRange: {
      protectedRange: {
        range: {
          sheetId,
          startRowIndex: rows.startRow,
          endRowIndex: rows.endRow,
          startColumnIndex: 0,
          ...(rows.endColumn ? { endColumnIndex: rows.endColumn } : {}),
        },
        description: `${what} dibaca monev menurut judulnya; jangan diubah atau dihapus.`,
        // A warning, not a lock: operators may still add their own columns, which monev ignores (docs/SPEC.md §2).
        warningOnly: true,
      },
    },
  };
}

/** Header row 1 with notes, fills, widths, column formats and dropdowns for the rows below it. */
export function tableLayout(sheetId: number, columns: readonly HeaderColumn[], tabName: string): Request[] {
  const requests: Request[] = [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [
          {
            values: columns.map((column) => ({
              userEnteredValue: { stringValue: column.header },
              note: headerNote(column.help, column.required),
              userEnteredFormat: HEADER_FORMAT(column.required),
            })),
          },
        ],
        fields: 'userEnteredValue,note,userEnteredFormat',
      },
    },
    {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: 1 },
        properties: { pixelSize: 42 },
        fields: 'pixelSize',
      },
    },
  ];
  const body = { sheetId, startRowIndex: 1, endRowIndex: TEMPLATE_DATA_ROWS + 1 };
  columns.forEach((column, c) => {
    requests.push(columnWidth(sheetId, c, column.width ?? Math.max(10, column.header.length + 2)));
    const numberFormat = sheetsNumberFormat(numberFormatFor(column.kind));
    if (numberFormat)
      requests.push({
        repeatCell: {
          range: { ...body, startColumnIndex: c, endColumnIndex: c + 1 },
          cell: { userEnteredFormat: { numberFormat } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
    // Long text wraps within its column, as in the xlsx template (sheet-layout.ts bodyAlignment).
    if (column.wrap)
      requests.push({
        repeatCell: {
          range: { ...body, startColumnIndex: c, endColumnIndex: c + 1 },
          cell: { userEnteredFormat: { wrapStrategy: 'WRAP' } },
          fields: 'userEnteredFormat.wrapStrategy',
        },
      });
    if (column.listRange) {
      requests.push({
        setDataValidation: {
          range: { ...body, startColumnIndex: c, endColumnIndex: c + 1 },
          rule: {
            condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: `=${column.listRange.range}` }] },
            strict: false,
            showCustomUi: true,
            inputMessage: `Pilih dari daftar di tab ${column.listRange.tab}.`,
          },
        },
      });
    }
    if (column.list) {
      requests.push({
        setDataValidation: {
          range: { ...body, startColumnIndex: c, endColumnIndex: c + 1 },
          rule: {
            condition: { type: 'ONE_OF_LIST', values: column.list.map((item) => ({ userEnteredValue: item })) },
            // Not strict: the reader also accepts other spellings (a Bidang number, "maks").
            strict: false,
            showCustomUi: true,
            inputMessage: `Pilih salah satu: ${column.list.join(', ')}.`,
          },
        },
      });
    }
  });
  // Every data cell at the top of its row, so a number stays level with the first line of wrapped text.
  requests.push({
    repeatCell: {
      range: { ...body, startColumnIndex: 0, endColumnIndex: columns.length },
      cell: { userEnteredFormat: { verticalAlignment: 'TOP' } },
      fields: 'userEnteredFormat.verticalAlignment',
    },
  });
  requests.push(protectHeader(sheetId, { startRow: 0, endRow: 1 }, `Baris judul tab ${tabName}`));
  return requests;
}

export interface KeyValueEntry {
  readonly label: string;
  readonly help: string;
  /** A value the reader needs (Profil's three keys): the key gets the required columns' fill and note. */
  readonly required?: boolean;
  readonly value?: string | number | null;
  /** Excel format of the value cell, e.g. "@" for a code that must stay text. */
  readonly numFmt?: string;
}

/** Key in column A (bold, the help as a note), value in column B, from row 1 down. */
export function keyValueLayout(sheetId: number, entries: readonly KeyValueEntry[], tabName: string): Request[] {
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: entries.map((entry) => {
          const value = entry.value === undefined ? undefined : enteredValue(entry.value);
          const numberFormat = sheetsNumberFormat(entry.numFmt);
          return {
            values: [
              {
                userEnteredValue: { stringValue: entry.label },
                note: headerNote(entry.help, entry.required === true, 'key'),
                userEnteredFormat: {
                  textFormat: { bold: true },
                  backgroundColor: entry.required ? REQUIRED_FILL : OPTIONAL_FILL,
                },
              },
              {
                ...(value ? { userEnteredValue: value } : {}),
                ...(numberFormat ? { userEnteredFormat: { numberFormat } } : {}),
              },
            ],
          };
        }),
        fields: 'userEnteredValue,note,userEnteredFormat',
      },
    },
    columnWidth(sheetId, 0, 22),
    columnWidth(sheetId, 1, 44),
    protectHeader(sheetId, { startRow: 0, endRow: entries.length, endColumn: 1 }, `Kolom kunci tab ${tabName}`),
  ];
}

/** Plain rows written below a header, from row 2 and column A. */
export function dataRows(sheetId: number, rows: readonly (readonly (string | number | null)[])[]): Request[] {
  if (rows.length === 0) return [];
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 1, columnIndex: 0 },
        rows: rows.map((row) => ({
          values: row.map((value) => {
            const entered = enteredValue(value);
            return entered ? { userEnteredValue: entered } : {};
          }),
        })),
        fields: 'userEnteredValue',
      },
    },
  ];
}

/** A new tab for the layout, with its header row frozen. */
/** The rows of a tab addTab makes: the template's data rows and the header. */
export const TAB_GRID_ROWS = Math.max(TEMPLATE_DATA_ROWS + 1, 100);

export function addTab(sheetId: number, title: string, columns: number, frozenRows = 1): Request {
  return {
    addSheet: {
      properties: {
        sheetId,
        title,
        gridProperties: {
          rowCount: TAB_GRID_ROWS,
          columnCount: Math.max(columns, 2),
          frozenRowCount: frozenRows,
        },
      },
    },
  };
}

/**
 * An output tab of the rekap as monev creates it: readable widths and, on Rekap and Rekap Bidang, a
 * filter over whole columns (rows added later fall inside it). Only a new tab gets the filter: setting
 * it again would drop the criteria the province chose.
 */
export function outputTabLayout(sheetId: number, name: string, headers: readonly string[]): Request[] {
  const requests = headers.map((header, c) =>
    columnWidth(sheetId, c, outputColumn(name, header)?.width ?? Math.max(10, Math.min(34, header.length + 4))),
  );
  if (headers.some((header) => outputColumn(name, header)))
    requests.push({
      setBasicFilter: {
        filter: { range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: headers.length } },
      },
    });
  return requests;
}

/** The Petunjuk tab, first in the spreadsheet: one wide wrapped column, rows fitted to their text. */
export function guideLayout(sheetId: number): Request[] {
  const rowCount = GUIDE_TAB.lines.length;
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title: GUIDE_TAB.name,
          index: 0,
          gridProperties: { rowCount, columnCount: 1 },
          tabColorStyle: { rgbColor: rgb('7A1F1F') },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: GUIDE_TAB.lines.map((line) => ({
          values: [
            {
              userEnteredValue: { stringValue: line.text },
              userEnteredFormat: {
                wrapStrategy: 'WRAP',
                verticalAlignment: line.style === 'heading' ? 'BOTTOM' : 'TOP',
                textFormat: { bold: line.style !== undefined, fontSize: line.style === 'title' ? 14 : 10 },
              },
            },
          ],
        })),
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
    columnWidth(sheetId, 0, GUIDE_TAB.width + 20),
    { autoResizeDimensions: { dimensions: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: rowCount } } },
  ];
}
