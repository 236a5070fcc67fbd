import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCycleStore } from '../../functions/adapters/cycle-store/local-cycle-store.js';
import { ResultsFile } from '../../functions/adapters/fs/results-file.js';
import { XlsxSummarySink } from '../../functions/adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from '../../functions/adapters/xlsx/xlsx-source.js';
import { finishCycle } from '../../functions/app/finish-cycle.js';
import { assessOffice } from '../../functions/app/run-cycle.js';
import { CHECK_AFTER_MS } from '../../functions/app/start-cycle.js';
import { parsePeriod, type Period } from '../../functions/core/period.js';
import { readRekap } from '../../functions/core/rekap-reader.js';
import { DEPLOY_DEFAULTS } from '../../functions/deploy/plan.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
import type { WorkbookSource } from '../../functions/ports.js';
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
 * The national scale: 552 offices. The start queues 552 scorings spaced at the deployed queue's
 * rate (each a short request of its own, inside the Sheets quota), and the finish publishes from
 * the stored results with one read of the rekap and none of any office. No PDFs here: rendering is
 * covered at province scale, and this file stays fast.
 */
const OFFICES = 552;
let province: Province;
const queue = new RecordingQueue();
const clock = new FakeClock(Date.UTC(2025, 9, 10, 0, 0));
const RATE = DEPLOY_DEFAULTS.dispatchesPerSecond;

beforeAll(async () => {
  province = await sampleProvince(OFFICES);
  const runtime = localRuntime(testConfig(province), { clock, queue, dispatchesPerSecond: RATE, log: () => undefined });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
}, 120_000);
afterAll(async () => province?.cleanup());

describe(`a cycle of ${OFFICES} offices`, () => {
  const cycle = `${PERIOD}-7402913365712398`;

  it('the start queues one scoring per office, scheduled no faster than the queue dispatches, and answers quickly', async () => {
    const started = Date.now();
    const response = await request(getTestServer('runCycleHttp'))
      .post('/')
      .set('Content-Type', 'application/json')
      .send({ period: PERIOD, label: '7402913365712398' });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'started', cycle, offices: OFFICES, queued: OFFICES });
    // Nowhere near the nine minutes of an event function.
    expect(Date.now() - started).toBeLessThan(30_000);

    const scorings = queue.named(`cycle-${cycle}-`).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime());
    expect(scorings).toHaveLength(OFFICES);
    expect(new Set(scorings.map(({ name }) => name)).size).toBe(OFFICES);
    const times = scorings.map(({ notBefore }) => notBefore.getTime());
    expect(times[0]).toBe(clock.now().getTime());
    const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / RATE);
    // 552 scorings at 0.2 a second: about 46 minutes, and a watchdog twenty minutes after the last.
    const span = (times.at(-1) as number) - (times[0] as number);
    expect(span).toBe(Math.ceil((OFFICES - 1) * (1000 / RATE)));
    expect(span / 60_000).toBeCloseTo(45.9, 1);
    expect(queue.named(`finish-${cycle}-check-1`)[0]?.notBefore.getTime()).toBe(
      (times.at(-1) as number) + CHECK_AFTER_MS,
    );
    // Any minute of the schedule asks Sheets for at most 48 writes (4 per scoring), under the 60 a minute.
    const perMinute = new Map<number, number>();
    for (const time of times)
      perMinute.set(Math.floor(time / 60_000), (perMinute.get(Math.floor(time / 60_000)) ?? 0) + 1);
    expect(Math.max(...perMinute.values()) * 4).toBeLessThanOrEqual(48);
  });

  it('the finish ranks and writes every office from the stored results: one read of the rekap, none of an office', async () => {
    const source = new XlsxWorkbookSource(province.data);
    const rekap = readRekap(await source.readRekap());
    const period = parsePeriod(PERIOD) as Period;
    const settings = { cap: rekap.cap, effectiveMinutes: rekap.effectiveMinutes, weights: rekap.weights };
    // A few real results, stored under every code of the cycle, stand in for 552 scorings.
    const models = await Promise.all(
      rekap.offices.slice(0, 6).map((office) => assessOffice({ source }, office, period, settings)),
    );
    const cycles = new LocalCycleStore(join(province.out, 'siklus'));
    for (const [i, office] of rekap.offices.entries()) {
      const model = models[i % models.length] as (typeof models)[number];
      await cycles.saveResult(cycle, { ...model, code: office.code, name: office.name });
    }

    const reads = { rekap: 0, office: 0 };
    const counting: WorkbookSource = {
      readRekap: () => (reads.rekap++, source.readRekap()),
      readOffice: (path) => (reads.office++, source.readOffice(path)),
      describeRekap: () => source.describeRekap(),
      describe: (path) => source.describe(path),
    };
    const outcome = await finishCycle(
      {
        source: counting,
        sink: new XlsxSummarySink(province.data, province.out),
        results: new ResultsFile(province.out),
        clock,
        cycles,
        queue,
        dispatchesPerSecond: RATE,
      },
      { cycle },
    );
    expect(outcome).toMatchObject({ status: 'finished', offices: OFFICES, unscoredByCycle: [], reports: 0 });
    expect(reads).toEqual({ rekap: 1, office: 0 });

    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as {
      offices: { status: string; rank: number | null }[];
    };
    expect(results.offices).toHaveLength(OFFICES);
    expect(
      results.offices.filter((office) => office.status === 'scored').every((office) => typeof office.rank === 'number'),
    ).toBe(true);
    expect(
      (await tabRecords(join(province.out, 'rekap.xlsx'), 'Rekap')).filter((row) => row.Periode === PERIOD),
    ).toHaveLength(OFFICES);
    expect((await cycles.get(cycle))?.finishedAt).not.toBeNull();
  });
});
