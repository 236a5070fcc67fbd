import { createHash } from 'node:crypto';
import { officeMailModel, officeMailText, provinceMailModel } from '../core/report/mail-content.js';
import { officeReportModel, type ReportContext } from '../core/report/office-report.js';
import { provinceReportModel } from '../core/report/province-report.js';
import type { Period } from '../core/period.js';
import { periodLabel } from '../core/period.js';
import type { RegistryOffice } from '../core/rekap-reader.js';
import type { OfficeResult } from '../core/scoring/office.js';
import type { LogEntry, SheetRecord } from '../core/summary-rows.js';
import type { DocumentTemplates, Mailer, PdfRenderer, ReportStore } from '../ports.js';

/**
 * Renders every report (one per office and the provincial recap) and delivers them by e-mail.
 * Rendering goes through one renderer with its own bounded pool; a document that fails does not
 * stop the others. Delivery is idempotent: a report already sent unchanged is not sent again.
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
}

export const PROVINCE_CODE = 'rekap';

export interface RenderedReport {
  /** Office code, or "rekap" for the provincial recap. */
  readonly code: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly fingerprint: string;
  readonly location: string;
}

export interface PublishOutcome {
  readonly reports: readonly RenderedReport[];
  readonly renderFailures: readonly { code: string; reason: string }[];
  readonly sent: number;
  readonly unchanged: number;
  readonly failedSends: number;
  readonly noRecipients: readonly string[];
  readonly log: readonly Omit<LogEntry, 'run' | 'time'>[];
}

export async function renderReports(
  deps: ReportDeps,
  context: ReportContext,
): Promise<Pick<PublishOutcome, 'reports' | 'renderFailures' | 'log'>> {
  const period = context.period;
  const label = periodLabel(period);
  const jobs = [
    ...context.offices.map((office) => ({
      code: office.code,
      fileName: `${office.code}-${period.id}.pdf`,
      footer: `${office.name} · ${label}`,
      html: () => deps.templates.officeReport(officeReportModel(office, context)),
    })),
    {
      code: PROVINCE_CODE,
      fileName: `rekap-${period.id}.pdf`,
      footer: `Rekap Bawaslu Kabupaten/Kota se-Jawa Timur · ${label}`,
      html: () => deps.templates.provinceReport(provinceReportModel(context)),
    },
  ];
  const renderOne = async (job: (typeof jobs)[number]): Promise<RenderedReport> => {
    const bytes = await deps.renderer.render({ id: job.fileName, html: job.html(), footerText: job.footer });
    const location = await deps.store.save(job.fileName, bytes);
    return { code: job.code, fileName: job.fileName, bytes, fingerprint: fingerprint(bytes), location };
  };
  // Each document's HTML is made just before it is handed over, with a turn of the event loop in
  // between: the tabs print the first documents while the later ones are templated, instead of
  // waiting for all of them (templating and charts take about a third of the printing time).
  const pending: Promise<PromiseSettledResult<RenderedReport>>[] = [];
  for (const job of jobs) {
    pending.push(
      renderOne(job).then(
        (value) => ({ status: 'fulfilled', value }),
        (reason: unknown) => ({ status: 'rejected', reason }),
      ),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const settled = await Promise.all(pending);
  const reports: RenderedReport[] = [];
  const renderFailures: { code: string; reason: string }[] = [];
  const log: Omit<LogEntry, 'run' | 'time'>[] = [];
  settled.forEach((outcome, i) => {
    const job = jobs[i] as (typeof jobs)[number];
    if (outcome.status === 'fulfilled') {
      reports.push(outcome.value);
      log.push({
        code: job.code,
        action: 'laporan',
        result: 'PDF dibuat',
        period: period.id,
        fingerprint: outcome.value.fingerprint,
      });
    } else {
      const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      renderFailures.push({ code: job.code, reason });
      log.push({ code: job.code, action: 'laporan', result: `gagal: ${withoutAddresses(reason)}`, period: period.id });
    }
  });
  return { reports, renderFailures, log };
}

/**
 * The content hash of a PDF. Chromium stamps the time into every PDF; the dates are blanked before
 * hashing, so an unchanged report hashes the same (the renderer prints untagged PDFs, whose bytes
 * are otherwise stable).
 */
export function fingerprint(bytes: Uint8Array): string {
  const text = Buffer.from(bytes)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '/$1 ()');
  return createHash('sha256').update(text, 'latin1').digest('hex').slice(0, 32);
}

export async function deliverReports(
  deps: MailDeps & { readonly templates: DocumentTemplates },
  input: {
    readonly period: Period;
    readonly offices: readonly OfficeResult[];
    readonly registry: readonly RegistryOffice[];
    readonly provinceEmails: readonly string[];
    readonly reports: readonly RenderedReport[];
    readonly history: readonly SheetRecord[];
    /** Offices ranked in the province ("dari N"); defaults to the scored offices of `offices`. */
    readonly rankedOffices?: number;
    readonly repairDeadline?: string | null;
    readonly contact?: string | null;
  },
): Promise<Pick<PublishOutcome, 'sent' | 'unchanged' | 'failedSends' | 'noRecipients' | 'log'>> {
  const { period } = input;
  const sentBefore = new Set(
    input.history
      .filter(
        (row) =>
          row.Aksi === 'kirim' &&
          row.Periode === period.id &&
          typeof row.Hasil === 'string' &&
          row.Hasil.startsWith('terkirim'),
      )
      .map((row) => `${String(row.Kode)}|${String(row.Sidik)}`),
  );
  const emails = new Map(input.registry.map((office) => [office.code, office.emails]));
  const sources = new Map(input.registry.map((office) => [office.code, office.source]));
  const rankedOffices = input.rankedOffices ?? input.offices.filter((office) => office.status === 'scored').length;
  const results = new Map(input.offices.map((office) => [office.code, office]));
  const log: Omit<LogEntry, 'run' | 'time'>[] = [];
  const noRecipients: string[] = [];
  let sent = 0;
  let unchanged = 0;
  let failedSends = 0;
  for (const report of input.reports) {
    const office = results.get(report.code);
    const to = report.code === PROVINCE_CODE ? input.provinceEmails : (emails.get(report.code) ?? []);
    if (to.length === 0) {
      noRecipients.push(report.code);
      log.push({
        code: report.code,
        action: 'kirim',
        result: 'tidak dikirim: alamat e-mail kosong',
        period: period.id,
        fingerprint: report.fingerprint,
      });
      continue;
    }
    if (!deps.resend && sentBefore.has(`${report.code}|${report.fingerprint}`)) {
      unchanged++;
      continue;
    }
    const source = sources.get(report.code) ?? null;
    const model = office
      ? officeMailModel(office, period, {
          rankedOffices,
          repairDeadline: input.repairDeadline,
          contact: input.contact,
          sheetLink: source === null ? null : (deps.officeLink?.(source) ?? null),
        })
      : provinceMailModel(input.offices, period, { repairDeadline: input.repairDeadline });
    try {
      const receipt = await deps.mailer.send({
        to: [...to],
        subject: model.subject,
        text: officeMailText(model),
        html: deps.templates.mail(model),
        attachments: [{ filename: report.fileName, content: report.bytes, contentType: 'application/pdf' }],
      });
      sent++;
      const refused = receipt.rejected.length > 0 ? `; ${receipt.rejected.length} alamat ditolak` : '';
      log.push({
        code: report.code,
        action: 'kirim',
        result: `terkirim ke ${receipt.accepted.length} alamat${refused}`,
        period: period.id,
        fingerprint: report.fingerprint,
      });
      if (receipt.rejected.length > 0) failedSends++;
    } catch (error) {
      failedSends++;
      const reason = error instanceof Error ? error.message : String(error);
      log.push({
        code: report.code,
        action: 'kirim',
        result: `gagal: ${withoutAddresses(reason)}`,
        period: period.id,
        fingerprint: report.fingerprint,
      });
    }
  }
  return { sent, unchanged, failedSends, noRecipients, log };
}

/** Transport errors quote addresses ("550 <x@y>: rejected"); the log never holds personal data. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '<alamat>').slice(0, 300);
}
