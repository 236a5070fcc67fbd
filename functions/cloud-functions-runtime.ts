import { join } from 'node:path';
import { DriveCycleStore } from './adapters/cycle-store/drive-cycle-store.js';
import { LocalCycleStore } from './adapters/cycle-store/local-cycle-store.js';
import { GoogleServices } from './adapters/google/google-services.js';
import { GoogleDriveChannels } from './adapters/drive-watch/google-drive-channels.js';
import { CloudTasksQueue, googleTasksClient } from './adapters/queue/cloud-tasks-queue.js';
import { LocalTaskQueue } from './adapters/queue/local-queue.js';
import { ConfigError } from './shared/config-error.js';
import { TaskRejected } from './app/errors.js';
import { configMessage } from './core/messages/config.js';
import type { FinishDeps } from './app/finish-cycle.js';
import { cachedRegistry, DEFAULT_DEBOUNCE, ScoringPlan, type Debounce } from './app/queue-change.js';
import type { ScoreInCycleDeps } from './app/score-cycle-office.js';
import type { ScoreOne } from './app/score-one-office.js';
import type { StartDeps } from './app/start-cycle.js';
import type { Config } from './config.js';
import { readRekap, type RegistryOffice } from './core/rekap-reader.js';
import type { Clock, CycleStore, DriveChannels, LogJournal, QueuedTask, TaskQueue } from './ports.js';
import type { Adapters, Workplace } from './choose-adapters.js';
import { buildSource } from './choose-source.js';
import { ScoringPool } from './worker/scoring-pool.js';

/**
 * What the functions need, built once per process from the configuration: where workbooks come
 * from and go to, the queue, the clock. Handlers stay thin; tests build a runtime of their own.
 */
export interface Runtime {
  /**
   * Scores one office after a change (app/score-one-office.ts) in the scoring worker (worker/scoring-pool.ts):
   * reading, validating, scoring and writing leave this event loop free to answer other requests.
   */
  readonly scoreOne: ScoreOne;
  /** The adapters of one use, built anew for each call (their modules load on the first). */
  adapters(): Promise<Adapters>;
  /** The start of a cycle's fan-out: the rekap, the cycle store, the queue and its rate. */
  starting(): Promise<StartDeps>;
  /** One office's scoring within a cycle. */
  readonly inCycle: ScoreInCycleDeps;
  /** Dependencies of a cycle's finish (renderer, mailer); the caller closes what `close` returns when it ends. */
  finishing(): Promise<{ deps: FinishDeps; close: () => Promise<void> }>;
  /** Stops the scoring worker (`monev serve` on Ctrl+C); an idle worker never keeps the process alive. */
  close(): Promise<void>;
  readonly cycles: CycleStore;
  readonly queue: TaskQueue;
  /** The queue's dispatch rate a cycle schedules its scorings by; null schedules them all at once. */
  readonly dispatchesPerSecond: number | null;
  readonly registry: () => Promise<readonly RegistryOffice[]>;
  readonly secret: string | undefined;
  readonly clock: Clock;
  /** How change notifications are grouped; the defaults of queue-change.ts unless a test says otherwise. */
  readonly debounce?: Debounce;
  /** The scorings this instance has queued after changes (app/queue-change.ts), so a burst costs at most two. */
  readonly plan: ScoringPlan;
  /** Drive push channels and the sheetChanged URL they notify; absent without MONEV_FUNCTIONS_URL. */
  readonly watches?: { readonly channels: DriveChannels; readonly address: string };
  /** Structured log line for Cloud Logging: codes and counts only, never sheet text or personal data. */
  log(
    severity: 'INFO' | 'WARNING' | 'ERROR',
    message: string,
    fields?: Record<string, string | number | boolean | null>,
  ): void;
}

export interface RuntimeOptions {
  readonly clock?: Clock;
  readonly queue?: TaskQueue;
  readonly cycles?: CycleStore;
  /** Overrides the configured rate: the Google runtime follows the queue's, a local one schedules all at once. */
  readonly dispatchesPerSecond?: number | null;
  readonly channels?: DriveChannels;
  readonly debounce?: Debounce;
  readonly log?: Runtime['log'];
  /** Where a cycle's finish journals its Log rows as they happen (`monev serve`: OUT/jurnal-log.jsonl). */
  readonly journal?: LogJournal;
}

/** The runtime the deployed functions use: Google Sheets when MONEV_REKAP names the rekap, else a data folder. */
export function createRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  return config.rekapSpreadsheet
    ? googleRuntime(config, config.rekapSpreadsheet, options)
    : localRuntime(config, options);
}

/** Workbooks from a data folder (rekap.xlsx and the files its Sumber names), outputs in the output folder. */
export function localRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  const dataDir = config.local.dataDir;
  if (!dataDir) throw new ConfigError(configMessage('data-dir-missing'));
  const outDir = config.local.outDir;
  const clock = options.clock ?? { now: () => new Date() };
  // A sink caches the rekap it loaded; each use takes fresh adapters, so it sees the latest history.
  return buildRuntime(
    config,
    {
      ...options,
      clock,
      cycles: options.cycles ?? new LocalCycleStore(join(outDir, 'siklus'), clock),
      dispatchesPerSecond: options.dispatchesPerSecond ?? null,
    },
    { kind: 'folder', dataDir, outDir },
  );
}

/**
 * Live mode: the rekap spreadsheet and the office spreadsheets it registers, with the adapters
 * buildAdapters (choose-adapters.ts) chooses for `monev run --source google` too, built anew for each use; a
 * cycle keeps its state in the Drive cycles folder.
 */
export function googleRuntime(config: Config, rekap: string, options: RuntimeOptions = {}): Runtime {
  const clock = options.clock ?? { now: () => new Date() };
  const folder = config.google.cyclesFolderId;
  const cycles =
    options.cycles ??
    (folder
      ? new DriveCycleStore(GoogleServices.fromConfig(config.google), folder, clock)
      : unconfiguredCycles(configMessage('cycles-folder-missing')));
  return buildRuntime(
    config,
    {
      ...options,
      clock,
      cycles,
      dispatchesPerSecond:
        options.dispatchesPerSecond === undefined ? config.dispatchesPerSecond : options.dispatchesPerSecond,
    },
    { kind: 'google', rekap, outDir: config.local.outDir },
  );
}

function buildRuntime(
  config: Config,
  options: RuntimeOptions & { clock: Clock; cycles: CycleStore; dispatchesPerSecond: number | null },
  place: Workplace,
): Runtime {
  const { clock, cycles, dispatchesPerSecond } = options;
  const log = options.log ?? structuredLog;
  const logInternalError = (context: string, errorName: string) =>
    log('ERROR', `kesalahan internal saat ${context}`, { error: errorName });
  // The adapters (Chromium, mail, exceljs, the Sheets sink, …) are loaded on first use: the change webhook,
  // the function called most and started cold most often, reads the registry and queues, nothing more.
  const adapters = async (): Promise<Adapters> => (await import('./choose-adapters.js')).buildAdapters(config, place);
  let pool: ScoringPool | undefined;
  const runtime: Runtime = {
    scoreOne: (request) => {
      pool ??= new ScoringPool({
        clock,
        logInternalError,
        onStart: (request) => log('INFO', 'penilaian dimulai', { code: request.code ?? null }),
      });
      return pool.score({
        config,
        place,
        request: { code: request.code, source: request.source, period: request.period },
      });
    },
    adapters,
    starting: async () => ({
      source: buildSource(config, place),
      cycles,
      queue: runtime.queue,
      clock,
      dispatchesPerSecond,
    }),
    get inCycle(): ScoreInCycleDeps {
      return { scoreOne: runtime.scoreOne, clock, cycles, queue: runtime.queue };
    },
    finishing: async () => {
      const [use, { handlebarsTemplates }] = await Promise.all([adapters(), import('./adapters/html/render-html.js')]);
      const renderer = use.renderer();
      const mailer = use.mailer();
      return {
        deps: {
          source: use.source,
          sink: use.sink,
          results: use.results,
          clock,
          reports: { renderer, templates: handlebarsTemplates, store: use.reports },
          mail: { mailer, resend: false },
          journal: options.journal,
          cycles,
          queue: runtime.queue,
          dispatchesPerSecond,
        },
        close: async () => {
          await renderer.close();
          await mailer.close();
        },
      };
    },
    cycles,
    dispatchesPerSecond,
    queue:
      options.queue ??
      (config.tasks ? new CloudTasksQueue(config.tasks, async () => googleTasksClient(config.google)) : undefined) ??
      new LocalTaskQueue((task) => runQueuedTask(runtime, task), {
        clock,
        onError: (task, error, attempt) =>
          log('ERROR', task.kind === 'finish' ? 'penyelesaian siklus gagal' : 'penilaian gagal', {
            task: taskLabel(task),
            attempt,
            error: error instanceof Error ? error.message : 'unknown',
          }),
      }),
    registry: cachedRegistry(async () => readRekap(await buildSource(config, place).readRekap()).offices, clock),
    secret: config.webhookSecret,
    clock,
    plan: new ScoringPlan(),
    debounce: options.debounce ?? {
      windowMs: config.changes.windowMs ?? DEFAULT_DEBOUNCE.windowMs,
      settleMs: config.changes.settleMs ?? DEFAULT_DEBOUNCE.settleMs,
    },
    watches: config.functionsUrl
      ? {
          channels:
            options.channels ??
            new GoogleDriveChannels({ rootUrl: config.google.rootUrl, keyFile: config.google.credentialsFile }),
          address: `${config.functionsUrl}/sheetChanged`,
        }
      : undefined,
    log,
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
  return runtime;
}

/**
 * What the in-process queue runs for a task: the use case its cloud function would call. A
 * configuration the province must fix is logged, not retried, as the functions answer it with 422.
 */
export async function runQueuedTask(runtime: Runtime, task: QueuedTask): Promise<void> {
  try {
    if (task.kind === 'finish') {
      const [{ deps, close }, { finishCycle }] = await Promise.all([
        runtime.finishing(),
        import('./app/finish-cycle.js'),
      ]);
      try {
        const outcome = await finishCycle(deps, task);
        runtime.log('INFO', outcome.status === 'finished' ? 'siklus selesai' : 'siklus belum selesai', {
          cycle: task.cycle,
          status: outcome.status,
        });
      } finally {
        await close();
      }
    } else if (task.cycle !== undefined) {
      const { scoreInCycle } = await import('./app/score-cycle-office.js');
      const outcome = await scoreInCycle(runtime.inCycle, { code: task.code, cycle: task.cycle });
      runtime.log('INFO', 'satker dinilai dalam siklus', {
        code: task.code,
        cycle: task.cycle,
        status: outcome.status,
        complete: outcome.complete,
      });
    } else {
      const outcome = await runtime.scoreOne({ code: task.code, period: task.period });
      runtime.log('INFO', 'satker dinilai', {
        code: task.code,
        status: outcome.office.status,
        index: outcome.office.scores.index,
      });
    }
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof TaskRejected)) throw error;
    runtime.log('WARNING', 'tugas dilewati', { task: taskLabel(task), reason: error.message.slice(0, 300) });
  }
}

function taskLabel(task: QueuedTask): string {
  return task.kind === 'finish' ? `finish ${task.cycle}` : task.cycle ? `${task.code} ${task.cycle}` : task.code;
}

/** A cycle store that says what to configure, for the Google runtime without a Drive folder. */
function unconfiguredCycles(message: string): CycleStore {
  const refuse = () => Promise.reject(new ConfigError(message));
  return { start: refuse, get: refuse, saveResult: refuse, scored: refuse, results: refuse, markFinished: refuse };
}

export function structuredLog(
  severity: 'INFO' | 'WARNING' | 'ERROR',
  message: string,
  fields: Record<string, string | number | boolean | null> = {},
): void {
  const line = JSON.stringify({ severity, message, ...fields });
  if (severity === 'ERROR') console.error(line);
  else console.log(line);
}
