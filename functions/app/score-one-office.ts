import { historyRows, SUMMARY_HISTORY_ROW, type SummaryHistoryRow } from '../../sheets-schema/index.js';
import { readRekap } from '../core/rekap-reader.js';
import type { OfficeResult } from '../core/scoring/office.js';
import { feedback, feedbackSettings } from '../core/feedback.js';
import { areaRecord, jakartaTime, logRecord, scoringLogResult, summaryRecord } from '../core/summary-rows.js';
import type { Clock, EvidenceVerifier, SummarySink, WorkbookSource } from '../ports.js';
import { runMessage } from '../core/messages/run.js';
import { ConfigError } from '../shared/config-error.js';
import { rankAgainstRekap } from './rank-against-rekap.js';
import { assessOffice, resolvePeriod, scoringSettings } from './run-cycle.js';
import { runId } from './rank-and-publish.js';
import { findOffice } from './find-office.js';

export interface ScoreOneDeps {
  readonly source: WorkbookSource;
  readonly sink: SummarySink;
  readonly clock: Clock;
  readonly logInternalError?: (context: string, error: unknown) => void;
  /** Checks Drive evidence (live mode); absent: links stay unverified. */
  readonly evidence?: EvidenceVerifier;
}

/** Which office to score: by code or by Sumber, in the rekap's period unless one is named. */
export interface ScoreOneRequest {
  readonly code?: string;
  readonly source?: string;
  readonly period?: string;
}

/**
 * scoreOneOffice as the functions call it: the runtime runs it in a worker thread
 * (functions/worker/scoring-pool.ts), so that the event loop answering requests never waits for a scoring.
 */
export type ScoreOne = (request: ScoreOneRequest) => Promise<ScoreOneOutcome>;

export interface ScoreOneOutcome {
  readonly office: OfficeResult;
  /** The office's Rekap row before this scoring, if it had one for the period. */
  readonly before: SummaryHistoryRow | null;
}

/**
 * Scores one office after its sheet changed (issue "Cloud functions"): validates and scores it,
 * writes its Hasil Validasi and its Rekap row, and re-ranks the period's Rekap rows around it. No
 * PDF and no e-mail: those belong to the quarterly cycle. Safe to run twice: rows are upserted.
 */
export async function scoreOneOffice(deps: ScoreOneDeps, request: ScoreOneRequest): Promise<ScoreOneOutcome> {
  const rekap = readRekap(await deps.source.readRekap());
  const period = resolvePeriod(rekap, request.period);
  const office = findOffice(rekap.offices, request);
  if (!office)
    throw new ConfigError(runMessage('office-not-registered', { office: request.code ?? request.source ?? '' }));
  const settings = scoringSettings(rekap);

  const sink = deps.sink;
  const result = await assessOffice(deps, office, period, settings);
  const history = await sink.readHistory();
  const before =
    historyRows(SUMMARY_HISTORY_ROW, history.summary).find(
      (row) => row.Periode === period.id && row.Kode === office.code,
    ) ?? null;

  // Rank against the other offices' last known indexes; the next full cycle ranks from scratch.
  const { ranks, reranked } = rankAgainstRekap(history.summary, period.id, [result]);
  const ranked: OfficeResult = { ...result, rank: ranks.get(office.code) ?? null };
  const now = deps.clock.now();
  const time = jakartaTime(now);

  await sink.writeFeedback(
    { code: office.code, source: office.source },
    feedback(ranked, { period, checkedAt: now, ...feedbackSettings(rekap) }),
  );
  await sink.writeSummary({
    summary: [summaryRecord(ranked, period, now, before?.Laporan ?? null), ...reranked],
    areas: [areaRecord(ranked, period)],
    log: [
      logRecord({
        run: runId(now),
        time,
        code: office.code,
        action: 'nilai',
        result: scoringLogResult(ranked),
        period: period.id,
      }),
    ],
  });
  return { office: ranked, before };
}
