import type ExcelJS from 'exceljs';
import { AREA_SUMMARY_TAB, LOG_TAB, PEER_LEDGER_TAB, SUMMARY_TAB, TREND_TAB } from '../../../sheets-schema/index.js';

/**
 * The order of rekap.xlsx's tabs (issue 18 item 6): the file is forwarded as it is, so it opens on what a
 * reader wants (Rekap) and not on Satker, the registry with file paths and e-mail addresses. The output
 * tabs come first in this declared order (a new output tab is added to this list), then every other tab
 * (the province's Satker, Bobot, Pengaturan and any tab of its own) in the order the file had them, then
 * the trailing tabs. Log stays visible, since the province checks sends there, but last: its run IDs
 * are nobody's first reading.
 */
export const LEADING_TABS: readonly string[] = [
  SUMMARY_TAB.name,
  AREA_SUMMARY_TAB.name,
  TREND_TAB.name,
  PEER_LEDGER_TAB.name,
];
export const TRAILING_TABS: readonly string[] = [LOG_TAB.name];

/** The tab names in the order above; names neither list knows keep their relative order. */
export function tabOrder(names: readonly string[]): string[] {
  const present = (list: readonly string[]) => list.filter((name) => names.includes(name));
  const leading = present(LEADING_TABS);
  const trailing = present(TRAILING_TABS);
  const middle = names.filter((name) => !leading.includes(name) && !trailing.includes(name));
  return [...leading, ...middle, ...trailing];
}

// exceljs orders worksheets by this field but does not declare it in its typings.
interface Ordered {
  orderNo: number;
}

/** Puts the workbook's tabs in tabOrder and opens it on the first of them. */
export function arrangeTabs(workbook: ExcelJS.Workbook): void {
  const order = tabOrder(workbook.worksheets.map((sheet) => sheet.name));
  order.forEach((name, i) => {
    const sheet = workbook.getWorksheet(name);
    if (sheet) (sheet as unknown as Ordered).orderNo = i + 1;
  });
  const first = order[0];
  if (first !== undefined) openOn(workbook, first);
}

// The sheet view's tabSelected flag, which exceljs writes but does not declare.
type SelectableView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/**
 * The workbook opens on `name`: the workbook view's activeTab points at it and it is the only selected
 * tab, since a spreadsheet program opens every selected tab as a group and a selection that disagrees with
 * activeTab (a Satker tab selected in the province's file) would leave which tab shows to the program.
 */
export function openOn(workbook: ExcelJS.Workbook, name: string): void {
  const sheets = workbook.worksheets;
  const active = Math.max(
    0,
    sheets.findIndex((sheet) => sheet.name === name),
  );
  workbook.views = [
    { x: 0, y: 0, width: 28_800, height: 17_000, firstSheet: 0, activeTab: active, visibility: 'visible' },
  ];
  sheets.forEach((sheet, i) => {
    if (sheet.views.length === 0 && i !== active) return;
    const views: SelectableView[] = sheet.views.length > 0 ? sheet.views : [{}];
    sheet.views = views.map((view, v) => ({
      ...view,
      tabSelected: i === active && v === 0,
    })) as ExcelJS.WorksheetView[];
  });
}
