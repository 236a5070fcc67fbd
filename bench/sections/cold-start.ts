import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signatureHeader } from '../../functions/core/signature.js';
import { FUNCTIONS_MAIN } from '../../functions/deploy/stage.js';
import { startFakeGoogleApi } from '../../test/fakes/google-api-server.js';
import { repoRoot } from '../lib/child.js';
import { pairedRatios, spread, type Spread } from '../lib/stats.js';

export interface ColdStartResult {
  /** Where the registry comes from: a data folder (local mode) or Google Sheets (production). */
  readonly mode: string;
  readonly node: string;
  readonly nodeVersion: string;
  readonly sheetChangedMs: Spread;
  readonly helloMs: Spread;
  readonly ratio: Spread;
  /**
   * The same start measured in CPU time (user + system) of the framework's process at its first answer,
   * from /proc: on a busy machine wall time is mostly waiting for a core, CPU time is the start's own cost.
   */
  readonly sheetChangedCpuMs?: Spread;
  readonly helloCpuMs?: Spread;
  readonly cpuRatio?: Spread;
  readonly sheetChangedStatus: number;
  /** The functions' entry measured, when not this checkout's deployed entry (FUNCTIONS_MAIN; a "before" build). */
  readonly source?: string;
}

const FRAMEWORK_MAIN = join(repoRoot, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const SECRET = 'bench-secret-0123456789abcdef0123456789';

/** How the function finds the registry, and the change it is told about. */
export interface ColdStartMode {
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  readonly spreadsheetId: string;
}

/**
 * The two ways the functions run: local mode reads DATA/rekap.xlsx and queues in process; live mode
 * (production) reads the rekap spreadsheet and queues the scoring as a Cloud Task, both here on the fake
 * Google API on this machine with no added latency, so that the figure is start-up and not network.
 */
export async function coldStartModes(dataDir: string): Promise<{ modes: ColdStartMode[]; close: () => Promise<void> }> {
  const google = await startFakeGoogleApi();
  const { rekapId, offices } = await google.loadSampleProvince(dataDir);
  return {
    modes: [
      { name: 'local (rekap.xlsx)', env: { MONEV_DATA_DIR: dataDir }, spreadsheetId: 'satker/3573.xlsx' },
      {
        name: 'Google Sheets + Cloud Tasks (fake API, no latency)',
        env: {
          MONEV_REKAP: rekapId,
          MONEV_GOOGLE_ROOT_URL: google.url,
          MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
          // The production queue: the change is queued as a Cloud Task, here on the same stand-in.
          MONEV_TASKS_QUEUE: 'projects/monev-jatim/locations/asia-southeast2/queues/monev-score',
          MONEV_FUNCTIONS_URL: 'https://asia-southeast2-monev-jatim.cloudfunctions.net',
          MONEV_TASKS_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
        },
        spreadsheetId: offices.get('3573') ?? '',
      },
    ],
    close: () => google.close(),
  };
}

/**
 * From spawning the Functions Framework (its own entry point, as `npx functions-framework` runs it,
 * without npx's own start-up) to the first answered request: `sheetChanged` with a signed change of
 * one office (so the registry is read and the change queued, answer 202), against a hello-world
 * function under the same framework. Runs alternate A, B, A, B… and the ratio is taken pair by pair.
 */
export async function benchColdStart(
  mode: ColdStartMode,
  options: { node: string; repetitions: number; log: (line: string) => void; source?: string },
): Promise<ColdStartResult> {
  const out = await mkdtemp(join(tmpdir(), 'monev-bench-cold-'));
  const monev: number[] = [];
  const hello: number[] = [];
  const monevCpu: number[] = [];
  const helloCpu: number[] = [];
  const source = options.source ?? join(repoRoot, FUNCTIONS_MAIN);
  let status = 0;
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      MONEV_OUT_DIR: out,
      MONEV_WEBHOOK_SECRET: SECRET,
      ...mode.env,
    };
    const body = JSON.stringify({ spreadsheetId: mode.spreadsheetId });
    for (let rep = -1; rep < options.repetitions; rep++) {
      const a = await firstAnswer(options.node, ['--target=sheetChanged', `--source=${source}`], env, () => ({
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/json',
          'x-monev-signature': signatureHeader(SECRET, Math.floor(Date.now() / 1000), body),
        },
        body,
      }));
      const b = await firstAnswer(
        options.node,
        ['--target=hello', `--source=${join(repoRoot, 'dist/bench/fixtures/hello-function.js')}`],
        env,
        () => ({ method: 'GET', path: '/', headers: {}, body: '' }),
      );
      status = a.status;
      if (rep < 0) continue; // warm-up pair: the page cache
      monev.push(a.ms);
      hello.push(b.ms);
      monevCpu.push(a.cpuMs);
      helloCpu.push(b.cpuMs);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  const nodeVersion = execFileSync(options.node, ['--version'], { encoding: 'utf8' }).trim();
  const result = {
    mode: mode.name,
    node: options.node,
    nodeVersion,
    sheetChangedMs: spread(monev),
    helloMs: spread(hello),
    ratio: spread(pairedRatios(monev, hello)),
    sheetChangedCpuMs: spread(monevCpu),
    helloCpuMs: spread(helloCpu),
    cpuRatio: spread(pairedRatios(monevCpu, helloCpu)),
    sheetChangedStatus: status,
    ...(options.source ? { source: options.source } : {}),
  };
  options.log(
    `  ${nodeVersion}, ${mode.name}${options.source ? ` (${options.source})` : ''}: sheetChanged ${result.sheetChangedMs.median.toFixed(0)} ms (HTTP ${status}), hello ${result.helloMs.median.toFixed(0)} ms, ×${result.ratio.median.toFixed(2)}; CPU ${result.sheetChangedCpuMs.median.toFixed(0)} ms against ${result.helloCpuMs.median.toFixed(0)} ms, ×${result.cpuRatio.median.toFixed(2)}`,
  );
  return result;
}

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

async function firstAnswer(
  node: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  call: () => Call,
): Promise<{ ms: number; status: number; cpuMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(node, [FRAMEWORK_MAIN, ...args, `--port=${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      const answer = await attempt(port, call());
      if (answer !== null) {
        const ms = performance.now() - started;
        return { ms, status: answer, cpuMs: await cpuTimeMs(child.pid) };
      }
      if (child.exitCode !== null)
        throw new Error(`functions-framework exited ${child.exitCode}: ${stderr.slice(-2000)}`);
      if (performance.now() - started > 30_000) throw new Error(`no answer within 30 s: ${stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

/** User + system CPU time of a live process, from /proc/<pid>/stat (clock ticks of 10 ms). */
async function cpuTimeMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command (which may hold spaces) start at its closing parenthesis: utime is 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One request; null while nothing listens yet. */
function attempt(port: number, call: Call): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: call.method, path: call.path, headers: call.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(null));
    req.end(call.body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
