import { createRequire } from 'node:module';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { MailMessage, MailReceipt, Mailer } from '../../ports.js';
import { mailMessage } from '../../core/messages/mail.js';
import { parseSmtpUrl } from '../../shared/smtp-url.js';
import { MailSendError } from './mail-error.js';
import { assertSendable, mailOptions, newMessageId } from './mime.js';

export interface SmtpMailerOptions {
  /**
   * `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://user:password@host:465`
   * (TLS from the start). Query flags: `ignoreTLS=true` (never upgrade; local test servers) and
   * `requireTLS=true` (refuse to send in clear text).
   */
  url: string;
  /** The From header of every message. */
  from: string;
  /** Connections kept open to the server; a run sends about forty mails. */
  maxConnections?: number;
  /** Longest wait for connecting, the greeting, and each reply. */
  timeoutMs?: number;
}

/** Where the server is, for messages: never the user name or password from the URL. */
interface SmtpEndpoint {
  display: string;
  transport: SMTPPool.Options;
}

/** Sends mail through an SMTP server over a small pool of connections that stays open for a run. */
export class SmtpMailer implements Mailer {
  private readonly endpoint: SmtpEndpoint;
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private closed = false;

  constructor(private readonly options: SmtpMailerOptions) {
    this.endpoint = smtpEndpoint(options.url, options);
    // Required here rather than imported, so that a process that never sends by SMTP does not load it.
    const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');
    this.transporter = nodemailer.createTransport(this.endpoint.transport);
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    assertSendable(message);
    if (this.closed) {
      throw new MailSendError('refused', mailMessage('smtp-closed', { subject: message.subject }));
    }
    const messageId = newMessageId(this.options.from);
    let info: SMTPPool.SentMessageInfo;
    try {
      info = await this.transporter.sendMail(mailOptions(message, { from: this.options.from, messageId }));
    } catch (cause) {
      throw this.explain(cause, message);
    }
    // A server that refuses some recipients still delivers to the others; the caller reports the rest.
    return {
      messageId: info.messageId || messageId,
      accepted: info.accepted.map(addressOf),
      rejected: info.rejected.map(addressOf),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.transporter.close();
  }

  private explain(cause: unknown, message: MailMessage): MailSendError {
    const error =
      cause instanceof Error ? (cause as Error & { code?: string; command?: string; response?: string }) : undefined;
    const code = error?.code ?? '';
    const about = {
      subject: message.subject,
      server: this.endpoint.display,
      technical: [code, error?.message ?? String(cause)].filter(Boolean).join(': '),
    };

    if (mayHaveBeenAccepted(error)) {
      return new MailSendError('uncertain', mailMessage('smtp-uncertain', about), { cause });
    }
    if (code === 'EAUTH' || code === 'ENOAUTH') {
      return new MailSendError('auth-failed', mailMessage('smtp-auth-failed', about), { cause });
    }
    if (['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED'].includes(code)) {
      return new MailSendError('connection-failed', mailMessage('smtp-connection-failed', about), { cause });
    }
    if (code === 'EENVELOPE' && error?.command === 'RCPT TO') {
      return new MailSendError('all-rejected', mailMessage('smtp-all-rejected', { ...about, recipients: message.to }), {
        cause,
      });
    }
    return new MailSendError('refused', mailMessage('smtp-refused', { ...about, from: this.options.from }), { cause });
  }
}

const _portCheck: new (options: SmtpMailerOptions) => Mailer = SmtpMailer;
void _portCheck;

/** The transport's settings for the server of `url` (shared/smtp-url.ts reads it; a wrong URL is refused here too). */
export function smtpEndpoint(
  url: string,
  options: Pick<SmtpMailerOptions, 'maxConnections' | 'timeoutMs'> = {},
): SmtpEndpoint {
  const parsed = parseSmtpUrl(url);
  if (!('address' in parsed)) throw new MailSendError('invalid-config', mailMessage('invalid-smtp-url', parsed));
  const { address } = parsed;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    display: `${address.secure ? 'smtps:' : 'smtp:'}//${address.host}:${address.port}`,
    transport: {
      pool: true,
      host: address.host,
      port: address.port,
      secure: address.secure,
      auth: address.user === '' ? undefined : { user: address.user, pass: address.password },
      ignoreTLS: address.ignoreTls,
      requireTLS: address.requireTls,
      maxConnections: options.maxConnections ?? 2,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    },
  };
}

/**
 * A timeout or a dropped connection in the middle of the conversation: monev cannot tell whether the
 * server had already taken the message (it may time out waiting for the reply to the message itself),
 * so the send counts as unknown. Failing to connect, a refused login, and a server that answers with
 * an error code are certain failures, retried on the next run.
 */
function mayHaveBeenAccepted(error: (Error & { code?: string; timeoutType?: string }) | undefined): boolean {
  if (!error) return false;
  if (error.code === 'ETIMEDOUT') return error.timeoutType === 'SOCKET_TIMEOUT';
  if (error.code === 'ECONNECTION') return /closed unexpectedly|closed the connection/i.test(error.message);
  if (error.code === 'ESOCKET') return /ECONNRESET|EPIPE|socket hang up/i.test(error.message);
  return false;
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === 'string' ? entry : entry.address;
}
