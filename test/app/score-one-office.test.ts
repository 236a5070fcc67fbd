import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
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

/** scoreOffice is the worker Cloud Tasks calls, at least once: a second delivery changes nothing. */
let province: Province;

beforeAll(async () => {
  province = await sampleProvince(3);
  const runtime = localRuntime(testConfig(province), {
    clock: new FakeClock(Date.UTC(2025, 9, 6, 3, 0)),
    queue: new RecordingQueue(),
    log: () => undefined,
  });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
});
afterAll(async () => province.cleanup());

describe('scoreOffice', () => {
  it('a duplicated delivery leaves one Rekap row and one Rekap Bidang row', async () => {
    const deliver = () =>
      request(getTestServer('scoreOffice')).post('/').set('Content-Type', 'application/json').send({ code: '3502' });
    const first = await deliver();
    const second = await deliver();
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body).toMatchObject({ code: '3502', status: 'scored' });

    const rekap = join(province.out, 'rekap.xlsx');
    const rows = (await tabRecords(rekap, 'Rekap')).filter(
      (row) => row.Periode === PERIOD && String(row.Kode) === '3502',
    );
    expect(rows).toHaveLength(1);
    expect(
      (await tabRecords(rekap, 'Rekap Bidang')).filter((row) => row.Periode === PERIOD && String(row.Kode) === '3502'),
    ).toHaveLength(1);
    // Each delivery is logged; neither mails anything.
    const log = await tabRecords(rekap, 'Log');
    expect(log.filter((row) => row.Aksi === 'nilai' && String(row.Kode) === '3502')).toHaveLength(2);
    expect(log.filter((row) => row.Aksi === 'kirim' || row.Aksi === 'laporan')).toEqual([]);
  });

  it.each([
    ['no body', undefined, 400],
    ['a body without a code', { period: PERIOD }, 400],
    ['an office not in the registry', { code: '9999' }, 422],
    ['a period that does not exist', { code: '3502', period: '2025-TW9' }, 422],
  ])('%s → %i, without internals', async (_name, payload, status) => {
    const call = request(getTestServer('scoreOffice')).post('/').set('Content-Type', 'application/json');
    const response = await (payload === undefined ? call : call.send(payload));
    expect(response.status).toBe(status);
    expect(response.text).not.toMatch(/Error|at \S+ \(|\.ts/);
  });
});
