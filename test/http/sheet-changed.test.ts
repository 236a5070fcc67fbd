import { join } from 'node:path';
import type { Server } from 'node:http';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalTaskQueue } from '../../functions/adapters/queue/local-queue.js';
import { startServer } from '../../functions/commands/serve.js';
import { channelToken, signatureHeader } from '../../functions/core/signature.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
import { localRuntime, runQueuedTask, type Runtime } from '../../functions/cloud-functions-runtime.js';
import {
  FakeClock,
  PERIOD,
  RecordingQueue,
  SECRET,
  sampleProvince,
  tabRecords,
  testConfig,
  type Province,
} from '../helpers/province.js';

/** The cases for sheetChanged: signatures, Drive channels, bodies, the registry, debounce. */
const PACITAN = 'satker/3501.xlsx';
const NOW = Date.UTC(2025, 9, 6, 3, 0, 30);
const quiet = () => undefined;

let province: Province;
let clock: FakeClock;
let queue: RecordingQueue;

beforeAll(async () => {
  province = await sampleProvince(3);
});
afterAll(async () => province.cleanup());

beforeEach(() => {
  clock = new FakeClock(NOW);
  queue = new RecordingQueue();
  const runtime = localRuntime(testConfig(province), { clock, queue, log: quiet });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
});

const body = (spreadsheetId: string) => JSON.stringify({ spreadsheetId });

function post(payload: string, headers: Record<string, string> = {}, contentType = 'application/json') {
  const call = request(getTestServer('sheetChanged')).post('/').set('Content-Type', contentType);
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return call.send(payload);
}

describe('sheetChanged from the Apps Script (signed)', () => {
  const now = Math.floor(NOW / 1000);
  const cases: { name: string; payload: string; signature?: string; status: number }[] = [
    {
      name: 'a valid signature',
      payload: body(PACITAN),
      signature: signatureHeader(SECRET, now, body(PACITAN)),
      status: 202,
    },
    {
      name: 'a signature 4 minutes old',
      payload: body(PACITAN),
      signature: signatureHeader(SECRET, now - 240, body(PACITAN)),
      status: 202,
    },
    {
      name: 'the wrong secret',
      payload: body(PACITAN),
      signature: signatureHeader('another-secret-0123456789', now, body(PACITAN)),
      status: 401,
    },
    {
      name: 'a timestamp 6 minutes old',
      payload: body(PACITAN),
      signature: signatureHeader(SECRET, now - 360, body(PACITAN)),
      status: 401,
    },
    {
      name: 'a timestamp 6 minutes ahead',
      payload: body(PACITAN),
      signature: signatureHeader(SECRET, now + 360, body(PACITAN)),
      status: 401,
    },
    {
      name: 'a signature replayed from another body',
      payload: body(PACITAN),
      signature: signatureHeader(SECRET, now, body('satker/3502.xlsx')),
      status: 401,
    },
    { name: 'no signature header', payload: body(PACITAN), status: 401 },
    { name: 'a garbled signature header', payload: body(PACITAN), signature: 't=abc,v1=xyz', status: 401 },
    {
      name: 'an unknown spreadsheet',
      payload: body('satker/9999.xlsx'),
      signature: signatureHeader(SECRET, now, body('satker/9999.xlsx')),
      status: 404,
    },
    {
      name: 'a body without spreadsheetId',
      payload: '{"id":1}',
      signature: signatureHeader(SECRET, now, '{"id":1}'),
      status: 400,
    },
  ];

  it.each(cases)('$name → $status', async ({ payload, signature, status }) => {
    const response = await post(payload, signature === undefined ? {} : { 'X-Monev-Signature': signature });
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.stringify(response.body)).not.toMatch(/\bat \w|Error|stack/);
    expect(queue.tasks).toHaveLength(status === 202 ? 1 : 0);
  });

  it('queues one scoring for the office, the settle time after an edit that follows a quiet spell', async () => {
    const response = await post(body(PACITAN), { 'X-Monev-Signature': signatureHeader(SECRET, now, body(PACITAN)) });
    expect(response.body).toEqual({ status: 'queued' });
    const [queued] = queue.tasks;
    expect(queued?.task).toEqual({ code: '3501' });
    expect(queued?.notBefore.getTime()).toBe(NOW + 10_000);
  });

  it('also takes the signed body as text/plain, byte for byte', async () => {
    const payload = body(PACITAN);
    const response = await post(payload, { 'X-Monev-Signature': signatureHeader(SECRET, now, payload) }, 'text/plain');
    expect(response.status).toBe(202);
  });
});

describe('sheetChanged from a Drive channel (token)', () => {
  const drive = (token: string, state: string) => ({
    'X-Goog-Channel-ID': 'monev-channel-1',
    'X-Goog-Channel-Token': token,
    'X-Goog-Resource-State': state,
    'X-Goog-Resource-ID': 'res-1',
  });

  it('acknowledges sync with 200 and queues nothing', async () => {
    const response = await request(getTestServer('sheetChanged'))
      .post('/')
      .set(drive(channelToken(SECRET, PACITAN), 'sync'));
    expect(response.status).toBe(200);
    expect(queue.tasks).toEqual([]);
  });

  it('queues a change with a good token (202)', async () => {
    const response = await request(getTestServer('sheetChanged'))
      .post('/')
      .set(drive(channelToken(SECRET, PACITAN), 'update'));
    expect(response.status).toBe(202);
    expect(queue.codes()).toEqual(['3501']);
  });

  it.each([
    ['a token made with another secret', channelToken('another-secret-0123456789', PACITAN)],
    ['a token for one sheet pointing at another', `satker/3502.xlsx.${channelToken(SECRET, PACITAN).split('.').pop()}`],
    ['no token', ''],
  ])('refuses %s (401)', async (_name, token) => {
    const response = await request(getTestServer('sheetChanged')).post('/').set(drive(token, 'update'));
    expect(response.status).toBe(401);
    expect(queue.tasks).toEqual([]);
  });

  it('answers 404 for a valid token on a spreadsheet the registry does not hold', async () => {
    const response = await request(getTestServer('sheetChanged'))
      .post('/')
      .set(drive(channelToken(SECRET, 'satker/9999.xlsx'), 'update'));
    expect(response.status).toBe(404);
  });
});

describe('a body that is not JSON', () => {
  const malformed = '{"spreadsheetId": "satker/3501.xlsx"';
  const signed = () => ({ 'X-Monev-Signature': signatureHeader(SECRET, Math.floor(NOW / 1000), malformed) });

  it('gets 400 from the framework in production, without a stack trace', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const logged = vi.spyOn(console, 'error').mockImplementation(quiet);
    try {
      const response = await request(getTestServer('sheetChanged'))
        .post('/')
        .set('Content-Type', 'application/json')
        .set(signed())
        .send(malformed);
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/SyntaxError|at \S+ \(|node_modules|body-parser/);
    } finally {
      vi.unstubAllEnvs();
      logged.mockRestore();
    }
    expect(queue.tasks).toEqual([]);
  });

  it('gets our own JSON 400 under monev serve', async () => {
    const runtime = localRuntime(testConfig(province), { clock, queue, log: quiet });
    const server = startServer(createHandlers(runtime, ANY_CALLER));
    const response = await request(server)
      .post('/sheetChanged')
      .set('Content-Type', 'application/json')
      .set(signed())
      .send(malformed);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.error).toMatch(/JSON/);
    expect(response.text).not.toMatch(/SyntaxError|at \S+ \(|node_modules/);
  });

  it('gets 400 when the signed text is not JSON', async () => {
    const response = await post(malformed, signed(), 'text/plain');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/spreadsheetId/);
  });
});

describe('a burst of edits', () => {
  let server: Server;
  let runtime: Runtime;
  let localQueue: LocalTaskQueue;
  const scorings: string[] = [];
  // A window of 2 s (so the test waits seconds, not minutes), near its end; an edit after a quiet spell is
  // scored 200 ms later.
  const clock = new FakeClock(Date.UTC(2025, 9, 6, 3, 0, 59));

  beforeAll(() => {
    localQueue = new LocalTaskQueue(
      async (task) => {
        if (task.kind !== 'finish') scorings.push(task.code);
        await runQueuedTask(runtime, task);
      },
      { clock },
    );
    runtime = localRuntime(testConfig(province), {
      clock,
      queue: localQueue,
      debounce: { windowMs: 2_000, settleMs: 200 },
      log: quiet,
    });
    server = startServer(createHandlers(runtime, ANY_CALLER));
  });
  afterAll(() => localQueue.close());

  it('twenty notifications in 0,8 s make two scorings (one after the settle, one window − settle later); a later edit another', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 20; i++) {
      const payload = body(PACITAN);
      const response = await request(server)
        .post('/sheetChanged')
        .set('Content-Type', 'application/json')
        .set('X-Monev-Signature', signatureHeader(SECRET, clock.seconds, payload))
        .send(payload);
      expect(response.status).toBe(202);
      statuses.push(response.body.status);
      clock.advance(40);
    }
    // The first is scored at 03:00:59.2 and the next four come before it starts. The fifth comes as it
    // starts: it is scored window − settle after it, at 03:01:01.0, which the last fourteen come before.
    expect(statuses).toEqual([
      'queued',
      ...Array.from({ length: 4 }, () => 'already-queued'),
      'queued',
      ...Array.from({ length: 14 }, () => 'already-queued'),
    ]);
    await localQueue.idle();
    expect(scorings).toEqual(['3501', '3501']);
    const rows = (await tabRecords(join(province.out, 'rekap.xlsx'), 'Rekap')).filter((row) => row.Periode === PERIOD);
    expect(rows.map((row) => String(row.Kode))).toEqual(['3501']);

    clock.set(Date.UTC(2025, 9, 6, 3, 1, 1, 900));
    const payload = body(PACITAN);
    const later = await request(server)
      .post('/sheetChanged')
      .set('Content-Type', 'application/json')
      .set('X-Monev-Signature', signatureHeader(SECRET, clock.seconds, payload))
      .send(payload);
    expect(later.body).toEqual({ status: 'queued' });
    await localQueue.idle();
    expect(scorings).toEqual(['3501', '3501', '3501']);
  });
});
