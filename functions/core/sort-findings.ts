import { PROFILE_TAB, DATA_TABS } from '../../sheets-schema/index.js';
import type { Finding } from './findings.js';

const TAB_ORDER = [PROFILE_TAB.name, ...DATA_TABS.map((tab) => tab.name)];

/** Findings in the order an operator walks the workbook: tab by tab, row by row, left to right. */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return findings
    .map((item, order) => ({ item, order, key: position(item) }))
    .sort((a, b) => a.key.tab - b.key.tab || a.key.row - b.key.row || a.key.column - b.key.column || a.order - b.order)
    .map((entry) => entry.item);
}

function position(item: Finding): { tab: number; row: number; column: number } {
  const tab = TAB_ORDER.indexOf(item.tab);
  const match = /!([A-Z]+)(\d+)$/.exec(item.cell);
  const column = match ? [...(match[1] as string)].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) : 0;
  return { tab: tab < 0 ? TAB_ORDER.length : tab, row: match ? Number(match[2]) : 0, column };
}
