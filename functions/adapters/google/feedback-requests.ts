import type { sheets_v4 } from '@googleapis/sheets';
import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import type { Feedback, FeedbackLine, FeedbackTitleLine } from '../../core/feedback.js';
import { GAIN_FORMAT } from '../xlsx/feedback-sheet.js';
import { enteredValue } from './sheets-cells.js';

/**
 * The one batchUpdate that replaces an office's Hasil Validasi (docs/SPEC.md §5): it adds the tab when it is
 * missing, sizes it to the findings, and writes the title block (office, period, index, deadline,
 * contact, when it was checked), the header and one row per finding over the whole tab, so rows of an
 * earlier run disappear. The machine code's column is hidden beside its Indonesian label. Nothing outside that tab is touched. The cell column links
 * to the cell itself (`#gid=…&range=A7`), and rows are fitted to their wrapped text by Sheets.
 */
type Request = sheets_v4.Schema$Request;

/** The sheet id monev gives the Hasil Validasi tabs it creates, so a later run can address it directly. */
export const FEEDBACK_SHEET_ID = 1_733_617_001;

const rgb = (hex: string) => ({
  red: parseInt(hex.slice(0, 2), 16) / 255,
  green: parseInt(hex.slice(2, 4), 16) / 255,
  blue: parseInt(hex.slice(4, 6), 16) / 255,
});

const HEADER_FORMAT: sheets_v4.Schema$CellFormat = {
  textFormat: { bold: true, foregroundColor: rgb('FFFFFF') },
  backgroundColor: rgb('7A1F1F'),
  verticalAlignment: 'MIDDLE',
  wrapStrategy: 'WRAP',
};
const LEVEL_FORMAT: Record<'error' | 'warning', sheets_v4.Schema$CellFormat> = {
  error: { textFormat: { bold: true, foregroundColor: rgb('B00020') }, backgroundColor: rgb('FDE2E4') },
  warning: { textFormat: { foregroundColor: rgb('8A5300') }, backgroundColor: rgb('FFF4D6') },
};
const TITLE_FORMAT: Record<FeedbackTitleLine['style'], sheets_v4.Schema$CellFormat> = {
  title: { textFormat: { bold: true, fontSize: 14, foregroundColor: rgb('7A1F1F') }, verticalAlignment: 'MIDDLE' },
  strong: { textFormat: { bold: true } },
  plain: {},
  muted: { textFormat: { italic: true, fontSize: 9, foregroundColor: rgb('595959') } },
};
const LEVEL_COLUMN = FEEDBACK_TAB.headers.indexOf('Tingkat');
const CELL_COLUMN = FEEDBACK_TAB.headers.indexOf('Sel');
const GAIN_COLUMN = FEEDBACK_TAB.headers.indexOf('Tambahan Nilai');

/** Where a finding's cell is: the tab's sheet id by tab name, when the read listed it. */
export type TabIds = (tab: string) => number | undefined;

export function feedbackRequests(sheetId: number, feedback: Feedback, create: boolean, tabIds: TabIds): Request[] {
  const rowCount = feedback.headerRow + feedback.lines.length;
  const columnCount = FEEDBACK_TAB.headers.length;
  const frozenRowCount = feedback.headerRow;
  const requests: Request[] = [];
  if (create) {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: FEEDBACK_TAB.name,
          gridProperties: { rowCount, columnCount, frozenRowCount },
        },
      },
    });
  } else {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { rowCount, columnCount, frozenRowCount } },
        fields: 'gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount',
      },
    });
  }
  // Widths and hidden columns every time: a tab written by an earlier version of monev had other columns.
  FEEDBACK_TAB.widths.forEach((width, i) =>
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: width * 7, hiddenByUser: FEEDBACK_TAB.hidden[i] },
        fields: 'pixelSize,hiddenByUser',
      },
    }),
  );
  const title = feedback.title.map((line) => ({
    values: [{ userEnteredValue: { stringValue: line.text }, userEnteredFormat: TITLE_FORMAT[line.style] }],
  }));
  const header = {
    values: FEEDBACK_TAB.headers.map((text) => ({
      userEnteredValue: { stringValue: text },
      userEnteredFormat: HEADER_FORMAT,
    })),
  };
  const body = feedback.lines.map((line) => ({ values: lineCells(line, tabIds) }));
  // A range of the whole tab: cells the rows do not cover are cleared, values and formats alike.
  requests.push(
    {
      updateCells: {
        range: { sheetId },
        rows: [
          ...title,
          ...Array.from({ length: feedback.headerRow - 1 - title.length }, () => ({ values: [] })),
          header,
          ...body,
        ],
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
    {
      autoResizeDimensions: {
        dimensions: { sheetId, dimension: 'ROWS', startIndex: feedback.headerRow, endIndex: rowCount },
      },
    },
  );
  return requests;
}

function lineCells(line: FeedbackLine, tabIds: TabIds): sheets_v4.Schema$CellData[] {
  const link = line.cell === null ? null : cellLink(line.cell, tabIds);
  // Values come neutralised from the core; written as typed values, they are never parsed.
  return line.values.map((value, column) => {
    const entered = enteredValue(value);
    let format: sheets_v4.Schema$CellFormat = {
      verticalAlignment: 'TOP',
      wrapStrategy: FEEDBACK_TAB.wrap[column] ? 'WRAP' : 'CLIP',
    };
    if (column === LEVEL_COLUMN && line.level) format = { ...format, ...LEVEL_FORMAT[line.level] };
    if (column === GAIN_COLUMN) format = { ...format, numberFormat: { type: 'NUMBER', pattern: GAIN_FORMAT } };
    if (column === CELL_COLUMN && link) format = { ...format, textFormat: { link: { uri: link } } };
    return { ...(entered ? { userEnteredValue: entered } : {}), userEnteredFormat: format };
  });
}

/** "#gid=123&range=A7" for "IKI!A7" or "'Rencana Aksi'!B12"; null when the tab's id is not known. */
export function cellLink(cell: string, tabIds: TabIds): string | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!([A-Z]+\d+)$/.exec(cell);
  if (!match) return null;
  const tab = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] as string);
  const gid = tabIds(tab);
  return gid === undefined ? null : `#gid=${gid}&range=${match[3] as string}`;
}
