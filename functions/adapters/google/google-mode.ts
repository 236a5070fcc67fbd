import type { GoogleConfig } from '../../config.js';
import { GoogleServices } from './google-services.js';
import { GoogleWorkbookSource } from './google-source.js';
import { GoogleSummarySink } from './google-summary-sink.js';
import type { LockTiming } from './rekap-lock.js';
import { RekapSpreadsheet } from './rekap-spreadsheet.js';
import { SpreadsheetDirectory } from './spreadsheet-directory.js';

/**
 * The source and sink of one run in live mode, sharing one scheduler (the quota is per user, so per
 * run), one read of the rekap, and what the reads learned about each office spreadsheet.
 * Build one per run: the rekap read is kept for the run's lifetime.
 */
export interface GoogleMode {
  readonly services: GoogleServices;
  readonly rekap: RekapSpreadsheet;
  readonly source: GoogleWorkbookSource;
  readonly sink: GoogleSummarySink;
}

export function googleMode(
  config: GoogleConfig,
  rekapReference: string,
  options: { services?: GoogleServices; lockTiming?: Partial<LockTiming> } = {},
): GoogleMode {
  const services = options.services ?? GoogleServices.fromConfig(config);
  const rekap = new RekapSpreadsheet(services, rekapReference);
  const directory = new SpreadsheetDirectory();
  return {
    services,
    rekap,
    source: new GoogleWorkbookSource(services, rekap, directory),
    sink: new GoogleSummarySink(services, rekap, directory, options.lockTiming),
  };
}
