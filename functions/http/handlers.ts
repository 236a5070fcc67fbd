import type { CloudEvent, Request, Response } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { ConfigError } from '../app/errors.js';
import { queueChange } from '../app/queue-change.js';
import { renewWatches } from '../app/renew-watches.js';
import { runCycle, runId } from '../app/run-cycle.js';
import { scoreOneOffice } from '../app/score-one-office.js';
import { verifyChannelToken, verifySignature } from '../core/signature.js';
import { jakartaTime, logRecord } from '../core/summary-rows.js';
import type { Runtime } from '../runtime.js';

/**
 * The cloud functions' HTTP and event handlers (issue "Cloud functions"): parse, call one use case,
 * map the result to a status. Internal errors are logged and never echoed to the caller.
 */
const changeBody = z.object({ spreadsheetId: z.string().min(1).max(200) });
const scoreBody = z.object({ code: z.string().min(1).max(20), period: z.string().optional() });
const cycleBody = z.object({ period: z.string().optional() }).default({});

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
        const raw = req.rawBody ?? Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
        const check = verifySignature(runtime.secret, req.get('X-Monev-Signature'), raw, Math.floor(runtime.clock.now().getTime() / 1000));
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

  /** The worker: validates and scores one office, writes its Hasil Validasi and its Rekap row. */
  async function scoreOffice(req: Request, res: Response): Promise<void> {
    const body = scoreBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'Isi permintaan harus {"code": "3573"}.' });
      return;
    }
    try {
      const outcome = await scoreOneOffice(runtime.score, body.data);
      const office = outcome.office;
      res.status(200).json({ code: office.code, status: office.status, index: office.scores.index, findings: office.findings.length });
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
   * One full cycle. With an event ID (Pub/Sub delivers at least once), a cycle that already
   * completed for that event is not run again: its Log row `siklus` says so. The send log would
   * stop a second e-mail anyway; this also spares rendering every PDF again.
   */
  async function cycle(period: string | undefined, eventId?: string): Promise<{ offices: number; sent: number } | 'duplicate'> {
    const { deps, close } = runtime.cycle();
    const marker = eventId === undefined ? undefined : `event ${eventId.slice(0, 100)}:`;
    try {
      if (marker && (await deps.sink.readHistory()).log.some((row) => row.Aksi === 'siklus' && String(row.Hasil).startsWith(marker))) return 'duplicate';
      const outcome = await runCycle(deps, { period });
      const result = { offices: outcome.offices.length, sent: outcome.publishing?.sent ?? 0 };
      if (marker) {
        const now = runtime.clock.now();
        const record = logRecord({
          run: runId(now),
          time: jakartaTime(now),
          code: '',
          action: 'siklus',
          result: `${marker} ${result.offices} satker, ${result.sent} e-mail`,
          period: outcome.period.id,
        });
        await deps.sink.writeSummary({ summary: [], areas: [], log: [record] });
      }
      return result;
    } finally {
      await close();
    }
  }

  /** The quarterly cycle over HTTP (Cloud Scheduler with OIDC, or by hand). */
  async function runCycleHttp(req: Request, res: Response): Promise<void> {
    const body = cycleBody.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: 'Isi permintaan harus {"period": "2025-TW3"} atau kosong.' });
      return;
    }
    try {
      const outcome = await cycle(body.data.period);
      res.status(200).json(outcome === 'duplicate' ? { status: 'duplicate' } : outcome);
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
   * The quarterly cycle from Pub/Sub (Cloud Scheduler); the message may name the period. A failure
   * rejects, so the trigger retries; a configuration the province must fix first does not.
   */
  async function runCycleEvent(event: PubSubEvent): Promise<void> {
    const data = event.data?.message?.data;
    const parsed = cycleBody.safeParse(data ? parseJson(Buffer.from(data, 'base64')) : {});
    const eventId = event.id || event.data?.message?.messageId;
    try {
      const outcome = await cycle(parsed.success ? parsed.data.period : undefined, eventId);
      if (outcome === 'duplicate') runtime.log('INFO', 'siklus sudah dijalankan untuk event ini; dilewati', { event: eventId ?? null });
      else runtime.log('INFO', 'siklus selesai', { offices: outcome.offices, sent: outcome.sent });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      runtime.log('ERROR', 'siklus dibatalkan', { reason: error.message.slice(0, 300) });
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

  return { sheetChanged, scoreOffice, runCycleHttp, runCycleEvent, renewWatchesEvent };
}

export type Handlers = ReturnType<typeof createHandlers>;

function parseJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return undefined;
  }
}
