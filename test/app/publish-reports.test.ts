import { describe, expect, it, vi } from 'vitest';
import { historyRows, LOG_HISTORY_ROW } from '../../sheets-schema/index.js';
import {
  deliverReports,
  renderReports,
  withoutAddresses,
  type RenderedReport,
} from '../../functions/app/publish-reports.js';
import { MemoryLogJournal, RunLog } from '../../functions/app/run-log.js';
import type { FeedbackCopies } from '../../functions/app/feedback-for-mail.js';
import { feedbackWorkbook } from '../../functions/adapters/xlsx/feedback-sheet.js';
import { feedback } from '../../functions/core/feedback.js';
import { parsePeriod } from '../../functions/core/period.js';
import type { RegistryOffice } from '../../functions/core/rekap-reader.js';
import { rankProvince, type OfficeResult } from '../../functions/core/scoring/office.js';
import { addressKey } from '../../functions/core/send-log.js';
import { logRecord, type LogEntry } from '../../functions/core/summary-rows.js';
import type {
  DocumentTemplates,
  MailMessage,
  MailReceipt,
  LogJournal,
  Mailer,
  PdfDocument,
  PdfRenderer,
} from '../../functions/ports.js';
import { officeWorkbook, scoreWorkbook } from '../helpers/workbook.js';

const period = parsePeriod('2025-TW3')!;
const weights = { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 };
const KOTA = ['malang-kota@example.go.id', 'kepala.malang-kota@example.go.id'];
const PROVINCE = ['prov@example.go.id'];

const templates: DocumentTemplates = {
  officeReport: (model) => `<p>${model.office.code} ${model.generatedOn}</p>`,
  provinceReport: (model) => `<p>rekap ${model.counts.total} ${model.generatedOn}</p>`,
  jobCard: (model) => `<p>kartu ${model.office.code} ${model.generatedOn}</p>`,
  mail: (model) => `<p>${model.subject}</p>`,
};

/** "Prints" the HTML as bytes with a PDF-like date that changes on every call, like Chromium does. */
class FakeRenderer implements PdfRenderer {
  calls = 0;
  constructor(private readonly failing: ReadonlySet<string> = new Set()) {}
  async render(document: PdfDocument): Promise<Uint8Array> {
    this.calls++;
    if (this.failing.has(document.id)) throw new Error(`Dokumen ${document.id} gagal dicetak`);
    return Buffer.from(
      `%PDF-1.4\n/CreationDate (D:2026112800${String(this.calls).padStart(4, '0')}+00'00')\n${document.html}|${document.footerText}`,
    );
  }
  async close(): Promise<void> {}
}

/**
 * Takes every message, refusing the addresses in `refused`; `fail` decides a whole send's fate first
 * (before the handover), `failAfter` once the message is handed over.
 */
class FakeMailer implements Mailer {
  sent: MailMessage[] = [];
  constructor(
    private readonly refused: ReadonlySet<string> = new Set(),
    private readonly fail: (message: MailMessage) => Error | null = () => null,
    private readonly failAfter: (message: MailMessage) => Error | null = () => null,
    readonly outbox = false,
  ) {}
  async send(message: MailMessage, beforeHandover?: () => Promise<void>): Promise<MailReceipt> {
    const error = this.fail(message);
    if (error) throw error;
    await beforeHandover?.();
    const after = this.failAfter(message);
    if (after) throw after;
    this.sent.push(message);
    return {
      messageId: `<${this.sent.length}@test>`,
      accepted: message.to.filter((a) => !this.refused.has(a)),
      rejected: message.to.filter((a) => this.refused.has(a)),
    };
  }
  async close(): Promise<void> {}
}

function offices(name = 'Bawaslu Kota Malang'): OfficeResult[] {
  const scored = scoreWorkbook(officeWorkbook());
  return rankProvince([
    { ...scored, code: '3573', name },
    { ...scored, code: '3507', name: 'Bawaslu Kabupaten Malang' },
  ]);
}

const registry: RegistryOffice[] = [
  { code: '3573', name: 'Bawaslu Kota Malang', kind: 'Kota', source: 'a.xlsx', emails: KOTA, ref: 'Satker!A2' },
  { code: '3507', name: 'Bawaslu Kabupaten Malang', kind: 'Kabupaten', source: 'b.xlsx', emails: [], ref: 'Satker!A3' },
];

function runLog(journal = new MemoryLogJournal(), run = 'run-1'): RunLog {
  return new RunLog(journal, run, '2025-10-01 07:00 WIB');
}

async function render(
  renderer: PdfRenderer,
  options: {
    generatedAt?: Date;
    offices?: OfficeResult[];
    onRendered?: (done: number, total: number) => void;
    templates?: DocumentTemplates;
    renderReports?: typeof renderReports;
  } = {},
) {
  const saved: string[] = [];
  const log = runLog();
  const result = await (options.renderReports ?? renderReports)(
    {
      renderer,
      templates: options.templates ?? templates,
      store: { save: async (name) => (saved.push(name), `laporan/${name}`) },
    },
    {
      period,
      generatedAt: options.generatedAt ?? new Date('2025-10-01T00:00:00Z'),
      offices: options.offices ?? offices(),
      previousIndex: new Map(),
      weights,
    },
    log,
    options.onRendered,
  );
  return { ...result, saved, log: log.entries };
}

/** The Log rows a run leaves, read back through the Log schema as the next run reads them. */
function asHistory(entries: readonly LogEntry[]) {
  return historyRows(LOG_HISTORY_ROW, entries.map(logRecord));
}

async function deliver(
  mailer: Mailer,
  reports: readonly RenderedReport[],
  options: {
    history?: readonly LogEntry[];
    resend?: boolean;
    journal?: MemoryLogJournal;
    run?: string;
    feedbackCopies?: FeedbackCopies;
  } = {},
) {
  const log = runLog(options.journal, options.run);
  const outcome = await deliverReports(
    { mailer, resend: options.resend ?? false, templates, feedbackCopies: options.feedbackCopies },
    {
      period,
      offices: offices(),
      registry,
      provinceEmails: PROVINCE,
      reports,
      history: asHistory(options.history ?? []),
    },
    log,
  );
  return { ...outcome, log: log.entries };
}

describe('the Sidik a run logs: what the report says, not how', () => {
  const code = (result: { reports: readonly RenderedReport[] }, c: string) =>
    result.reports.find((r) => r.code === c)?.fingerprint;

  it('is the same on another day, though the PDFs differ (the printing date and "dibuat …" in the HTML)', async () => {
    const monday = await render(new FakeRenderer(), { generatedAt: new Date('2025-10-06T00:00:00Z') });
    const friday = await render(new FakeRenderer(), { generatedAt: new Date('2025-10-10T00:00:00Z') });
    expect(Buffer.compare(monday.reports[0]!.bytes, friday.reports[0]!.bytes)).not.toBe(0);
    expect(code(monday, '3573')).toBe(code(friday, '3573'));
    expect(code(monday, 'rekap')).toBe(code(friday, 'rekap'));
  });

  it('is the same after an upgrade that adds a report section and rewords the templates', async () => {
    const before = await render(new FakeRenderer());
    vi.resetModules();
    vi.doMock('../../functions/core/report/office-report.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../functions/core/report/office-report.js')>();
      return {
        ...real,
        officeReportModel: (...args: Parameters<typeof real.officeReportModel>) => ({
          ...real.officeReportModel(...args),
          newSection: { heading: 'Bagian baru', rows: ['satu', 'dua'] },
        }),
      };
    });
    try {
      const upgraded = await import('../../functions/app/publish-reports.js');
      const reworded: DocumentTemplates = {
        officeReport: (model) => `<h1>Laporan (tata letak baru)</h1><pre>${JSON.stringify(model)}</pre>`,
        provinceReport: (model) => `<h1>Rekap (tata letak baru)</h1><pre>${JSON.stringify(model)}</pre>`,
        jobCard: (model) => `<h1>Kartu (tata letak baru)</h1><pre>${JSON.stringify(model)}</pre>`,
        mail: (model) => `<p>${model.subject}</p>`,
      };
      const after = await render(new FakeRenderer(), { templates: reworded, renderReports: upgraded.renderReports });
      // The new section is in the document; the Sidik of every report stays, so nothing is sent again.
      expect(Buffer.from(after.reports[0]!.bytes).toString()).toContain('Bagian baru');
      for (const c of ['3573', '3507', 'rekap']) expect(code(after, c)).toBe(code(before, c));
    } finally {
      vi.doUnmock('../../functions/core/report/office-report.js');
      vi.resetModules();
    }
  });

  it("changes when the office's data does, and the recap with it", async () => {
    const before = await render(new FakeRenderer());
    const renamed = await render(new FakeRenderer(), { offices: offices('Bawaslu Kota Malang (baru)') });
    expect(code(renamed, '3573')).not.toBe(code(before, '3573'));
    expect(code(renamed, '3507')).toBe(code(before, '3507'));
    expect(code(renamed, 'rekap')).not.toBe(code(before, 'rekap'));
  });
});

describe('withoutAddresses', () => {
  it('removes e-mail addresses from transport errors before they are logged', () => {
    expect(withoutAddresses('550 5.1.1 <kepala@bawaslu.go.id>: Recipient address rejected')).toBe(
      '550 5.1.1 <<alamat>>: Recipient address rejected',
    );
  });
});

describe('renderReports', () => {
  it('renders one report per office and the recap, counts them as they finish, and a failure leaves the others', async () => {
    const counted: string[] = [];
    const result = await render(new FakeRenderer(new Set(['3507-2025-TW3.pdf'])), {
      onRendered: (done, total) => counted.push(`${done}/${total}`),
    });
    // Each scored office's kartu jabatan is printed first and stored beside its report, even when the
    // report itself then fails to print.
    expect(result.saved.sort()).toEqual([
      '3573-2025-TW3.pdf',
      'kartu-jabatan-3507-2025-TW3.pdf',
      'kartu-jabatan-3573-2025-TW3.pdf',
      'rekap-2025-TW3.pdf',
    ]);
    expect(result.renderFailures).toEqual([{ code: '3507', reason: 'Dokumen 3507-2025-TW3.pdf gagal dicetak' }]);
    expect(counted).toEqual(['1/3', '2/3', '3/3']);
    expect(result.log.find((entry) => entry.code === '3507')?.result).toMatch(/^gagal/);
    expect(result.log.filter((entry) => entry.action === 'laporan')).toHaveLength(3);
  });
});

describe('deliverReports', () => {
  it('sends each report with its PDF to the office, the recap to the province, and skips offices without addresses', async () => {
    const { reports } = await render(new FakeRenderer());
    const mailer = new FakeMailer();
    const outcome = await deliver(mailer, reports);
    expect(outcome).toMatchObject({ sent: 2, unchanged: 0, failedSends: 0, uncertain: [], noRecipients: ['3507'] });
    expect(mailer.sent.map((m) => m.to)).toEqual([KOTA, PROVINCE]);
    expect(mailer.sent[0]?.subject).toMatch(/Triwulan III 2025 — Bawaslu Kota Malang: indeks/);
    // Attachments are named for the reader (whose, which period); the files keep their names on disk.
    expect(mailer.sent[0]?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Laporan Monev - Bawaslu Kota Malang - 2025-TW3.pdf', 'application/pdf'],
      ['Kartu Jabatan - Bawaslu Kota Malang - 2025-TW3.pdf', 'application/pdf'],
    ]);
    // The recap goes alone.
    expect(mailer.sent[1]?.attachments.map((a) => a.filename)).toEqual(['Rekap Monev Provinsi - 2025-TW3.pdf']);
    expect(mailer.sent[0]?.reference).toBe(`3573 2025-TW3 ${reports.find((r) => r.code === '3573')?.fingerprint}`);
    const kota = outcome.log.find((entry) => entry.code === '3573');
    expect(kota).toMatchObject({ status: 'terkirim', recipients: KOTA.map(addressKey) });
    expect(outcome.log.find((entry) => entry.code === '3507')?.status).toBe('tanpa-alamat');
  });

  describe('Hasil Validasi in the office e-mail', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    /** The file the local sink writes, checked at `time`: the title block says "Diperiksa …". */
    const fileAt =
      (time: string): FeedbackCopies =>
      async ({ code }) => {
        const office = offices().find((o) => o.code === code)!;
        return {
          kind: 'file',
          bytes: await feedbackWorkbook(code, feedback(office, { period, checkedAt: new Date(time) })),
        };
      };

    it('is attached locally under a name that says whose it is, and the mail says where the list is', async () => {
      const { reports } = await render(new FakeRenderer());
      const mailer = new FakeMailer();
      await deliver(mailer, reports, { feedbackCopies: fileAt('2025-10-01T02:41:00Z') });
      const name = 'Hasil Validasi - Bawaslu Kota Malang - 2025-TW3.xlsx';
      expect(mailer.sent[0]?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['Laporan Monev - Bawaslu Kota Malang - 2025-TW3.pdf', 'application/pdf'],
        ['Kartu Jabatan - Bawaslu Kota Malang - 2025-TW3.pdf', 'application/pdf'],
        [name, XLSX],
      ]);
      expect(mailer.sent[0]?.text).toContain(`Daftar seluruh temuan terlampir: berkas ${name} (tab Hasil Validasi).`);
      // The recap carries no office's list.
      expect(mailer.sent[1]?.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    });

    it('is linked in live mode, and the link is the tab', async () => {
      const { reports } = await render(new FakeRenderer());
      const mailer = new FakeMailer();
      const url = 'https://docs.google.com/spreadsheets/d/abcdefghijkl/edit#gid=1733617001';
      await deliver(mailer, reports, { feedbackCopies: async () => ({ kind: 'link', url }) });
      expect(mailer.sent[0]?.attachments).toHaveLength(2);
      expect(mailer.sent[0]?.text).toContain(`Tab Hasil Validasi: ${url}`);
      expect(mailer.sent[0]?.text).toContain('Daftar seluruh temuan ada di tab Hasil Validasi');
    });

    it('is promised nowhere when the office has none (an unreadable spreadsheet gets no tab)', async () => {
      const { reports } = await render(new FakeRenderer());
      const mailer = new FakeMailer();
      const asked: boolean[] = [];
      await deliver(mailer, reports, {
        feedbackCopies: async ({ unreadable }) => (asked.push(unreadable), null),
      });
      expect(asked).toEqual([false]);
      expect(mailer.sent[0]?.attachments).toHaveLength(2);
      expect(mailer.sent[0]?.text).not.toContain('Hasil Validasi');
    });

    it('a later check time changes the file but not the Sidik: the report is not sent again', async () => {
      const morning = fileAt('2025-10-01T02:41:00Z');
      const evening = fileAt('2025-10-01T12:05:00Z');
      const bytes = async (copies: FeedbackCopies) => {
        const copy = await copies({ code: '3573', source: 'a.xlsx', unreadable: false });
        return copy?.kind === 'file' ? Buffer.from(copy.bytes) : Buffer.alloc(0);
      };
      expect((await bytes(morning)).equals(await bytes(evening))).toBe(false);

      const first = await render(new FakeRenderer());
      const sent = await deliver(new FakeMailer(), first.reports, { feedbackCopies: morning });
      const second = await render(new FakeRenderer());
      expect(second.reports.map((r) => r.fingerprint)).toEqual(first.reports.map((r) => r.fingerprint));
      const mailer = new FakeMailer();
      expect(await deliver(mailer, second.reports, { history: sent.log, feedbackCopies: evening })).toMatchObject({
        sent: 0,
        unchanged: 2,
      });
      expect(mailer.sent).toEqual([]);
    });
  });

  it('does not send an unchanged report again, unless asked to; a changed one goes out', async () => {
    const first = await render(new FakeRenderer());
    const sent = await deliver(new FakeMailer(), first.reports);

    const second = await render(new FakeRenderer());
    const mailer = new FakeMailer();
    expect(await deliver(mailer, second.reports, { history: sent.log })).toMatchObject({ sent: 0, unchanged: 2 });
    expect(await deliver(mailer, second.reports, { history: sent.log, resend: true })).toMatchObject({
      sent: 2,
      unchanged: 0,
    });

    const changed = await render(new FakeRenderer(), { offices: offices('Bawaslu Kota Malang (baru)') });
    const third = new FakeMailer();
    // The recap names the office too, so both reports changed.
    expect(await deliver(third, changed.reports, { history: sent.log })).toMatchObject({ sent: 2, unchanged: 0 });
  });

  it('a partly refused send is delivered to the others, and only the refused address is tried on the next run', async () => {
    const { reports } = await render(new FakeRenderer());
    const refusing = new FakeMailer(new Set([KOTA[1]!]));
    const first = await deliver(refusing, reports);
    expect(first).toMatchObject({ sent: 2, failedSends: 1 });
    const kota = first.log.find((entry) => entry.code === '3573');
    expect(kota).toMatchObject({ status: 'sebagian', recipients: [addressKey(KOTA[0]!)] });
    expect(kota?.result).toBe('terkirim ke 1 alamat; 1 alamat ditolak, dicoba lagi pada run berikutnya');

    const next = new FakeMailer();
    const second = await deliver(next, reports, { history: first.log, run: 'run-2' });
    expect(second).toMatchObject({ sent: 1, unchanged: 1, failedSends: 0 });
    expect(next.sent.map((m) => m.to)).toEqual([[KOTA[1]]]);
    expect(second.log.find((entry) => entry.code === '3573')?.result).toBe(
      'terkirim ke 1 alamat yang belum menerimanya',
    );

    const third = new FakeMailer();
    expect(await deliver(third, reports, { history: [...first.log, ...second.log] })).toMatchObject({
      sent: 0,
      unchanged: 2,
    });
  });

  it('a new address in Satker gets a report the others already have, and only it', async () => {
    const { reports } = await render(new FakeRenderer());
    const earlier = await deliver(new FakeMailer(), reports);
    const onlyFirst = earlier.log.map((entry) =>
      entry.code === '3573' ? { ...entry, recipients: [addressKey(KOTA[0]!)] } : entry,
    );
    const mailer = new FakeMailer();
    await deliver(mailer, reports, { history: onlyFirst });
    expect(mailer.sent.map((m) => m.to)).toEqual([[KOTA[1]]]);
  });

  it('logs a failed send without the address, counts it, goes on with the others, and retries it next time', async () => {
    const { reports } = await render(new FakeRenderer());
    const mailer = new FakeMailer(new Set(), (m) =>
      m.to.includes(KOTA[0]!) ? new Error(`550 <${KOTA[0]}> ditolak`) : null,
    );
    const outcome = await deliver(mailer, reports);
    expect(outcome).toMatchObject({ sent: 1, failedSends: 1 });
    const failure = outcome.log.find((entry) => entry.code === '3573');
    expect(failure).toMatchObject({ status: 'gagal', result: 'gagal: 550 <<alamat>> ditolak' });
    expect(JSON.stringify(outcome.log)).not.toContain('@example.go.id');

    const next = new FakeMailer();
    await deliver(next, reports, { history: outcome.log });
    expect(next.sent.map((m) => m.to)).toEqual([KOTA]);
  });

  it('a send whose outcome is unknown is recorded as such and never repeated on its own', async () => {
    const { reports } = await render(new FakeRenderer());
    const silent = new FakeMailer(
      new Set(),
      () => null,
      (m) => (m.to.includes(KOTA[0]!) ? Object.assign(new Error('Timeout'), { delivery: 'unknown' }) : null),
    );
    const first = await deliver(silent, reports);
    expect(first).toMatchObject({ sent: 1, failedSends: 0, uncertain: ['3573'] });
    expect(first.log.find((entry) => entry.code === '3573')).toMatchObject({
      status: 'tidak-pasti',
      recipients: KOTA.map(addressKey),
    });

    // Every later run lists it again (exit 1) without sending it, until --resend or a confirmed delivery.
    const next = new FakeMailer();
    expect(await deliver(next, reports, { history: first.log })).toMatchObject({
      sent: 0,
      unchanged: 2,
      uncertain: ['3573'],
    });
    const forced = await deliver(next, reports, { history: first.log, resend: true });
    expect(forced).toMatchObject({ sent: 2, uncertain: [] });
    expect(await deliver(next, reports, { history: [...first.log, ...forced.log] })).toMatchObject({
      sent: 0,
      uncertain: [],
    });
  });

  it('journals each send at its handover, so a run that stops after it leaves the send as unknown', async () => {
    const { reports, log: reportRows } = await render(new FakeRenderer());
    const journal = new MemoryLogJournal();
    // The run's own laporan rows come first in its journal, with the same run, code, period and Sidik as its sends.
    await journal.record(reportRows);
    const seen: (string | undefined)[] = [];
    const watching = new FakeMailer(new Set(), () => {
      seen.push(journal.entries.at(-1)?.status);
      return null;
    });
    await deliver(watching, reports, { journal, run: 'run-1' });
    // Nothing of a send is journalled when the mailer starts on it (the last rows are a laporan row and
    // 3507's tanpa-alamat): the handover writes the intent.
    expect(seen).toEqual([undefined, 'tanpa-alamat']);
    const intents = journal.entries.filter((entry) => entry.status === 'mengirim').map((entry) => entry.code);
    expect(intents).toEqual(['3573', 'rekap']);

    // monev is killed after the province's message was handed over and before its outcome was journalled.
    const cut = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.code === 'rekap' && e.action === 'kirim') + 1,
    );
    const stopped = new MemoryLogJournal();
    await stopped.record(cut);
    const recovered = await stopped.unsettled();
    expect(recovered.filter((entry) => entry.action === 'kirim').map((entry) => [entry.code, entry.status])).toEqual([
      ['3573', 'terkirim'],
      ['3507', 'tanpa-alamat'],
      ['rekap', 'tidak-pasti'],
    ]);
    expect(recovered.find((entry) => entry.code === 'rekap' && entry.action === 'kirim')).toMatchObject({
      recipients: PROVINCE.map(addressKey),
      result: expect.stringMatching(/^tidak pasti: monev berhenti/),
    });
    const next = new FakeMailer();
    expect(await deliver(next, reports, { history: recovered, run: 'run-2' })).toMatchObject({
      sent: 0,
      unchanged: 2,
      uncertain: ['rekap'],
    });
  });

  it('a send stopped before its handover left no intent: the next run sends it, once', async () => {
    const { reports, log: reportRows } = await render(new FakeRenderer());
    const journal = new MemoryLogJournal();
    await journal.record(reportRows);
    // monev is killed while the province's message is on its way, before the handover (before SMTP's final dot).
    const dying = new FakeMailer(new Set(), (m) => (m.to.includes(PROVINCE[0]!) ? new Error('SIGKILL') : null));
    await deliver(dying, reports, { journal, run: 'run-1' });
    const cut = journal.entries.filter((entry) => !(entry.code === 'rekap' && entry.action === 'kirim'));
    const stopped = new MemoryLogJournal();
    await stopped.record(cut);
    const recovered = await stopped.unsettled();
    expect(recovered.some((entry) => entry.status === 'tidak-pasti')).toBe(false);

    const next = new FakeMailer();
    expect(await deliver(next, reports, { history: recovered, run: 'run-2' })).toMatchObject({
      sent: 1,
      unchanged: 1,
      uncertain: [],
    });
    expect(next.sent.map((m) => m.to)).toEqual([PROVINCE]);
  });

  it('a journal that cannot take the intent holds the message back and stops the delivery', async () => {
    const { reports } = await render(new FakeRenderer());
    const full: LogJournal = {
      unsettled: async () => [],
      record: async (entries) => {
        if (entries.some((entry) => entry.status === 'mengirim')) throw new Error('ENOSPC: jurnal-log.jsonl');
      },
      settle: async () => {},
    };
    const mailer = new FakeMailer();
    await expect(
      deliverReports(
        { mailer, resend: false, templates },
        { period, offices: offices(), registry, provinceEmails: PROVINCE, reports, history: [] },
        new RunLog(full, 'run-1', 't'),
      ),
    ).rejects.toThrow('ENOSPC');
    expect(mailer.sent).toEqual([]);
  });

  it('the outbox says what it did: written, not sent; a real transport still sends what the outbox holds', async () => {
    const { reports } = await render(new FakeRenderer());
    const outbox = new FakeMailer(
      new Set(),
      () => null,
      () => null,
      true,
    );
    const written = await deliver(outbox, reports);
    expect(written).toMatchObject({ sent: 2, unchanged: 0 });
    expect(written.log.find((entry) => entry.code === '3573' && entry.action === 'kirim')).toMatchObject({
      status: 'ditulis ke outbox (belum dikirim)',
      result: expect.stringMatching(/^ditulis ke outbox untuk 2 alamat; belum dikirim/),
      recipients: KOTA.map(addressKey),
    });
    // Read back from the Log, the outbox's rows keep the outbox from writing the same reports again...
    expect(
      await deliver(
        new FakeMailer(
          new Set(),
          () => null,
          () => null,
          true,
        ),
        reports,
        { history: written.log },
      ),
    ).toMatchObject({
      sent: 0,
      unchanged: 2,
    });
    // ...and do not stop a transport that delivers.
    const smtp = new FakeMailer();
    expect(await deliver(smtp, reports, { history: written.log })).toMatchObject({ sent: 2, unchanged: 0 });
  });
});
