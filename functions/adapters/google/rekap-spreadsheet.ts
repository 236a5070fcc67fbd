import type { sheets_v4 } from '@googleapis/sheets';
import { ConfigError } from '../../shared/config-error.js';
import { configMessage } from '../../core/messages/config.js';
import type { Sheet, Workbook } from '../../core/workbook.js';
import type { GoogleServices } from './google-services.js';
import { GRID_FIELDS_WITH_SIZE, toSheet } from './sheets-cells.js';
import { spreadsheetId, spreadsheetLink } from './spreadsheet-ref.js';

/**
 * The province's rekap spreadsheet. Its inputs (Satker, Bobot, Pengaturan) and its history (Rekap,
 * Log) come from one read of every tab — a request naming tabs would fail on a rekap whose output
 * tabs do not exist yet — and that read is shared by the source and the sink of a run.
 */
export interface RekapTab {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly sheet: Sheet;
}

export interface RekapSnapshot {
  readonly workbook: Workbook;
  readonly tabs: readonly RekapTab[];
}

export const REKAP_FIELDS = `spreadsheetId,${GRID_FIELDS_WITH_SIZE}`;

export class RekapSpreadsheet {
  readonly id: string;
  private snapshot: Promise<RekapSnapshot> | undefined;

  constructor(
    private readonly services: GoogleServices,
    reference: string,
  ) {
    const id = spreadsheetId(reference);
    if (!id) throw new ConfigError(configMessage('rekap-not-a-spreadsheet', { reference }));
    this.id = id;
  }

  get link(): string {
    return spreadsheetLink(this.id);
  }

  /** Every tab, read once per run; a failure is a configuration problem that stops the run. */
  load(): Promise<RekapSnapshot> {
    this.snapshot ??= this.fetch().catch((error: unknown) => {
      this.snapshot = undefined;
      const reason = (error as { reason?: unknown }).reason;
      throw new ConfigError(
        configMessage('rekap-unreadable', {
          link: this.link,
          reason: typeof reason === 'string' ? reason : String(error),
        }),
        { cause: error },
      );
    });
    return this.snapshot;
  }

  /** After writing, the next reader must see the rekap as it now is. */
  invalidate(): void {
    this.snapshot = undefined;
  }

  private async fetch(): Promise<RekapSnapshot> {
    const data = await this.services.read({ what: 'Spreadsheet rekap', where: '--rekap' }, () =>
      this.services.clients.sheets.spreadsheets.get({
        spreadsheetId: this.id,
        includeGridData: true,
        fields: REKAP_FIELDS,
      }),
    );
    return snapshotOf(data);
  }
}

export function snapshotOf(spreadsheet: sheets_v4.Schema$Spreadsheet): RekapSnapshot {
  const tabs = (spreadsheet.sheets ?? []).map((sheet) => ({
    sheetId: sheet.properties?.sheetId ?? 0,
    title: sheet.properties?.title ?? '',
    rowCount: sheet.properties?.gridProperties?.rowCount ?? 1000,
    columnCount: sheet.properties?.gridProperties?.columnCount ?? 26,
    sheet: toSheet(sheet),
  }));
  return { workbook: { sheets: tabs.map((tab) => tab.sheet) }, tabs };
}
