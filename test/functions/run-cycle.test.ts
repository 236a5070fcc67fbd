import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../functions/http/handlers.js';
import { registerFunctions } from '../../functions/http/register.js';
import { localRuntime } from '../../functions/runtime.js';
import { FakeClock, PERIOD, RecordingQueue, sampleProvince, tabRecords, testConfig, type Province } from './support.js';

/**
 * The quarterly cycle as Cloud Scheduler → Pub/Sub → Eventarc delivers it: a CloudEvent in binary
 * mode whose data is the Pub/Sub message. Pub/Sub delivers at least once; the second delivery of the
 * same message must not render or send anything again. One Chromium launch for the whole file.
 */
let province: Province;
const clock = new FakeClock(Date.UTC(2025, 9, 10, 0, 0));

beforeAll(async () => {
  province = await sampleProvince();
  const runtime = localRuntime(testConfig(province), { clock, queue: new RecordingQueue(), log: () => undefined });
  registerFunctions(() => createHandlers(runtime));
});
afterAll(async () => province.cleanup());

function deliver(messageId: string, message: object = {}) {
  return request(getTestServer('runCycle'))
    .post('/')
    .set({
      'Content-Type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': messageId,
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      'ce-source': '//pubsub.googleapis.com/projects/monev-jatim/topics/monev-cycle',
      'ce-time': clock.now().toISOString(),
    })
    .send({
      message: { data: Buffer.from(JSON.stringify(message)).toString('base64'), messageId, publishTime: clock.now().toISOString() },
      subscription: 'projects/monev-jatim/subscriptions/eventarc-monev-cycle',
    });
}

async function files(folder: string): Promise<string[]> {
  return (await readdir(join(province.out, folder)).catch(() => [] as string[])).sort();
}

describe('runCycle (Pub/Sub CloudEvent)', () => {
  it('scores the 38 offices, renders and mails each report once; a redelivery does nothing more', async () => {
    const first = await deliver('7402913365712398', { period: PERIOD });
    expect(first.status).toBeLessThan(300);

    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as { offices: { status: string }[] };
    expect(results.offices).toHaveLength(38);
    expect(results.offices.filter((office) => office.status === 'scored').length).toBeGreaterThanOrEqual(36);
    const rekap = join(province.out, 'rekap.xlsx');
    expect((await tabRecords(rekap, 'Rekap')).filter((row) => row.Periode === PERIOD)).toHaveLength(38);

    const reports = await files('laporan');
    expect(reports.filter((name) => name.endsWith('.pdf'))).toHaveLength(39);
    const outbox = await files('outbox');
    expect(outbox.length).toBeGreaterThanOrEqual(38);
    const sent = (await tabRecords(rekap, 'Log')).filter((row) => row.Aksi === 'kirim' && String(row.Hasil).startsWith('terkirim'));
    expect(sent).toHaveLength(outbox.length);
    const renderedAt = await stat(join(province.out, 'laporan', reports[0] as string));

    // Pub/Sub redelivers the same message, hours later.
    clock.advance(3 * 60 * 60 * 1000);
    const second = await deliver('7402913365712398', { period: PERIOD });
    expect(second.status).toBeLessThan(300);
    expect(await files('outbox')).toEqual(outbox);
    expect((await stat(join(province.out, 'laporan', reports[0] as string))).mtimeMs).toBe(renderedAt.mtimeMs);
    const log = await tabRecords(rekap, 'Log');
    expect(log.filter((row) => row.Aksi === 'siklus')).toHaveLength(1);
    expect(log.filter((row) => row.Aksi === 'kirim' && String(row.Hasil).startsWith('terkirim'))).toHaveLength(outbox.length);
    expect((await tabRecords(rekap, 'Rekap')).filter((row) => row.Periode === PERIOD)).toHaveLength(38);

    // Someone runs the scheduler job again by hand: a new message, the same unchanged reports.
    const third = await deliver('7402913365799999', { period: PERIOD });
    expect(third.status).toBeLessThan(300);
    expect(await files('outbox')).toEqual(outbox);
    expect((await tabRecords(rekap, 'Log')).filter((row) => row.Aksi === 'siklus')).toHaveLength(2);
  });

  it('a configuration the province must fix is logged, not retried', async () => {
    const response = await deliver('7402913365712399', { period: '2025-TW9' });
    expect(response.status).toBeLessThan(300);
  });
});
