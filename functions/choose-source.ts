import { GoogleServices } from './adapters/google/google-services.js';
import { GoogleWorkbookSource } from './adapters/google/google-source.js';
import { RekapSpreadsheet } from './adapters/google/rekap-spreadsheet.js';
import { SpreadsheetDirectory } from './adapters/google/spreadsheet-directory.js';
import { XlsxWorkbookSource } from './adapters/xlsx/xlsx-source.js';
import type { Workplace } from './choose-adapters.js';
import type { Config } from './config.js';
import type { WorkbookSource } from './ports.js';

/**
 * The workbook source alone, for the uses that only read the rekap: the change webhook's registry and a
 * cycle's start. buildAdapters (choose-adapters.ts) makes the same source, sharing live mode's services
 * with the sink; this one spares those uses the modules of everything else (sinks, Chromium, mail), which
 * a cold instance would otherwise load before its first answer (issue 17 §8).
 */
export function buildSource(config: Config, place: Workplace): WorkbookSource {
  if (place.kind === 'folder') return new XlsxWorkbookSource(place.dataDir, config.limits);
  const services = GoogleServices.fromConfig(config.google);
  return new GoogleWorkbookSource(services, new RekapSpreadsheet(services, place.rekap), new SpreadsheetDirectory());
}
