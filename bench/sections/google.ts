import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGoogleApi, type ApiMethod } from '../../test/fakes/google-api-server.js';
import { repoRoot, runChild } from '../lib/child.js';
import { spread, type Spread } from '../lib/stats.js';

export interface GoogleSettings {
  readonly latencyMs: number;
  /** Requests of each kind per window, as Google's per-minute quota (60 by default). */
  readonly perWindow: number;
  /** The window, shrunk from Google's 60 s so the run takes seconds. */
  readonly windowMs: number;
  /** Requests in flight (MONEV_GOOGLE_CONCURRENCY), scaled with the window: see BENCHMARKS.md. */
  readonly concurrency: number;
}

export interface GoogleRunCounts {
  readonly officeReads: number;
  readonly officeWrites: number;
  readonly rekapReads: number;
  readonly rekapWrites: number;
  readonly throttled: number;
  readonly otherRequests: number;
}

export interface GoogleResult {
  readonly offices: number;
  readonly settings: GoogleSettings;
  readonly loadMs: number;
  readonly runs: readonly (GoogleRunCounts & { readonly wallMs: number; readonly apiSpanMs: number })[];
  /** The shortest time the quota and the data dependencies allow for the requests the run made. */
  readonly quotaMinimumMs: number;
  readonly apiSpanMs: Spread;
  readonly wallMs: Spread;
}

const READS = new Set<string>(['sheets.spreadsheets.get', 'sheets.spreadsheets.values.get']);
const WRITES = new Set<string>([
  'sheets.spreadsheets.batchUpdate',
  'sheets.spreadsheets.values.batchUpdate',
  'sheets.spreadsheets.values.append',
  'sheets.spreadsheets.create',
]);

/**
 * Live mode end to end: the sample province loaded into the fake Google API (Sheets v4 at its real
 * paths, with latency and the per-minute quota enforced), and `monev run --source google` in a
 * fresh process against it. The first run creates every Hasil Validasi tab; later runs replace them.
 */
export async function benchGoogle(
  dataDir: string,
  options: { offices: number; repetitions: number; settings: GoogleSettings; log: (line: string) => void },
): Promise<GoogleResult> {
  const { settings } = options;
  const google = await startFakeGoogleApi({
    quota: { reads: settings.perWindow, writes: settings.perWindow, windowMs: settings.windowMs },
  });
  try {
    const loadStarted = performance.now();
    const { rekapId, offices } = await google.loadSampleProvince(dataDir);
    const loadMs = performance.now() - loadStarted;
    options.log(`  ${offices.size} office spreadsheets loaded into the fake in ${(loadMs / 1000).toFixed(1)} s`);
    google.setLatency(settings.latencyMs);
    const officeIds = new Set(offices.values());
    const runs: GoogleResult['runs'][number][] = [];
    for (let rep = 0; rep < options.repetitions; rep++) {
      google.resetCounts();
      const out = await mkdtemp(join(tmpdir(), 'monev-bench-google-'));
      try {
        const run = await runChild(
          process.execPath,
          [
            join(repoRoot, 'bin/monev.js'),
            'run',
            '--source',
            'google',
            '--rekap',
            rekapId,
            '--out',
            out,
            '--no-pdf',
            '--no-email',
            // Drive's evidence lookups have their own quota and their own section (evidence): this one
            // measures the Sheets quota, as it did before verification existed.
            '--no-verify',
          ],
          {
            env: {
              ...process.env,
              MONEV_GOOGLE_ROOT_URL: google.url,
              MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
              MONEV_GOOGLE_READS_PER_MINUTE: String(settings.perWindow),
              MONEV_GOOGLE_WRITES_PER_MINUTE: String(settings.perWindow),
              MONEV_GOOGLE_QUOTA_WINDOW_MS: String(settings.windowMs),
              MONEV_GOOGLE_CONCURRENCY: String(settings.concurrency),
              // Backoff scaled like the window (1 s against Google's minute), so a retry costs what it would there.
              MONEV_GOOGLE_BACKOFF_MS: String(Math.max(1, Math.round((1000 * settings.windowMs) / 60_000))),
            },
          },
        );
        if (run.exitCode !== 0 && run.exitCode !== 1)
          throw new Error(`monev run --source google exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
        const counts = countRequests(google.requests, officeIds, rekapId);
        const times = google.requests.map((request) => request.at);
        // The log stamps each answer; the first request went out one latency before its answer.
        const apiSpanMs = Math.max(...times) - Math.min(...times) + settings.latencyMs;
        runs.push({ ...counts, wallMs: run.wallMs, apiSpanMs });
        options.log(
          `  run ${rep + 1}: ${(run.wallMs / 1000).toFixed(2)} s (API ${(apiSpanMs / 1000).toFixed(2)} s), office reads ${counts.officeReads}, writes ${counts.officeWrites}, rekap ${counts.rekapReads}r/${counts.rekapWrites}w, 429s ${counts.throttled}`,
        );
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    }
    const last = runs[runs.length - 1] as GoogleResult['runs'][number];
    const quotaMinimumMs = quotaMinimum(
      {
        officeReads: last.officeReads,
        officeWrites: last.officeWrites,
        rekapReads: last.rekapReads,
        rekapWrites: last.rekapWrites,
      },
      settings,
    );
    return {
      offices: officeIds.size,
      settings,
      loadMs,
      runs,
      quotaMinimumMs,
      apiSpanMs: spread(runs.map((run) => run.apiSpanMs)),
      wallMs: spread(runs.map((run) => run.wallMs)),
    };
  } finally {
    await google.close();
  }
}

function countRequests(
  requests: readonly { method: ApiMethod | 'unknown'; target: string | null; status: number }[],
  officeIds: ReadonlySet<string>,
  rekapId: string,
): GoogleRunCounts {
  let officeReads = 0;
  let officeWrites = 0;
  let rekapReads = 0;
  let rekapWrites = 0;
  let throttled = 0;
  let otherRequests = 0;
  for (const request of requests) {
    // A 429 is counted apart: the request is sent again, and only the answered one is the office's.
    if (request.status === 429) {
      throttled++;
      continue;
    }
    const read = READS.has(request.method);
    const write = WRITES.has(request.method);
    if (request.target !== null && officeIds.has(request.target) && (read || write)) {
      if (read) officeReads++;
      else officeWrites++;
    } else if (request.target === rekapId && (read || write)) {
      if (read) rekapReads++;
      else rekapWrites++;
    } else {
      otherRequests++;
    }
  }
  return { officeReads, officeWrites, rekapReads, rekapWrites, throttled, otherRequests };
}

/**
 * The least time a run can take under the quota, given what must come before what: the rekap is
 * read first (it names the offices); each office's read can go as soon as a read token is free; its
 * Hasil Validasi write as soon as its read answered and a write token is free; the rekap's writes
 * (take the lock, upsert, release) one after another once every office is read. Tokens come back
 * one window after they were spent (a sliding window, as the quota is enforced); the number of
 * requests in flight is unlimited, and every request takes one latency.
 */
export function quotaMinimum(
  counts: Pick<GoogleRunCounts, 'officeReads' | 'officeWrites' | 'rekapReads' | 'rekapWrites'>,
  settings: Pick<GoogleSettings, 'latencyMs' | 'perWindow' | 'windowMs'>,
): number {
  const { latencyMs: latency, perWindow, windowMs } = settings;
  const readTokens: number[] = [];
  const writeTokens: number[] = [];
  /** The earliest start not before `ready` that keeps every window within the quota. */
  const take = (spent: number[], ready: number): number => {
    const start =
      spent.length >= perWindow ? Math.max(ready, (spent[spent.length - perWindow] as number) + windowMs) : ready;
    spent.push(start);
    return start;
  };
  let clock = 0;
  for (let i = 0; i < counts.rekapReads; i++) clock = take(readTokens, clock) + latency;
  const officesRead: number[] = [];
  for (let i = 0; i < counts.officeReads; i++) officesRead.push(take(readTokens, clock) + latency);
  const readsDone = Math.max(clock, ...officesRead);
  // Every write with the time it could go at the earliest; the rekap's three wait for each other.
  const ready = [
    ...Array.from({ length: counts.officeWrites }, (_, i) => officesRead[Math.min(i, officesRead.length - 1)] ?? clock),
    ...Array.from({ length: counts.rekapWrites }, (_, i) => readsDone + i * latency),
  ].sort((a, b) => a - b);
  let done = readsDone;
  for (const at of ready) done = Math.max(done, take(writeTokens, at) + latency);
  return done;
}
