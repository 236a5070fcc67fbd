import { randomUUID } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import type { MailMessage } from '../../ports.js';
import { mailMessage } from '../../core/messages/mail.js';
import { MailSendError } from './mail-error.js';

export interface MimeOptions {
  /** The From header, e.g. `"Monev Bawaslu Jatim" <monev@jatim.bawaslu.go.id>`. */
  from: string;
  /** A ready Message-ID (with angle brackets); a fresh one is made from the sender's domain when absent. */
  messageId?: string;
}

/**
 * The single place that turns a MailMessage into an RFC 822 message: text and HTML as alternatives, the
 * PDFs as attachments. The outbox writes these bytes to disk and the Gmail transport sends them as they
 * are, so every transport delivers the same message. Headers are encoded by nodemailer, so a subject or
 * an address taken from the sheets cannot add headers of its own.
 */
export async function buildMime(message: MailMessage, options: MimeOptions): Promise<Buffer> {
  assertSendable(message);
  // Loaded with the first message: the cloud functions that send none start without nodemailer.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer(mailOptions(message, options));
  return composer.compile().build();
}

export function mailOptions(message: MailMessage, options: MimeOptions): Mail.Options {
  return {
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: options.messageId ?? newMessageId(options.from),
    headers: message.reference === undefined ? undefined : { 'X-Monev-Sidik': message.reference },
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      // A view, not a copy: reports are a few hundred kilobytes each and a run sends forty of them.
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
    })),
  };
}

/** `<uuid@domain>` with the domain of the sender, as RFC 5322 recommends. */
export function newMessageId(from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'monev.invalid';
  return `<${randomUUID()}@${domain}>`;
}

export function assertSendable(message: MailMessage): void {
  if (message.to.length === 0 || message.to.some((address) => address.trim() === '')) {
    throw new MailSendError('invalid-message', mailMessage('no-recipient', { subject: message.subject }));
  }
}
