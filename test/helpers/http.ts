import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

/** Raw HTTP against a local server, for what supertest cannot send: bodies that trickle, chunked floods. */
export interface RawAnswer {
  readonly status: number | null;
  readonly body: string;
  /** Milliseconds from the start until the answer was read (or, with `untilClosed`, the server closed the connection). */
  readonly afterMs: number;
}

/**
 * A POST written chunk by chunk (with a pause between chunks when asked), its answer read while the
 * body is still going out, as a careless or hostile client would send it. Keep-alive, as browsers and
 * Apps Script send (with `Connection: close` a server that answers early resets the connection, and
 * the answer may be lost). Resolves once the answer is read, or with `untilClosed` when the server
 * closes the connection.
 */
export function rawPost(
  port: number,
  path: string,
  headers: OutgoingHttpHeaders,
  chunks: Iterable<Buffer>,
  { pauseMs = 0, untilClosed = false }: { pauseMs?: number; untilClosed?: boolean } = {},
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve) => {
    let status: number | null = null;
    let body = '';
    let settled = false;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { connection: 'keep-alive', ...headers },
      agent: false,
    });
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve({ status, body, afterMs: Date.now() - started });
      req.destroy();
    };
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => {
        if (!untilClosed) settle();
      });
    });
    req.on('error', () => undefined);
    req.on('close', settle);
    const iterator = chunks[Symbol.iterator]();
    const next = () => {
      if (settled) return;
      const { value, done } = iterator.next();
      if (done) {
        req.end();
        return;
      }
      const more = req.write(value);
      if (pauseMs > 0) setTimeout(next, pauseMs);
      else if (more) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}
