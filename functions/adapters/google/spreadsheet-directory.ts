import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import { labelKey, sameLabel } from '../../core/workbook.js';

/**
 * What reading an office spreadsheet taught the writer, so that feedback costs one write: whether the
 * spreadsheet could be opened at all, and, when the read listed every tab, whether Hasil Validasi is
 * there and under which sheet id. Shared by the source and the sink of one run.
 */
export class SpreadsheetDirectory {
  private readonly unreadable = new Set<string>();
  private readonly feedbackSheets = new Map<string, number | null>();
  private readonly tabIds = new Map<string, Map<string, number>>();

  noteUnreadable(id: string): void {
    this.unreadable.add(id);
  }

  isUnreadable(id: string): boolean {
    return this.unreadable.has(id);
  }

  /** Every tab of the spreadsheet is known (a read without ranges). */
  noteAllTabs(id: string, tabs: readonly { sheetId?: number | null; title?: string | null }[]): void {
    const feedback = tabs.find((tab) => tab.title && sameLabel(tab.title, FEEDBACK_TAB.name));
    this.feedbackSheets.set(id, typeof feedback?.sheetId === 'number' ? feedback.sheetId : null);
  }

  /** The sheet ids of the tabs a read returned, so Hasil Validasi can link to the cells it names. */
  noteTabIds(id: string, tabs: readonly { sheetId?: number | null; title?: string | null }[]): void {
    const known = this.tabIds.get(id) ?? new Map<string, number>();
    for (const tab of tabs)
      if (tab.title && typeof tab.sheetId === 'number') known.set(labelKey(tab.title), tab.sheetId);
    this.tabIds.set(id, known);
  }

  tabId(id: string, title: string): number | undefined {
    return this.tabIds.get(id)?.get(labelKey(title));
  }

  noteFeedbackSheet(id: string, sheetId: number): void {
    this.feedbackSheets.set(id, sheetId);
  }

  /** The Hasil Validasi sheet id; null when the tab is known to be missing; undefined when unknown. */
  feedbackSheet(id: string): number | null | undefined {
    return this.feedbackSheets.get(id);
  }
}
