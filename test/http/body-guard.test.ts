import type { OutgoingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/commands/serve.js';
import { signatureHeader } from '../../functions/core/signature.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { BODY_LIMITS } from '../../functions/http/body-guard.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { registerFunctions } from '../../functions/http/register.js';
import { localRuntime } from '../../functions/cloud-functions-runtime.js';
import { rawPost } from '../helpers/http.js';
import { FakeClock, RecordingQueue, SECRET, sampleProvince, testConfig, type Province } from '../helpers/province.js';

/**
 * The body guard ahead of the Functions Framework's parsers (issue 10 item 7), in process: through
 * the framework's own app (as deployed) and through `monev serve`'s server. The memory bound under a
 * gzip bomb is measured on real processes in body-limits.test.ts.
 */
const NOW = Date.UTC(2025, 9, 6, 3, 0, 30);
const PACITAN = JSON.stringify({ spreadsheetId: 'satker/3501.xlsx' });

let province: Province;
let queue: RecordingQueue;

beforeAll(async () => {
  province = await sampleProvince(3);
});
afterAll(async () => province.cleanup());

beforeEach(() => {
  queue = new RecordingQueue();
  const runtime = localRuntime(testConfig(province), { clock: new FakeClock(NOW), queue, log: () => undefined });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
});

function* repeat(chunk: Buffer, times: number): Iterable<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const signed = (payload: string) => ({
  'content-type': 'application/json',
  'x-monev-signature': signatureHeader(SECRET, Math.floor(NOW / 1000), payload),
});

it('defaults to 64 KiB and 10 seconds', () => {
  expect(BODY_LIMITS).toEqual({ maxBytes: 65_536, timeoutMs: 10_000 });
});

describe.each([
  ['the deployed function (the framework’s own app)', 'framework'],
  ['monev serve', 'serve'],
] as const)('%s', (_name, kind) => {
  let server: Server;
  let port: number;
  const path = kind === 'serve' ? '/sheetChanged' : '/';
  beforeEach(async () => {
    const runtime = localRuntime(testConfig(province), { clock: new FakeClock(NOW), queue, log: () => undefined });
    server = kind === 'serve' ? startServer(createHandlers(runtime, ANY_CALLER)) : getTestServer('sheetChanged');
    port = await listen(server);
  });
  // A refused body leaves its connection paused until the client leaves or the timeout cuts it.
  afterEach(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const cases: {
    name: string;
    headers: OutgoingHttpHeaders;
    chunks: () => Iterable<Buffer>;
    status: number;
    code?: string;
  }[] = [
    {
      name: 'a signed notification',
      headers: { ...signed(PACITAN), 'content-length': Buffer.byteLength(PACITAN) },
      chunks: () => [Buffer.from(PACITAN)],
      status: 202,
    },
    {
      name: 'a signed notification sent chunked',
      headers: signed(PACITAN),
      chunks: () => [Buffer.from(PACITAN.slice(0, 10)), Buffer.from(PACITAN.slice(10))],
      status: 202,
    },
    {
      name: 'Content-Encoding: identity',
      headers: { ...signed(PACITAN), 'content-encoding': 'identity' },
      chunks: () => [Buffer.from(PACITAN)],
      status: 202,
    },
    {
      name: 'a gzip body, even a signed one',
      headers: { ...signed(PACITAN), 'content-encoding': 'gzip' },
      chunks: () => [gzipSync(PACITAN)],
      status: 415,
      code: 'encoded-body',
    },
    {
      name: 'a deflate body',
      headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      chunks: () => [Buffer.from('x')],
      status: 415,
      code: 'encoded-body',
    },
    {
      name: 'a declared length of 64 KiB + 1',
      headers: { 'content-type': 'application/json', 'content-length': 65_537 },
      chunks: () => [Buffer.alloc(65_537, 32)],
      status: 413,
      code: 'body-too-large',
    },
    {
      name: 'a chunked body of 2 MiB',
      headers: { 'content-type': 'application/json' },
      chunks: () => repeat(Buffer.alloc(16 * 1024, 32), 128),
      status: 413,
      code: 'body-too-large',
    },
    {
      name: 'a declared 8 MiB text body',
      headers: { 'content-type': 'text/plain', 'content-length': 8 * 1024 * 1024 },
      chunks: () => repeat(Buffer.alloc(64 * 1024, 97), 128),
      status: 413,
      code: 'body-too-large',
    },
  ];

  it.each(cases)('$name → $status', async ({ headers, chunks, status, code }) => {
    const answer = await rawPost(port, path, headers, chunks());
    expect(answer.status).toBe(status);
    if (code) expect(JSON.parse(answer.body)).toMatchObject({ code });
    expect(queue.tasks).toHaveLength(status === 202 ? 1 : 0);
  });
});

describe('a body that trickles', () => {
  it('is cut after the timeout (monev serve, a shortened timeout)', async () => {
    const runtime = localRuntime(testConfig(province), { clock: new FakeClock(NOW), queue, log: () => undefined });
    const server = startServer(createHandlers(runtime, ANY_CALLER), { ...BODY_LIMITS, timeoutMs: 400 });
    const port = await listen(server);
    try {
      // One byte every 50 ms of a declared 100: it would take 5 seconds to arrive.
      const answer = await rawPost(
        port,
        '/sheetChanged',
        { ...signed(PACITAN), 'content-length': 100 },
        repeat(Buffer.from(' '), 100),
        { pauseMs: 50, untilClosed: true },
      );
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'body-timeout' });
      expect(answer.afterMs).toBeGreaterThanOrEqual(380);
      expect(answer.afterMs).toBeLessThan(2000);
      expect(queue.tasks).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
