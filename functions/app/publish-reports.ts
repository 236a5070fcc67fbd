import { OUTBOX_STATUS, type LogHistoryRow } from '../../sheets-schema/index.js';
import {
  jobCardAttachmentName,
  officeReportAttachmentName,
  recapAttachmentName,
} from '../core/report/attachment-names.js';
import { officeMailModel, officeMailText, provinceMailModel } from '../core/report/mail-content.js';
import type { JobCardPointer } from '../core/report/office/workload-section.js';
import { officeReportModel } from '../core/report/office-report.js';
import type { ReportContext } from '../core/report/report-context.js';
import { provinceReportModel } from '../core/report/province-report.js';
import { officeReportFingerprint, recapFingerprint } from '../core/report/report-fingerprint.js';
import type { Period } from '../core/period.js';
import { periodLabel } from '../core/period.js';
import type { RegistryOffice } from '../core/rekap-reader.js';
import type { OfficeResult } from '../core/scoring/office.js';
import { addressKey, reportKey, sendHistory } from '../core/send-log.js';
import type { DocumentTemplates, Mailer, PdfRenderer, ReportStore } from '../ports.js';
import { feedbackForMail, type FeedbackCopies } from './feedback-for-mail.js';
import type { RunLog } from './run-log.js';
import { logResult } from '../core/messages/log.js';
import { jobCardDocument, jobCardFileName, type PrintedCards } from './card-printer.js';

/**
 * Renders every report (one per office and the provincial recap) and delivers them by e-mail.
 * Rendering goes through one renderer with its own bounded pool; a document that fails does not
 * stop the others. Delivery is idempotent and at most once: each send is journalled before it starts
 * and after it ends (RunLog), and a report already delivered to an address is not sent to it again.
 */
export interface ReportDeps {
  readonly renderer: PdfRenderer;
  readonly templates: DocumentTemplates;
  readonly store: ReportStore;
}

export interface MailDeps {
  readonly mailer: Mailer;
  /** Send again even when the log says the same report was sent. */
  readonly resend: boolean;
  /** A link to an office's own spreadsheet from its Sumber (live mode); absent locally, where Sumber is a file path. */
  readonly officeLink?: (source: string) => string | null;
  /** The offices' Hasil Validasi as the sink wrote them, attached or linked in each office's e-mail. */
  readonly feedbackCopies?: FeedbackCopies;
}

export const PROVINCE_CODE = 'rekap';

/** Node's codes for a disk (or quota) that is full. */
const DISK_FULL: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

export interface RenderedReport {
  /** Office code, or "rekap" for the provincial recap. */
  readonly code: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** What the report says, as a hash (core/report/report-fingerprint.ts): Log's Sidik. */
  readonly fingerprint: string;
  readonly location: string;
  /** The office's kartu jabatan (docs/SPEC.md §10), printed with its report and sent with it; null for the recap and an unscored office. */
  readonly card: { readonly fileName: string; readonly bytes: Uint8Array; readonly location: string } | null;
}

export interface DeliveryOutcome {
  readonly sent: number;
  readonly unchanged: number;
  readonly failedSends: number;
  /** Why sends failed, per report (no addresses). */
  readonly sendFailures: readonly { code: string; reason: string }[];
  /**
   * Reports in doubt: a send of this run ended `tidak-pasti`, or an earlier one did (a run that stopped
   * mid-send included) and no delivery to that address is confirmed since.
   */
  readonly uncertain: readonly string[];
  readonly noRecipients: readonly string[];
}

export interface PublishOutcome extends DeliveryOutcome {
  readonly reports: readonly RenderedReport[];
  readonly renderFailures: readonly { code: string; reason: string }[];
}

/**
 * Prints every office's report (after its kartu jabatan) and the recap, all handed to the renderer at
 * once; its pool bounds how many print at a time. `cards` holds the cards printed ahead (while the
 * offices were scored); `onReport` gets each report as soon as it and its card are stored, so that it
 * can be sent while the others print.
 */
export async function renderReports(
  deps: ReportDeps,
  context: ReportContext,
  log: RunLog,
  onRendered?: (done: number, total: number) => void,
  ahead: { readonly cards?: PrintedCards; readonly onReport?: (report: RenderedReport) => void } = {},
): Promise<Pick<PublishOutcome, 'reports' | 'renderFailures'>> {
  const period = context.period;
  const label = periodLabel(period);
  // Each model is made just before printing. The fingerprint comes from the results the report says,
  // not from the model, so a new section or wording does not send a report again.
  const jobs: {
    code: string;
    fileName: string;
    footer: string;
    card?: { fileName: string; print: () => Promise<Uint8Array> };
    prepare: (card: JobCardPointer | null) => { html: string; fingerprint: string };
  }[] = [
    ...context.offices.map((office) => ({
      code: office.code,
      fileName: `${office.code}-${period.id}.pdf`,
      footer: `${office.name} · ${label}`,
      card:
        office.status === 'scored'
          ? {
              fileName: jobCardFileName(office.code, period),
              print: () =>
                ahead.cards?.take(office.code) ??
                deps.renderer.render(jobCardDocument(deps.templates, office, context)),
            }
          : undefined,
      prepare: (card: JobCardPointer | null) => ({
        html: deps.templates.officeReport(officeReportModel(office, context, card)),
        fingerprint: officeReportFingerprint(office, period),
      }),
    })),
    {
      code: PROVINCE_CODE,
      fileName: `rekap-${period.id}.pdf`,
      footer: `Rekap Bawaslu Kabupaten/Kota se-Jawa Timur · ${label}`,
      prepare: () => ({
        html: deps.templates.provinceReport(provinceReportModel(context)),
        fingerprint: recapFingerprint(context.offices, period, context.rekapFindings),
      }),
    },
  ];
  let done = 0;
  const renderOne = async (job: (typeof jobs)[number]): Promise<RenderedReport> => {
    // The card is printed first, so that the report can say where it is (a Drive link in live mode).
    let card: RenderedReport['card'] = null;
    if (job.card) {
      const bytes = await job.card.print();
      card = { fileName: job.card.fileName, bytes, location: await deps.store.save(job.card.fileName, bytes) };
    }
    const pointer = card && {
      fileName: card.fileName,
      link: /^https?:\/\//.test(card.location) ? card.location : null,
    };
    const { html, fingerprint } = job.prepare(pointer);
    const bytes = await deps.renderer.render({ id: job.fileName, html, footerText: job.footer });
    const location = await deps.store.save(job.fileName, bytes);
    return { code: job.code, fileName: job.fileName, bytes, fingerprint, location, card };
  };
  // Each document's HTML is made just before it is handed over, with a turn of the event loop in
  // between: the tabs print the first documents while the later ones are templated, instead of
  // waiting for all of them (templating and charts take about a third of the printing time).
  const pending: Promise<RenderedReport | { failed: string }>[] = [];
  for (const job of jobs) {
    pending.push(
      renderOne(job).then(
        async (report) => {
          await log.add({
            code: job.code,
            action: 'laporan',
            result: logResult('report-made'),
            period: period.id,
            fingerprint: report.fingerprint,
          });
          onRendered?.(++done, jobs.length);
          ahead.onReport?.(report);
          return report;
        },
        async (reason: unknown) => {
          // A full disk is no fault of one document: the run stops and says which path (exit 2), as any
          // other write to a full disk does, instead of listing every document as failed.
          if (DISK_FULL.has((reason as NodeJS.ErrnoException | null)?.code ?? '')) throw reason;
          const message = reason instanceof Error ? reason.message : String(reason);
          await log.add({
            code: job.code,
            action: 'laporan',
            result: logResult('report-failed', { reason: withoutAddresses(message) }),
            period: period.id,
          });
          onRendered?.(++done, jobs.length);
          return { failed: message };
        },
      ),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const settled = await Promise.all(pending);
  const reports: RenderedReport[] = [];
  const renderFailures: { code: string; reason: string }[] = [];
  settled.forEach((outcome, i) => {
    if ('failed' in outcome) renderFailures.push({ code: jobs[i]?.code ?? '', reason: outcome.failed });
    else reports.push(outcome);
  });
  return { reports, renderFailures };
}

/**
 * Sends each report to the addresses that do not have it yet. A send is journalled (`mengirim`) at the
 * moment the mailer hands the message over (over SMTP, just before the final dot of DATA), and its
 * outcome follows. So a run that stops before that moment leaves no intent, and the next run sends the
 * report once; a run that stops after it leaves an intent with no outcome, which reads as `tidak-pasti`.
 * An address that refused is retried alone on the next run. A send whose outcome is unknown (the server
 * went silent after taking the message, or monev stopped mid-send) is not repeated on its own: reports
 * go out at most once, and every run lists the reports still in doubt for a check by hand.
 */
export async function deliverReports(
  deps: MailDeps & { readonly templates: DocumentTemplates },
  input: DeliveryInput & { readonly reports: readonly RenderedReport[] },
  log: RunLog,
): Promise<DeliveryOutcome> {
  const delivery = reportDelivery(deps, input, log);
  for (const report of input.reports) delivery.send(report);
  return delivery.finish();
}

export interface DeliveryInput {
  readonly period: Period;
  readonly offices: readonly OfficeResult[];
  readonly registry: readonly RegistryOffice[];
  readonly provinceEmails: readonly string[];
  /** Log rows of earlier runs, the journal's included. */
  readonly history: readonly LogHistoryRow[];
  /** Offices ranked in the province ("dari N"); defaults to the scored offices of `offices`. */
  readonly rankedOffices?: number;
  readonly repairDeadline?: string | null;
  readonly contact?: string | null;
}

export interface ReportDelivery {
  /** Queues a report; it is sent after the ones queued before it, one send at a time. */
  send(report: RenderedReport): void;
  /** Waits for every queued send; throws what stopped the sends (a journal that cannot take an intent). */
  finish(): Promise<DeliveryOutcome>;
  /** Drops the sends not yet started and waits for the one under way (the run is stopping). */
  abandon(): Promise<void>;
}

/**
 * The sending of deliverReports, a report at a time as each is handed over: `monev run` and the finish
 * of a cycle send each report as soon as it is printed, while the others print. Sends stay one at a time and
 * in the order given, as deliverReports makes them. An error that stops the delivery (the journal cannot
 * take an intent) stops every send after it and is thrown by `finish`; it never goes unhandled meanwhile.
 */
export function reportDelivery(
  deps: MailDeps & { readonly templates: DocumentTemplates },
  input: DeliveryInput,
  log: RunLog,
): ReportDelivery {
  const { period } = input;
  const outbox = deps.mailer.outbox === true;
  const before = sendHistory(input.history, { outbox });
  const emails = new Map(input.registry.map((office) => [office.code, office.emails]));
  const sources = new Map(input.registry.map((office) => [office.code, office.source]));
  const rankedOffices = input.rankedOffices ?? input.offices.filter((office) => office.status === 'scored').length;
  const results = new Map(input.offices.map((office) => [office.code, office]));
  const noRecipients: string[] = [];
  const uncertain = new Set<string>();
  const sendFailures: { code: string; reason: string }[] = [];
  let sent = 0;
  let unchanged = 0;
  let failedSends = 0;
  const deliver = async (report: RenderedReport): Promise<void> => {
    const office = results.get(report.code);
    const to = report.code === PROVINCE_CODE ? input.provinceEmails : (emails.get(report.code) ?? []);
    const entry = { code: report.code, action: 'kirim', period: period.id, fingerprint: report.fingerprint } as const;
    if (to.length === 0) {
      noRecipients.push(report.code);
      await log.add({ ...entry, status: 'tanpa-alamat', result: logResult('send-no-address') });
      return;
    }
    const sends = before.get(reportKey(report.code, period.id, report.fingerprint));
    const served = sends?.served ?? new Set<string>();
    // Still in doubt from an earlier run: listed again until the operator checks and decides (--resend).
    if (!deps.resend && to.some((address) => sends?.unconfirmed.has(addressKey(address)))) uncertain.add(report.code);
    const missing = deps.resend ? [...to] : to.filter((address) => !served.has(addressKey(address)));
    if (missing.length === 0) {
      unchanged++;
      return;
    }
    const source = sources.get(report.code) ?? null;
    const validation = office ? await feedbackForMail(deps.feedbackCopies, office, source, period) : null;
    const model = office
      ? officeMailModel(office, period, {
          rankedOffices,
          repairDeadline: input.repairDeadline,
          contact: input.contact,
          sheetLink: source === null ? null : (deps.officeLink?.(source) ?? null),
          feedback: validation?.pointer,
        })
      : provinceMailModel(input.offices, period, {
          repairDeadline: input.repairDeadline,
          contacts: new Map(input.registry.map((office) => [office.code, office.emails])),
        });
    // A journal that cannot take the intent stops the run (a file monev must keep): the message was held back.
    const journal: { failed: { error: unknown } | null } = { failed: null };
    const handover = () =>
      log
        .add({ ...entry, status: 'mengirim', result: logResult('sending'), recipients: missing.map(addressKey) })
        .catch((error: unknown) => {
          journal.failed = { error };
          throw error;
        });
    try {
      const receipt = await deps.mailer.send(
        {
          to: missing,
          subject: model.subject,
          text: officeMailText(model),
          html: deps.templates.mail(model),
          // Named for the reader (whose, which period), not as the files on disk (core/report/attachment-names.ts).
          attachments: [
            {
              filename: office ? officeReportAttachmentName(office.name, period) : recapAttachmentName(period),
              content: report.bytes,
              contentType: 'application/pdf',
            },
            ...(report.card && office
              ? [
                  {
                    filename: jobCardAttachmentName(office.name, period),
                    content: report.card.bytes,
                    contentType: 'application/pdf',
                  },
                ]
              : []),
            ...(validation?.attachments ?? []),
          ],
          reference: `${report.code} ${period.id} ${report.fingerprint}`,
        },
        handover,
      );
      sent++;
      if (receipt.rejected.length > 0) failedSends++;
      const onlyMissing = missing.length < to.length;
      await log.add({
        ...entry,
        ...(outbox
          ? {
              status: OUTBOX_STATUS,
              result: logResult('written-to-outbox', { accepted: receipt.accepted.length, onlyMissing }),
            }
          : {
              status: receipt.rejected.length > 0 ? 'sebagian' : 'terkirim',
              result: logResult('sent', {
                accepted: receipt.accepted.length,
                onlyMissing,
                refused: receipt.rejected.length,
              }),
            }),
        recipients: receipt.accepted.map(addressKey),
      });
    } catch (error) {
      if (journal.failed) throw journal.failed.error;
      const reason = withoutAddresses(error instanceof Error ? error.message : String(error));
      if (deliveryUnknown(error)) {
        uncertain.add(report.code);
        // Recorded as served: the addresses may have the report, and a second copy is worse than a check by hand.
        await log.add({
          ...entry,
          status: 'tidak-pasti',
          result: logResult('send-uncertain', { reason }),
          recipients: missing.map(addressKey),
        });
      } else {
        failedSends++;
        sendFailures.push({ code: report.code, reason });
        await log.add({ ...entry, status: 'gagal', result: logResult('send-failed', { reason }) });
      }
    }
  };
  let queue: Promise<void> = Promise.resolve();
  let stopped: { error: unknown } | null = null;
  let abandoned = false;
  return {
    send(report) {
      queue = queue.then(async () => {
        if (stopped || abandoned) return;
        try {
          await deliver(report);
        } catch (error) {
          stopped = { error };
        }
      });
    },
    async finish() {
      await queue;
      if (stopped) throw stopped.error;
      return { sent, unchanged, failedSends, sendFailures, uncertain: [...uncertain], noRecipients };
    },
    async abandon() {
      abandoned = true;
      await queue;
    },
  };
}

/** The Mailer port's signal that a message may have been accepted although the send failed. */
function deliveryUnknown(error: unknown): boolean {
  return (error as { delivery?: unknown } | null)?.delivery === 'unknown';
}

/** Transport errors quote addresses ("550 <x@y>: rejected"); the log never holds personal data. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '<alamat>').slice(0, 300);
}
