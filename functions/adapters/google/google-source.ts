import { DATA_TABS, PROFILE_TAB } from '../../../sheets-schema/index.js';
import { unreadable } from '../../core/messages/unreadable.js';
import type { Workbook } from '../../core/workbook.js';
import type { WorkbookSource } from '../../ports.js';
import { GoogleApiError, isMissingRange } from './google-api-error.js';
import type { GoogleServices } from './google-services.js';
import type { RekapSpreadsheet } from './rekap-spreadsheet.js';
import { GRID_FIELDS, toWorkbook } from './sheets-cells.js';
import type { SpreadsheetDirectory } from './spreadsheet-directory.js';
import { spreadsheetId, spreadsheetLink } from './spreadsheet-ref.js';

/** The seven tabs of an office spreadsheet, quoted so that no tab name is read as a cell reference. */
export const OFFICE_RANGES = [PROFILE_TAB.name, ...DATA_TABS.map((tab) => tab.name)].map(
  (name) => `'${name.replace(/'/g, "''")}'`,
);

/**
 * Live mode: office spreadsheets and the rekap on Google Sheets (docs/SPEC.md §1, issue "Live mode").
 * An office costs one `spreadsheets.get` naming its seven tabs with only the cell fields the core
 * needs. A range naming a missing tab fails the whole request, so a spreadsheet that lacks a tab
 * costs one more read, of every tab, and the core then reports the missing tab as it does for xlsx.
 */
export class GoogleWorkbookSource implements WorkbookSource {
  constructor(
    private readonly services: GoogleServices,
    private readonly rekap: RekapSpreadsheet,
    private readonly directory: SpreadsheetDirectory,
  ) {}

  async readRekap(): Promise<Workbook> {
    return (await this.rekap.load()).workbook;
  }

  async readOffice(source: string): Promise<Workbook> {
    const id = spreadsheetId(source);
    if (!id) {
      throw new GoogleApiError(
        'invalid-source',
        unreadable('invalid-google-source', { source: source.trim() }),
        undefined,
      );
    }
    const sheets = this.services.clients.sheets;
    const what = 'Spreadsheet satker';
    try {
      const data = await this.services.scheduler.run('read', () =>
        sheets.spreadsheets.get({
          spreadsheetId: id,
          ranges: OFFICE_RANGES,
          includeGridData: true,
          fields: GRID_FIELDS,
        }),
      );
      this.directory.noteTabIds(
        id,
        (data.data.sheets ?? []).map((sheet) => sheet.properties ?? {}),
      );
      return toWorkbook(data.data);
    } catch (error) {
      if (!isMissingRange(error)) {
        this.directory.noteUnreadable(id);
        throw await this.services.fail(error, what);
      }
    }
    try {
      const data = await this.services.read(what, () =>
        sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true, fields: GRID_FIELDS }),
      );
      const tabs = (data.sheets ?? []).map((sheet) => sheet.properties ?? {});
      this.directory.noteAllTabs(id, tabs);
      this.directory.noteTabIds(id, tabs);
      return toWorkbook(data);
    } catch (error) {
      this.directory.noteUnreadable(id);
      throw error;
    }
  }

  describeRekap(): string {
    return this.rekap.link;
  }

  describe(source: string): string {
    const id = spreadsheetId(source);
    return id ? spreadsheetLink(id) : source.trim();
  }
}
