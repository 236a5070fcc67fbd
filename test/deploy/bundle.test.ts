import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../../functions/core/signature.js';
import { FUNCTIONS_MAIN } from '../../functions/deploy/stage.js';
import { startFakeGoogleApi } from '../fakes/google-api-server.js';
import { PERIOD, SECRET, sampleProvince, type Province } from '../helpers/province.js';

/**
 * The deployed entry point is the bundle of rolldown.config.mjs, not the compiled modules the other tests
 * import: here the Functions Framework's own main.js serves it, as Cloud Run starts it, and it must do what
 * the modules do. A change notification is answered and the office scored in the scoring worker (the
 * compiled worker beside the bundle's chunks); a Pub/Sub "runCycle" runs a whole cycle through the bundle's
 * lazy chunks: scorings, the finish, templates, fonts, charts and Chromium. `npm test` builds dist/ first.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FRAMEWORK = join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const BUNDLE = join(ROOT, FUNCTIONS_MAIN);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

interface Served {
  readonly child: ChildProcess;
  readonly port: number;
  readonly stderr: () => string;
}

async function serve(target: string, env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [FRAMEWORK, `--target=${target}`, `--source=${BUNDLE}`, `--port=${port}`], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { child, port, stderr: () => err };
}

/** POSTs until the framework listens (it binds after loading the bundle), then returns the answer. */
async function post(
  served: Served,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise((answered, failed) => {
        const req = request({ host: '127.0.0.1', port: served.port, method: 'POST', path: '/', headers }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => answered({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', failed);
        req.end(body);
      });
    } catch (error) {
      if (attempt > 200 || served.child.exitCode !== null)
        throw new Error(`the framework did not answer: ${String(error)}\n${served.stderr()}`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
  }
}

/** A change notification as the Apps Script sends it, signed with the webhook secret. */
function notifyChange(served: Served, spreadsheetId: string): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ spreadsheetId });
  const signature = signatureHeader(SECRET, Math.floor(Date.now() / 1000), body);
  return post(served, { 'content-type': 'application/json', 'x-monev-signature': signature }, body);
}

async function until(what: string, done: () => boolean, served: Served, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline || served.child.exitCode !== null)
      throw new Error(`${what} did not happen within ${timeoutMs} ms\n${served.stderr()}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

const children: ChildProcess[] = [];
let province: Province;

beforeAll(async () => {
  for (const built of [BUNDLE, join(ROOT, 'dist/functions/worker/score-office-worker.js')])
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'functions/index.ts')).mtimeMs)
      throw new Error(`${built} is missing or stale: run npm run build (npm test does).`);
  province = await sampleProvince(2);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await province.cleanup();
});

describe(`the deployed bundle (${FUNCTIONS_MAIN}) under the Functions Framework`, () => {
  it('is an entry file with its chunks beside it', () => {
    const files = readdirSync(dirname(BUNDLE));
    expect(files).toContain('index.js');
    expect(files.every((file) => file.endsWith('.js'))).toBe(true);
  });

  it('sheetChanged answers 202 and the office is scored: its Hasil Validasi is written', async () => {
    const out = join(province.root, 'out-change');
    const served = await serve('sheetChanged', {
      MONEV_DATA_DIR: province.data,
      MONEV_OUT_DIR: out,
      MONEV_WEBHOOK_SECRET: SECRET,
      MONEV_CHANGE_SETTLE_S: '0',
    });
    children.push(served.child);
    const answer = await notifyChange(served, 'satker/3501.xlsx');
    expect(answer.status, answer.body).toBe(202);
    const feedback = join(out, 'validasi', '3501.xlsx');
    await until('the Hasil Validasi of 3501', () => existsSync(feedback), served, 60_000);
    expect(statSync(feedback).size).toBeGreaterThan(1000);
  }, 90_000);

  it('in live mode, sheetChanged reads the rekap spreadsheet and queues the scoring as a Cloud Task (REST)', async () => {
    const google = await startFakeGoogleApi();
    try {
      const { rekapId, offices } = await google.loadSampleProvince(province.data);
      const queue = 'projects/monev-jatim/locations/asia-southeast2/queues/monev-score';
      const functionsUrl = 'https://asia-southeast2-monev-jatim.cloudfunctions.net';
      const served = await serve('sheetChanged', {
        MONEV_REKAP: rekapId,
        MONEV_GOOGLE_ROOT_URL: google.url,
        MONEV_WEBHOOK_SECRET: SECRET,
        MONEV_TASKS_QUEUE: queue,
        MONEV_FUNCTIONS_URL: functionsUrl,
        MONEV_TASKS_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
      });
      children.push(served.child);
      const answer = await notifyChange(served, offices.get('3502') ?? '');
      expect(answer.status, answer.body).toBe(202);
      const tasks = [...google.tasks.values()] as {
        name: string;
        httpRequest: { url: string; body: string; oidcToken: { audience: string } };
      }[];
      expect(tasks).toHaveLength(1);
      expect(tasks[0]?.name).toMatch(new RegExp(`^${queue}/tasks/[0-9a-f]{8}-score-3502-\\d+$`));
      expect(tasks[0]?.httpRequest.url).toBe(`${functionsUrl}/scoreOffice`);
      expect(tasks[0]?.httpRequest.oidcToken.audience).toBe(`${functionsUrl}/scoreOffice`);
      expect(JSON.parse(Buffer.from(tasks[0]?.httpRequest.body ?? '', 'base64').toString('utf8'))).toEqual({
        code: '3502',
      });
    } finally {
      await google.close();
    }
  }, 60_000);

  it('runCycle (a Pub/Sub CloudEvent) runs the cycle: both offices get a PDF report and a message', async () => {
    const out = join(province.root, 'out-cycle');
    const served = await serve('runCycle', { MONEV_DATA_DIR: province.data, MONEV_OUT_DIR: out });
    children.push(served.child);
    const data = Buffer.from(JSON.stringify({ period: PERIOD })).toString('base64');
    const answer = await post(
      served,
      {
        'content-type': 'application/json',
        'ce-id': 'bundle-test-1',
        'ce-specversion': '1.0',
        'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
        'ce-source': '//pubsub.googleapis.com/projects/monev-jatim/topics/monev-quarterly',
      },
      JSON.stringify({ message: { data, messageId: 'bundle-test-1' } }),
    );
    expect(answer.status, answer.body).toBeLessThan(300);
    const reports = join(out, 'laporan');
    const pdfs = () => (existsSync(reports) ? readdirSync(reports).filter((file) => file.endsWith('.pdf')) : []);
    await until(
      'the reports of both offices',
      () => pdfs().some((f) => f.startsWith('3501')) && pdfs().some((f) => f.startsWith('3502')),
      served,
      120_000,
    );
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    const outbox = join(out, 'outbox');
    await until(
      'the messages',
      () => existsSync(outbox) && readdirSync(outbox).filter((f) => f.endsWith('.eml')).length >= 2,
      served,
      30_000,
    );
  }, 150_000);
});
