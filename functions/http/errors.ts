import type { ServerResponse } from 'node:http';
import type { Request, Response } from '@google-cloud/functions-framework';
import { ConfigError } from '../shared/config-error.js';
import { TaskRejected } from '../app/errors.js';
import type { Runtime } from '../cloud-functions-runtime.js';
import { reply, type OptionalParams, type Reply, type ReplyCode } from './replies.js';

/**
 * HTTP errors mapped in one place (issue 9 item 4), as gotenberg wraps a log error and a public
 * sentinel: a handler throws an HttpError (status and public text from the catalogue) or lets any
 * other error escape, and `httpFunction` turns it into the answer. An error's own message never
 * reaches the caller; the log gets codes, the error's class and, for configuration and rejected
 * tasks, the reason the operator must read.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly reply: Reply;

  /** `note` is for the log only (what to configure, which check failed); never sent. */
  constructor(reply: Reply, note?: string) {
    super(note ?? reply.body.code);
    this.reply = reply;
  }

  static of<C extends ReplyCode>(code: C, ...params: OptionalParams<C>): HttpError {
    return new HttpError(reply(code, ...params));
  }
}

/** What a handler answers when it succeeds: a status and a JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export type Log = Runtime['log'];

const CALLER_REFUSALS = new Set<ReplyCode>(['missing-token', 'invalid-token', 'wrong-caller']);

/**
 * One HTTP function: `handle` parses the request, calls one use case and says what to answer; every
 * failure becomes its catalogue answer. A request the body guard already answered (413, 415, 408)
 * never reaches `handle`.
 */
export function httpFunction(
  name: string,
  log: Log,
  handle: (req: Request) => Promise<Answer>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (res.headersSent) return;
    let answer: Answer;
    try {
      answer = await handle(req);
    } catch (error) {
      answer = answerFor(name, error, log);
    }
    send(res, answer);
  };
}

/** Any error → its answer, logged by kind. */
export function answerFor(name: string, error: unknown, log: Log): Reply {
  if (error instanceof HttpError) {
    const { status, body } = error.reply;
    if (status >= 500) log('ERROR', `${name}: ${error.message}`, { function: name, code: body.code });
    // A refused caller of a private function is worth a look; a bad signature on the public webhook is noise.
    else if (CALLER_REFUSALS.has(body.code)) log('WARNING', 'pemanggil ditolak', { function: name, code: body.code });
    return error.reply;
  }
  if (error instanceof TaskRejected) {
    log('WARNING', 'tugas ditolak; tidak akan diulang', { function: name, reason: error.message.slice(0, 300) });
    return reply('task-rejected');
  }
  if (error instanceof ConfigError) {
    log('ERROR', 'konfigurasi tidak sah; tidak akan diulang', { function: name, reason: error.message.slice(0, 300) });
    return reply('config-invalid');
  }
  log('ERROR', `${name} gagal`, { function: name, error: error instanceof Error ? error.name : 'unknown' });
  return reply('internal');
}

/** Writes a JSON answer on any Node response (Express's or a bare one). */
export function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}
