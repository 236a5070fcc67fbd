import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMime } from '../../../functions/adapters/mail/mime.js';
import { OutboxMailer, slugify } from '../../../functions/adapters/mail/outbox-mailer.js';
import type { MailMessage } from '../../../functions/ports.js';

const FROM = '"Monev Bawaslu Jatim" <monev@jatim.bawaslu.go.id>';
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% lampiran uji\n%%EOF\n'));

function message(subject: string, to = ['ketua@malangkota.bawaslu.go.id']): MailMessage {
  return {
    to,
    subject,
    text: 'Terlampir laporan monev.',
    html: '<p>Terlampir laporan <i>monev</i>.</p>',
    attachments: [{ filename: 'laporan.pdf', content: PDF, contentType: 'application/pdf' }],
  };
}

describe('OutboxMailer', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'monev-outbox-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes each message as a parseable .eml with its attachment', async () => {
    const outbox = new OutboxMailer({ directory: join(directory, 'keluar'), from: FROM });
    const receipt = await outbox.send(
      message('Laporan Monev – Kab. Malang (TW3)', ['a@contoh.go.id', 'b@contoh.go.id']),
    );
    await outbox.send(message('Laporan Monev – Kab. Malang (TW3)'));
    await outbox.close();

    expect(receipt.accepted).toEqual(['a@contoh.go.id', 'b@contoh.go.id']);
    expect(receipt.rejected).toEqual([]);
    const files = (await readdir(join(directory, 'keluar'))).sort();
    expect(files).toEqual(['001-laporan-monev-kab-malang-tw3.eml', '002-laporan-monev-kab-malang-tw3.eml']);

    const mail = await simpleParser(await readFile(join(directory, 'keluar', files[0]!)));
    expect(mail.messageId).toBe(receipt.messageId);
    expect(mail.subject).toBe('Laporan Monev – Kab. Malang (TW3)');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []).toEqual([
      'a@contoh.go.id',
      'b@contoh.go.id',
    ]);
    expect(mail.text?.trim()).toBe('Terlampir laporan monev.');
    expect(mail.html).toContain('<i>monev</i>');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['laporan.pdf']);
    expect(new Uint8Array(mail.attachments[0]!.content)).toEqual(PDF);
  });

  it('says it only writes, and hands a message over as its file takes its name, not before beforeHandover resolved', async () => {
    const outbox = new OutboxMailer({ directory, from: FROM });
    expect(outbox.outbox).toBe(true);
    const named = async () => (await readdir(directory)).filter((name) => name.endsWith('.eml'));
    const seen: string[][] = [];
    await outbox.send(message('Laporan satu'), async () => {
      seen.push(await named());
    });
    expect(seen).toEqual([[]]);
    expect(await named()).toEqual(['001-laporan-satu.eml']);

    const full = new Error('ENOSPC: jurnal-log.jsonl');
    await expect(outbox.send(message('Laporan dua'), () => Promise.reject(full))).rejects.toBe(full);
    // Neither the message nor its temp file is left behind.
    expect(await readdir(directory)).toEqual(['001-laporan-satu.eml']);
  });

  it('never overwrites a file left by an earlier run and leaves no temp files', async () => {
    await writeFile(join(directory, '001-laporan.eml'), 'lama');
    const outbox = new OutboxMailer({ directory, from: FROM });
    await outbox.send(message('Laporan'));

    expect((await readdir(directory)).sort()).toEqual(['001-laporan-2.eml', '001-laporan.eml']);
    expect(await readFile(join(directory, '001-laporan.eml'), 'utf8')).toBe('lama');
  });

  it('keeps a subject from the sheets from adding headers', async () => {
    const outbox = new OutboxMailer({ directory, from: FROM });
    await outbox.send(message('Laporan\r\nBcc: penyusup@contoh.com'));
    const [file] = await readdir(directory);
    const mail = await simpleParser(await readFile(join(directory, file!)));
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
  });

  it('refuses a message without recipients', async () => {
    const outbox = new OutboxMailer({ directory, from: FROM });
    await expect(outbox.send(message('Laporan', []))).rejects.toThrow(
      'Surat "Laporan" tidak punya alamat penerima yang terisi; isi alamat surel kantor di lembar data.',
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it('says which folder to check when it cannot write', async () => {
    const blocker = join(directory, 'berkas');
    await writeFile(blocker, 'bukan folder');
    const outbox = new OutboxMailer({ directory: join(blocker, 'keluar'), from: FROM });
    await expect(outbox.send(message('Laporan'))).rejects.toThrow(
      `Surat "Laporan" tidak bisa disimpan di folder "${join(blocker, 'keluar')}"`,
    );
  });
});

describe('buildMime', () => {
  it('builds the same MIME the transports send, with the given Message-ID', async () => {
    const raw = await buildMime(message('Uji'), { from: FROM, messageId: '<uji-1@jatim.bawaslu.go.id>' });
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe('<uji-1@jatim.bawaslu.go.id>');
    expect(mail.attachments).toHaveLength(1);
    expect(raw.toString('latin1')).toMatch(/^Content-Type: multipart\/mixed/m);
  });
});

describe('slugify', () => {
  it.each([
    { input: 'Laporan Monev – Kab. Malang (TW3)', expected: 'laporan-monev-kab-malang-tw3' },
    { input: 'Rékap Évaluasi', expected: 'rekap-evaluasi' },
    { input: '../../etc/passwd', expected: 'etc-passwd' },
    { input: '!!!', expected: 'surat' },
    { input: 'a'.repeat(100), expected: 'a'.repeat(80) },
  ])('$input → $expected', ({ input, expected }) => {
    expect(slugify(input)).toBe(expected);
  });
});
