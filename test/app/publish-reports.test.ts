import { describe, expect, it } from 'vitest';
import {
  deliverReports,
  fingerprint,
  renderReports,
  withoutAddresses,
  type RenderedReport,
} from '../../functions/app/publish-reports.js';
import { parsePeriod } from '../../functions/core/period.js';
import type { RegistryOffice } from '../../functions/core/rekap-reader.js';
import { rankProvince, type OfficeResult } from '../../functions/core/scoring/office.js';
import { logRecord } from '../../functions/core/summary-rows.js';
import type { DocumentTemplates, MailMessage, Mailer, PdfDocument, PdfRenderer } from '../../functions/ports.js';
import { officeWorkbook, scoreWorkbook } from '../helpers/workbook.js';

const period = parsePeriod('2025-TW3')!;
const weights = { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 };

const templates: DocumentTemplates = {
  officeReport: (model) => `<p>${model.office.code}</p>`,
  provinceReport: (model) => `<p>rekap ${model.counts.total}</p>`,
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

class FakeMailer implements Mailer {
  sent: MailMessage[] = [];
  constructor(private readonly refuse: (message: MailMessage) => Error | null = () => null) {}
  async send(message: MailMessage) {
    const error = this.refuse(message);
    if (error) throw error;
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@test>`, accepted: message.to, rejected: [] };
  }
  async close(): Promise<void> {}
}

function offices(): OfficeResult[] {
  const scored = scoreWorkbook(officeWorkbook());
  return rankProvince([
    { ...scored, code: '3573', name: 'Bawaslu Kota Malang' },
    { ...scored, code: '3507', name: 'Bawaslu Kabupaten Malang' },
  ]);
}

const registry: RegistryOffice[] = [
  {
    code: '3573',
    name: 'Bawaslu Kota Malang',
    kind: 'Kota',
    source: 'a.xlsx',
    emails: ['malang-kota@example.go.id'],
    ref: 'Satker!A2',
  },
  { code: '3507', name: 'Bawaslu Kabupaten Malang', kind: 'Kabupaten', source: 'b.xlsx', emails: [], ref: 'Satker!A3' },
];

async function render(renderer: PdfRenderer) {
  const saved: string[] = [];
  const result = await renderReports(
    { renderer, templates, store: { save: async (name) => (saved.push(name), `laporan/${name}`) } },
    { period, generatedAt: new Date('2025-10-01T00:00:00Z'), offices: offices(), previousIndex: new Map(), weights },
  );
  return { ...result, saved };
}

describe('fingerprint', () => {
  it('ignores the creation and modification dates Chromium stamps into a PDF', () => {
    const a = Buffer.from("%PDF\n/CreationDate (D:20261128002323+00'00')\n/ModDate (D:20261128002323+00'00')\nisi");
    const b = Buffer.from("%PDF\n/CreationDate (D:20261201101010+00'00')\n/ModDate (D:20261201101010+00'00')\nisi");
    const c = Buffer.from("%PDF\n/CreationDate (D:20261201101010+00'00')\n/ModDate (D:20261201101010+00'00')\nlain");
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
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
  it('renders one report per office and the recap, and a failure leaves the others', async () => {
    const result = await render(new FakeRenderer(new Set(['3507-2025-TW3.pdf'])));
    expect(result.saved.sort()).toEqual(['3573-2025-TW3.pdf', 'rekap-2025-TW3.pdf']);
    expect(result.renderFailures).toEqual([{ code: '3507', reason: 'Dokumen 3507-2025-TW3.pdf gagal dicetak' }]);
    expect(result.log.find((entry) => entry.code === '3507')?.result).toMatch(/^gagal/);
  });
});

describe('deliverReports', () => {
  async function deliver(
    mailer: Mailer,
    reports: readonly RenderedReport[],
    history = [] as ReturnType<typeof logRecord>[],
    resend = false,
  ) {
    return deliverReports(
      { mailer, resend, templates },
      { period, offices: offices(), registry, provinceEmails: ['prov@example.go.id'], reports, history },
    );
  }

  it('sends each report with its PDF to the office, the recap to the province, and skips offices without addresses', async () => {
    const { reports } = await render(new FakeRenderer());
    const mailer = new FakeMailer();
    const outcome = await deliver(mailer, reports);
    expect(outcome).toMatchObject({ sent: 2, unchanged: 0, failedSends: 0, noRecipients: ['3507'] });
    expect(mailer.sent.map((m) => m.to)).toEqual([['malang-kota@example.go.id'], ['prov@example.go.id']]);
    expect(mailer.sent[0]?.subject).toMatch(/Triwulan III 2025 — Bawaslu Kota Malang: indeks/);
    expect(mailer.sent[0]?.attachments[0]).toMatchObject({
      filename: '3573-2025-TW3.pdf',
      contentType: 'application/pdf',
    });
  });

  it('does not send an unchanged report again, unless asked to', async () => {
    const first = await render(new FakeRenderer());
    const sent = await deliver(new FakeMailer(), first.reports);
    const history = sent.log.map((entry) => logRecord({ ...entry, run: 'run-1', time: 't' }));

    const second = await render(new FakeRenderer());
    const mailer = new FakeMailer();
    expect(await deliver(mailer, second.reports, history)).toMatchObject({ sent: 0, unchanged: 2 });
    expect(await deliver(mailer, second.reports, history, true)).toMatchObject({ sent: 2, unchanged: 0 });
  });

  it('logs a failed send without the address, counts it, and goes on with the others', async () => {
    const { reports } = await render(new FakeRenderer());
    const mailer = new FakeMailer((m) =>
      m.to.includes('malang-kota@example.go.id') ? new Error('550 <malang-kota@example.go.id> ditolak') : null,
    );
    const outcome = await deliver(mailer, reports);
    expect(outcome).toMatchObject({ sent: 1, failedSends: 1 });
    const failure = outcome.log.find((entry) => entry.code === '3573');
    expect(failure?.result).toBe('gagal: 550 <<alamat>> ditolak');
    expect(JSON.stringify(outcome.log)).not.toContain('@example.go.id');
  });
});
