import type { CloudEvent, Request, Response } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { ConfigError } from '../app/errors.js';
import { finishCycle } from '../app/finish-cycle.js';
import { queueChange } from '../app/queue-change.js';
import { renewWatches } from '../app/renew-watches.js';
import { scoreInCycle } from '../app/score-cycle-office.js';
import { scoreOneOffice } from '../app/score-one-office.js';
import { startCycle, type StartOutcome } from '../app/start-cycle.js';
import { verifyChannelToken, verifySignature } from '../core/signature.js';
import type { Runtime } from '../runtime.js';

/**
 * The cloud functions' HTTP and event handlers (issue "Cloud functions"): parse, call one use case,
 * map the result to a status. Internal errors are logged and never echoed to the caller.
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

export function createHandlers(runtime: Runtime) {
  const fail = (res: Response, error: unknown, what: string) => {
    runtime.log('ERROR', `${what} gagal`, { error: error instanceof Error ? error.name : 'unknown' });
    res.status(500).json({ error: 'Terjadi kesalahan internal; sudah dicatat.' });
  };

  /** A change notification from the Apps Script trigger (signed) or a Drive push channel (token). */
  async function sheetChanged(req: Request, res: Response): Promise<void> {
    try {
      if (!runtime.secret) {
        runtime.log('ERROR', 'MONEV_WEBHOOK_SECRET belum diisi');
        res.status(500).json({ error: 'Layanan belum dikonfigurasi.' });
        return;
      }
      let spreadsheetId: string;
      if (req.get('X-Goog-Channel-ID') !== undefined) {
        const vouched = verifyChannelToken(runtime.secret, req.get('X-Goog-Channel-Token'));
        if (vouched === null) {
          res.status(401).json({ error: 'Token kanal tidak sah.' });
          return;
        }
        // The first message of every channel only says it exists.
        if (req.get('X-Goog-Resource-State') === 'sync') {
          res.status(200).json({ status: 'sync' });
          return;
        }
        spreadsheetId = vouched;
      } else {
        const raw =
          req.rawBody ?? Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
        const check = verifySignature(
          runtime.secret,
          req.get('X-Monev-Signature'),
          raw,
          Math.floor(runtime.clock.now().getTime() / 1000),
        );
        if (check !== 'ok') {
          res.status(401).json({ error: 'Tanda tangan tidak sah.' });
          return;
        }
        const body = changeBody.safeParse(parseJson(raw));
        if (!body.success) {
          res.status(400).json({ error: 'Isi permintaan harus {"spreadsheetId": "..."}.' });
          return;
        }
        spreadsheetId = body.data.spreadsheetId;
      }
      const outcome = await queueChange(runtime, spreadsheetId);
      if (outcome.status === 'unknown') {
        res.status(404).json({ error: 'Spreadsheet tidak terdaftar di rekap.' });
        return;
      }
      runtime.log('INFO', 'perubahan diterima', { code: outcome.code, status: outcome.status });
      res.status(202).json({ status: outcome.status });
    } catch (error) {
      fail(res, error, 'sheetChanged');
    }
  }

  /**
   * The worker: validates and scores one office, writes its Hasil Validasi and its Rekap row. With a
   * cycle, also keeps the office's result for the cycle's finish, and queues the finish when it
   * completes the cycle.
   */
  async function scoreOffice(req: Request, res: Response): Promise<void> {
    const body = scoreBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'Isi permintaan harus {"code": "3573"}.' });
      return;
    }
    try {
      const { code, cycle } = body.data;
      if (cycle !== undefined) {
        const outcome = await scoreInCycle(runtime.inCycle, { code, cycle });
        const office =
          outcome.status === 'scored'
            ? {
                status: outcome.office.status,
                index: outcome.office.scores.index,
                findings: outcome.office.findings.length,
              }
            : {};
        res.status(200).json({ code, cycle, outcome: outcome.status, complete: outcome.complete, ...office });
        return;
      }
      const outcome = await scoreOneOffice(runtime.score, body.data);
      const office = outcome.office;
      res.status(200).json({
        code: office.code,
        status: office.status,
        index: office.scores.index,
        findings: office.findings.length,
      });
    } catch (error) {
      if (error instanceof ConfigError) {
        // Retrying will not help; tell the queue the task is done and the log why.
        runtime.log('WARNING', 'penilaian dilewati', { code: body.data.code, reason: error.message.slice(0, 200) });
        res.status(422).json({ error: 'Satker atau konfigurasi rekap tidak sah; lihat log.' });
        return;
      }
      fail(res, error, 'scoreOffice');
    }
  }

  /**
   * The start of a cycle: one read of the rekap, the cycle recorded, one scoring task per office.
   * Rendering and e-mail happen in finishCycle, once every office is scored.
   */
  async function start(period: string | undefined, trigger: string | undefined): Promise<StartOutcome> {
    const outcome = await startCycle(runtime.starting, { period, trigger });
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
  async function runCycleHttp(req: Request, res: Response): Promise<void> {
    const body = cycleBody.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({
        error:
          'Isi permintaan harus {"period": "2025-TW3"} atau kosong; "label" (huruf, angka, tanda hubung) memulai siklus lain di hari yang sama.',
      });
      return;
    }
    try {
      const outcome = await start(body.data.period, body.data.label);
      res.status(outcome.status === 'started' ? 202 : 200).json(outcome);
    } catch (error) {
      if (error instanceof ConfigError) {
        res.status(422).json({ error: 'Konfigurasi rekap tidak sah; lihat log.' });
        runtime.log('ERROR', 'siklus dibatalkan', { reason: error.message.slice(0, 300) });
        return;
      }
      fail(res, error, 'runCycle');
    }
  }

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
  async function finishCycleHttp(req: Request, res: Response): Promise<void> {
    const body = finishBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'Isi permintaan harus {"cycle": "2025-TW3-…"}.' });
      return;
    }
    const { deps, close } = runtime.finishing();
    try {
      const outcome = await finishCycle(deps, body.data);
      runtime.log('INFO', outcome.status === 'finished' ? 'siklus selesai' : 'siklus belum diselesaikan', {
        ...outcome,
        unscoredByCycle: outcome.status === 'finished' ? outcome.unscoredByCycle.length : null,
      });
      res.status(200).json(outcome);
    } catch (error) {
      if (error instanceof ConfigError) {
        runtime.log('ERROR', 'penyelesaian siklus dibatalkan', {
          cycle: body.data.cycle,
          reason: error.message.slice(0, 300),
        });
        res.status(422).json({ error: 'Siklus atau konfigurasi rekap tidak sah; lihat log.' });
        return;
      }
      fail(res, error, 'finishCycle');
    } finally {
      await close();
    }
  }

  /** Daily (Cloud Scheduler → Pub/Sub): a fresh Drive channel per office spreadsheet, stale ones stopped. */
  async function renewWatchesEvent(_event: PubSubEvent): Promise<void> {
    if (!runtime.watches || !runtime.secret) {
      runtime.log('WARNING', 'renewWatches dilewati: MONEV_FUNCTIONS_URL atau MONEV_WEBHOOK_SECRET belum diisi');
      return;
    }
    const outcome = await renewWatches({
      registry: runtime.registry,
      channels: runtime.watches.channels,
      sink: runtime.score.sink,
      clock: runtime.clock,
      secret: runtime.secret,
      address: runtime.watches.address,
    });
    runtime.log(outcome.failed > 0 ? 'WARNING' : 'INFO', 'kanal Drive diperbarui', { ...outcome });
  }

  return { sheetChanged, scoreOffice, runCycleHttp, runCycleEvent, finishCycle: finishCycleHttp, renewWatchesEvent };
}

export type Handlers = ReturnType<typeof createHandlers>;

function parseJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return undefined;
  }
}
