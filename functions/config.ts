import { z } from 'zod';
import { ConfigError } from './shared/config-error.js';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from './core/workbook-limits.js';
import { configMessage } from './core/messages/config.js';
import { DEFAULT_OUT_DIR } from './shared/local-defaults.js';
import { mailMessage } from './core/messages/mail.js';
import { parseSmtpUrl } from './shared/smtp-url.js';

/**
 * The defaults of the settings below, kept here where the settings are read: the adapters receive every
 * value through Config and hold no defaults of their own.
 */
export const DEFAULT_PDF: Omit<Config['pdf'], 'executablePath'> = { concurrency: 2, timeoutMs: 30_000 };

export const DEFAULT_GOOGLE_QUOTA: GoogleConfig['quota'] = {
  // Sheets API quota per user (a service account is one user): 60 reads and 60 writes a minute.
  readsPerMinute: 60,
  writesPerMinute: 60,
  concurrency: 4,
  // Drive requests a minute and in flight for evidence checks (docs/SPEC.md §8; see README "Bukti dukung").
  drivePerMinute: 12_000,
  driveConcurrency: 32,
  deadlineMs: 5 * 60_000,
  // Google's guidance for Sheets: the first retry after about a second, doubling from there.
  initialBackoffMs: 1_000,
  // The quota window is a minute at Google; tests and benchmarks against a local stand-in shrink it.
  windowMs: 60_000,
};

/** The mail transports MONEV_MAIL_TRANSPORT names; createMailer (adapters/mail/create-mailer.ts) builds each. */
export const MAIL_TRANSPORTS = ['outbox', 'smtp', 'gmail'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

/**
 * Environment → typed configuration, parsed once with zod. The environment is passed in, so tests
 * give their own instead of touching process.env.
 */
const settings = z
  .object({
    MONEV_MAIL_TRANSPORT: z.enum(MAIL_TRANSPORTS).default('outbox'),
    MONEV_SMTP_URL: z
      .string()
      .check((ctx) => {
        const parsed = parseSmtpUrl(ctx.value);
        if (!('address' in parsed))
          ctx.issues.push({ code: 'custom', message: mailMessage('invalid-smtp-url', parsed), input: ctx.value });
      })
      .optional(),
    MONEV_MAIL_FROM: z.string().default('monev Bawaslu Jawa Timur <monev@jatim.bawaslu.go.id>'),
    PUPPETEER_EXECUTABLE_PATH: z.string().min(1).optional(),
    MONEV_PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(DEFAULT_PDF.concurrency),
    MONEV_PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).default(DEFAULT_PDF.timeoutMs),
    MONEV_WEBHOOK_SECRET: z.string().min(16, configMessage('env-webhook-secret-short')).optional(),
    MONEV_DATA_DIR: z.string().min(1).optional(),
    MONEV_OUT_DIR: z.string().min(1).default(DEFAULT_OUT_DIR),
    // How long a second `monev run` on the same output folder waits for the first before it stops.
    MONEV_LOCK_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
    // How edits are grouped into scorings (app/queue-change.ts); unset, the functions use 60 s and 10 s
    // and `monev serve` its own shorter values.
    MONEV_CHANGE_WINDOW_S: z.coerce.number().positive().max(3600).optional(),
    MONEV_CHANGE_SETTLE_S: z.coerce.number().min(0).max(600).optional(),
    MONEV_FUNCTIONS_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, configMessage('env-functions-url'))
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    MONEV_TASKS_QUEUE: z
      .string()
      .regex(/^projects\/[^/]+\/locations\/[^/]+\/queues\/[A-Za-z0-9-]+$/, configMessage('env-tasks-queue'))
      .optional(),
    MONEV_TASKS_SERVICE_ACCOUNT: z.email(configMessage('env-service-account')).optional(),
    // The queue's max-dispatches-per-second; a cycle spaces its scorings by the same rate (see deploy/plan.ts).
    MONEV_TASKS_DISPATCHES_PER_SECOND: z.coerce.number().positive().max(500).default(0.2),
    MONEV_GOOGLE_ROOT_URL: z
      .string()
      .regex(/^https?:\/\//, configMessage('env-google-root-url'))
      .optional(),
    GOOGLE_APPLICATION_CREDENTIALS: z.string().min(1).optional(),
    MONEV_REKAP: z.string().trim().min(1).optional(),
    MONEV_GOOGLE_SERVICE_ACCOUNT: z.email(configMessage('env-service-account')).optional(),
    MONEV_GOOGLE_READS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(DEFAULT_GOOGLE_QUOTA.readsPerMinute),
    MONEV_GOOGLE_WRITES_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(DEFAULT_GOOGLE_QUOTA.writesPerMinute),
    MONEV_GOOGLE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(DEFAULT_GOOGLE_QUOTA.concurrency),
    MONEV_DRIVE_REQUESTS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(DEFAULT_GOOGLE_QUOTA.drivePerMinute),
    MONEV_DRIVE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(DEFAULT_GOOGLE_QUOTA.driveConcurrency),
    MONEV_GOOGLE_DEADLINE_MS: z.coerce.number().int().min(1000).default(DEFAULT_GOOGLE_QUOTA.deadlineMs),
    MONEV_GOOGLE_BACKOFF_MS: z.coerce.number().int().min(1).default(DEFAULT_GOOGLE_QUOTA.initialBackoffMs),
    MONEV_GOOGLE_QUOTA_WINDOW_MS: z.coerce.number().int().min(10).default(DEFAULT_GOOGLE_QUOTA.windowMs),
    MONEV_DRIVE_FOLDER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, configMessage('env-drive-folder-id'))
      .optional(),
    MONEV_DRIVE_REPORTS_FOLDER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, configMessage('env-drive-folder-id'))
      .optional(),
    MONEV_DRIVE_CYCLES_FOLDER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, configMessage('env-drive-folder-id'))
      .optional(),
    // SPEC §8 limits on the workbooks monev reads (defaults in core/workbook-limits.ts).
    MONEV_MAX_UNPACKED_MB: z.coerce.number().positive().max(1024).optional(),
    MONEV_MAX_ROWS: z.coerce.number().int().min(100).max(1_048_576).optional(),
    MONEV_MAX_COLUMNS: z.coerce.number().int().min(20).max(16_384).optional(),
    MONEV_GMAIL_SENDER: z.email(configMessage('env-gmail-sender')).optional(),
  })
  .refine(
    (env) =>
      env.MONEV_TASKS_QUEUE === undefined ||
      (env.MONEV_FUNCTIONS_URL !== undefined && env.MONEV_TASKS_SERVICE_ACCOUNT !== undefined),
    {
      message: configMessage('env-tasks-queue-needs-target'),
      path: ['MONEV_TASKS_QUEUE'],
    },
  );

const schema = settings
  // The mail settings become one value whose type says SMTP has its URL: the adapters never check it again.
  .transform((env, ctx) => {
    const mail = mailConfig(env);
    if (mail !== null) return { ...env, mail };
    ctx.issues.push({
      code: 'custom',
      message: mailMessage('smtp-needs-url'),
      path: ['MONEV_SMTP_URL'],
      input: env.MONEV_SMTP_URL,
    });
    return z.NEVER;
  });

/** The mail transport and what it needs; null when SMTP is chosen without a server. */
function mailConfig(env: z.output<typeof settings>): MailConfig | null {
  const from = env.MONEV_MAIL_FROM;
  if (env.MONEV_MAIL_TRANSPORT !== 'smtp') return { transport: env.MONEV_MAIL_TRANSPORT, from };
  return env.MONEV_SMTP_URL === undefined ? null : { transport: 'smtp', smtpUrl: env.MONEV_SMTP_URL, from };
}

/** Every environment variable monev reads; the README's settings tables list exactly these (test/docs-contract.test.ts). */
export const SETTING_NAMES: readonly string[] = Object.keys(settings.shape);

/** How reports are mailed: SMTP always with its server's URL (checked when the environment is parsed). */
export type MailConfig =
  | { readonly transport: 'smtp'; readonly smtpUrl: string; readonly from: string }
  | { readonly transport: Exclude<MailTransport, 'smtp'>; readonly from: string };

export interface Config {
  readonly mail: MailConfig;
  readonly pdf: { readonly executablePath?: string; readonly concurrency: number; readonly timeoutMs: number };
  /** The shared secret of change notifications (Apps Script signatures, Drive channel tokens). */
  readonly webhookSecret?: string;
  /**
   * How change notifications are grouped (MONEV_CHANGE_WINDOW_S, MONEV_CHANGE_SETTLE_S): at most one
   * scoring an office per window, an edit after a quiet spell scored after the settle. Unset values are
   * left to the caller: the functions' defaults, or `monev serve`'s shorter ones.
   */
  readonly changes: { readonly windowMs?: number; readonly settleMs?: number };
  /** Local mode of the functions: the data folder and the output folder. */
  readonly local: { readonly dataDir?: string; readonly outDir: string; readonly lockWaitMs: number };
  /** Where the deployed functions live (`<url>/sheetChanged`, `<url>/scoreOffice`); absent locally. */
  readonly functionsUrl?: string;
  /** Cloud Tasks instead of the in-process queue, when MONEV_TASKS_QUEUE is set: scorings go to scoreOffice, a cycle's finish to finishCycle. */
  readonly tasks?: {
    readonly queue: string;
    readonly serviceAccountEmail: string;
    readonly targetUrl: string;
    readonly finishUrl: string;
  };
  /** The service account that calls the private functions (MONEV_TASKS_SERVICE_ACCOUNT): the only caller their OIDC check admits. */
  readonly invoker?: string;
  /** Scorings a second the queue dispatches; a cycle on Google Sheets schedules its scorings this far apart. */
  readonly dispatchesPerSecond: number;
  /** Live mode on Google Sheets: credentials, quota, Drive folders, Gmail sender. */
  readonly google: GoogleConfig;
  /** The rekap spreadsheet (ID or URL): the functions then read and write Google Sheets, not a data folder. */
  readonly rekapSpreadsheet?: string;
  /** How large a workbook monev reads (SPEC §8): a machine's memory, not a provincial policy, so set here. */
  readonly limits: WorkbookLimits;
}

export interface GoogleConfig {
  readonly rootUrl?: string;
  /** A service-account key file; Application Default Credentials when absent. */
  readonly credentialsFile?: string;
  /** Named in "belum dibagikan ke …" messages; read from the credentials when absent. */
  readonly serviceAccount?: string;
  readonly quota: {
    readonly readsPerMinute: number;
    readonly writesPerMinute: number;
    readonly concurrency: number;
    /** Drive requests a minute (evidence checks, reports, cycle state) and evidence lookups in flight. */
    readonly drivePerMinute: number;
    readonly driveConcurrency: number;
    readonly deadlineMs: number;
    readonly initialBackoffMs: number;
    readonly windowMs: number;
  };
  /** Where provisioning creates spreadsheets (a Shared Drive folder shared with the service account). */
  readonly driveFolderId?: string;
  /** Where reports go, one folder per period; the provisioning folder when absent. */
  readonly reportsFolderId?: string;
  /** Where the cycle fan-out keeps its state (`monev-siklus/<cycle>/`); the provisioning folder, else the reports folder, when absent. */
  readonly cyclesFolderId?: string;
  /** The mailbox Gmail sends from (domain-wide delegation); the credentials' own user when absent. */
  readonly gmailSender?: string;
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'lingkungan'}: ${issue.message}`);
    throw new ConfigError(configMessage('invalid-environment', { lines }));
  }
  const e = parsed.data;
  return {
    mail: e.mail,
    pdf: {
      executablePath: e.PUPPETEER_EXECUTABLE_PATH,
      concurrency: e.MONEV_PDF_CONCURRENCY,
      timeoutMs: e.MONEV_PDF_TIMEOUT_MS,
    },
    webhookSecret: e.MONEV_WEBHOOK_SECRET,
    changes: {
      windowMs: e.MONEV_CHANGE_WINDOW_S === undefined ? undefined : Math.round(e.MONEV_CHANGE_WINDOW_S * 1000),
      settleMs: e.MONEV_CHANGE_SETTLE_S === undefined ? undefined : Math.round(e.MONEV_CHANGE_SETTLE_S * 1000),
    },
    local: { dataDir: e.MONEV_DATA_DIR, outDir: e.MONEV_OUT_DIR, lockWaitMs: e.MONEV_LOCK_WAIT_MS },
    functionsUrl: e.MONEV_FUNCTIONS_URL,
    tasks:
      e.MONEV_TASKS_QUEUE && e.MONEV_FUNCTIONS_URL && e.MONEV_TASKS_SERVICE_ACCOUNT
        ? {
            queue: e.MONEV_TASKS_QUEUE,
            serviceAccountEmail: e.MONEV_TASKS_SERVICE_ACCOUNT,
            targetUrl: `${e.MONEV_FUNCTIONS_URL}/scoreOffice`,
            finishUrl: `${e.MONEV_FUNCTIONS_URL}/finishCycle`,
          }
        : undefined,
    invoker: e.MONEV_TASKS_SERVICE_ACCOUNT,
    dispatchesPerSecond: e.MONEV_TASKS_DISPATCHES_PER_SECOND,
    rekapSpreadsheet: e.MONEV_REKAP,
    limits: {
      maxUnpackedBytes:
        e.MONEV_MAX_UNPACKED_MB === undefined
          ? DEFAULT_WORKBOOK_LIMITS.maxUnpackedBytes
          : Math.round(e.MONEV_MAX_UNPACKED_MB * 2 ** 20),
      maxRows: e.MONEV_MAX_ROWS ?? DEFAULT_WORKBOOK_LIMITS.maxRows,
      maxColumns: e.MONEV_MAX_COLUMNS ?? DEFAULT_WORKBOOK_LIMITS.maxColumns,
    },
    google: {
      rootUrl: e.MONEV_GOOGLE_ROOT_URL,
      credentialsFile: e.GOOGLE_APPLICATION_CREDENTIALS,
      serviceAccount: e.MONEV_GOOGLE_SERVICE_ACCOUNT,
      quota: {
        readsPerMinute: e.MONEV_GOOGLE_READS_PER_MINUTE,
        writesPerMinute: e.MONEV_GOOGLE_WRITES_PER_MINUTE,
        concurrency: e.MONEV_GOOGLE_CONCURRENCY,
        drivePerMinute: e.MONEV_DRIVE_REQUESTS_PER_MINUTE,
        driveConcurrency: e.MONEV_DRIVE_CONCURRENCY,
        deadlineMs: e.MONEV_GOOGLE_DEADLINE_MS,
        initialBackoffMs: e.MONEV_GOOGLE_BACKOFF_MS,
        windowMs: e.MONEV_GOOGLE_QUOTA_WINDOW_MS,
      },
      driveFolderId: e.MONEV_DRIVE_FOLDER_ID,
      reportsFolderId: e.MONEV_DRIVE_REPORTS_FOLDER_ID ?? e.MONEV_DRIVE_FOLDER_ID,
      cyclesFolderId: e.MONEV_DRIVE_CYCLES_FOLDER_ID ?? e.MONEV_DRIVE_FOLDER_ID ?? e.MONEV_DRIVE_REPORTS_FOLDER_ID,
      gmailSender: e.MONEV_GMAIL_SENDER,
    },
  };
}
