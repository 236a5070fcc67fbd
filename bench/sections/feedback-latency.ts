import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedRegistry, queueChange, type Debounce } from '../../functions/app/queue-change.js';
import { buildSource } from '../../functions/choose-source.js';
import type { Workplace } from '../../functions/choose-adapters.js';
import { parseConfig } from '../../functions/config.js';
import { readRekap } from '../../functions/core/rekap-reader.js';
import { DEPLOY_DEFAULTS } from '../../functions/deploy/deploy-defaults.js';
import type { Clock, QueuedTask, TaskQueue } from '../../functions/ports.js';
import { Random } from '../../functions/sample/random.js';
import { ScoringPool } from '../../functions/worker/scoring-pool.js';
import { startFakeGoogleApi, type RequestRecord } from '../../test/fakes/google-api-server.js';

export interface FeedbackLatencySettings {
  readonly name: string;
  readonly offices: number;
  /** Quiet time between an office's sessions, on top of window + settle: drawn between these (seconds). */
  readonly sessionGapS: readonly [number, number];
  /** Virtual time simulated: edits fall in it, scorings may run past it. */
  readonly durationS: number;
  /** Virtual seconds per real second: the clock, the queue, the quota window and the fake's latency run this much faster. */
  readonly scale: number;
  /** Production values (MONEV_CHANGE_WINDOW_S, MONEV_CHANGE_SETTLE_S). */
  readonly windowS: number;
  readonly settleS: number;
  /** Google's answer time, in virtual milliseconds. */
  readonly latencyMs: number;
  readonly seed: number;
}

export interface FeedbackLatencyResult {
  readonly settings: FeedbackLatencySettings;
  /** The queue modelled: Cloud Tasks at the deployed rate and concurrency. */
  readonly queue: { readonly dispatchesPerSecond: number; readonly maxConcurrent: number };
  readonly realSeconds: number;
  readonly edits: number;
  /** Edit → its office's Hasil Validasi written by a scoring that read the edit, virtual seconds, per kind of edit. */
  readonly quiet: Percentiles;
  readonly burstLast: Percentiles;
  readonly all: Percentiles;
  readonly bursts: number;
  /** Scorings a burst caused (queued by its edits): the most and the distribution. */
  readonly scoringsPerBurst: { readonly max: number; readonly counts: Record<string, number> };
  /** The same for the bursts whose edits all fall inside one change window (the "burst inside a window"). */
  readonly scoringsPerBurstInOneWindow: { readonly max: number; readonly bursts: number };
  readonly scorings: number;
  /** Most Sheets reads (and writes) answered in any 60 virtual seconds, and the quota answers (429) the fake gave. */
  readonly maxReadsPerMinute: number;
  readonly maxWritesPerMinute: number;
  readonly quotaAnswers: number;
  /** Edits no scoring read before the run ended (must be 0). */
  readonly unanswered: number;
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

interface Edit {
  readonly code: string;
  readonly at: number;
  readonly kind: 'quiet' | 'burst';
  readonly burst: number | null;
  readonly last: boolean;
}

interface Scoring {
  readonly code: string;
  readonly start: number;
  end: number;
  /** When its Hasil Validasi write was answered (virtual ms), from the fake's log. */
  feedbackAt: number;
}

/**
 * Issue 17 §7: from an edit to its Hasil Validasi, with every office of the 38-office sample editing
 * against the fake Google API. Production settings throughout, on a clock running `scale` times faster:
 * the change window and settle (60 s, 10 s), Cloud Tasks' dispatch rate and concurrency as deployed
 * (0.2 a second, 2 at once), Sheets' 60 reads and 60 writes a minute (the fake's window and monev's
 * scheduler both shrunk by `scale`), 150 ms answers. Each office edits in sessions: single edits after
 * a quiet spell, and bursts of 4–10 edits 1–6 s apart (within a minute), with quiet spells of at least window + settle
 * between sessions. Every notification goes through queueChange (app/queue-change.ts) with the cached
 * registry the webhook uses; each queued scoring runs the real use case in the scoring worker against the
 * fake. An edit is answered by the first scoring of its office that started after it (it reads the sheet
 * after it starts), at the moment that scoring's Hasil Validasi write was answered. CPU time is not
 * scaled, so scorings count `scale` times their real cost: the latencies are upper bounds.
 */
export async function benchFeedbackLatency(
  dataDir: string,
  options: { settings: FeedbackLatencySettings; log: (line: string) => void },
): Promise<FeedbackLatencyResult> {
  const s = options.settings;
  const scale = s.scale;
  const google = await startFakeGoogleApi({
    latencyMs: s.latencyMs / scale,
    quota: { reads: 60, writes: 60, windowMs: 60_000 / scale },
  });
  const out = await mkdtemp(join(tmpdir(), 'monev-bench-latency-'));
  const pool = { current: null as ScoringPool | null };
  try {
    const { rekapId, offices } = await google.loadSampleProvince(dataDir);
    const config = parseConfig({
      MONEV_REKAP: rekapId,
      MONEV_GOOGLE_ROOT_URL: google.url,
      MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
      MONEV_GOOGLE_QUOTA_WINDOW_MS: String(Math.round(60_000 / scale)),
      MONEV_GOOGLE_BACKOFF_MS: String(Math.max(1, Math.round(1000 / scale))),
      MONEV_OUT_DIR: out,
    });
    const place: Workplace = { kind: 'google', rekap: rekapId, outDir: out };
    const codes = [...offices.keys()].slice(0, s.offices);
    const edits = planEdits(codes, s);

    google.resetCounts();
    const realStart = performance.now();
    const virtualStart = Date.UTC(2026, 11, 7, 2, 0, 0);
    const virtualNow = () => virtualStart + (performance.now() - realStart) * scale;
    const toVirtual = (epochMs: number) => virtualStart + (epochMs - realEpochStart) * scale;
    const realEpochStart = Date.now();
    const clock: Clock = { now: () => new Date(virtualNow()) };
    const debounce: Debounce = { windowMs: s.windowS * 1000, settleMs: s.settleS * 1000 };

    const scorings: Scoring[] = [];
    pool.current = new ScoringPool({ clock, size: DEPLOY_DEFAULTS.maxConcurrentDispatches });
    const scoringPool = pool.current;
    const queue = new CloudTasksModel(
      { perSecond: DEPLOY_DEFAULTS.dispatchesPerSecond, maxConcurrent: DEPLOY_DEFAULTS.maxConcurrentDispatches },
      virtualNow,
      scale,
      async (task) => {
        if (task.kind === 'finish') return;
        const scoring: Scoring = { code: task.code, start: virtualNow(), end: 0, feedbackAt: 0 };
        scorings.push(scoring);
        await scoringPool.score({ config, place, request: { code: task.code } });
        scoring.end = virtualNow();
      },
    );
    const registry = cachedRegistry(async () => readRekap(await buildSource(config, place).readRekap()).offices, clock);
    const queuedBy = new Map<number, number>();

    await Promise.all(
      edits.map(
        (edit) =>
          new Promise<void>((resolve, reject) => {
            setTimeout(
              () => {
                queueChange({ registry, queue, clock, debounce }, offices.get(edit.code) ?? '')
                  .then((outcome) => {
                    if (outcome.status === 'queued' && edit.burst !== null)
                      queuedBy.set(edit.burst, (queuedBy.get(edit.burst) ?? 0) + 1);
                    if (outcome.status === 'unknown') throw new Error(`office ${edit.code} not in the registry`);
                    resolve();
                  })
                  .catch(reject);
              },
              (edit.at - virtualStart) / scale,
            );
          }),
      ),
    );
    await queue.idle();
    const realSeconds = (performance.now() - realStart) / 1000;

    // Each scoring's Hasil Validasi write: the last write to its office's spreadsheet while it ran.
    const writes = google.requests.filter((r) => isWrite(r) && r.status === 200);
    for (const scoring of scorings) {
      const id = offices.get(scoring.code);
      const own = writes
        .map((r) => ({ target: r.target, at: toVirtual(r.at) }))
        .filter((r) => r.target === id && r.at >= scoring.start && r.at <= scoring.end + 1);
      scoring.feedbackAt = own.length > 0 ? Math.max(...own.map((r) => r.at)) : scoring.end;
    }

    const latency = (edit: Edit): number | null => {
      const answer = scorings
        .filter((scoring) => scoring.code === edit.code && scoring.start >= edit.at)
        .sort((a, b) => a.start - b.start)[0];
      return answer ? (answer.feedbackAt - edit.at) / 1000 : null;
    };
    const timed = edits.map((edit) => ({ edit, seconds: latency(edit) }));
    const answered = timed.filter((t): t is { edit: Edit; seconds: number } => t.seconds !== null);
    const burstIds = new Set(edits.flatMap((edit) => (edit.burst === null ? [] : [edit.burst])));
    const perBurst = [...burstIds].map((id) => queuedBy.get(id) ?? 0);
    const windowMs = s.windowS * 1000;
    const inOneWindow = [...burstIds].filter((id) => {
      const times = edits.filter((edit) => edit.burst === id).map((edit) => Math.floor(edit.at / windowMs));
      return Math.min(...times) === Math.max(...times);
    });
    const counts: Record<string, number> = {};
    for (const n of perBurst) counts[String(n)] = (counts[String(n)] ?? 0) + 1;

    const reads = google.requests.filter((r) => isRead(r) && r.status === 200).map((r) => toVirtual(r.at));
    const written = writes.map((r) => toVirtual(r.at));
    const result: FeedbackLatencyResult = {
      settings: s,
      queue: {
        dispatchesPerSecond: DEPLOY_DEFAULTS.dispatchesPerSecond,
        maxConcurrent: DEPLOY_DEFAULTS.maxConcurrentDispatches,
      },
      realSeconds,
      edits: edits.length,
      quiet: percentiles(answered.filter((t) => t.edit.kind === 'quiet').map((t) => t.seconds)),
      burstLast: percentiles(answered.filter((t) => t.edit.kind === 'burst' && t.edit.last).map((t) => t.seconds)),
      all: percentiles(answered.map((t) => t.seconds)),
      bursts: burstIds.size,
      scoringsPerBurst: { max: Math.max(0, ...perBurst), counts },
      scoringsPerBurstInOneWindow: {
        max: Math.max(0, ...inOneWindow.map((id) => queuedBy.get(id) ?? 0)),
        bursts: inOneWindow.length,
      },
      scorings: scorings.length,
      maxReadsPerMinute: busiestMinute(reads),
      maxWritesPerMinute: busiestMinute(written),
      quotaAnswers: google.requests.filter((r) => r.status === 429).length,
      unanswered: timed.length - answered.length,
    };
    options.log(`  ${s.name}:`);
    options.log(
      `  ${result.edits} edits (${result.quiet.count} after a quiet spell, ${result.bursts} bursts), ${result.scorings} scorings, ${realSeconds.toFixed(0)} s real for ${s.durationS} s virtual (×${scale})`,
    );
    options.log(
      `  edit → Hasil Validasi: quiet p50 ${result.quiet.p50.toFixed(1)} s, p95 ${result.quiet.p95.toFixed(1)} s, max ${result.quiet.max.toFixed(1)} s; last of a burst p50 ${result.burstLast.p50.toFixed(1)} s, p95 ${result.burstLast.p95.toFixed(1)} s, max ${result.burstLast.max.toFixed(1)} s; all p50 ${result.all.p50.toFixed(1)} s, p95 ${result.all.p95.toFixed(1)} s`,
    );
    options.log(
      `  scorings per burst: at most ${result.scoringsPerBurst.max} (${JSON.stringify(counts)}), inside one window at most ${result.scoringsPerBurstInOneWindow.max} (${result.scoringsPerBurstInOneWindow.bursts} bursts); busiest minute ${result.maxReadsPerMinute} reads, ${result.maxWritesPerMinute} writes; ${result.quotaAnswers} quota answers; ${result.unanswered} edits unanswered`,
    );
    return result;
  } finally {
    await pool.current?.close();
    await google.close();
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * Each office's sessions over the duration, from a seeded generator: starting at a random moment in the
 * first minute, a single edit or a burst (alternating, the first chosen at random), then a quiet spell of
 * window + settle plus `sessionGapS` before the next. Virtual epoch milliseconds.
 */
export function planEdits(codes: readonly string[], s: FeedbackLatencySettings): Edit[] {
  const random = new Random(s.seed);
  const start = Date.UTC(2026, 11, 7, 2, 0, 0);
  const end = start + s.durationS * 1000;
  const edits: Edit[] = [];
  let burstId = 0;
  for (const code of codes) {
    let at = start + random.between(0, 60_000);
    let burst = random.chance(0.5);
    while (at < end) {
      if (burst) {
        const id = burstId++;
        const count = random.int(4, 10);
        for (let i = 0; i < count && at < end; i++) {
          edits.push({ code, at, kind: i === 0 ? 'quiet' : 'burst', burst: id, last: false });
          if (i < count - 1) at += random.between(1_000, 6_000);
        }
        const lastIndex = edits.length - 1;
        const last = edits[lastIndex];
        if (last && last.burst === id && last.kind === 'burst') edits[lastIndex] = { ...last, last: true };
      } else edits.push({ code, at, kind: 'quiet', burst: null, last: false });
      at += (s.windowS + s.settleS) * 1000 + random.between(s.sessionGapS[0] * 1000, s.sessionGapS[1] * 1000);
      burst = !burst;
    }
  }
  return edits.sort((a, b) => a.at - b.at);
}

/**
 * Cloud Tasks as monev relies on it: a name is taken once, a task runs no earlier than its time, at most
 * `maxConcurrent` run at once and dispatches are spaced 1 / `perSecond` apart (virtual time).
 */
class CloudTasksModel implements TaskQueue {
  private readonly names = new Set<string>();
  private readonly waiting: { task: QueuedTask; due: number }[] = [];
  private running = 0;
  private lastDispatch = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private readonly done = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(
    private readonly rate: { perSecond: number; maxConcurrent: number },
    private readonly now: () => number,
    private readonly scale: number,
    private readonly run: (task: QueuedTask) => Promise<void>,
  ) {}

  async enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    if (this.names.has(name)) return 'exists';
    this.names.add(name);
    this.waiting.push({ task, due: notBefore.getTime() });
    this.waiting.sort((a, b) => a.due - b.due);
    this.pump();
    return 'queued';
  }

  /** Resolves when nothing waits or runs; rejects with a scoring's failure. */
  async idle(): Promise<void> {
    while (this.waiting.length > 0 || this.running > 0) {
      await Promise.all([...this.done]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (this.failure) throw this.failure;
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.now();
    const spacing = 1000 / this.rate.perSecond;
    while (this.running < this.rate.maxConcurrent && this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const at = Math.max(next.due, this.lastDispatch + spacing);
      if (at > now) {
        this.timer = setTimeout(() => this.pump(), (at - now) / this.scale);
        return;
      }
      this.waiting.shift();
      this.lastDispatch = now;
      this.running++;
      const running = this.run(next.task)
        .catch((error: unknown) => {
          this.failure ??= error;
        })
        .finally(() => {
          this.running--;
          this.done.delete(running);
          this.pump();
        });
      this.done.add(running);
    }
  }
}

function isRead(record: RequestRecord): boolean {
  return record.method === 'sheets.spreadsheets.get' || record.method === 'sheets.spreadsheets.values.get';
}

function isWrite(record: RequestRecord): boolean {
  return (
    record.method === 'sheets.spreadsheets.batchUpdate' ||
    record.method === 'sheets.spreadsheets.values.batchUpdate' ||
    record.method === 'sheets.spreadsheets.values.append'
  );
}

/** The most events in any 60 s (virtual) window, sliding. */
function busiestMinute(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= 60_000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
