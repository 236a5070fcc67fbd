import { ReportFolder } from './adapters/fs/report-folder.js';
import { ResultsFile } from './adapters/fs/results-file.js';
import { DriveEvidenceVerifier } from './adapters/google/drive-evidence-verifier.js';
import { DriveReportStore } from './adapters/google/drive-report-store.js';
import { googleMode, type GoogleMode } from './adapters/google/google-mode.js';
import { GoogleServices } from './adapters/google/google-services.js';
import { createMailer } from './adapters/mail/create-mailer.js';
import { ChromiumPdfRenderer } from './adapters/pdf/chromium-renderer.js';
import { XlsxSummarySink } from './adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from './adapters/xlsx/xlsx-source.js';
import type { Config } from './config.js';
import type { EvidenceVerifier, Mailer, ReportStore, ResultsStore, SummarySink, WorkbookSource } from './ports.js';

/** Where one use's workbooks live: a local data folder, or the rekap spreadsheet on Google Sheets. */
export type Workplace =
  | { readonly kind: 'folder'; readonly dataDir: string; readonly outDir: string }
  | { readonly kind: 'google'; readonly rekap: string; readonly outDir: string };

export interface WiringOptions {
  /** Check Drive evidence (docs/SPEC.md §8) when Drive is reachable; false with `monev run --no-verify`. */
  readonly verifyEvidence?: boolean;
}

/** The adapters of one use (a run, a scoring, a cycle's finish), chosen from the configuration. */
export interface Adapters {
  readonly source: WorkbookSource;
  readonly sink: SummarySink;
  readonly reports: ReportStore;
  readonly results: ResultsStore;
  /** Drive's evidence checks; absent when verification is off or Drive is out of reach. */
  readonly evidence: EvidenceVerifier | undefined;
  /** Live mode's services and rekap, shared by source, sink, reports, evidence and Gmail; null with a data folder. */
  readonly google: GoogleMode | null;
  /** A new renderer for each call; the caller closes it. */
  renderer(): ChromiumPdfRenderer;
  /** A new mailer of the configured transport for each call; the caller closes it. */
  mailer(): Mailer;
}

/**
 * The one place that chooses adapters: `monev run`, `monev watch` and the functions' runtime call it.
 *
 * - Workbooks and the rekap: the data folder's files, or Google Sheets in live mode.
 * - Reports: the Drive reports folder in live mode when one is configured, else OUT/laporan.
 * - Evidence: checked on Drive in live mode, and with a data folder when Google credentials (or a
 *   stand-in server) are configured; never when verification is off.
 * - Mail: the configured transport (createMailer); Gmail goes through live mode's services, or with a
 *   data folder through services of its own, shared with the evidence checks.
 *
 * Build one per use: live mode keeps its rekap read, and a sink its history, for the use's lifetime.
 */
export function buildAdapters(config: Config, place: Workplace, options: WiringOptions = {}): Adapters {
  if (place.kind === 'google') {
    const google = googleMode(config.google, place.rekap);
    const folder = config.google.reportsFolderId;
    return {
      source: google.source,
      sink: google.sink,
      reports: folder ? new DriveReportStore(google.services, folder) : new ReportFolder(place.outDir),
      google,
      ...outputs(config, place.outDir, options, { services: () => google.services, driveReachable: true }),
    };
  }
  // A data folder's Google services are made on first use, and only Gmail or the evidence checks use them.
  let services: GoogleServices | undefined;
  return {
    source: new XlsxWorkbookSource(place.dataDir, config.limits),
    sink: new XlsxSummarySink(place.dataDir, place.outDir, config.limits),
    reports: new ReportFolder(place.outDir),
    google: null,
    ...outputs(config, place.outDir, options, {
      services: () => (services ??= GoogleServices.fromConfig(config.google)),
      // Drive is reachable from a data folder only with credentials or a stand-in server.
      driveReachable: config.google.credentialsFile !== undefined || config.google.rootUrl !== undefined,
    }),
  };
}

/** What both places choose alike: results, evidence, renderer and mailer. */
function outputs(
  config: Config,
  outDir: string,
  options: WiringOptions,
  drive: { readonly services: () => GoogleServices; readonly driveReachable: boolean },
): Pick<Adapters, 'results' | 'evidence' | 'renderer' | 'mailer'> {
  return {
    results: new ResultsFile(outDir),
    evidence:
      options.verifyEvidence !== false && drive.driveReachable
        ? DriveEvidenceVerifier.fromConfig(drive.services(), config.google)
        : undefined,
    renderer: () => new ChromiumPdfRenderer(config.pdf),
    mailer: () => createMailer(config.mail, outDir, drive.services),
  };
}
