import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_AFTER_MS } from '../../functions/app/start-cycle.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
import type { QueuedTask } from '../../functions/ports.js';
import { localRuntime } from '../../functions/cloud-functions-runtime.js';
import {
  FakeClock,
  PERIOD,
  RecordingQueue,
  sampleProvince,
  tabRecords,
  testConfig,
  type Province,
} from '../helpers/province.js';

/**
 * The fan-out one function at a time, as Cloud Tasks would call them: runCycleHttp queues, each
 * queued scoring is delivered to scoreOffice by hand (twice where Cloud Tasks might), and the
 * finish to finishCycle. The queue only records, so every step is visible.
 */
let province: Province;
let queue: RecordingQueue;
const clock = new FakeClock(Date.UTC(2025, 9, 10, 0, 30));
const DAY = '20251010';

beforeAll(async () => {
  province = await sampleProvince(3);
  queue = new RecordingQueue();
  registerFunctions(() =>
    createHandlers(localRuntime(testConfig(province), { clock, queue, log: () => undefined }), ANY_CALLER),
  );
});
afterAll(async () => province.cleanup());

const post = (fn: string, body?: object) => {
  const call = request(getTestServer(fn)).post('/').set('Content-Type', 'application/json');
  return body === undefined ? call : call.send(body);
};
/** What Cloud Tasks would POST: the task without the kind that chose the function. */
const payload = ({ kind: _kind, ...body }: QueuedTask) => body;
const storedResults = async (cycle: string) =>
  (await readdir(join(province.out, 'siklus', cycle, 'hasil'))).filter((name) => name.endsWith('.json')).sort();

describe('a cycle, one function at a time', () => {
  const cycle = `${PERIOD}-${DAY}`;

  it('runCycleHttp records the cycle and queues a scoring per office and a watchdog; a second call the same day is the same cycle', async () => {
    const first = await post('runCycleHttp', { period: PERIOD });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'started', cycle, period: PERIOD, offices: 3, queued: 3 });
    expect(queue.named(`cycle-${cycle}-`).map(({ task }) => task)).toEqual(
      ['3501', '3502', '3503'].map((code) => ({ code, period: PERIOD, cycle })),
    );
    const [check] = queue.named(`finish-${cycle}-check-1`);
    expect(check?.notBefore.getTime()).toBe(clock.now().getTime() + CHECK_AFTER_MS);

    const again = await post('runCycleHttp', { period: PERIOD });
    expect(again.body).toMatchObject({ status: 'started', cycle, queued: 0 });
    expect(queue.tasks).toHaveLength(4);
  });

  it('a scoring delivered twice leaves one Rekap row and one stored result; the one that completes the cycle queues the finish once', async () => {
    const [first, second, third] = queue.named(`cycle-${cycle}-`).map(({ task }) => payload(task));
    const once = await post('scoreOffice', first);
    const twice = await post('scoreOffice', first);
    expect(once.status).toBe(200);
    expect(once.body).toMatchObject({ code: '3501', cycle, outcome: 'scored', complete: false, status: 'scored' });
    expect(twice.body).toMatchObject({ code: '3501', cycle, outcome: 'already-scored', complete: false });
    expect(await storedResults(cycle)).toEqual(['3501.json']);
    const rekap = join(province.out, 'rekap.xlsx');
    expect(
      (await tabRecords(rekap, 'Rekap')).filter((row) => row.Periode === PERIOD && String(row.Kode) === '3501'),
    ).toHaveLength(1);

    expect((await post('scoreOffice', second)).body).toMatchObject({ complete: false });
    expect(queue.named(`finish-${cycle}`).filter(({ name }) => name === `finish-${cycle}`)).toEqual([]);
    // Cloud Tasks delivers the last scoring twice: both find the cycle complete, one finish is queued.
    expect((await post('scoreOffice', third)).body).toMatchObject({ outcome: 'scored', complete: true });
    expect((await post('scoreOffice', third)).body).toMatchObject({ outcome: 'already-scored', complete: true });
    expect(queue.tasks.filter(({ name }) => name === `finish-${cycle}`).map(({ task }) => task)).toEqual([
      { kind: 'finish', cycle },
    ]);
    expect(await storedResults(cycle)).toEqual(['3501.json', '3502.json', '3503.json']);
  });

  it('finishCycle ranks the stored results, writes results.json, the Rekap and the reports, and does nothing the second time', async () => {
    const finish = await post('finishCycle', { cycle });
    expect(finish.status).toBe(200);
    expect(finish.body).toMatchObject({ status: 'finished', cycle, offices: 3, unscoredByCycle: [], reports: 4 });
    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as {
      offices: { code: string; rank: number | null }[];
    };
    expect(results.offices.map((office) => office.code)).toEqual(['3501', '3502', '3503']);
    const rows = (await tabRecords(join(province.out, 'rekap.xlsx'), 'Rekap')).filter((row) => row.Periode === PERIOD);
    expect(rows.map((row) => [String(row.Kode), row.Peringkat ?? null])).toEqual(
      results.offices.map((office) => [office.code, office.rank]),
    );
    const outbox = await readdir(join(province.out, 'outbox'));

    expect((await post('finishCycle', { cycle })).body).toEqual({ status: 'already-finished', cycle });
    expect(await readdir(join(province.out, 'outbox'))).toEqual(outbox);
    // A scoring delivered after the finish leaves the published cycle alone.
    expect((await post('scoreOffice', { code: '3502', period: PERIOD, cycle })).body).toMatchObject({
      outcome: 'cycle-finished',
    });
    // So does starting it again that day; a label starts another cycle.
    expect((await post('runCycleHttp', { period: PERIOD })).body).toEqual({
      status: 'finished',
      cycle,
      period: PERIOD,
      offices: 3,
    });
    expect((await post('runCycleHttp', { period: PERIOD, label: 'ulang' })).body).toMatchObject({
      status: 'started',
      cycle: `${PERIOD}-ulang`,
      queued: 3,
    });
  });

  it.each([
    ['finishCycle without a cycle', 'finishCycle', {}, 400],
    ['finishCycle of a cycle never started', 'finishCycle', { cycle: `${PERIOD}-tidak-ada` }, 422],
    ['scoreOffice of a cycle never started', 'scoreOffice', { code: '3501', cycle: `${PERIOD}-tidak-ada` }, 422],
    ['scoreOffice with a malformed cycle', 'scoreOffice', { code: '3501', cycle: '../x' }, 400],
    ['runCycleHttp with a malformed label', 'runCycleHttp', { label: 'a b' }, 400],
    ['runCycleHttp for a period that does not exist', 'runCycleHttp', { period: '2025-TW9' }, 422],
  ])('%s → %i, without internals', async (_name, fn, body, status) => {
    const response = await post(fn, body);
    expect(response.status).toBe(status);
    expect(response.text).not.toMatch(/Error|at \S+ \(|\.ts/);
  });
});

describe('the watchdog of a stalled cycle', () => {
  const cycle = `${PERIOD}-macet`;

  it('queues the missing scorings again, and at the last check publishes with them marked as not scored', async () => {
    expect((await post('runCycleHttp', { period: PERIOD, label: 'macet' })).status).toBe(202);
    const [first, second] = queue.named(`cycle-${cycle}-`).map(({ task }) => payload(task));
    await post('scoreOffice', first);
    await post('scoreOffice', second);
    // 3503's task gave up (Cloud Tasks stops after max-attempts); the watchdog comes.
    for (const check of [1, 2]) {
      const waiting = await post('finishCycle', { cycle, check });
      expect(waiting.body).toEqual({ status: 'waiting', cycle, missing: 1, requeued: 1 });
      expect(queue.named(`cycle-${cycle}-3503-check-${check}`).map(({ task }) => task)).toEqual([
        { code: '3503', period: PERIOD, cycle },
      ]);
      expect(queue.named(`finish-${cycle}-check-${check + 1}`).map(({ task }) => task)).toEqual([
        { kind: 'finish', cycle, check: check + 1 },
      ]);
    }
    const finished = await post('finishCycle', { cycle, check: 3 });
    expect(finished.body).toMatchObject({ status: 'finished', cycle, offices: 3, unscoredByCycle: ['3503'] });
    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as {
      offices: { code: string; status: string; findings: { message: string }[] }[];
    };
    const stalled = results.offices.find((office) => office.code === '3503');
    expect(stalled?.status).toBe('unscored');
    expect(stalled?.findings[0]?.message).toMatch(/gangguan layanan/);
    const log = await tabRecords(join(province.out, 'rekap.xlsx'), 'Log');
    expect(
      log.some(
        (row) => row.Aksi === 'siklus' && String(row.Hasil).includes(`siklus ${cycle}: 3 satker, 1 gagal dinilai`),
      ),
    ).toBe(true);
  });
});
