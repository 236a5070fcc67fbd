import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { structuredLog } from '../cloud-functions-runtime.js';
import { answerFor, send, type Log } from './errors.js';
import { reply, type Reply } from './replies.js';

/**
 * Bounds on a request body, enforced before anything reads it (issue 10 item 7).
 *
 * The Functions Framework parses every body before the function runs, with body-parser at a limit
 * of 1024 MB *after* inflating `Content-Encoding: gzip|deflate|br` (server.ts in
 * functions-framework-nodejs, unchanged up to 5.0.5), and offers no option to lower the limit or to
 * skip parsing. One unsigned 300 KB gzip request grew the server by ~900 MB. So the guard runs
 * ahead of the framework's parsers (see `installBodyGuard`) and:
 * - refuses any Content-Encoding other than identity (415) and any declared length above the limit
 *   (413) from the headers alone: nothing is read into memory or inflated;
 * - counts a chunked body's bytes as the socket delivers them and stops passing them on at the limit (413);
 * - cuts a body that has not arrived completely within the timeout (408, then the connection closes).
 * After a refusal the rest of the body is left unread: the answer goes out at once and the connection
 * closes at Node's keep-alive timeout (5 s) or this guard's timeout. Closing at once, with the body
 * still arriving, would reset the connection and could lose the answer on its way to the caller.
 *
 * Every function gets the same bounds: a change notification is under 200 bytes, a Cloud Tasks body
 * under 100, a Pub/Sub event of ours under 1 KiB.
 */
export interface BodyLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export const BODY_LIMITS: BodyLimits = { maxBytes: 64 * 1024, timeoutMs: 10_000 };

const GUARDED = Symbol('monev.bodyGuarded');
type Guarded = IncomingMessage & { [GUARDED]?: true };

/**
 * Guards one request; true when it may go on to the parsers, false when it was answered here.
 * Call it synchronously from the server's 'request' event, before anything reads the body.
 */
export function guardBody(req: IncomingMessage, res: ServerResponse, limits: BodyLimits = BODY_LIMITS): boolean {
  const guarded = req as Guarded;
  if (guarded[GUARDED]) return true;
  guarded[GUARDED] = true;

  let refused = false;
  const refuse = (answer: Reply) => {
    if (refused) return;
    refused = true;
    send(res, answer);
  };

  const timer = setTimeout(() => {
    if (!refused) refuse(reply('body-timeout', { seconds: limits.timeoutMs / 1000 }));
    // The answer goes out first, then the connection is cut.
    const cut = () => req.socket?.destroy();
    if (res.writableFinished) cut();
    else res.once('finish', cut);
  }, limits.timeoutMs);
  timer.unref();
  const done = () => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);

  // Node's HTTP parser hands each body chunk to `push` (and `push(null)` at the end) as it comes off
  // the socket; counting here bounds a chunked body without starting to read it. Once refused, what
  // still arrives is dropped.
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null) return push(null);
    if (refused) return true;
    received += (chunk as Buffer).length;
    if (received > limits.maxBytes) {
      refuse(reply('body-too-large', { limit: limits.maxBytes }));
      // Stop taking the rest off the socket: the parser reading it is paused and so is the socket,
      // until the client gives up or the timeout cuts the connection.
      req.pause();
      req.socket.pause();
      return false;
    }
    return push(chunk, encoding);
  };

  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') refuse(reply('encoded-body'));
  else if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes)
    refuse(reply('body-too-large', { limit: limits.maxBytes }));
  return !refused;
}

/**
 * What the framework's Express app passed on unanswered, before any function ran: a body-parser
 * error (it carries a 4xx status), no route (undefined), or a fault. A request the guard answered
 * may still end here when the parser sees its truncated body; it has its answer already.
 */
export function answerUnhandled(res: ServerResponse, error: unknown, log: Log = structuredLog): void {
  if (res.headersSent) return;
  const status = (error as { status?: unknown } | null)?.status;
  if (error === undefined) send(res, reply('not-found'));
  else if (status === 413) send(res, reply('body-too-large', { limit: BODY_LIMITS.maxBytes }));
  else if (typeof status === 'number' && status >= 400 && status < 500) send(res, reply('unreadable-body'));
  else send(res, answerFor('permintaan', error, log));
}

type Handle = (this: unknown, req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void) => void;
interface ExpressApplication {
  handle: Handle & { [GUARDED]?: true };
}

/**
 * Puts the guard in front of every Express app the Functions Framework builds, in production
 * (`functions-framework --target=…` builds its app after loading functions/index.ts) and under
 * `monev serve` and tests (`getTestServer`). The framework has no hook before its body parsers, so
 * this wraps `handle` of the Express it requires itself: each app copies `handle` from that prototype
 * when created, and the wrapped one guards the request, then runs the app with our JSON final
 * handler in place of Express's HTML error page when the server passes none. Idempotent.
 */
export function installBodyGuard(): void {
  const require = createRequire(import.meta.url);
  const frameworkRequire = createRequire(require.resolve('@google-cloud/functions-framework'));
  const express = frameworkRequire('express') as { application: ExpressApplication };
  const original = express.application.handle;
  if (original[GUARDED]) return;
  const guarded: ExpressApplication['handle'] = function (this: unknown, req, res, callback) {
    if (!guardBody(req, res)) return;
    original.call(this, req, res, callback ?? ((error?: unknown) => answerUnhandled(res, error)));
  };
  guarded[GUARDED] = true;
  express.application.handle = guarded;
}
