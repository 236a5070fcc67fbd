import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_DEFAULTS } from '../../functions/deploy/plan.js';
import { parseConfig } from '../../functions/config.js';
import { channelToken } from '../../functions/core/signature.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { registerFunctions } from '../../functions/http/register.js';
import { createRuntime } from '../../functions/runtime.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../fakes/google-api-server.js';
import { FakeClock, PERIOD, RecordingQueue, SECRET, sampleProvince, type Province } from './support.js';

/**
 * With MONEV_REKAP the functions work on Google Sheets, here the fake Google API: a Drive
 * notification names a spreadsheet ID, scoreOffice writes the rekap spreadsheet, and a scoring costs
 * few enough requests for the queue's dispatch rate to stay inside the Sheets quota.
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
  const runtime = createRuntime(config, { clock: new FakeClock(Date.UTC(2025, 9, 6, 3, 0)), queue, log: () => undefined });
  registerFunctions(() => createHandlers(runtime));
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
      .set({ 'X-Goog-Channel-ID': 'monev-1', 'X-Goog-Channel-Token': channelToken(SECRET, id), 'X-Goog-Resource-State': 'update' });
    expect(response.status).toBe(202);
    expect(queue.codes()).toEqual(['3502']);
  });

  it('scoreOffice delivered twice writes one Rekap row, within the request budget of the queue rate', async () => {
    google.resetCounts();
    const deliver = () => request(getTestServer('scoreOffice')).post('/').set('Content-Type', 'application/json').send({ code: '3502' });
    expect((await deliver()).status).toBe(200);
    const reads = google.count('sheets.spreadsheets.get') + google.count('sheets.spreadsheets.values.get');
    const writes = google.count('sheets.spreadsheets.batchUpdate') + google.count('sheets.spreadsheets.values.batchUpdate') + google.count('sheets.spreadsheets.values.append');
    // The queue's rate times the requests of one scoring stays within 80 % of Sheets' 60 a minute per user.
    expect({ reads, writes }).toEqual({ reads: 2, writes: 4 });
    expect(DEPLOY_DEFAULTS.dispatchesPerSecond * 60 * Math.max(reads, writes)).toBeLessThanOrEqual(48);

    expect((await deliver()).status).toBe(200);
    const rekap = google.values(loaded.rekapId, 'Rekap') ?? [];
    const header = rekap.findIndex((row) => row.includes('Kode'));
    const columns = rekap[header] ?? [];
    const rows = rekap.slice(header + 1).filter((row) => row[columns.indexOf('Periode')] === PERIOD && String(row[columns.indexOf('Kode')]) === '3502');
    expect(rows).toHaveLength(1);
  });
});
