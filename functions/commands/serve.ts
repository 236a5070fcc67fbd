import { createServer, type Server } from 'node:http';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { parseConfig } from '../config.js';
import { createHandlers } from '../http/handlers.js';
import { localRuntime } from '../runtime.js';
import { EXIT, UsageError, type CommandIo } from './io.js';

export interface ServeArgs {
  data: string;
  out: string;
  port: number;
}

const HTTP_FUNCTIONS = ['sheetChanged', 'scoreOffice', 'runCycleHttp'] as const;

/**
 * `monev serve`: every HTTP function on one local port at /<functionName>, backed by the local data
 * folder and the in-process queue. Requests go through the Functions Framework itself, so body
 * parsing and raw bodies behave as in production.
 */
export async function serveCommand(args: ServeArgs, io: CommandIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const config = parseConfig({ ...env, MONEV_DATA_DIR: args.data, MONEV_OUT_DIR: args.out });
  if (!config.webhookSecret) io.err('Peringatan: MONEV_WEBHOOK_SECRET belum diisi; /sheetChanged akan menolak semua permintaan.');
  const server = startServer(createHandlers(localRuntime(config)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`Port ${args.port} sudah dipakai; pilih yang lain dengan --port.`) : error),
    );
    server.listen(args.port, '127.0.0.1', () => resolve());
  });
  io.out(`monev serve: http://127.0.0.1:${args.port}/{${HTTP_FUNCTIONS.join(',')}} (data ${args.data}, keluaran ${args.out}). Ctrl+C untuk berhenti.`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

export function startServer(handlers: ReturnType<typeof createHandlers>): Server {
  functions.http('sheetChanged', handlers.sheetChanged);
  functions.http('scoreOffice', handlers.scoreOffice);
  functions.http('runCycleHttp', handlers.runCycleHttp);
  const targets = new Map<string, Server>(HTTP_FUNCTIONS.map((name) => [name, getTestServer(name)]));
  return createServer((req, res) => {
    const [path, query] = (req.url ?? '/').split('?', 2);
    const name = path?.replace(/^\/+|\/+$/g, '') ?? '';
    const target = targets.get(name);
    if (!target) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `Tidak ada fungsi "${name}". Pilihan: ${HTTP_FUNCTIONS.join(', ')}.` }));
      return;
    }
    req.url = query === undefined ? '/' : `/?${query}`;
    target.emit('request', req, res);
  });
}
