import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { parseConfig } from '../config.js';
import { createHandlers, type Handlers } from '../http/handlers.js';
import { HTTP_FUNCTIONS, registerFunctions } from '../http/register.js';
import { localRuntime, structuredLog } from '../runtime.js';
import { EXIT, UsageError, type CommandIo } from './io.js';

export interface ServeArgs {
  data: string;
  out: string;
  port: number;
}

/**
 * `monev serve`: every HTTP function on one local port at /<functionName>, backed by the local data
 * folder and the in-process queue. Requests go through the Functions Framework itself, so body
 * parsing and raw bodies behave as in production.
 */
export async function serveCommand(
  args: ServeArgs,
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  // The framework echoes a failing handler's message unless NODE_ENV is production (see functions/index.ts).
  process.env.NODE_ENV ??= 'production';
  const config = parseConfig({ ...env, MONEV_DATA_DIR: args.data, MONEV_OUT_DIR: args.out });
  if (!config.webhookSecret)
    io.err('Peringatan: MONEV_WEBHOOK_SECRET belum diisi; /sheetChanged akan menolak semua permintaan.');
  // Shorter windows than in production: locally nobody shares a quota, and feedback should come quickly.
  const server = startServer(createHandlers(localRuntime(config, { debounce: LOCAL_DEBOUNCE })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`Port ${args.port} sudah dipakai; pilih yang lain dengan --port.`)
          : error,
      ),
    );
    server.listen(args.port, '127.0.0.1', () => resolve());
  });
  io.out(
    `monev serve: http://127.0.0.1:${args.port}/{${HTTP_FUNCTIONS.join(',')}} (data ${args.data}, keluaran ${args.out}). Ctrl+C untuk berhenti.`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

export const LOCAL_DEBOUNCE = { windowMs: 10_000, settleMs: 2_000 } as const;

type ExpressApp = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * One server for all HTTP functions. Each request runs through that function's Functions Framework
 * app, with our own last handler: a body the framework cannot parse (malformed JSON, a bad charset)
 * gets a short JSON answer instead of Express's error page, and nothing internal is ever echoed.
 */
export function startServer(handlers: Handlers): Server {
  registerFunctions(() => handlers);
  const apps = new Map<string, ExpressApp>(HTTP_FUNCTIONS.map((name) => [name, expressApp(getTestServer(name))]));
  return createServer((req, res) => {
    const [path, query] = (req.url ?? '/').split('?', 2);
    const name = path?.replace(/^\/+|\/+$/g, '') ?? '';
    const app = apps.get(name);
    if (!app) {
      answer(res, 404, { error: `Tidak ada fungsi "${name}". Pilihan: ${HTTP_FUNCTIONS.join(', ')}.` });
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

/** What the framework passed on unanswered: a body-parser error (its status is 4xx) or a fault. */
export function answerUnhandled(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const body =
      status === 413
        ? 'Isi permintaan terlalu besar.'
        : 'Isi permintaan tidak dapat dibaca; kirim JSON yang sah, misalnya {"spreadsheetId": "..."}.';
    answer(res, status, { error: body });
    return;
  }
  if (error !== undefined)
    structuredLog('ERROR', 'permintaan gagal', { error: error instanceof Error ? error.name : 'unknown' });
  answer(res, error === undefined ? 404 : 500, {
    error: error === undefined ? 'Tidak ditemukan.' : 'Terjadi kesalahan internal; sudah dicatat.',
  });
}

function answer(res: ServerResponse, status: number, body: { error: string }): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
