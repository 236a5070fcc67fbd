import { parsePeriod, previousPeriod, type Period } from '../core/period.js';
import type { RekapInputs, RegistryOffice } from '../core/rekap-reader.js';
import { resultsDocument } from '../core/results-document.js';
import { rankProvince, type OfficeResult } from '../core/scoring/office.js';
import {
  areaRecord,
  jakartaTime,
  logRecord,
  summaryRecord,
  trendRecords,
  type LogEntry,
  type SheetRecord,
} from '../core/summary-rows.js';
import type { Clock, ResultsStore, SummarySink } from '../ports.js';
import {
  deliverReports,
  renderReports,
  type MailDeps,
  type PublishOutcome,
  type ReportDeps,
} from './publish-reports.js';
import { rankAgainstRekap } from './rank-against-rekap.js';
import type { ProgressEvent } from './run-cycle.js';

/**
 * The second half of every cycle, once each office has a result: rank the province, write
 * results.json, render and deliver the reports, then the Rekap rows (with the reports' links),
 * Rekap Bidang and the Log. `monev run` reaches it after scoring in one process; the fan-out's
 * finish after loading the results its scorings stored. Each office's Hasil Validasi is not
 * written here: it holds no rank, so it is written where the office is scored.
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
}

export interface Published {
  readonly offices: readonly OfficeResult[];
  readonly resultsLocation: string;
  readonly publishing: PublishOutcome | null;
}

export async function rankAndPublish(deps: PublishDeps, cycle: ScoredCycle): Promise<Published> {
  const { rekap, period, scored } = cycle;
  const history = await deps.sink.readHistory();
  const provinceRanks = cycle.partial
    ? rankAgainstRekap(
        history.summary.filter((row) => row.Periode === period.id),
        scored,
      )
    : null;
  const ranked = rankProvince(scored, rekap.maxMentees).map((office) =>
    provinceRanks ? { ...office, rank: provinceRanks.ranks.get(office.code) ?? null } : office,
  );

  const now = deps.clock.now();
  const time = jakartaTime(now);
  const run = runId(now);
  const resultsLocation = await deps.results.save(resultsDocument(period, now, ranked));

  let publishing: PublishOutcome | null = null;
  if (deps.reports) {
    deps.progress?.({ kind: 'rendering', total: ranked.length + 1 });
    const previousIndex = previousIndexes(history.summary, period);
    const rendered = await renderReports(deps.reports, {
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
      history: indexHistory(history.summary, period),
    });
    let delivery: Pick<PublishOutcome, 'sent' | 'unchanged' | 'failedSends' | 'noRecipients' | 'log'> = {
      sent: 0,
      unchanged: 0,
      failedSends: 0,
      noRecipients: [],
      log: [],
    };
    if (deps.mail) {
      deps.progress?.({ kind: 'sending' });
      delivery = await deliverReports(
        { ...deps.mail, templates: deps.reports.templates },
        {
          period,
          offices: ranked,
          registry: cycle.registry,
          provinceEmails: rekap.provinceEmails,
          reports: rendered.reports,
          history: history.log,
          rankedOffices: provinceRanks?.ranks.size,
          repairDeadline: rekap.repairDeadline,
          contact: rekap.contact,
        },
      );
    }
    publishing = { ...rendered, ...delivery, log: [...rendered.log, ...delivery.log] };
  }
  const links = new Map(publishing?.reports.map((report) => [report.code, report.location]) ?? []);

  deps.progress?.({ kind: 'writing' });
  const summary = [
    ...ranked.map((office) => summaryRecord(office, period, time, links.get(office.code) ?? null)),
    ...(provinceRanks?.reranked ?? []),
  ];
  await deps.sink.writeSummary({
    summary,
    trend: trendRecords(history.summary, summary),
    // Unscored offices too, with blank areas: an upsert that skipped them would leave the area scores
    // of an earlier run of this period standing next to a Rekap row that says "Tidak dinilai".
    areas: ranked.map((office) => areaRecord(office, period)),
    log: [...cycle.log, ...(publishing?.log ?? [])].map((entry) => logRecord({ ...entry, run, time })),
  });
  return { offices: ranked, resultsLocation, publishing };
}

export function runId(now: Date): string {
  return `run-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
}

/**
 * Each office's index in the earlier periods of the same year and before, from the Rekap rows, oldest
 * first: the trend its report charts. Periods after this one (a rerun of an old period) are left out.
 */
function indexHistory(
  summary: readonly SheetRecord[],
  period: Period,
): Map<string, { period: string; index: number }[]> {
  const history = new Map<string, { period: string; index: number }[]>();
  for (const row of summary) {
    const id = typeof row.Periode === 'string' ? parsePeriod(row.Periode) : null;
    if (!id || typeof row.Indeks !== 'number' || id.year * 4 + id.quarter >= period.year * 4 + period.quarter) continue;
    const code = String(row.Kode);
    history.set(code, [...(history.get(code) ?? []), { period: id.id, index: row.Indeks }]);
  }
  for (const entries of history.values()) entries.sort((a, b) => (a.period < b.period ? -1 : 1));
  return history;
}

/** The index each office had in the period before, from the Rekap rows of earlier runs. */
function previousIndexes(summary: readonly SheetRecord[], period: Period): Map<string, number> {
  const before = previousPeriod(period).id;
  const indexes = new Map<string, number>();
  for (const row of summary) {
    if (row.Periode === before && typeof row.Indeks === 'number') indexes.set(String(row.Kode), row.Indeks);
  }
  return indexes;
}
