import { AREA_SUMMARY_TAB, FEEDBACK_TAB, LOG_TAB, PEER_LEDGER_TAB, SUMMARY_TAB } from '../../../sheets-schema/index.js';
import type { Feedback } from '../../core/feedback.js';
import { sameLabel } from '../../core/workbook.js';
import type { FeedbackCopy, RekapHistory, SummarySink, SummaryUpdate } from '../../ports.js';
import { feedbackRequests, FEEDBACK_SHEET_ID } from './feedback-requests.js';
import { apiMessage, GoogleApiError } from './google-api-error.js';
import type { GoogleServices } from './google-services.js';
import { RekapLock, type LockTiming } from './rekap-lock.js';
import { findTab, planSummary, tabRecords } from './rekap-plan.js';
import { REKAP_FIELDS, snapshotOf, type RekapSpreadsheet } from './rekap-spreadsheet.js';
import type { SpreadsheetDirectory } from './spreadsheet-directory.js';
import { spreadsheetId, spreadsheetLink } from './spreadsheet-ref.js';

/**
 * Live mode's outputs. Each office gets one batchUpdate that replaces its Hasil Validasi; those writes
 * start as soon as the run hands them over and run alongside each other within the quota, and
 * `writeSummary` waits for them first. The rekap's Rekap, Rekap Bidang and Log are written under the
 * rekap lock in one batchUpdate planned from the rekap as the lock found it: with the lock taken and
 * given back, a run costs three writes on the rekap whatever the number of offices.
 */
export interface FeedbackFailure {
  readonly code: string;
  readonly reason: string;
}

export class GoogleSummarySink implements SummarySink {
  private pending: Promise<void>[] = [];
  private readonly failed: FeedbackFailure[] = [];
  private readonly lock: RekapLock;

  constructor(
    private readonly services: GoogleServices,
    private readonly rekap: RekapSpreadsheet,
    private readonly directory: SpreadsheetDirectory,
    lockTiming: Partial<LockTiming> = {},
  ) {
    const deadline = services.scheduler.options.deadlineMs;
    this.lock = new RekapLock(services, rekap.id, {
      // The holder makes two writes, each of which may take up to the deadline with its retries.
      leaseMs: 2 * deadline + 30_000,
      waitMs: 2 * deadline + 90_000,
      // Look again at a taken lock about as often as a throttled request would be retried.
      pollMs: Math.max(50, 2 * services.scheduler.options.initialBackoffMs),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...lockTiming,
    });
  }

  /** Offices whose Hasil Validasi could not be written, with the reason. */
  get failures(): readonly FeedbackFailure[] {
    return this.failed;
  }

  writeFeedback(office: { readonly code: string; readonly source: string | null }, feedback: Feedback): Promise<void> {
    const id = office.source ? spreadsheetId(office.source) : null;
    // A spreadsheet that could not be opened cannot take feedback either; its reason is in the results.
    if (!id || this.directory.isUnreadable(id)) return Promise.resolve();
    this.pending.push(
      this.replaceFeedback(id, office.code, feedback).catch((error: unknown) => {
        this.failed.push({ code: office.code, reason: error instanceof GoogleApiError ? error.reason : String(error) });
      }),
    );
    return Promise.resolve();
  }

  /**
   * A link to the office's Hasil Validasi tab for its e-mail: the spreadsheet with the tab's `#gid=` when
   * this process knows the tab's sheet id, else the spreadsheet itself. Null when no tab can be there: the
   * spreadsheet could not be opened (its Hasil Validasi is never written then), or this run's write failed.
   */
  async feedbackCopy(office: {
    readonly code: string;
    readonly source: string | null;
    readonly unreadable: boolean;
  }): Promise<FeedbackCopy | null> {
    await this.flush();
    const id = office.source ? spreadsheetId(office.source) : null;
    if (!id || office.unreadable || this.directory.isUnreadable(id)) return null;
    if (this.failed.some((failure) => failure.code === office.code)) return null;
    const sheetId = this.directory.feedbackSheet(id);
    const link = spreadsheetLink(id);
    return { kind: 'link', url: typeof sheetId === 'number' ? `${link}#gid=${sheetId}` : link };
  }

  /** Waits for the Hasil Validasi writes handed over so far. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  async writeSummary(update: SummaryUpdate): Promise<void> {
    await this.flush();
    const lock = await this.lock.acquire();
    try {
      const tabs = snapshotOf(lock.spreadsheet).tabs;
      const write = (requests: ReturnType<typeof planSummary>) =>
        this.services.tryWrite(() =>
          this.services.clients.sheets.spreadsheets.batchUpdate({
            spreadsheetId: this.rekap.id,
            fields: 'spreadsheetId',
            requestBody: { requests },
          }),
        );
      const requests = planSummary(tabs, update);
      if (requests.length === 0) return;
      const first = await write(requests);
      if (!first.ok) {
        // "already exists": an output tab added by an attempt whose answer was lost. Plan again from
        // the rekap as it is now, matching Log lines that attempt may already have written.
        if (!/already exists/i.test(apiMessage(first.error)))
          throw await this.services.fail(first.error, 'Spreadsheet rekap');
        const now = snapshotOf(
          await this.services.read('Spreadsheet rekap', () =>
            this.services.clients.sheets.spreadsheets.get({
              spreadsheetId: this.rekap.id,
              includeGridData: true,
              fields: REKAP_FIELDS,
            }),
          ),
        );
        const second = await write(planSummary(now.tabs, update, { logAlreadyWritten: true }));
        if (!second.ok) throw await this.services.fail(second.error, 'Spreadsheet rekap');
      }
    } finally {
      await this.lock.release(lock);
      this.rekap.invalidate();
    }
  }

  /** From the rekap's one read (its inputs and every output tab come in the same request). */
  async readHistory(): Promise<RekapHistory> {
    const { tabs } = await this.rekap.load();
    return {
      summary: tabRecords(findTab(tabs, SUMMARY_TAB.name), SUMMARY_TAB.headers),
      log: tabRecords(findTab(tabs, LOG_TAB.name), LOG_TAB.headers),
      areas: tabRecords(findTab(tabs, AREA_SUMMARY_TAB.name), AREA_SUMMARY_TAB.headers),
      ledger: tabRecords(findTab(tabs, PEER_LEDGER_TAB.name), [
        ...PEER_LEDGER_TAB.headers,
        ...PEER_LEDGER_TAB.provinceHeaders,
      ]),
    };
  }

  private scoredBefore(code: string): Promise<boolean> {
    this.previouslyScored ??= this.rekap.load().then(
      ({ tabs }) =>
        new Set(tabRecords(findTab(tabs, SUMMARY_TAB.name), SUMMARY_TAB.headers).map((row) => String(row.Kode ?? ''))),
      () => new Set<string>(),
    );
    return this.previouslyScored.then((codes) => codes.has(code));
  }

  private previouslyScored: Promise<Set<string>> | undefined;

  describe(): string[] {
    return [
      `${this.rekap.link}  (Rekap, Rekap Bidang, Tren, Pembelajaran, Log)`,
      `tab ${FEEDBACK_TAB.name} di spreadsheet tiap satker`,
    ];
  }

  /**
   * One write in the usual case. Whether the tab exists is known when the read listed every tab;
   * otherwise the rekap tells: an office with an earlier Rekap row has had its Hasil Validasi
   * written by monev (under monev's sheet id), an office without one has not. A guess proved wrong
   * (the tab deleted, or made by hand) costs one more write, and a read when made by hand.
   */
  private async replaceFeedback(id: string, code: string, feedback: Feedback): Promise<void> {
    const known = this.directory.feedbackSheet(id);
    let sheetId = known ?? FEEDBACK_SHEET_ID;
    let create = known === undefined ? !(await this.scoredBefore(code)) : known === null;
    for (let attempt = 0; ; attempt++) {
      const result = await this.services.tryWrite(() =>
        this.services.clients.sheets.spreadsheets.batchUpdate({
          spreadsheetId: id,
          fields: 'spreadsheetId',
          requestBody: {
            requests: feedbackRequests(sheetId, feedback, create, (tab) => this.directory.tabId(id, tab)),
          },
        }),
      );
      if (result.ok) {
        this.directory.noteFeedbackSheet(id, sheetId);
        return;
      }
      const message = apiMessage(result.error);
      if (attempt >= 2) throw await this.services.fail(result.error, 'Spreadsheet satker');
      if (!create && /No grid with id|No sheet with id/i.test(message)) {
        create = true;
      } else if (create && /already exists/i.test(message)) {
        const data = await this.services.read('Spreadsheet satker', () =>
          this.services.clients.sheets.spreadsheets.get({
            spreadsheetId: id,
            fields: 'sheets.properties(sheetId,title)',
          }),
        );
        const tab = data.sheets?.find((sheet) => sameLabel(sheet.properties?.title ?? '', FEEDBACK_TAB.name));
        if (typeof tab?.properties?.sheetId === 'number') {
          sheetId = tab.properties.sheetId;
          create = false;
        } else {
          // Another tab already has monev's sheet id: take the next one.
          sheetId = FEEDBACK_SHEET_ID + 1 + attempt;
        }
      } else {
        throw await this.services.fail(result.error, 'Spreadsheet satker');
      }
    }
  }
}
