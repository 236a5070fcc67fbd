import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type RunArgs } from '../../functions/commands/run.js';
import { jobCardAttachmentName, officeReportAttachmentName } from '../../functions/core/report/attachment-names.js';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../adapters/mail/smtp-test-server.js';
import { captureIo, loadWorkbook, sheetTable, valueOf, type CliRun, registryEmails } from './support.js';

/**
 * Delivery over real SMTP (an in-process smtp-server on loopback): each office gets its report once,
 * a repeated run sends nothing, and a refused recipient fails only that recipient, is logged without
 * the address, makes the run exit non-zero, and is retried alone on the next run.
 */

const PERIOD = '2025-TW3';
const PROVINCE_EMAIL = 'monev.jatim@example.go.id';
/** Two offices with one address and two with two; none has errors in the sample. */
const OFFICES = ['3573', '3507', '3578', '3505'];
/** One of Surabaya's two addresses, and Kabupaten Malang's only one. */
const REFUSED = ['sekretariat.kota-surabaya@example.go.id', 'bawaslu.kab-malang@example.go.id'];

let root: string;
let data: string;
let emailsByCode: Map<string, string[]>;
const servers: TestSmtpServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-e2e-smtp-'));
  data = join(root, 'data');
  const province = await generateSampleProvince({ outDir: data });
  emailsByCode = await registryEmails(province.rekapPath);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await rm(root, { recursive: true, force: true });
});

async function smtpServer(rejectRecipients: string[] = []): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer({ rejectRecipients });
  servers.push(server);
  return server;
}

async function runOverSmtp(server: TestSmtpServer, out: string): Promise<CliRun> {
  const captured = captureIo();
  const args: RunArgs = { data, out, offices: OFFICES, pdf: true, email: true, resend: false };
  const env = {
    ...process.env,
    MONEV_MAIL_TRANSPORT: 'smtp',
    MONEV_SMTP_URL: `smtp://127.0.0.1:${server.port}?ignoreTLS=true`,
  };
  const code = await runCommand(args, captured.io, env);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** The mails by office code ("rekap" for the recap), from the header that carries the report's key. */
function byOffice(received: readonly ReceivedMail[]): Map<string, ReceivedMail> {
  return new Map(
    received.map((item) => [String(item.mail.headers.get('x-monev-sidik') ?? '?').split(' ')[0] ?? '?', item]),
  );
}

describe('monev run delivering by SMTP', () => {
  it(
    'sends every selected office its PDF once, and the recap to the province; a second run sends nothing',
    { timeout: 120_000 },
    async () => {
      const server = await smtpServer();
      const out = join(root, 'out-ok');
      const run = await runOverSmtp(server, out);
      expect(run.stderr).not.toContain('Kesalahan internal');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/E-mail [^:]*: 5 terkirim, 0 tidak dikirim ulang .*, 0 gagal\./);

      expect(server.received).toHaveLength(OFFICES.length + 1);
      const mails = byOffice(server.received);
      const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
        offices: { code: string; name: string }[];
      };
      const names = new Map(results.offices.map((o) => [o.code, o.name]));
      for (const code of OFFICES) {
        const item = mails.get(code);
        expect(item, code).toBeDefined();
        // The report, then the office's kartu jabatan, then its Hasil Validasi, named for the reader (whose, which period).
        const name = names.get(code) ?? '?';
        expect(item?.mail.attachments.map((a) => a.filename)).toEqual([
          officeReportAttachmentName(name, { id: PERIOD }),
          jobCardAttachmentName(name, { id: PERIOD }),
          expect.stringMatching(new RegExp(`^Hasil Validasi - Bawaslu .+ - ${PERIOD}\\.xlsx$`)),
        ]);
        expect(item?.mail.attachments[0]?.contentType).toBe('application/pdf');
        expect(
          Buffer.compare(
            item?.mail.attachments[0]?.content ?? Buffer.alloc(0),
            await readFile(join(out, 'laporan', `${code}-${PERIOD}.pdf`)),
          ),
          code,
        ).toBe(0);
        expect([...(item?.recipients ?? [])].sort()).toEqual([...(emailsByCode.get(code) ?? [])].sort());
      }
      expect(mails.get('rekap')?.recipients).toEqual([PROVINCE_EMAIL]);

      const again = await runOverSmtp(server, out);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/E-mail [^:]*: 0 terkirim, 5 tidak dikirim ulang/);
      expect(server.received).toHaveLength(OFFICES.length + 1);
    },
  );

  it(
    'a refused recipient fails alone: the others are delivered, the run exits non-zero, the next run retries only it, the Log has no address',
    { timeout: 120_000 },
    async () => {
      const server = await smtpServer(REFUSED);
      const out = join(root, 'out-refused');
      const run = await runOverSmtp(server, out);
      expect(run.stderr).not.toContain('Kesalahan internal');
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(/, 2 gagal\./);

      const mails = byOffice(server.received);
      // Surabaya's other address still got its report; Kabupaten Malang had no other address.
      expect(mails.get('3578')?.recipients).toEqual(
        (emailsByCode.get('3578') ?? []).filter((a) => !REFUSED.includes(a)),
      );
      expect(mails.has('3507')).toBe(false);
      for (const code of ['3573', '3505'])
        expect(mails.get(code)?.recipients.sort()).toEqual([...(emailsByCode.get(code) ?? [])].sort());
      expect(mails.get('rekap')?.recipients).toEqual([PROVINCE_EMAIL]);
      const delivered = server.received.flatMap((item) => item.recipients);
      for (const address of REFUSED) expect(delivered).not.toContain(address);

      // The next run, the server accepting everyone again: only the refused addresses get the report.
      const accepting = await smtpServer();
      const retry = await runOverSmtp(accepting, out);
      expect(retry.code).toBe(0);
      expect(retry.stdout).toMatch(/E-mail [^:]*: 2 terkirim, 3 tidak dikirim ulang .*, 0 gagal\./);
      expect(accepting.received.map((item) => item.recipients).sort()).toEqual([[REFUSED[1]], [REFUSED[0]]].sort());
      expect([...byOffice(accepting.received).keys()].sort()).toEqual(['3507', '3578']);

      const log = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Log');
      const sends = log.rows.filter((row) => valueOf(row.cell('Aksi')) === 'kirim');
      const result = (code: string) =>
        String(sends.find((row) => String(valueOf(row.cell('Kode'))) === code)?.cell('Hasil').value ?? '');
      const status = (code: string) =>
        sends.filter((row) => String(valueOf(row.cell('Kode'))) === code).map((row) => valueOf(row.cell('Status')));
      expect(result('3578')).toMatch(/1 alamat ditolak/);
      expect(status('3578')).toEqual(['sebagian', 'terkirim']);
      expect(status('3507')).toEqual(['gagal', 'terkirim']);
      expect(status('3573')).toEqual(['terkirim']);
      for (const row of log.rows) {
        for (const header of log.headers.keys()) {
          const text = String(valueOf(row.cell(header)) ?? '');
          expect(text).not.toContain('@');
          expect(text).not.toMatch(/kota-surabaya|kab-malang/);
        }
      }
    },
  );
});
