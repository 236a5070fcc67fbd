import { ResultsFile } from './adapters/fs/results-file.js';
import { googleMode } from './adapters/google/google-mode.js';
import { ReportFolder } from './adapters/fs/report-folder.js';
import { handlebarsTemplates } from './adapters/html/render-html.js';
import { createMailer } from './adapters/mail/create-mailer.js';
import { ChromiumPdfRenderer } from './adapters/pdf/chromium-renderer.js';
import { GoogleDriveChannels } from './adapters/drive-watch/google-drive-channels.js';
import { CloudTasksQueue } from './adapters/queue/cloud-tasks-queue.js';
import { LocalTaskQueue } from './adapters/queue/local-queue.js';
import { XlsxSummarySink } from './adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from './adapters/xlsx/xlsx-source.js';
import { ConfigError } from './app/errors.js';
import { cachedRegistry, type Debounce } from './app/queue-change.js';
import type { RunDeps } from './app/run-cycle.js';
import { scoreOneOffice, type ScoreOneDeps } from './app/score-one-office.js';
import type { Config } from './config.js';
import { readRekap, type RegistryOffice } from './core/rekap-reader.js';
import type { Clock, DriveChannels, SummarySink, TaskQueue, WorkbookSource } from './ports.js';

/**
 * What the functions need, built once per process from the configuration: where workbooks come
 * from and go to, the queue, the clock. Handlers stay thin; tests build a runtime of their own.
 */
export interface Runtime {
  readonly score: ScoreOneDeps;
  /** Dependencies of a full cycle; the caller closes what `close` returns when the cycle ends. */
  cycle(): { deps: RunDeps; close: () => Promise<void> };
  readonly queue: TaskQueue;
  readonly registry: () => Promise<readonly RegistryOffice[]>;
  readonly secret: string | undefined;
  readonly clock: Clock;
  /** How change notifications are grouped; the defaults of queue-change.ts unless a test says otherwise. */
  readonly debounce?: Debounce;
  /** Drive push channels and the sheetChanged URL they notify; absent without MONEV_FUNCTIONS_URL. */
  readonly watches?: { readonly channels: DriveChannels; readonly address: string };
  /** Structured log line for Cloud Logging: codes and counts only, never sheet text or personal data. */
  log(severity: 'INFO' | 'WARNING' | 'ERROR', message: string, fields?: Record<string, string | number | boolean | null>): void;
}

export interface RuntimeOptions {
  readonly clock?: Clock;
  readonly queue?: TaskQueue;
  readonly channels?: DriveChannels;
  readonly debounce?: Debounce;
  readonly log?: Runtime['log'];
}

/** The runtime the deployed functions use: Google Sheets when MONEV_REKAP names the rekap, else a data folder. */
export function createRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  return config.rekapSpreadsheet ? googleRuntime(config, config.rekapSpreadsheet, options) : localRuntime(config, options);
}

/** Workbooks from a data folder (rekap.xlsx and the files its Sumber names), outputs in the output folder. */
export function localRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  const dataDir = config.local.dataDir;
  if (!dataDir) throw new ConfigError('MONEV_DATA_DIR belum diisi: folder data lokal yang berisi rekap.xlsx (atau MONEV_REKAP untuk Google Sheets).');
  const outDir = config.local.outDir;
  const source = new XlsxWorkbookSource(dataDir);
  // A sink caches the rekap it loaded; each use takes a fresh one, so it sees the latest history.
  return buildRuntime(config, options, () => ({ source, sink: new XlsxSummarySink(dataDir, outDir) }));
}

/** Live mode: the rekap spreadsheet and the office spreadsheets it registers. One Google mode per use, as per run. */
export function googleRuntime(config: Config, rekap: string, options: RuntimeOptions = {}): Runtime {
  return buildRuntime(config, options, () => {
    const mode = googleMode(config.google, rekap);
    return { source: mode.source, sink: mode.sink };
  });
}

function buildRuntime(config: Config, options: RuntimeOptions, adapters: () => { source: WorkbookSource; sink: SummarySink }): Runtime {
  const outDir = config.local.outDir;
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? structuredLog;
  const logInternalError = (context: string, error: unknown) => log('ERROR', `kesalahan internal saat ${context}`, { error: error instanceof Error ? error.name : 'unknown' });
  const runtime: Runtime = {
    /** Fresh adapters on every read: one scoring, one read of the rekap. */
    get score(): ScoreOneDeps {
      return { ...adapters(), clock, logInternalError };
    },
    cycle: () => {
      const renderer = new ChromiumPdfRenderer(config.pdf);
      const mailer = createMailer(config.mail, outDir);
      return {
        deps: {
          ...adapters(),
          results: new ResultsFile(outDir),
          clock,
          reports: { renderer, templates: handlebarsTemplates, store: new ReportFolder(outDir) },
          mail: { mailer, resend: false },
          logInternalError,
        },
        close: async () => {
          await renderer.close();
          await mailer.close();
        },
      };
    },
    queue:
      options.queue ??
      (config.tasks ? new CloudTasksQueue(config.tasks) : undefined) ??
      new LocalTaskQueue(
        async (task) => {
          const outcome = await scoreOneOffice(runtime.score, task);
          log('INFO', 'satker dinilai', { code: task.code, status: outcome.office.status, index: outcome.office.scores.index });
        },
        { clock, onError: (task, error, attempt) => log('ERROR', 'penilaian gagal', { code: task.code, attempt, error: error instanceof Error ? error.message : 'unknown' }) },
      ),
    registry: cachedRegistry(async () => readRekap(await adapters().source.readRekap()).offices, clock),
    secret: config.webhookSecret,
    clock,
    debounce: options.debounce,
    watches: config.functionsUrl
      ? { channels: options.channels ?? new GoogleDriveChannels({ rootUrl: config.google.rootUrl, keyFile: config.google.credentialsFile }), address: `${config.functionsUrl}/sheetChanged` }
      : undefined,
    log,
  };
  return runtime;
}

export function structuredLog(severity: 'INFO' | 'WARNING' | 'ERROR', message: string, fields: Record<string, string | number | boolean | null> = {}): void {
  const line = JSON.stringify({ severity, message, ...fields });
  if (severity === 'ERROR') console.error(line);
  else console.log(line);
}
