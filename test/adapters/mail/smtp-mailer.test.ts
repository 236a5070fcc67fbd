import { afterEach, describe, expect, it } from 'vitest';
import { MailSendError } from '../../../functions/adapters/mail/mail-error.js';
import { SmtpMailer, smtpEndpoint } from '../../../functions/adapters/mail/smtp-mailer.js';
import type { MailMessage } from '../../../functions/ports.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const FROM = '"Monev Bawaslu Jatim" <monev@jatim.bawaslu.go.id>';
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% laporan palsu untuk uji\n%%EOF\n'));
const BODY_MARKER = 'RAHASIA-ISI-SURAT';

function message(to: string[], subject = 'Laporan Monev Kota Malang TW3'): MailMessage {
  return {
    to,
    subject,
    text: `Yth. Ketua, terlampir laporan. ${BODY_MARKER}`,
    html: `<p>Yth. Ketua, terlampir <b>laporan</b>. ${BODY_MARKER}</p>`,
    attachments: [{ filename: 'laporan-3573.pdf', content: PDF, contentType: 'application/pdf' }],
  };
}

describe('SmtpMailer', () => {
  const open: { close(): Promise<void> }[] = [];
  async function server(options?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
    const started = await startTestSmtpServer(options);
    open.push(started);
    return started;
  }
  function mailer(url: string, timeoutMs = 5_000): SmtpMailer {
    const created = new SmtpMailer({ url, from: FROM, timeoutMs });
    // Mailers close before servers, or the server waits for their pooled connections.
    open.unshift(created);
    return created;
  }
  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
  });

  it('a server that takes the message and goes silent: the outcome is unknown, not a failure to retry', async () => {
    const smtp = await server({ silentAfterData: true });
    const send = mailer(`${smtp.url}?ignoreTLS=true`, 500).send(message(['ketua@malangkota.bawaslu.go.id']));
    await expect(send).rejects.toMatchObject({ code: 'uncertain', delivery: 'unknown' });
    await expect(send).rejects.toThrow(/mungkin sudah diterima/);
    expect(smtp.received).toHaveLength(1);
  });

  it('a server that cannot be reached is a certain failure, retried on the next run', async () => {
    const smtp = await server();
    const url = `${smtp.url}?ignoreTLS=true`;
    await smtp.close();
    await expect(mailer(url, 1_000).send(message(['ketua@malangkota.bawaslu.go.id']))).rejects.toMatchObject({
      code: 'connection-failed',
      delivery: 'failed',
    });
  });

  it('delivers subject, recipients, text, html and the PDF', async () => {
    const smtp = await server();
    const receipt = await mailer(smtp.url).send(
      message(['ketua@malangkota.bawaslu.go.id', 'sekretaris@malangkota.bawaslu.go.id']),
    );

    expect(receipt.accepted).toEqual(['ketua@malangkota.bawaslu.go.id', 'sekretaris@malangkota.bawaslu.go.id']);
    expect(receipt.rejected).toEqual([]);
    expect(receipt.messageId).toMatch(/^<.+@jatim\.bawaslu\.go\.id>$/);

    expect(smtp.received).toHaveLength(1);
    const { mail, recipients } = smtp.received[0]!;
    expect(recipients).toEqual(['ketua@malangkota.bawaslu.go.id', 'sekretaris@malangkota.bawaslu.go.id']);
    expect(mail.subject).toBe('Laporan Monev Kota Malang TW3');
    expect(mail.messageId).toBe(receipt.messageId);
    expect(mail.from?.value[0]?.address).toBe('monev@jatim.bawaslu.go.id');
    expect(mail.text?.trim()).toBe(`Yth. Ketua, terlampir laporan. ${BODY_MARKER}`);
    expect(mail.html).toContain('<b>laporan</b>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('laporan-3573.pdf');
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(new Uint8Array(mail.attachments[0]!.content)).toEqual(PDF);
  });

  it('delivers to the accepted recipients and reports the refused one', async () => {
    const smtp = await server({ rejectRecipients: ['salah@contoh.go.id'] });
    const receipt = await mailer(smtp.url).send(message(['a@contoh.go.id', 'salah@contoh.go.id', 'c@contoh.go.id']));

    expect(receipt.accepted).toEqual(['a@contoh.go.id', 'c@contoh.go.id']);
    expect(receipt.rejected).toEqual(['salah@contoh.go.id']);
    expect(smtp.received.map((r) => r.recipients)).toEqual([['a@contoh.go.id', 'c@contoh.go.id']]);
  });

  it('rejects when every recipient is refused, without the body in the message', async () => {
    const smtp = await server({ rejectRecipients: ['x@contoh.go.id', 'y@contoh.go.id'] });
    const sending = mailer(smtp.url).send(message(['x@contoh.go.id', 'y@contoh.go.id']));

    await expect(sending).rejects.toThrow(MailSendError);
    await expect(sending).rejects.toMatchObject({ code: 'all-rejected' });
    await expect(sending).rejects.toThrow(/menolak semua penerima \(x@contoh\.go\.id, y@contoh\.go\.id\)/);
    await expect(sending).rejects.not.toThrow(BODY_MARKER);
    expect(smtp.received).toHaveLength(0);
  });

  it('names the server, not the password, when the connection fails', async () => {
    const smtp = await server();
    const port = smtp.port;
    await smtp.close();
    const sending = mailer(`smtp://monev:sandi-rahasia@127.0.0.1:${port}`).send(message(['a@contoh.go.id']));

    await expect(sending).rejects.toMatchObject({ code: 'connection-failed' });
    await expect(sending).rejects.toThrow(`tidak bisa terhubung ke server SMTP smtp://127.0.0.1:${port}`);
    await expect(sending).rejects.not.toThrow(/sandi-rahasia|RAHASIA-ISI/);
  });

  it('says to check the credentials when login fails', async () => {
    const smtp = await server({ credentials: { user: 'monev', pass: 'benar' } });
    const sending = mailer(`smtp://monev:sandi-salah@127.0.0.1:${smtp.port}`).send(message(['a@contoh.go.id']));

    await expect(sending).rejects.toMatchObject({ code: 'auth-failed' });
    await expect(sending).rejects.toThrow(/menolak login; periksa nama pengguna dan sandi/);
    await expect(sending).rejects.not.toThrow(/sandi-salah/);

    const receipt = await mailer(`smtp://monev:benar@127.0.0.1:${smtp.port}`).send(message(['a@contoh.go.id']));
    expect(receipt.accepted).toEqual(['a@contoh.go.id']);
  });

  it('sends a run of forty mails over a pool of at most two connections', async () => {
    const smtp = await server();
    const sender = mailer(smtp.url);
    const receipts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sender.send(message([`kantor${i}@contoh.go.id`], `Laporan ${i}`))),
    );

    expect(receipts.every((receipt) => receipt.rejected.length === 0)).toBe(true);
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `Laporan ${i}`).sort(),
    );
    expect(smtp.connections).toBeLessThanOrEqual(2);
  });

  it('can be closed twice and refuses mail afterwards', async () => {
    const smtp = await server();
    const sender = mailer(smtp.url);
    await sender.close();
    await sender.close();
    await expect(sender.send(message(['a@contoh.go.id']))).rejects.toThrow('pengirim SMTP sudah ditutup');
  });
});

describe('smtpEndpoint', () => {
  it.each([
    {
      url: 'smtp://mail.contoh.go.id',
      display: 'smtp://mail.contoh.go.id:587',
      secure: false,
      port: 587,
      auth: undefined,
    },
    {
      url: 'smtps://u%40x:p%2Fw@mail.contoh.go.id',
      display: 'smtps://mail.contoh.go.id:465',
      secure: true,
      port: 465,
      auth: { user: 'u@x', pass: 'p/w' },
    },
    {
      url: 'smtp://127.0.0.1:2525?ignoreTLS=true',
      display: 'smtp://127.0.0.1:2525',
      secure: false,
      port: 2525,
      auth: undefined,
    },
  ])('$url', ({ url, display, secure, port, auth }) => {
    const endpoint = smtpEndpoint(url);
    expect(endpoint.display).toBe(display);
    expect(endpoint.transport).toMatchObject({ pool: true, secure, port });
    expect(endpoint.transport.auth).toEqual(auth);
  });

  it.each([
    { url: 'bukan url', reason: 'alamatnya tidak bisa dibaca' },
    { url: 'https://user:pw@mail.contoh.go.id', reason: 'skema "https:" tidak dikenal' },
    { url: 'smtp://', reason: 'nama server kosong' },
  ])('refuses $url', ({ url, reason }) => {
    expect(() => new SmtpMailer({ url, from: FROM })).toThrow(`URL SMTP tidak valid (${reason})`);
  });
});
