import { driveTargets, NOT_VERIFIED } from '../core/evidence/office-evidence.js';
import { tooLargeFinding, type Finding } from '../core/findings.js';
import { readOffice } from '../core/office-reader.js';
import { parsePeriod, type Period } from '../core/period.js';
import { readRekap, type RegistryOffice, type RekapInputs } from '../core/rekap-reader.js';
import {
  scoreOffice,
  unreadableOffice,
  unscoredOffice,
  type OfficeResult,
  type ScoringSettings,
} from '../core/scoring/office.js';
import { feedback, feedbackSettings } from '../core/feedback.js';
import { scoringLogResult } from '../core/summary-rows.js';
import {
  DEFAULT_WORKBOOK_LIMITS,
  WorkbookTooLargeError,
  exceededLimit,
  type WorkbookLimits,
} from '../core/workbook-limits.js';
import type { Clock, EvidenceVerifier, LogJournal, ResultsStore, SummarySink, WorkbookSource } from '../ports.js';
import { runMessage } from '../core/messages/run.js';
import { unreadable, unreadableFix, type OfficeNotice } from '../core/messages/unreadable.js';
import { ConfigError } from '../shared/config-error.js';
import { mapLimit } from '../shared/map-limit.js';
import type { MailDeps, PublishOutcome, ReportDeps } from './publish-reports.js';
import type { ProgressEvent } from './progress-event.js';
import { rankAndPublish } from './rank-and-publish.js';
import { CardPrinter } from './card-printer.js';
import { logResult } from '../core/messages/log.js';

export interface RunOptions {
  /** "2025-TW3"; defaults to the rekap's Pengaturan Periode. */
  readonly period?: string;
  /** Only these office codes; all active offices when absent. */
  readonly offices?: readonly string[];
}

// The progress events belong to run-cycle's interface (RunDeps.progress); their home is progress-event.ts.
export type { ProgressEvent } from './progress-event.js';

export interface RunDeps {
  readonly source: WorkbookSource;
  readonly sink: SummarySink;
  readonly results: ResultsStore;
  readonly clock: Clock;
  readonly progress?: (event: ProgressEvent) => void;
  /** Workbooks read at once. */
  readonly concurrency?: number;
  /** SPEC §8 limits on an office workbook's rows and columns; the source enforces its own while reading. */
  readonly limits?: WorkbookLimits;
  /** PDF reports; absent with --no-pdf. */
  readonly reports?: ReportDeps;
  /** E-mail delivery of the reports; absent with --no-email. */
  readonly mail?: MailDeps;
  /** Where Log rows are recorded as they happen; in memory when absent. */
  readonly journal?: LogJournal;
  /** For faults that are monev's own bugs: never receives sheet content or personal data. */
  readonly logInternalError?: (context: string, error: unknown) => void;
  /** Checks Drive evidence; absent without Google credentials or with --no-verify: links stay unverified. */
  readonly evidence?: EvidenceVerifier;
}

export interface RunOutcome {
  readonly period: Period;
  readonly offices: readonly OfficeResult[];
  readonly resultsLocation: string;
  readonly registryNotes: readonly string[];
  /** Findings on the rekap itself, e.g. an invalid e-mail address in Satker. */
  readonly registryFindings: readonly Finding[];
  readonly publishing: PublishOutcome | null;
}

/**
 * The main job (docs/SPEC.md §7 `monev run`): read the rekap, read and score every office (writing its Hasil
 * Validasi and printing its kartu jabatan as soon as it is scored), rank the province, then print and send the
 * reports (each sent once printed) and write results.json and the rekap summary. Nothing is written when the
 * rekap's configuration is wrong; one broken workbook, or one failed print, only marks its own office.
 */
export async function runCycle(deps: RunDeps, options: RunOptions = {}): Promise<RunOutcome> {
  const rekap = readRekap(await deps.source.readRekap());
  const period = resolvePeriod(rekap, options.period);
  const settings = scoringSettings(rekap);
  const offices = selectOffices(rekap.offices, options.offices);

  // One reading of the clock for the whole run: the cards printed while scoring and all it publishes carry it.
  const now = deps.clock.now();
  // Each office's kartu jabatan goes to Chromium as soon as the office is scored, on the core that
  // scoring leaves idle; only the reports need the whole province (ranks, the recap).
  const cards = deps.reports
    ? new CardPrinter(deps.reports.renderer, deps.reports.templates, { period, generatedAt: now })
    : undefined;

  deps.progress?.({ kind: 'start', period, total: offices.length });
  let done = 0;
  const scored = await mapLimit(offices, deps.concurrency ?? 2, async (office) => {
    const result = await assessOffice(deps, office, period, settings);
    cards?.add(result);
    deps.progress?.({ kind: 'office', done: ++done, total: offices.length, office: result });
    // Written as soon as the office is scored (its findings do not depend on the others): in live mode
    // the write then goes out alongside the reads of the offices after it, within the write quota,
    // instead of all writes waiting for the last read, which doubled a quota-bound run.
    await deps.sink.writeFeedback(
      { code: office.code, source: office.source },
      feedback(result, { period, checkedAt: deps.clock.now(), ...feedbackSettings(rekap) }),
    );
    return result;
  });

  // A partial run (--offices) is ranked against the rest of the province as the Rekap has it.
  const partial = options.offices !== undefined && options.offices.length > 0;
  const published = await rankAndPublish(deps, {
    rekap,
    period,
    registry: offices,
    scored,
    partial,
    now,
    cards,
    log: [
      { code: '', action: 'mulai', result: logResult('run-started', { offices: scored.length }), period: period.id },
      ...scored.map((office) => ({
        code: office.code,
        action: 'nilai' as const,
        result: scoringLogResult(office),
        period: period.id,
      })),
    ],
  });
  return { period, ...published, registryNotes: rekap.skipped, registryFindings: rekap.findings };
}

/** Reads and scores one registered office; an unreadable workbook or an internal fault marks only this office. */
export async function assessOffice(
  deps: Pick<RunDeps, 'source' | 'logInternalError' | 'limits' | 'evidence'>,
  office: RegistryOffice,
  period: Period,
  settings: ScoringSettings,
): Promise<OfficeResult> {
  const identity = { code: office.code, name: office.name };
  if (office.source === null)
    return unreadableOffice(
      identity,
      `${office.ref} (Sumber)`,
      unreadable('source-blank'),
      unreadableFix('fill-source'),
    );
  const label = deps.source.describe(office.source);
  let workbook;
  try {
    workbook = await deps.source.readOffice(office.source);
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) return unscoredOffice(identity, [tooLargeFinding(label, error.excess)]);
    // Sources throw their own error classes (xlsx, Google); each carries a reason, maybe a fix and the office's wording.
    const { reason, fix, office: notice } = error as { reason?: unknown; fix?: unknown; office?: OfficeNotice };
    if (typeof reason === 'string')
      return unreadableOffice(identity, label, { reason, office: notice }, typeof fix === 'string' ? fix : undefined);
    deps.logInternalError?.(`membaca satker ${office.code}`, error);
    return unreadableOffice(identity, label, unreadable('unexpected-read'));
  }
  // Sources that cannot stop early (Google Sheets) are held to the same row and column limits here.
  const excess = exceededLimit(workbook, deps.limits ?? DEFAULT_WORKBOOK_LIMITS);
  if (excess) return unscoredOffice(identity, [tooLargeFinding(label, excess)]);
  try {
    const parsed = readOffice(workbook, identity, period);
    // Verification runs between reading and scoring, so the core stays pure: Drive's answers come in as data.
    const verification = deps.evidence ? await deps.evidence.verify(driveTargets(parsed)) : NOT_VERIFIED;
    return scoreOffice(identity, parsed, period, settings, verification);
  } catch (error) {
    deps.logInternalError?.(`menilai satker ${office.code}`, error);
    return unreadableOffice(identity, label, unreadable('unexpected-score'));
  }
}

/** What the rekap sets for scoring an office: the cap on achievement, WKE minutes, component weights. */
export function scoringSettings(rekap: RekapInputs): ScoringSettings {
  return { cap: rekap.cap, effectiveMinutes: rekap.effectiveMinutes, weights: rekap.weights };
}

export function resolvePeriod(rekap: RekapInputs, requested: string | undefined): Period {
  const problems = [...rekap.problems];
  let period: Period | null = null;
  if (requested !== undefined) {
    period = parsePeriod(requested);
    if (!period) problems.push(runMessage('unknown-period', { value: requested }));
  } else {
    period = rekap.period;
    if (rekap.periodProblem) problems.push(rekap.periodProblem);
    else if (!period) problems.push(runMessage('period-missing'));
  }
  if (problems.length > 0 || !period) throw new ConfigError(problems.join('\n'));
  return period;
}

function selectOffices(
  offices: readonly RegistryOffice[],
  wanted: readonly string[] | undefined,
): readonly RegistryOffice[] {
  if (!wanted || wanted.length === 0) return offices;
  const known = new Set(offices.map((office) => office.code));
  const unknown = wanted.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new ConfigError(runMessage('unknown-offices', { codes: unknown }));
  }
  const chosen = new Set(wanted);
  return offices.filter((office) => chosen.has(office.code));
}
