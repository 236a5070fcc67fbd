import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCycleStore } from '../../functions/adapters/cycle-store/local-cycle-store.js';
import { LocalTaskQueue } from '../../functions/adapters/queue/local-queue.js';
import { CHECK_AFTER_MS } from '../../functions/app/start-cycle.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
import { localRuntime, runQueuedTask, type Runtime } from '../../functions/cloud-functions-runtime.js';
import { OUTBOX_STATUS } from '../../sheets-schema/index.js';
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
 * The quarterly cycle as Cloud Scheduler → Pub/Sub → Eventarc delivers it, fanned out through the
 * in-process queue exactly as through Cloud Tasks: the event starts the cycle and queues one scoring
 * per office; the scoring that completes the cycle queues its finish, which ranks, renders and mails.
 * Pub/Sub delivers at least once: a second delivery of the same message queues, renders and sends
 * nothing more. One Chromium launch for the whole file.
 */
let province: Province;
let runtime: Runtime;
let local: LocalTaskQueue;
let queue: RecordingQueue;
const clock = new FakeClock(Date.UTC(2025, 9, 10, 0, 0));
const EVENT = '7402913365712398';
const CYCLE = `${PERIOD}-${EVENT}`;

beforeAll(async () => {
  province = await sampleProvince();
  local = new LocalTaskQueue((task) => runQueuedTask(runtime, task), { clock });
  queue = new RecordingQueue(local);
  runtime = localRuntime(testConfig(province), { clock, queue, log: () => undefined });
  registerFunctions(() => createHandlers(runtime, ANY_CALLER));
});
afterAll(async () => {
  local?.close();
  await province.cleanup();
});

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
      message: {
        data: Buffer.from(JSON.stringify(message)).toString('base64'),
        messageId,
        publishTime: clock.now().toISOString(),
      },
      subscription: 'projects/monev-jatim/subscriptions/eventarc-monev-cycle',
    });
}

async function files(folder: string): Promise<string[]> {
  return (await readdir(join(province.out, folder)).catch(() => [] as string[])).sort();
}

/** The queue has run everything but the watchdog, which is due long after the scorings (and, with this clock, never fires). */
const drained = () => local.idle(new Date(Date.UTC(2025, 9, 10, 0, 0) + CHECK_AFTER_MS / 2));

describe('runCycle (Pub/Sub CloudEvent) fanned out through the queue', () => {
  it('queues 38 scorings and one finish, which ranks, renders and mails each report once, even when the event comes twice', async () => {
    // Pub/Sub delivers the message twice, the second while the first's scorings are running.
    expect((await deliver(EVENT, { period: PERIOD })).status).toBeLessThan(300);
    expect((await deliver(EVENT, { period: PERIOD })).status).toBeLessThan(300);
    await drained();

    const scorings = queue.named(`cycle-${CYCLE}-`);
    expect(scorings).toHaveLength(38);
    expect(new Set(scorings.map(({ task }) => (task.kind === 'finish' ? null : task.code))).size).toBe(38);
    expect(scorings[0]?.task).toEqual({ code: expect.any(String), period: PERIOD, cycle: CYCLE });
    expect(queue.tasks.filter(({ name }) => name === `finish-${CYCLE}`)).toHaveLength(1);
    expect(queue.named(`finish-${CYCLE}-check-`).map(({ name }) => name)).toEqual([`finish-${CYCLE}-check-1`]);

    const results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as {
      offices: { code: string; status: string; rank: number | null }[];
    };
    expect(results.offices).toHaveLength(38);
    const scored = results.offices.filter((office) => office.status === 'scored');
    expect(scored.length).toBeGreaterThanOrEqual(36);
    expect(scored.every((office) => typeof office.rank === 'number')).toBe(true);
    expect(Math.min(...scored.map((office) => office.rank as number))).toBe(1);
    expect(
      results.offices.filter((office) => office.status === 'unscored').every((office) => office.rank === null),
    ).toBe(true);

    const rekap = join(province.out, 'rekap.xlsx');
    const rows = (await tabRecords(rekap, 'Rekap')).filter((row) => row.Periode === PERIOD);
    expect(rows).toHaveLength(38);
    // The finish wrote the province's ranks and the reports' links over the scorings' rows.
    const ranks = new Map(results.offices.map((office) => [office.code, office.rank]));
    for (const row of rows) {
      expect(row.Peringkat ?? null, String(row.Kode)).toBe(ranks.get(String(row.Kode)) ?? null);
      expect(row.Laporan).toBe(`laporan/${String(row.Kode)}-${PERIOD}.pdf`);
    }

    const reports = await files('laporan');
    // 38 office reports and the recap, and beside them the kartu jabatan of each scored office (37).
    expect(reports.filter((name) => name.endsWith('.pdf') && !name.startsWith('kartu-jabatan-'))).toHaveLength(39);
    expect(reports.filter((name) => name.startsWith('kartu-jabatan-'))).toHaveLength(37);
    const outbox = await files('outbox');
    expect(outbox.length).toBeGreaterThanOrEqual(38);
    const log = await tabRecords(rekap, 'Log');
    expect(log.filter((row) => row.Aksi === 'kirim' && row.Status === OUTBOX_STATUS)).toHaveLength(outbox.length);
    expect(log.filter((row) => row.Aksi === 'siklus')).toHaveLength(1);
    expect(log.filter((row) => row.Aksi === 'nilai')).toHaveLength(38);

    const store = new LocalCycleStore(join(province.out, 'siklus'));
    expect((await store.get(CYCLE))?.finishedAt).toBe(clock.now().toISOString());
    expect((await store.scored(CYCLE)).size).toBe(38);
    const renderedAt = await stat(join(province.out, 'laporan', reports[0] as string));

    // Pub/Sub redelivers the same message, hours later: the cycle is finished, nothing is queued.
    clock.advance(3 * 60 * 60 * 1000);
    const tasks = queue.tasks.length;
    expect((await deliver(EVENT, { period: PERIOD })).status).toBeLessThan(300);
    await drained();
    expect(queue.tasks).toHaveLength(tasks);
    expect(await files('outbox')).toEqual(outbox);
    expect((await stat(join(province.out, 'laporan', reports[0] as string))).mtimeMs).toBe(renderedAt.mtimeMs);
    expect((await tabRecords(rekap, 'Log')).filter((row) => row.Aksi === 'siklus')).toHaveLength(1);
    expect((await tabRecords(rekap, 'Rekap')).filter((row) => row.Periode === PERIOD)).toHaveLength(38);
  });

  it('a configuration the province must fix is logged, not retried, and queues nothing', async () => {
    const tasks = queue.tasks.length;
    const response = await deliver('7402913365712399', { period: '2025-TW9' });
    expect(response.status).toBeLessThan(300);
    expect(queue.tasks).toHaveLength(tasks);
  });
});
