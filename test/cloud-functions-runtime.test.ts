import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_DEFAULTS } from '../functions/deploy/plan.js';
import { parseConfig } from '../functions/config.js';
import { channelToken } from '../functions/core/signature.js';
import { createHandlers } from '../functions/http/handlers.js';
import { ANY_CALLER } from '../functions/http/access.js';
import { registerFunctions } from '../functions/http/register.js';
import { LocalTaskQueue } from '../functions/adapters/queue/local-queue.js';
import { CHECK_AFTER_MS } from '../functions/app/start-cycle.js';
import { createRuntime, runQueuedTask, type Runtime } from '../functions/cloud-functions-runtime.js';
import { startFakeGoogleApi, type FakeGoogleApi } from './fakes/google-api-server.js';
import { FakeClock, PERIOD, RecordingQueue, SECRET, sampleProvince, type Province } from './helpers/province.js';

/**
 * With MONEV_REKAP the functions work on Google Sheets, here the fake Google API: a Drive
 * notification names a spreadsheet ID, scoreOffice writes the rekap spreadsheet, and a scoring costs
 * few enough requests for the queue's dispatch rate to stay inside the Sheets quota. The quarterly
 * cycle fans out with its state in a Drive folder, as the deployed functions run it.
 */
let google: FakeGoogleApi;
let province: Province;
let loaded: { rekapId: string; offices: Map<string, string> };
const queue = new RecordingQueue();

beforeAll(async () => {
  province = await sampleProvince(3);
  google = await startFakeGoogleApi({ latencyMs: 1 });
  loaded = await google.loadSampleProvince(province.data);
  const config = parseConfig({
    MONEV_REKAP: loaded.rekapId,
    MONEV_GOOGLE_ROOT_URL: google.url,
    MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
    MONEV_GOOGLE_BACKOFF_MS: '5',
    MONEV_WEBHOOK_SECRET: SECRET,
    MONEV_OUT_DIR: province.out,
  });
  const runtime = createRuntime(config, {
    clock: new FakeClock(Date.UTC(2025, 9, 6, 3, 0)),
    queue,
    log: () => undefined,
  });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
});
afterAll(async () => {
  await google?.close();
  await province?.cleanup();
});

describe('the functions on Google Sheets', () => {
  it('a Drive notification for an office spreadsheet queues its office', async () => {
    const id = loaded.offices.get('3502') as string;
    const response = await request(getTestServer('sheetChanged'))
      .post('/')
      .set({
        'X-Goog-Channel-ID': 'monev-1',
        'X-Goog-Channel-Token': channelToken(SECRET, id),
        'X-Goog-Resource-State': 'update',
      });
    expect(response.status).toBe(202);
    expect(queue.codes()).toEqual(['3502']);
  });

  it('scoreOffice delivered twice writes one Rekap row, within the request budget of the queue rate', async () => {
    google.resetCounts();
    const deliver = () =>
      request(getTestServer('scoreOffice')).post('/').set('Content-Type', 'application/json').send({ code: '3502' });
    expect((await deliver()).status).toBe(200);
    const reads = google.count('sheets.spreadsheets.get') + google.count('sheets.spreadsheets.values.get');
    const writes =
      google.count('sheets.spreadsheets.batchUpdate') +
      google.count('sheets.spreadsheets.values.batchUpdate') +
      google.count('sheets.spreadsheets.values.append');
    // The queue's rate times the requests of one scoring stays within 80 % of Sheets' 60 a minute per user.
    expect({ reads, writes }).toEqual({ reads: 2, writes: 4 });
    expect(DEPLOY_DEFAULTS.dispatchesPerSecond * 60 * Math.max(reads, writes)).toBeLessThanOrEqual(48);

    expect((await deliver()).status).toBe(200);
    const rekap = google.values(loaded.rekapId, 'Rekap') ?? [];
    const header = rekap.findIndex((row) => row.includes('Kode'));
    const columns = rekap[header] ?? [];
    const rows = rekap
      .slice(header + 1)
      .filter((row) => row[columns.indexOf('Periode')] === PERIOD && String(row[columns.indexOf('Kode')]) === '3502');
    expect(rows).toHaveLength(1);
  });
});

describe('the cycle on Google Sheets without a Drive folder', () => {
  it('is refused with a 422: the scorings would have nowhere to keep their results', async () => {
    const response = await request(getTestServer('runCycleHttp'))
      .post('/')
      .set('Content-Type', 'application/json')
      .send({ period: PERIOD });
    expect(response.status).toBe(422);
    expect(queue.tasks.filter(({ name }) => name.startsWith('cycle-'))).toEqual([]);
  });
});

describe('the cycle fanned out on Google Sheets and Drive', () => {
  let runtime: Runtime;
  let local: LocalTaskQueue;
  let cycleQueue: RecordingQueue;
  let folder: string;
  const clock = new FakeClock(Date.UTC(2025, 9, 10, 0, 0));

  beforeAll(() => {
    folder = google.addFolder('monev');
    const config = parseConfig({
      MONEV_REKAP: loaded.rekapId,
      MONEV_GOOGLE_ROOT_URL: google.url,
      MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
      MONEV_GOOGLE_BACKOFF_MS: '5',
      MONEV_DRIVE_FOLDER_ID: folder,
      MONEV_WEBHOOK_SECRET: SECRET,
      MONEV_OUT_DIR: province.out,
    });
    local = new LocalTaskQueue((task) => runQueuedTask(runtime, task), { clock });
    cycleQueue = new RecordingQueue(local);
    // The fake answers at once; a real queue would space the scorings by the configured rate.
    runtime = createRuntime(config, { clock, queue: cycleQueue, dispatchesPerSecond: null, log: () => undefined });
    registerFunctions(() => createHandlers(runtime, ANY_CALLER));
  });
  afterAll(() => local?.close());

  it('scores each office in its own task, keeps the results on Drive, and the finish writes the ranks and links the reports', async () => {
    google.resetCounts();
    const response = await request(getTestServer('runCycleHttp'))
      .post('/')
      .set('Content-Type', 'application/json')
      .send({ period: PERIOD });
    expect(response.status).toBe(202);
    const cycle = response.body.cycle as string;
    await local.idle(new Date(clock.now().getTime() + CHECK_AFTER_MS / 2));
    expect(cycleQueue.codes()).toEqual(['3501', '3502', '3503']);
    expect(cycleQueue.tasks.filter(({ name }) => name === `finish-${cycle}`)).toHaveLength(1);

    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as {
      offices: { code: string; rank: number | null }[];
    };
    expect(results.offices.map((office) => office.code)).toEqual(['3501', '3502', '3503']);
    const rekap = google.values(loaded.rekapId, 'Rekap') ?? [];
    const header = rekap.findIndex((row) => row.includes('Kode'));
    const columns = rekap[header] ?? [];
    const rows = rekap.slice(header + 1).filter((row) => row[columns.indexOf('Periode')] === PERIOD);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const code = String(row[columns.indexOf('Kode')]);
      expect(String(row[columns.indexOf('Peringkat')] ?? ''), code).toBe(
        String(results.offices.find((office) => office.code === code)?.rank ?? ''),
      );
      expect(String(row[columns.indexOf('Laporan')]), code).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    }

    const files = google.listFiles();
    const cycleFolder = files.find((file) => file.name === cycle);
    const stored = files.filter((file) => file.parents?.includes(cycleFolder?.id as string));
    expect(stored.map((file) => file.name).sort()).toEqual(['3501.json', '3502.json', '3503.json', 'siklus.json']);
    const record = JSON.parse(String(stored.find((file) => file.name === 'siklus.json')?.content)) as {
      finishedAt: string | null;
    };
    expect(record.finishedAt).toBe(clock.now().toISOString());
    // Three office reports and the recap, and the kartu jabatan of each office beside its report.
    const pdfs = files.filter((file) => file.name?.endsWith(`-${PERIOD}.pdf`));
    expect(pdfs.filter((file) => !file.name?.startsWith('kartu-jabatan-'))).toHaveLength(4);
    expect(pdfs.filter((file) => file.name?.startsWith('kartu-jabatan-'))).toHaveLength(3);
    // Each scoring read its own workbook once; the finish read none.
    expect(google.count('sheets.spreadsheets.get', { target: loaded.offices.get('3501') })).toBe(1);
  });
});
