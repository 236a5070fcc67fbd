import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedRegistry, queueChange, ScoringPlan, type Debounce } from '../../functions/app/queue-change.js';
import { buildSource } from '../../functions/choose-source.js';
import type { Workplace } from '../../functions/choose-adapters.js';
import { parseConfig, type Config } from '../../functions/config.js';
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
  /** Production values (MONEV_CHANGE_WINDOW_S, MONEV_CHANGE_SETTLE_S). */
  readonly windowS: number;
  readonly settleS: number;
  /** The fake's answer time for every request (ms), in the measured scorings; the first scenario's is used. */
  readonly latencyMs: number;
  readonly seed: number;
}

export interface FeedbackLatencyResult {
  readonly settings: FeedbackLatencySettings;
  /** The queue modelled: Cloud Tasks at the deployed rate and concurrency. */
  readonly queue: { readonly dispatchesPerSecond: number; readonly maxConcurrent: number };
  /** One office's scoring against the fake, measured (ms). */
  readonly scoringMs: Percentiles;
  readonly edits: number;
  /**
   * Edit → its office's Hasil Validasi written by a scoring that read the edit, seconds: edits after a quiet
   * spell (single edits and each burst's first), the last edit of each burst, and every edit.
   */
  readonly quiet: Percentiles;
  readonly burstLast: Percentiles;
  readonly all: Percentiles;
  readonly bursts: number;
  /** Scorings a burst caused (queued by its edits): the most and the distribution. */
  readonly scoringsPerBurst: { readonly max: number; readonly counts: Record<string, number> };
  /** The same for the bursts whose edits all fall inside one change window (the "burst inside a window"). */
  readonly scoringsPerBurstInOneWindow: { readonly max: number; readonly bursts: number };
  readonly scorings: number;
  readonly scoringsPerMinute: number;
  /** Most Sheets reads (and writes) answered in any 60 s of the simulation: Sheets allows 60 of each. */
  readonly maxReadsPerMinute: number;
  readonly maxWritesPerMinute: number;
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

/** A simulated scoring, virtual epoch milliseconds. */
interface Scoring {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly officeReadAt: number;
  readonly feedbackAt: number;
  readonly reads: readonly number[];
  readonly writes: readonly number[];
}

/** One office's scoring as measured against the fake: how long it takes and when its requests are answered. */
interface MeasuredScoring {
  readonly ms: number;
  /** When the office's own sheet was read, from the scoring's start: edits before it are in the feedback. */
  readonly officeReadMs: number;
  /** When its Hasil Validasi write was answered, from the scoring's start. */
  readonly feedbackMs: number;
  readonly readsMs: readonly number[];
  readonly writesMs: readonly number[];
}

/**
 * Issue 17 §7: from an edit to its Hasil Validasi, with every office of the 38-office sample editing
 * against the fake Google API, production settings throughout: the change window and settle (60 s,
 * 10 s), Cloud Tasks as deployed (a dispatch every 5 s at most, 0.2 a second; 2 at once), Sheets' 60
 * reads and 60 writes a minute, 150 ms answers.
 *
 * In two steps, so that neither the machine's load nor a shrunken clock bends the figures:
 * 1. Measured: each office is scored once for real, one at a time, by the scoring worker against the
 *    fake (after one uncounted scoring): its duration, and when each of its requests was answered.
 * 2. Simulated on a virtual clock: each office edits in sessions (single edits after a quiet spell, and
 *    bursts of 4–10 edits 1–6 s apart), every edit goes through the real queueChange
 *    (app/queue-change.ts) with the cached registry the webhook uses (its rekap reads counted), the
 *    queue dispatches as Cloud Tasks does, and each dispatched scoring takes its office's measured time,
 *    its requests at their measured offsets. An edit is answered by the first scoring of its office that
 *    read the sheet after it, when that scoring's Hasil Validasi write was answered.
 * The quota is checked on the simulated requests: the most reads and writes in any 60 s.
 */
export async function benchFeedbackLatency(
  dataDir: string,
  options: { scenarios: readonly FeedbackLatencySettings[]; log: (line: string) => void },
): Promise<FeedbackLatencyResult[]> {
  const first = options.scenarios[0];
  if (!first) return [];
  const google = await startFakeGoogleApi({ latencyMs: first.latencyMs });
  const out = await mkdtemp(join(tmpdir(), 'monev-bench-latency-'));
  let pool: ScoringPool | null = null;
  try {
    const { rekapId, offices } = await google.loadSampleProvince(dataDir);
    const config = parseConfig({
      MONEV_REKAP: rekapId,
      MONEV_GOOGLE_ROOT_URL: google.url,
      MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@monev-jatim.iam.gserviceaccount.com',
      MONEV_OUT_DIR: out,
    });
    const place: Workplace = { kind: 'google', rekap: rekapId, outDir: out };
    const codes = [...offices.keys()].slice(0, first.offices);

    // 1. Each office's scoring, measured one at a time, so every request in its span is its own.
    pool = new ScoringPool({ clock: { now: () => new Date() } });
    const scoringPool = pool;
    const measure = async (code: string): Promise<MeasuredScoring> => {
      google.resetCounts();
      const start = Date.now();
      await scoringPool.score({ config, place, request: { code } });
      const ms = Date.now() - start;
      const answered = google.requests.filter((r) => r.status === 200).map((r) => ({ ...r, at: r.at - start }));
      const own = answered.filter((r) => r.target === offices.get(code));
      return {
        ms,
        officeReadMs: own.find(isRead)?.at ?? 0,
        feedbackMs: Math.max(0, ...own.filter(isWrite).map((r) => r.at)),
        readsMs: answered.filter(isRead).map((r) => r.at),
        writesMs: answered.filter(isWrite).map((r) => r.at),
      };
    };
    await measure(codes[0] ?? '');
    const measured = new Map<string, MeasuredScoring>();
    for (const code of codes) measured.set(code, await measure(code));
    const durations = [...measured.values()].map((m) => m.ms / 1000);
    options.log(
      `  one scoring against the fake (${first.latencyMs} ms answers): ${percentiles(durations).p50.toFixed(2)} s median, ${Math.max(...durations).toFixed(2)} s at most; ${measured.get(codes[0] ?? '')?.readsMs.length ?? 0} reads, ${measured.get(codes[0] ?? '')?.writesMs.length ?? 0} writes`,
    );

    // 2. The mornings, on a virtual clock.
    const results: FeedbackLatencyResult[] = [];
    for (const settings of options.scenarios)
      results.push(await simulate(settings, { codes, offices, measured, config, place }, options.log));
    return results;
  } finally {
    await pool?.close();
    await google.close();
    await rm(out, { recursive: true, force: true });
  }
}

async function simulate(
  s: FeedbackLatencySettings,
  world: {
    readonly codes: readonly string[];
    readonly offices: ReadonlyMap<string, string>;
    readonly measured: ReadonlyMap<string, MeasuredScoring>;
    readonly config: Config;
    readonly place: Workplace;
  },
  log: (line: string) => void,
): Promise<FeedbackLatencyResult> {
  const edits = planEdits(world.codes, s);
  let now = VIRTUAL_START;
  const clock: Clock = { now: () => new Date(now) };
  const debounce: Debounce = { windowMs: s.windowS * 1000, settleMs: s.settleS * 1000 };
  const queue = new VirtualCloudTasks();
  // One instance of sheetChanged takes every notification (the deploy sets its max instances to 1).
  const plan = new ScoringPlan();
  const registryReads: number[] = [];
  const registry = cachedRegistry(async () => {
    registryReads.push(now);
    return readRekap(await buildSource(world.config, world.place).readRekap()).offices;
  }, clock);
  const scorings: Scoring[] = [];
  const running: Scoring[] = [];
  const spacing = 1000 / DEPLOY_DEFAULTS.dispatchesPerSecond;
  let lastDispatch = -Infinity;
  const queuedBy = new Map<number, number>();

  let next = 0;
  for (;;) {
    const edit = edits[next];
    const ending = running.reduce<Scoring | null>(
      (soonest, r) => (!soonest || r.end < soonest.end ? r : soonest),
      null,
    );
    const waiting = queue.first();
    const slotFree = running.length < DEPLOY_DEFAULTS.maxConcurrentDispatches ? now : (ending?.end ?? now);
    const dispatchAt = waiting ? Math.max(waiting.due, lastDispatch + spacing, slotFree) : Infinity;
    const candidates = [ending?.end ?? Infinity, edit?.at ?? Infinity, dispatchAt];
    const at = Math.min(...candidates);
    if (at === Infinity) break;
    now = Math.max(now, at);
    if (ending && ending.end === at) running.splice(running.indexOf(ending), 1);
    else if (edit && edit.at === at) {
      next++;
      const outcome = await queueChange({ registry, queue, clock, debounce, plan }, world.offices.get(edit.code) ?? '');
      if (outcome.status === 'unknown') throw new Error(`office ${edit.code} not in the registry`);
      if (outcome.status === 'queued' && edit.burst !== null)
        queuedBy.set(edit.burst, (queuedBy.get(edit.burst) ?? 0) + 1);
    } else if (waiting) {
      queue.take();
      lastDispatch = now;
      const m = world.measured.get(waiting.task.kind === 'finish' ? '' : waiting.task.code);
      if (!m || waiting.task.kind === 'finish') throw new Error('a scoring of an office not measured');
      const scoring: Scoring = {
        code: waiting.task.code,
        start: now,
        end: now + m.ms,
        officeReadAt: now + m.officeReadMs,
        feedbackAt: now + m.feedbackMs,
        reads: m.readsMs.map((offset) => now + offset),
        writes: m.writesMs.map((offset) => now + offset),
      };
      scorings.push(scoring);
      running.push(scoring);
    }
  }

  const latency = (edit: Edit): number | null => {
    const answer = scorings
      .filter((scoring) => scoring.code === edit.code && scoring.officeReadAt >= edit.at)
      .sort((a, b) => a.start - b.start)[0];
    return answer ? (answer.feedbackAt - edit.at) / 1000 : null;
  };
  const timed = edits.map((edit) => ({ edit, seconds: latency(edit) }));
  const answered = timed.filter((t): t is { edit: Edit; seconds: number } => t.seconds !== null);
  const burstIds = [...new Set(edits.flatMap((edit) => (edit.burst === null ? [] : [edit.burst])))];
  const perBurst = burstIds.map((id) => queuedBy.get(id) ?? 0);
  const counts: Record<string, number> = {};
  for (const n of perBurst) counts[String(n)] = (counts[String(n)] ?? 0) + 1;
  const windowMs = s.windowS * 1000;
  const inOneWindow = burstIds.filter((id) => {
    const windows = edits.filter((edit) => edit.burst === id).map((edit) => Math.floor(edit.at / windowMs));
    return Math.min(...windows) === Math.max(...windows);
  });

  const result: FeedbackLatencyResult = {
    settings: s,
    queue: {
      dispatchesPerSecond: DEPLOY_DEFAULTS.dispatchesPerSecond,
      maxConcurrent: DEPLOY_DEFAULTS.maxConcurrentDispatches,
    },
    scoringMs: percentiles([...world.measured.values()].map((m) => m.ms)),
    edits: edits.length,
    quiet: percentiles(answered.filter((t) => t.edit.kind === 'quiet').map((t) => t.seconds)),
    burstLast: percentiles(answered.filter((t) => t.edit.last).map((t) => t.seconds)),
    all: percentiles(answered.map((t) => t.seconds)),
    bursts: burstIds.length,
    scoringsPerBurst: { max: Math.max(0, ...perBurst), counts },
    scoringsPerBurstInOneWindow: {
      max: Math.max(0, ...inOneWindow.map((id) => queuedBy.get(id) ?? 0)),
      bursts: inOneWindow.length,
    },
    scorings: scorings.length,
    scoringsPerMinute: scorings.length / ((Math.max(...scorings.map((x) => x.end)) - VIRTUAL_START) / 60_000),
    maxReadsPerMinute: busiestMinute([...registryReads, ...scorings.flatMap((x) => x.reads)]),
    maxWritesPerMinute: busiestMinute(scorings.flatMap((x) => x.writes)),
    unanswered: timed.length - answered.length,
  };
  log(`  ${s.name} (${s.durationS / 60} minutes, sessions ${s.sessionGapS[0]}–${s.sessionGapS[1]} s apart):`);
  log(
    `    ${result.edits} edits (${result.quiet.count} after a quiet spell, ${result.bursts} bursts), ${result.scorings} scorings (${result.scoringsPerMinute.toFixed(1)} a minute)`,
  );
  log(
    `    edit → Hasil Validasi: after a quiet spell p50 ${result.quiet.p50.toFixed(1)} s, p95 ${result.quiet.p95.toFixed(1)} s, max ${result.quiet.max.toFixed(1)} s; last of a burst p50 ${result.burstLast.p50.toFixed(1)} s, p95 ${result.burstLast.p95.toFixed(1)} s, max ${result.burstLast.max.toFixed(1)} s; every edit p50 ${result.all.p50.toFixed(1)} s, p95 ${result.all.p95.toFixed(1)} s`,
  );
  log(
    `    scorings per burst: at most ${result.scoringsPerBurst.max} (${JSON.stringify(counts)}), inside one window at most ${result.scoringsPerBurstInOneWindow.max} (${result.scoringsPerBurstInOneWindow.bursts} bursts); busiest minute ${result.maxReadsPerMinute} reads, ${result.maxWritesPerMinute} writes; ${result.unanswered} edits unanswered`,
  );
  return result;
}

const VIRTUAL_START = Date.UTC(2026, 11, 7, 2, 0, 0);

/**
 * Each office's sessions over the duration, from a seeded generator: starting at a random moment within
 * the longest quiet spell (offices do not all start at once), a single edit or a burst (alternating, the first chosen at random), then a quiet spell of
 * window + settle plus `sessionGapS` before the next. Virtual epoch milliseconds.
 */
export function planEdits(codes: readonly string[], s: FeedbackLatencySettings): Edit[] {
  const random = new Random(s.seed);
  const start = VIRTUAL_START;
  const end = start + s.durationS * 1000;
  const edits: Edit[] = [];
  let burstId = 0;
  for (const code of codes) {
    let at = start + random.between(0, (s.windowS + s.settleS + s.sessionGapS[1]) * 1000);
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

/** Cloud Tasks' names and schedule, on the simulation's clock: a name is taken once; tasks leave in schedule order. */
class VirtualCloudTasks implements TaskQueue {
  private readonly names = new Set<string>();
  private readonly waiting: { task: QueuedTask; due: number }[] = [];

  async enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    if (this.names.has(name)) return 'exists';
    this.names.add(name);
    this.waiting.push({ task, due: notBefore.getTime() });
    this.waiting.sort((a, b) => a.due - b.due);
    return 'queued';
  }

  first(): { task: QueuedTask; due: number } | undefined {
    return this.waiting[0];
  }

  take(): void {
    this.waiting.shift();
  }
}

function isRead(record: Pick<RequestRecord, 'method'>): boolean {
  return record.method === 'sheets.spreadsheets.get' || record.method === 'sheets.spreadsheets.values.get';
}

function isWrite(record: Pick<RequestRecord, 'method'>): boolean {
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

type SummaryRow = (
  id: string,
  figure: string,
  monev: string,
  baseline: string,
  ratio: string,
  target: string,
  met: boolean | null,
) => void;

/** The summary table's rows for section 10: the three targets and the quota, per morning. */
export function feedbackLatencySummary(runs: readonly FeedbackLatencyResult[], row: SummaryRow): void {
  for (const run of runs) {
    const s = run.settings;
    const name = `Feedback, ${s.offices} offices editing ${run.settings.name}`;
    row(
      '10',
      `${name}: edit after a quiet spell → Hasil Validasi (p50 · p95 · max)`,
      `${run.quiet.p50.toFixed(1)} · ${run.quiet.p95.toFixed(1)} · ${run.quiet.max.toFixed(1)} s`,
      '',
      '',
      'p95 ≤ 30 s',
      run.quiet.p95 <= 30,
    );
    row(
      '10',
      `${name}: scorings a burst inside one window costs (any burst)`,
      `${run.scoringsPerBurstInOneWindow.max} (${run.scoringsPerBurst.max})`,
      '',
      '',
      '≤ 2',
      run.scoringsPerBurstInOneWindow.max <= 2,
    );
    row(
      '10',
      `${name}: last edit of a burst → Hasil Validasi (p50 · p95 · max)`,
      `${run.burstLast.p50.toFixed(1)} · ${run.burstLast.p95.toFixed(1)} · ${run.burstLast.max.toFixed(1)} s`,
      '',
      '',
      `≤ window + settle (${s.windowS + s.settleS} s)`,
      run.burstLast.max <= s.windowS + s.settleS,
    );
    row(
      '10',
      `${name}: busiest minute's Sheets reads / writes`,
      `${run.maxReadsPerMinute} / ${run.maxWritesPerMinute}`,
      'quota 60 / 60',
      '',
      '≤ 60',
      run.maxReadsPerMinute <= 60 && run.maxWritesPerMinute <= 60,
    );
  }
}

/** Section 10's table: one row per morning. */
export function feedbackLatencyDetails(runs: readonly FeedbackLatencyResult[]): string[] {
  const first = runs[0];
  if (!first) return [];
  const s = first.settings;
  return [
    '### 10. Feedback after an edit',
    '',
    `${s.offices} offices of the sample on the fake Google API (${s.latencyMs} ms answers), window ${s.windowS} s, settle ${s.settleS} s, ` +
      `the queue as deployed (${first.queue.dispatchesPerSecond} dispatches a second, ${first.queue.maxConcurrent} at once). ` +
      `One scoring measured against the fake: ${(first.scoringMs.p50 / 1000).toFixed(2)} s median, ${(first.scoringMs.max / 1000).toFixed(2)} s at most. ` +
      'Latencies in seconds, p50 · p95 · max, on the simulation clock.',
    '',
    '| morning | edits (after a quiet spell / in bursts) | scorings (a minute) | quiet edit → Hasil Validasi | last of a burst | every edit | scorings a burst costs (count of bursts) | busiest minute: reads / writes | unanswered |',
    '|---|---|---|---|---|---|---|---|---|',
    ...runs.map((run) => {
      const t = (p: Percentiles) => `${p.p50.toFixed(1)} · ${p.p95.toFixed(1)} · ${p.max.toFixed(1)}`;
      const counts = Object.entries(run.scoringsPerBurst.counts)
        .map(([n, bursts]) => `${n}: ${bursts}`)
        .join(', ');
      return `| ${run.settings.name} (${run.settings.durationS / 60} min, sessions ${run.settings.sessionGapS[0]}–${run.settings.sessionGapS[1]} s apart) | ${run.edits} (${run.quiet.count} / ${run.edits - run.quiet.count}) | ${run.scorings} (${run.scoringsPerMinute.toFixed(1)}) | ${t(run.quiet)} | ${t(run.burstLast)} | ${t(run.all)} | ${counts}; inside one window at most ${run.scoringsPerBurstInOneWindow.max} | ${run.maxReadsPerMinute} / ${run.maxWritesPerMinute} | ${run.unanswered} |`;
    }),
    '',
  ];
}
