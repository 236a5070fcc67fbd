import type { DriveTarget } from './core/evidence/drive-link.js';
import type { EvidenceVerification } from './core/evidence/office-evidence.js';
import type { Feedback } from './core/feedback.js';
import type { OfficeMailModel } from './core/report/mail-content.js';
import type { OfficeReportModel } from './core/report/office-report.js';
import type { JobCardModel } from './core/report/job-card.js';
import type { ProvinceReportModel } from './core/report/province-report.js';
import type { ResultsDocument } from './core/results-document.js';
import type { OfficeResult } from './core/scoring/office.js';
import type { LogEntry, SheetRecord } from './core/summary-rows.js';
import type { Workbook } from './core/workbook.js';

/**
 * The interfaces the application needs from the outside world. The core never sees them; the use
 * cases in app/ receive implementations from the entrypoints, and tests pass fakes.
 */

/** One HTML document to print. `id` names it in logs and errors (e.g. "3573-2025-TW3"). */
export interface PdfDocument {
  id: string;
  html: string;
  /** Plain text shown in the footer of every page next to "Halaman X dari Y". */
  footerText: string;
}

export interface PdfRenderer {
  render(document: PdfDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** Which report this is (`X-Monev-Sidik`: office code, period, content hash), so a copy can be traced to its Log row. */
  reference?: string;
}

export interface MailReceipt {
  messageId: string;
  /** Recipients the transport accepted and refused; a partly refused message is still delivered. */
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  /**
   * Rejects when the message was not delivered. An error whose `delivery` is `'unknown'` says the
   * message may have been accepted all the same (the server went silent after taking it): the caller
   * records it as uncertain and does not send it again on its own.
   *
   * `beforeHandover`, when given, is awaited at the last moment before the message can reach anyone:
   * over SMTP before the final dot of DATA (a server keeps no message without it), through Gmail
   * before the request, in the outbox before the file takes its name. Nothing is handed over until it
   * resolves, and it is called at most once. A send that fails before that moment surely went nowhere,
   * so its error is never `'unknown'`; when `beforeHandover` itself rejects, the message is not handed
   * over and `send` rejects with that error.
   */
  send(message: MailMessage, beforeHandover?: () => Promise<void>): Promise<MailReceipt>;
  close(): Promise<void>;
  /** The outbox: it writes `.eml` files, so what it takes has reached nobody yet. */
  readonly outbox?: boolean;
}

/** Where workbooks come from: a folder of .xlsx files locally, Google Sheets in production. */
export interface WorkbookSource {
  /** The rekap workbook; rejects with a ConfigError-worthy message when it cannot be read. */
  readRekap(): Promise<Workbook>;
  /** One office workbook by its registry `Sumber`; rejects with UnreadableWorkbookError when unreadable. */
  readOffice(source: string): Promise<Workbook>;
  /** How to name the rekap in messages. */
  describeRekap(): string;
  /** How to name an office source in messages: a file name or a spreadsheet link. */
  describe(source: string): string;
}

/** Rows for the rekap workbook, already shaped by core/summary-rows.ts. */
export interface SummaryUpdate {
  readonly summary: readonly SheetRecord[];
  readonly areas: readonly SheetRecord[];
  readonly log: readonly SheetRecord[];
  /** The Tren tab: office × period index, upserted by Kode; `headers` are Kode, Nama and the periods. */
  readonly trend?: { readonly headers: readonly string[]; readonly records: readonly SheetRecord[] };
  /**
   * Pembelajaran rows (docs/SPEC.md §9), upserted by Periode+Bidang+Satker into monev's columns only: the
   * province's (Tanggal Sesi, Topik, Hadir, Tindak Lanjut) are never written. Absent: the tab is left alone.
   */
  readonly ledger?: readonly SheetRecord[];
}

/** The rekap's output tabs as earlier runs left them, read in the same read as its inputs. */
export interface RekapHistory {
  readonly summary: readonly SheetRecord[];
  readonly log: readonly SheetRecord[];
  /** Rekap Bidang: each office's area scores per period. */
  readonly areas: readonly SheetRecord[];
  /** Pembelajaran: the pairs of every period and the sessions the province recorded. */
  readonly ledger: readonly SheetRecord[];
}

/** Where monev writes: each office's Hasil Validasi and the rekap's Rekap, Rekap Bidang, Pembelajaran and Log. */
export interface SummarySink {
  /** Replaces the office's Hasil Validasi; `source` is the registry's Sumber of the office. */
  writeFeedback(office: { readonly code: string; readonly source: string | null }, feedback: Feedback): Promise<void>;
  writeSummary(update: SummaryUpdate): Promise<void>;
  /**
   * Rows of earlier runs: Rekap and Log for "change against the previous period" and the send log, Rekap
   * Bidang and Pembelajaran for the peer-learning ledger.
   */
  readHistory(): Promise<RekapHistory>;
  /** Where a person finds the outputs, for the closing message. */
  describe(): string[];
  /**
   * The office's Hasil Validasi as its e-mail carries it: the file to attach (locally) or a link to the
   * tab (live); null when there is none to give (live: the spreadsheet could not be opened, so no tab was
   * written). `unreadable`: the office's workbook could not be opened in this run.
   */
  feedbackCopy?(office: {
    readonly code: string;
    readonly source: string | null;
    readonly unreadable: boolean;
  }): Promise<FeedbackCopy | null>;
}

export type FeedbackCopy =
  { readonly kind: 'file'; readonly bytes: Uint8Array } | { readonly kind: 'link'; readonly url: string };

export interface ResultsStore {
  /** Writes results.json; returns where it went. */
  save(document: ResultsDocument): Promise<string>;
}

export interface Clock {
  now(): Date;
}

/**
 * Log rows written down durably the moment they happen, before the Log (in rekap.xlsx or the rekap
 * spreadsheet) is written at the end of a run. A run killed, or stopped by a full disk, leaves its rows
 * here; the next run writes them into the Log and reads them as part of the send log, so nothing it
 * sent is sent again and no row is lost. OUT/jurnal-log.jsonl locally.
 */
export interface LogJournal {
  /**
   * Rows of earlier runs that the Log may not hold yet, in the order recorded. A send that was handed
   * over (its `mengirim` row) and never finished reads as status `tidak-pasti`.
   */
  unsettled(): Promise<readonly LogEntry[]>;
  /** Records rows; resolves once they are on disk. */
  record(entries: readonly LogEntry[]): Promise<void>;
  /** The Log now holds every row recorded so far. */
  settle(): Promise<void>;
}

/** Where rendered reports are kept: OUT/laporan locally, a Drive folder in production. */
export interface ReportStore {
  /** Saves one PDF; returns the link or path the Rekap's Laporan column shows. */
  save(fileName: string, bytes: Uint8Array): Promise<string>;
}

/** The handlebars templates, as the app sees them: a model in, HTML out. */
export interface DocumentTemplates {
  officeReport(model: OfficeReportModel): string;
  provinceReport(model: ProvinceReportModel): string;
  jobCard(model: JobCardModel): string;
  mail(model: OfficeMailModel): string;
}

/** Scoring work for one office, queued after a change or by the quarterly cycle. */
export interface ScoreTask {
  readonly kind?: 'score';
  readonly code: string;
  readonly period?: string;
  /** The cycle this scoring belongs to: its result is kept for the cycle's finish. Absent after an edit. */
  readonly cycle?: string;
}

/**
 * The end of a cycle: rank the province from the stored results, write, render and deliver. Queued
 * by the scoring that completes the cycle; `check` marks the watchdog that closes a stalled cycle.
 */
export interface FinishTask {
  readonly kind: 'finish';
  readonly cycle: string;
  /** 1, 2, …: a scheduled check rather than the completing scoring's request. */
  readonly check?: number;
}

export type QueuedTask = ScoreTask | FinishTask;

/**
 * A task queue with names: a second task with a name already queued is not queued again, which is
 * how a burst of edits becomes one scoring and a redelivered cycle event queues nothing twice.
 * Cloud Tasks in production, in-process locally.
 */
export interface TaskQueue {
  enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'>;
}

/** What is known of one cycle of the fan-out: its period, its offices, whether it was published. */
export interface CycleRecord {
  /** e.g. "2025-TW3-7402913365712398": the period and the trigger (event ID or date). */
  readonly id: string;
  readonly period: string;
  /** The registry's office codes when the cycle started: the cycle is complete when each has a result. */
  readonly offices: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/**
 * Where the fan-out keeps a cycle between its functions: the record, and one scored result per
 * office, so the finish ranks and publishes without reading any office again. The functions share
 * no disk: a Drive folder in production, a folder under OUT locally.
 */
export interface CycleStore {
  /** Records a new cycle; when the ID is already recorded, returns that record unchanged. */
  start(record: CycleRecord): Promise<CycleRecord>;
  get(id: string): Promise<CycleRecord | null>;
  /** Keeps (or replaces) one office's result; a second delivery leaves one result. */
  saveResult(id: string, result: OfficeResult): Promise<void>;
  /** Codes of the offices whose result is stored. */
  scored(id: string): Promise<ReadonlySet<string>>;
  results(id: string): Promise<OfficeResult[]>;
  markFinished(id: string, at: Date): Promise<void>;
}

/** A Drive push channel on one office spreadsheet (`files.watch`); it lives at most a day. */
export interface DriveChannel {
  readonly id: string;
  /** Drive's opaque ID of the watched file, needed to stop the channel. */
  readonly resourceId: string;
  readonly fileId: string;
  readonly expiration: Date;
}

/** Opens and stops Drive push channels; the Drive API in production, a fake in tests. */
export interface DriveChannels {
  watch(request: {
    readonly fileId: string;
    readonly id: string;
    readonly address: string;
    readonly token: string;
    readonly expiration: Date;
  }): Promise<DriveChannel>;
  /** Stops a channel; one Drive no longer knows (expired, already stopped) counts as stopped. */
  stop(channel: { readonly id: string; readonly resourceId: string }): Promise<void>;
}

/**
 * Checks Bukti Dukung evidence on Google Drive (docs/SPEC.md §8): whether each file or folder exists, is
 * not trashed and is not empty. One verifier serves one run and looks each Drive ID up once, however
 * many offices cite it. Only validated Drive IDs reach it: never an address taken from a sheet.
 */
export interface EvidenceVerifier {
  verify(targets: readonly DriveTarget[]): Promise<EvidenceVerification>;
}
