import { randomBytes } from 'node:crypto';
import {
  COMPONENTS,
  historyRows,
  LOG_HISTORY_ROW,
  SUMMARY_HISTORY_ROW,
  type SummaryHistoryRow,
} from '../../sheets-schema/index.js';
import type { HistoryEntry } from '../core/report/report-context.js';
import { markSharedEvidence } from '../core/evidence/shared-evidence.js';
import { areaTables, currentAreaTable, ledgerRows, peerLearningEntries } from '../core/peer-learning.js';
import { feedback, feedbackSettings } from '../core/feedback.js';
import { parsePeriod, previousPeriod, type Period } from '../core/period.js';
import type { RekapInputs, RegistryOffice } from '../core/rekap-reader.js';
import { resultsDocument } from '../core/results-document.js';
import { rankProvince, type OfficeResult } from '../core/scoring/office.js';
import { asHistoryRow, logRowKey } from '../core/send-log.js';
import {
  areaRecord,
  jakartaTime,
  ledgerRecords,
  logRecord,
  summaryRecord,
  trendRecords,
  type LogEntry,
} from '../core/summary-rows.js';
import type { Clock, LogJournal, ResultsStore, SummarySink } from '../ports.js';
import type { PrintedCards } from './card-printer.js';
import {
  renderReports,
  reportDelivery,
  type DeliveryOutcome,
  type MailDeps,
  type PublishOutcome,
  type ReportDeps,
} from './publish-reports.js';
import { MemoryLogJournal, RunLog } from './run-log.js';
import { rankAgainstRekap } from './rank-against-rekap.js';
import type { ProgressEvent } from './progress-event.js';

/**
 * The second half of every cycle, once each office has a result: rank the province, write
 * results.json, render and deliver the reports, then the Rekap rows (with the reports' links),
 * Rekap Bidang and the Log. `monev run` reaches it after scoring in one process; the fan-out's
 * finish after loading the results its scorings stored. Each office's Hasil Validasi is written
 * where the office is scored (it holds no rank), and again here only for the offices whose evidence
 * another office cites: `evidence-shared` needs the whole province (docs/SPEC.md §8).
 */
export interface PublishDeps {
  readonly sink: SummarySink;
  readonly results: ResultsStore;
  readonly clock: Clock;
  readonly progress?: (event: ProgressEvent) => void;
  /** PDF reports; absent with --no-pdf. */
  readonly reports?: ReportDeps;
  /** E-mail delivery of the reports; absent with --no-email. */
  readonly mail?: MailDeps;
  /** Where Log rows are recorded as they happen (OUT/jurnal-log.jsonl locally); in memory when absent. */
  readonly journal?: LogJournal;
}

export interface ScoredCycle {
  readonly rekap: RekapInputs;
  readonly period: Period;
  /** The registry entries of the offices scored: where their reports are mailed. */
  readonly registry: readonly RegistryOffice[];
  readonly scored: readonly OfficeResult[];
  /** Only part of the province was scored (--offices): it is ranked against the Rekap's other rows. */
  readonly partial: boolean;
  /** Log rows written ahead of the publishing's own: what was scored, or which cycle finished. */
  readonly log: readonly Omit<LogEntry, 'run' | 'time'>[];
  /**
   * The cycle's time, read once when it started (`monev run`), so that the cards printed while it
   * scored and all it publishes carry the same moment; read at publishing when absent (a cycle's finish).
   */
  readonly now?: Date;
  /** Kartu jabatan printed while the offices were scored (`monev run`); the others are printed here. */
  readonly cards?: PrintedCards;
}

export interface Published {
  readonly offices: readonly OfficeResult[];
  readonly resultsLocation: string;
  readonly publishing: PublishOutcome | null;
}

export async function rankAndPublish(deps: PublishDeps, cycle: ScoredCycle): Promise<Published> {
  const { rekap, period, scored } = cycle;
  const history = await deps.sink.readHistory();
  const summaryRows = historyRows(SUMMARY_HISTORY_ROW, history.summary);
  const provinceRanks = cycle.partial ? rankAgainstRekap(history.summary, period.id, scored) : null;
  const marked = markSharedEvidence(scored);
  // Only the offices that gained evidence-shared warnings: one more write each, within the write quota.
  const registry = new Map(cycle.registry.map((office) => [office.code, office]));
  for (const [i, office] of marked.entries()) {
    if (office === scored[i]) continue;
    await deps.sink.writeFeedback(
      { code: office.code, source: registry.get(office.code)?.source ?? null },
      feedback(office, { period, checkedAt: deps.clock.now(), ...feedbackSettings(rekap) }),
    );
  }
  // Last period's pairs and what they did (docs/SPEC.md §9), from the ledger and Rekap Bidang as earlier
  // runs and the province left them: nothing is recomputed from old workbooks.
  const ledger = ledgerRows(history.ledger);
  const areas = areaTables(history.areas);
  const learning = peerLearningEntries(period, ledger, {
    before: areas.get(previousPeriod(period).id) ?? new Map(),
    after: currentAreaTable(areas.get(period.id), scored),
  });
  const ranked = rankProvince(marked, rekap.maxMentees).map((office) => ({
    ...office,
    ...(provinceRanks ? { rank: provinceRanks.ranks.get(office.code) ?? null } : {}),
    peerLearning: office.status === 'scored' ? (learning.get(office.code) ?? []) : [],
  }));

  const now = cycle.now ?? deps.clock.now();
  const time = jakartaTime(now);
  const resultsLocation = await deps.results.save(resultsDocument(period, now, ranked));

  // Rows a run recorded but never wrote to the Log (it was killed, or the disk was full) go into this
  // run's Log write and count in the send log; rows the Log already has are not written twice.
  const journal = deps.journal ?? new MemoryLogJournal();
  const logRows = historyRows(LOG_HISTORY_ROW, history.log);
  const inLog = new Set(logRows.map(logRowKey));
  const carried = (await journal.unsettled()).filter((entry) => !inLog.has(logRowKey(asHistoryRow(entry))));
  const log = new RunLog(journal, runId(now), time);
  await log.add(...cycle.log);

  let publishing: PublishOutcome | null = null;
  if (deps.reports) {
    deps.progress?.({ kind: 'rendering', total: ranked.length + 1 });
    const previousIndex = previousIndexes(summaryRows, period);
    // Each report is sent as soon as it and its card are printed and stored, while the others print:
    // building and writing the messages no longer waits for the last PDF. Sends stay one at a time.
    const delivery = deps.mail
      ? reportDelivery(
          {
            ...deps.mail,
            templates: deps.reports.templates,
            feedbackCopies: deps.mail.feedbackCopies ?? deps.sink.feedbackCopy?.bind(deps.sink),
          },
          {
            period,
            offices: ranked,
            registry: cycle.registry,
            provinceEmails: rekap.provinceEmails,
            history: [...logRows, ...carried.map(asHistoryRow)],
            rankedOffices: provinceRanks?.ranks.size,
            repairDeadline: rekap.repairDeadline,
            contact: rekap.contact,
          },
          log,
        )
      : null;
    const rendered = await renderReports(
      deps.reports,
      {
        period,
        generatedAt: now,
        offices: ranked,
        previousIndex,
        weights: rekap.weights,
        rekapFindings: rekap.findings,
        rankedOffices: provinceRanks?.ranks.size,
        repairDeadline: rekap.repairDeadline,
        contact: rekap.contact,
        maxMentees: rekap.maxMentees,
        history: indexHistory(summaryRows, period),
        contacts: new Map(rekap.offices.map((office) => [office.code, office.emails])),
        previousAreas: areas.get(previousPeriod(period).id) ?? new Map(),
      },
      log,
      (done, total) => deps.progress?.({ kind: 'rendered', done, total }),
      { cards: cycle.cards, onReport: delivery ? (report) => delivery.send(report) : undefined },
    ).catch(async (error: unknown) => {
      // Printing stops the run (a full disk): the send under way ends before the run does, so that no
      // message is cut off between its intent and its outcome, and no other starts.
      await delivery?.abandon();
      throw error;
    });
    let delivered: DeliveryOutcome = {
      sent: 0,
      unchanged: 0,
      failedSends: 0,
      sendFailures: [],
      uncertain: [],
      noRecipients: [],
    };
    if (delivery) {
      // Every PDF is printed: what is left is sending (Chromium can shut down meanwhile).
      deps.progress?.({ kind: 'sending' });
      delivered = await delivery.finish();
    }
    const stopped = carried.filter((entry) => entry.status === 'tidak-pasti').map((entry) => entry.code);
    publishing = { ...rendered, ...delivered, uncertain: [...new Set([...stopped, ...delivered.uncertain])] };
  }
  const links = new Map(publishing?.reports.map((report) => [report.code, report.location]) ?? []);

  deps.progress?.({ kind: 'writing' });
  const summary = [
    ...ranked.map((office) => summaryRecord(office, period, now, links.get(office.code) ?? null)),
    ...(provinceRanks?.reranked ?? []),
  ];
  await deps.sink.writeSummary({
    summary,
    trend: trendRecords(history.summary, summary),
    // Unscored offices too, with blank areas: an upsert that skipped them would leave the area scores
    // of an earlier run of this period standing next to a Rekap row that says "Tidak dinilai".
    areas: ranked.map((office) => areaRecord(office, period)),
    log: [...carried, ...log.entries].map(logRecord),
    // Only a run of the whole province decides the period's pairs; a partial run's pairs are among the
    // chosen offices and would mark the others' pairs as no longer holding.
    ...(cycle.partial ? {} : { ledger: ledgerRecords(period, ranked, ledger) }),
  });
  await journal.settle();
  return { offices: ranked, resultsLocation, publishing };
}

/**
 * "run-20261129T145203-3fa9c1": the time to the second and a random part, so two runs started in the
 * same second (two terminals, a retried function) never share an ID and their Log rows stay apart.
 */
export function runId(now: Date, nonce: string = randomBytes(3).toString('hex')): string {
  return `run-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${nonce}`;
}

/**
 * Each office's index in the earlier periods of the same year and before, from the Rekap rows, oldest
 * first: the trend its report charts. Periods after this one (a rerun of an old period) are left out.
 */
function indexHistory(summary: readonly SummaryHistoryRow[], period: Period): Map<string, HistoryEntry[]> {
  const history = new Map<string, HistoryEntry[]>();
  for (const row of summary) {
    const id = parsePeriod(row.Periode);
    if (!id || row.Indeks === undefined || id.year * 4 + id.quarter >= period.year * 4 + period.quarter) continue;
    // The components too, for the report's trend over the year (core/report/office/trend-section.ts).
    const scores = Object.fromEntries(COMPONENTS.map((c) => [c.key, row[c.label] ?? null])) as HistoryEntry['scores'];
    history.set(row.Kode, [...(history.get(row.Kode) ?? []), { period: id.id, index: row.Indeks, scores }]);
  }
  for (const entries of history.values()) entries.sort((a, b) => (a.period < b.period ? -1 : 1));
  return history;
}

/** The index each office had in the period before, from the Rekap rows of earlier runs. */
function previousIndexes(summary: readonly SummaryHistoryRow[], period: Period): Map<string, number> {
  const before = previousPeriod(period).id;
  const indexes = new Map<string, number>();
  for (const row of summary) {
    if (row.Periode === before && row.Indeks !== undefined) indexes.set(row.Kode, row.Indeks);
  }
  return indexes;
}
