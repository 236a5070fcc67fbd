import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { join } from 'node:path';
import { FileLogJournal, JOURNAL_FILE } from '../adapters/fs/log-journal.js';
import { lockOutFolder } from '../adapters/fs/out-lock.js';
import { parseConfig, type Config } from '../config.js';
import { ANY_CALLER, oidcCallers, type CallerCheck } from '../http/access.js';
import { BODY_LIMITS, answerUnhandled, guardBody, type BodyLimits } from '../http/body-guard.js';
import { send } from '../http/errors.js';
import { createHandlers, type Handlers } from '../http/handlers.js';
import { HTTP_FUNCTIONS, registerFunctions } from '../http/register.js';
import { reply } from '../http/replies.js';
import { DEFAULT_HOST } from '../shared/local-defaults.js';
import { localRuntime } from '../cloud-functions-runtime.js';
import { EXIT, usageError, type CommandIo } from './io.js';

export interface ServeArgs {
  data: string;
  out: string;
  port: number;
  /** Where to listen; 127.0.0.1 unless told otherwise. */
  host?: string;
  /**
   * Check the private functions' OIDC tokens as the deployed functions do. Off by default on a
   * loopback address (nothing else can reach it, and a local token would need Google), on by
   * default anywhere else: a port open to the network never runs scorings or sends mail unchecked.
   */
  oidc?: boolean;
}

/**
 * `monev serve`: every HTTP function on one local port at /<functionName>, backed by the local data
 * folder and the in-process queue. Requests go through the Functions Framework itself, so body
 * parsing and raw bodies behave as in production, behind the same body guard.
 */
export async function serveCommand(
  args: ServeArgs,
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  // The framework echoes a failing handler's message unless NODE_ENV is production (see functions/index.ts).
  process.env.NODE_ENV ??= 'production';
  const config = parseConfig({ ...env, MONEV_DATA_DIR: args.data, MONEV_OUT_DIR: args.out });
  const host = args.host ?? DEFAULT_HOST;
  const oidc = args.oidc ?? !isLoopback(host);
  let callers: CallerCheck = ANY_CALLER;
  if (oidc) {
    if (!config.functionsUrl || !config.invoker)
      throw usageError('serve-oidc-needs-settings', {
        why: args.oidc === undefined ? `bawaan untuk --host ${host}` : '--oidc on',
      });
    callers = oidcCallers({ functionsUrl: config.functionsUrl, serviceAccountEmail: config.invoker });
  }
  if (!config.webhookSecret)
    io.err('Peringatan: MONEV_WEBHOOK_SECRET belum diisi; /sheetChanged akan menolak semua permintaan.');
  // Like `monev run`, serve writes OUT/rekap.xlsx and sends mail: it holds OUT's lock while it serves, so a
  // run on the same folder waits and stops instead of interleaving, and journals its Log rows as a run does.
  const lock = await lockOutFolder(args.out, { waitMs: config.local.lockWaitMs, pollMs: 250 });
  try {
    return await serveLocked(args, io, config, host, oidc, callers);
  } finally {
    await lock.release();
  }
}

async function serveLocked(
  args: ServeArgs,
  io: CommandIo,
  config: Config,
  host: string,
  oidc: boolean,
  callers: CallerCheck,
): Promise<number> {
  const runtime = localRuntime(config, {
    // Shorter windows than in production unless the environment sets them: locally nobody shares a quota,
    // and feedback should come quickly.
    debounce: {
      windowMs: config.changes.windowMs ?? LOCAL_DEBOUNCE.windowMs,
      settleMs: config.changes.settleMs ?? LOCAL_DEBOUNCE.settleMs,
    },
    journal: new FileLogJournal(join(args.out, JOURNAL_FILE)),
  });
  const server = startServer(createHandlers(runtime, callers));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? usageError('port-in-use', { port: args.port })
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? usageError('host-not-here', { host })
            : error,
      ),
    );
    server.listen(args.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  io.out(
    `monev serve: http://${shown}:${port}/{${HTTP_FUNCTIONS.join(',')}} (data ${args.data}, keluaran ${args.out}). Ctrl+C untuk berhenti.`,
  );
  io.out(
    oidc
      ? `Fungsi privat (scoreOffice, runCycleHttp, finishCycle) hanya menerima token OIDC ${config.invoker} untuk ${config.functionsUrl}/<fungsi>.`
      : 'Fungsi privat (scoreOffice, runCycleHttp, finishCycle) tanpa pemeriksaan token OIDC (--oidc off); hanya untuk mesin ini.',
  );
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await runtime.close();
  return EXIT.ok;
}

export const LOCAL_DEBOUNCE = { windowMs: 10_000, settleMs: 2_000 } as const;

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

type ExpressApp = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * One server for all HTTP functions. Each request is guarded (body-guard.ts; `limits` only for
 * tests that cannot wait ten seconds), then runs through that function's Functions Framework app,
 * with our own last handler: a body the framework cannot parse gets a short JSON answer instead of
 * Express's error page, and nothing internal is ever echoed.
 */
export function startServer(handlers: Handlers, limits: BodyLimits = BODY_LIMITS): Server {
  registerFunctions(() => handlers);
  const apps = new Map<string, ExpressApp>(HTTP_FUNCTIONS.map((name) => [name, expressApp(getTestServer(name))]));
  return createServer((req, res) => {
    if (!guardBody(req, res, limits)) return;
    const [path, query] = (req.url ?? '/').split('?', 2);
    const name = path?.replace(/^\/+|\/+$/g, '') ?? '';
    const app = apps.get(name);
    if (!app) {
      send(res, reply('unknown-function', { name, choices: HTTP_FUNCTIONS }));
      return;
    }
    req.url = query === undefined ? '/' : `/?${query}`;
    app(req, res, (error?: unknown) => answerUnhandled(res, error));
  });
}

/** The Express app behind a framework server: Node registers it as the server's request listener. */
function expressApp(server: Server): ExpressApp {
  const [listener] = server.listeners('request');
  if (typeof listener !== 'function') throw new Error('Functions Framework tidak memberi aplikasi Express.');
  return listener as ExpressApp;
}
