import type { sheets_v4 } from '@googleapis/sheets';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import { neutralise, type SheetValue } from '../../core/summary-rows.js';
import { enteredValue } from './sheets-cells.js';

/**
 * The one batchUpdate that replaces an office's Hasil Validasi (docs/SPEC.md §5): it adds the tab when it is
 * missing, sizes it to the findings, and writes the header and one row per finding over the whole
 * tab, so rows of an earlier run disappear. Nothing outside that tab is touched.
 */
type Request = sheets_v4.Schema$Request;

/** The sheet id monev gives the Hasil Validasi tabs it creates, so a later run can address it directly. */
export const FEEDBACK_SHEET_ID = 1_733_617_001;

const HEADER_FORMAT: sheets_v4.Schema$CellFormat = {
  textFormat: { bold: true, foregroundColor: { red: 1, green: 1, blue: 1 } },
  backgroundColor: { red: 0.478, green: 0.122, blue: 0.122 },
  verticalAlignment: 'MIDDLE',
  wrapStrategy: 'WRAP',
};
const ROW_FORMAT: sheets_v4.Schema$CellFormat = { verticalAlignment: 'TOP', wrapStrategy: 'WRAP' };
const ERROR_FORMAT: sheets_v4.Schema$CellFormat = {
  ...ROW_FORMAT,
  textFormat: { bold: true, foregroundColor: { red: 0.69, green: 0, blue: 0.125 } },
};
const WIDTHS = [18, 20, 12, 22, 100];

export function feedbackRequests(
  sheetId: number,
  rows: readonly (readonly SheetValue[])[],
  create: boolean,
): Request[] {
  const rowCount = rows.length + 1;
  const requests: Request[] = [];
  if (create) {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: FEEDBACK_TAB.name,
          gridProperties: { rowCount, columnCount: FEEDBACK_TAB.headers.length, frozenRowCount: 1 },
        },
      },
    });
    WIDTHS.forEach((width, i) =>
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
          properties: { pixelSize: width * 7 },
          fields: 'pixelSize',
        },
      }),
    );
  } else {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { rowCount, frozenRowCount: 1 } },
        fields: 'gridProperties.rowCount,gridProperties.frozenRowCount',
      },
    });
  }
  const header = {
    values: FEEDBACK_TAB.headers.map((text) => ({
      userEnteredValue: { stringValue: text },
      userEnteredFormat: HEADER_FORMAT,
    })),
  };
  const body = rows.map((row) => ({
    values: row.map((value, column) => {
      const entered = enteredValue(typeof value === 'string' ? neutralise(value) : value);
      return {
        ...(entered ? { userEnteredValue: entered } : {}),
        userEnteredFormat: column === 2 && value === 'Error' ? ERROR_FORMAT : ROW_FORMAT,
      };
    }),
  }));
  // A range of the whole tab: cells the rows do not cover are cleared, values and formats alike.
  requests.push({
    updateCells: { range: { sheetId }, rows: [header, ...body], fields: 'userEnteredValue,userEnteredFormat' },
  });
  return requests;
}
