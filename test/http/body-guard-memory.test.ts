import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET } from '../helpers/province.js';
import { rawPost } from '../helpers/http.js';
import { FUNCTIONS_MAIN } from '../../functions/deploy/stage.js';

/**
 * The webhook's memory under a compression bomb, measured on real processes (issue 10 item 7): the
 * deployed entry point (the Functions Framework's own `main.js` loading the bundle dist/bundle/index.js, as
 * Cloud Run starts it) and `monev serve`. Each process's peak RSS is reset (/proc/PID/clear_refs)
 * just before the hostile requests and read after them (VmHWM); the rise must stay under 16 MiB.
 * Unguarded, the framework inflates the 200 MB body into memory before any function runs.
 *
 * The children run the compiled code, so dist/ must be current (`npm test` builds it first).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MiB = 1024 * 1024;
const BOUND = 16 * MiB;

function assertBuilt(): void {
  const pairs: readonly (readonly [string, string])[] = [
    ['functions/http/body-guard.ts', 'dist/functions/http/body-guard.js'],
    ['functions/http/register.ts', 'dist/functions/http/register.js'],
    ['functions/index.ts', 'dist/functions/index.js'],
    ['functions/commands/serve.ts', 'dist/functions/commands/serve.js'],
  ];
  for (const [source, built] of pairs) {
    const stale = (() => {
      try {
        return statSync(join(ROOT, built)).mtimeMs < statSync(join(ROOT, source)).mtimeMs;
      } catch {
        return true;
      }
    })();
    if (stale) throw new Error(`${built} is missing or older than ${source}: run npm run build (npm test does).`);
  }
}

/** 200 MiB of zeros, gzipped as a stream (about 200 KB), so the test itself never holds 200 MiB. */
async function gzipBomb(unpacked: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolveEnd) => gzip.on('end', resolveEnd));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < unpacked; written += MiB)
    if (!gzip.write(zeros)) await new Promise((drained) => gzip.once('drain', drained));
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Resets the peak to the current RSS (Linux ≥ 4.0), so VmHWM afterwards is the peak of what follows. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

async function reachable(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((answer) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        answer(true);
      });
      socket.on('error', () => answer(false));
    });
    if (ok) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

interface Target {
  readonly name: string;
  start(dir: string): Promise<{ child: ChildProcess; port: number; path: string }>;
}

const ENV = { ...process.env, NODE_ENV: 'production', MONEV_WEBHOOK_SECRET: SECRET };

const TARGETS: Target[] = [
  {
    name: 'the deployed function (functions-framework --target=sheetChanged)',
    async start(dir) {
      const port = await freePort();
      const main = join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
      const child = spawn(
        process.execPath,
        [main, '--target=sheetChanged', `--source=${join(ROOT, FUNCTIONS_MAIN)}`, `--port=${port}`],
        { env: { ...ENV, MONEV_DATA_DIR: dir, MONEV_OUT_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      await reachable(port, child);
      return { child, port, path: '/' };
    },
  },
  {
    name: 'monev serve',
    async start(dir) {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/monev.js'), 'serve', '--data', dir, '--out', dir, '--port', '0'],
        { env: ENV, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const port = await new Promise<number>((found, failed) => {
        let out = '';
        child.stdout?.on('data', (text: Buffer) => {
          out += text.toString();
          const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (match) found(Number(match[1]));
        });
        child.once('exit', (code) => failed(new Error(`monev serve exited with ${code}: ${out}`)));
      });
      return { child, port, path: '/sheetChanged' };
    },
  },
];

let bomb: Buffer;
beforeAll(async () => {
  assertBuilt();
  bomb = await gzipBomb(200 * MiB);
});

describe.each(TARGETS)('$name', (target) => {
  let dir: string;
  let child: ChildProcess;
  let port: number;
  let path: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-bomb-'));
    ({ child, port, path } = await target.start(dir));
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((gone) => child.once('exit', gone));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a 200 MB-unpacked gzip body (415) and a 16 MiB chunked body (413); peak RSS rises < 16 MiB', async () => {
    const json = { 'content-type': 'application/json' };
    // Warm up the paths the hostile requests take, so their first-use code is not counted.
    expect((await rawPost(port, path, { ...json, 'content-encoding': 'gzip' }, [bomb.subarray(0, 1024)])).status).toBe(
      415,
    );
    expect((await rawPost(port, path, json, [Buffer.from('{"spreadsheetId":"x"}')])).status).toBe(401);

    resetPeak(child.pid ?? 0);
    const before = memory(child.pid ?? 0);
    const gz = await rawPost(port, path, { ...json, 'content-encoding': 'gzip', 'content-length': bomb.length }, [
      bomb,
    ]);
    const chunked = await rawPost(
      port,
      path,
      json,
      (function* () {
        for (let i = 0; i < 256; i++) yield Buffer.alloc(64 * 1024, 32);
      })(),
    );
    const after = memory(child.pid ?? 0);

    expect(gz.status).toBe(415);
    expect(chunked.status).toBe(413);
    const rise = after.peak - before.rss;
    console.log(
      `${target.name}: gzip ${bomb.length} B (200 MiB unpacked); RSS ${(before.rss / MiB).toFixed(1)} MiB → peak ${(after.peak / MiB).toFixed(1)} MiB (+${(rise / MiB).toFixed(2)} MiB)`,
    );
    expect(rise).toBeLessThan(BOUND);
  });
});

describe('the deployed function’s real timeout', () => {
  let dir: string;
  let child: ChildProcess;
  let port: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-trickle-'));
    ({ child, port } = await (TARGETS[0] as Target).start(dir));
  });
  afterAll(async () => {
    const exited = new Promise((gone) => child.once('exit', gone));
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('cuts a body that trickles after 10 seconds (408, connection closed)', async () => {
    // One byte every half second of a declared 100: it would take 50 seconds to arrive.
    const answer = await rawPost(
      port,
      '/',
      { 'content-type': 'application/json', 'content-length': 100 },
      (function* () {
        for (let i = 0; i < 100; i++) yield Buffer.from(' ');
      })(),
      { pauseMs: 500, untilClosed: true },
    );
    expect(answer.status).toBe(408);
    expect(answer.afterMs).toBeGreaterThanOrEqual(9_900);
    expect(answer.afterMs).toBeLessThan(12_000);
  }, 30_000);
});
