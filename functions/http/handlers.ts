import type { CloudEvent, Request } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { ConfigError } from '../shared/config-error.js';
import { queueChange } from '../app/queue-change.js';
import type { StartOutcome } from '../app/start-cycle.js';
import { verifyChannelToken, verifySignature } from '../core/signature.js';
import type { Runtime } from '../cloud-functions-runtime.js';
import type { CallerCheck, PrivateFunction } from './access.js';
import { HttpError, httpFunction, type Answer } from './errors.js';
import { reply } from './replies.js';

/**
 * The cloud functions' HTTP and event handlers: each parses its request, calls one use case and says
 * what to answer; errors.ts maps every failure to its answer from the catalogue (replies.ts) and logs
 * it, never echoing an internal error. The private functions check their caller first (access.ts).
 *
 * Every use case but queueChange is imported when its function is first called: a cold instance woken by
 * a change notification loads the webhook's path and nothing else (issue 17 §8).
 */
const changeBody = z.object({ spreadsheetId: z.string().min(1).max(200) });
const cycleId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
const scoreBody = z.object({
  code: z.string().min(1).max(20),
  period: z.string().optional(),
  cycle: cycleId.optional(),
});
/** `label` starts another cycle the same day: without it, a second start by hand is the same cycle. */
const cycleBody = z
  .object({
    period: z.string().optional(),
    label: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .optional(),
  })
  .default({});
const finishBody = z.object({ cycle: cycleId, check: z.number().int().min(1).max(10).optional() });

/** A Pub/Sub message as Eventarc delivers it: `data` is the message, base64. */
export type PubSubEvent = CloudEvent<{ message?: { data?: string; messageId?: string } }>;

export function createHandlers(runtime: Runtime, callers: CallerCheck) {
  const log = runtime.log;
  /** A private function: the caller's token is checked before anything else. */
  const privateFunction = (name: PrivateFunction, handle: (req: Request) => Promise<Answer>) =>
    httpFunction(name, log, async (req) => {
      await callers.check(name, req.get('Authorization'));
      return handle(req);
    });

  /** A change notification from the Apps Script trigger (signed) or a Drive push channel (token). */
  const sheetChanged = httpFunction('sheetChanged', log, async (req) => {
    const change = changedSpreadsheet(req, runtime);
    if (change.kind === 'sync') return { status: 200, body: { status: 'sync' } };
    const outcome = await queueChange(runtime, change.spreadsheetId);
    if (outcome.status === 'unknown') throw HttpError.of('unknown-spreadsheet');
    log('INFO', 'perubahan diterima', { code: outcome.code, status: outcome.status });
    return { status: 202, body: { status: outcome.status } };
  });

  /**
   * The worker: validates and scores one office, writes its Hasil Validasi and its Rekap row. With a
   * cycle, also keeps the office's result for the cycle's finish, and queues the finish when it
   * completes the cycle.
   */
  const scoreOffice = privateFunction('scoreOffice', async (req) => {
    const { code, period, cycle } = parse(scoreBody, req.body, 'bad-score-body');
    if (cycle !== undefined) {
      const { scoreInCycle } = await import('../app/score-cycle-office.js');
      const outcome = await scoreInCycle(runtime.inCycle, { code, cycle });
      const office =
        outcome.status === 'scored'
          ? {
              status: outcome.office.status,
              index: outcome.office.scores.index,
              findings: outcome.office.findings.length,
            }
          : {};
      return { status: 200, body: { code, cycle, outcome: outcome.status, complete: outcome.complete, ...office } };
    }
    const { office } = await runtime.scoreOne({ code, period });
    return {
      status: 200,
      body: { code: office.code, status: office.status, index: office.scores.index, findings: office.findings.length },
    };
  });

  /**
   * The start of a cycle: one read of the rekap, the cycle recorded, one scoring task per office.
   * Rendering and e-mail happen in finishCycle, once every office is scored.
   */
  async function start(period: string | undefined, trigger: string | undefined): Promise<StartOutcome> {
    const { startCycle } = await import('../app/start-cycle.js');
    const outcome = await startCycle(await runtime.starting(), { period, trigger });
    if (outcome.status === 'finished')
      runtime.log('INFO', 'siklus ini sudah selesai; tidak dimulai lagi', { cycle: outcome.cycle });
    else
      runtime.log('INFO', 'siklus dimulai', {
        cycle: outcome.cycle,
        offices: outcome.offices,
        queued: outcome.queued,
        lastScoringAt: outcome.lastScoringAt.toISOString(),
      });
    return outcome;
  }

  /** The quarterly cycle over HTTP (by hand): answers once the scorings are queued. */
  const runCycleHttp = privateFunction('runCycleHttp', async (req) => {
    const { period, label } = parse(cycleBody, req.body ?? {}, 'bad-cycle-body');
    const outcome = await start(period, label);
    return { status: outcome.status === 'started' ? 202 : 200, body: outcome };
  });

  /**
   * The quarterly cycle from Pub/Sub (Cloud Scheduler); the message may name the period. The event
   * ID names the cycle, so a redelivery queues nothing twice. A failure rejects, so the trigger
   * retries; a configuration the province must fix first does not.
   */
  async function runCycleEvent(event: PubSubEvent): Promise<void> {
    const data = event.data?.message?.data;
    const parsed = cycleBody.safeParse(data ? parseJson(Buffer.from(data, 'base64')) : {});
    const eventId = event.id || event.data?.message?.messageId;
    try {
      await start(parsed.success ? parsed.data.period : undefined, eventId);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      runtime.log('ERROR', 'siklus dibatalkan', { reason: error.message.slice(0, 300) });
    }
  }

  /**
   * The end of a cycle (Cloud Tasks, queued by the scoring that completed it, or the watchdog):
   * ranks the stored results, writes results.json and the Rekap, renders and sends the reports.
   * A failure answers 500, so Cloud Tasks retries; a finished cycle answers 200 and does nothing.
   */
  const finishCycleHttp = privateFunction('finishCycle', async (req) => {
    const task = parse(finishBody, req.body, 'bad-finish-body');
    const [{ deps, close }, { finishCycle }] = await Promise.all([
      runtime.finishing(),
      import('../app/finish-cycle.js'),
    ]);
    try {
      const outcome = await finishCycle(deps, task);
      log('INFO', outcome.status === 'finished' ? 'siklus selesai' : 'siklus belum diselesaikan', {
        ...outcome,
        unscoredByCycle: outcome.status === 'finished' ? outcome.unscoredByCycle.length : null,
      });
      return { status: 200, body: outcome };
    } finally {
      await close();
    }
  });

  /** Daily (Cloud Scheduler → Pub/Sub): a fresh Drive channel per office spreadsheet, stale ones stopped. */
  async function renewWatchesEvent(_event: PubSubEvent): Promise<void> {
    if (!runtime.watches || !runtime.secret) {
      runtime.log('WARNING', 'renewWatches dilewati: MONEV_FUNCTIONS_URL atau MONEV_WEBHOOK_SECRET belum diisi');
      return;
    }
    const { renewWatches } = await import('../app/renew-watches.js');
    const outcome = await renewWatches({
      registry: runtime.registry,
      channels: runtime.watches.channels,
      sink: (await runtime.adapters()).sink,
      clock: runtime.clock,
      secret: runtime.secret,
      address: runtime.watches.address,
    });
    runtime.log(outcome.failed > 0 ? 'WARNING' : 'INFO', 'kanal Drive diperbarui', { ...outcome });
  }

  return { sheetChanged, scoreOffice, runCycleHttp, runCycleEvent, finishCycle: finishCycleHttp, renewWatchesEvent };
}

export type Handlers = ReturnType<typeof createHandlers>;

/** The request's body by its schema, else the catalogue's answer naming the expected shape. */
function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
  refusal: 'bad-score-body' | 'bad-cycle-body' | 'bad-finish-body',
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw HttpError.of(refusal);
  return parsed.data;
}

/**
 * Which spreadsheet a change notification vouches for: a Drive channel's token, or the Apps Script's
 * signature over the raw body (checked before the body is parsed). `sync` is a channel's first message.
 */
function changedSpreadsheet(
  req: Request,
  runtime: Runtime,
): { readonly kind: 'sync' } | { readonly kind: 'change'; readonly spreadsheetId: string } {
  const secret = runtime.secret;
  if (!secret) throw new HttpError(reply('not-configured'), 'MONEV_WEBHOOK_SECRET belum diisi');
  if (req.get('X-Goog-Channel-ID') !== undefined) {
    const vouched = verifyChannelToken(secret, req.get('X-Goog-Channel-Token'));
    if (vouched === null) throw HttpError.of('bad-channel-token');
    return req.get('X-Goog-Resource-State') === 'sync' ? { kind: 'sync' } : { kind: 'change', spreadsheetId: vouched };
  }
  const raw = req.rawBody ?? Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
  const now = Math.floor(runtime.clock.now().getTime() / 1000);
  if (verifySignature(secret, req.get('X-Monev-Signature'), raw, now) !== 'ok') throw HttpError.of('bad-signature');
  const body = changeBody.safeParse(parseJson(raw));
  if (!body.success) throw HttpError.of('bad-change-body');
  return { kind: 'change', spreadsheetId: body.data.spreadsheetId };
}

function parseJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return undefined;
  }
}
