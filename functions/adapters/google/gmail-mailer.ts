import { buildMime } from '../mail/mime.js';
import { mailMessage } from '../../core/messages/mail.js';
import { MailSendError } from '../mail/mail-error.js';
import type { MailMessage, MailReceipt, Mailer } from '../../ports.js';
import { GoogleApiError, surelyNotSent } from './google-api-error.js';
import type { GoogleServices } from './google-services.js';

/**
 * Sends through the Gmail API (`users.messages.send`) the very bytes the outbox would write:
 * buildMime's message, base64url-encoded as `raw`. A service account sends as MONEV_GMAIL_SENDER
 * through domain-wide delegation; Gmail accepts or refuses the message as a whole. The send is never
 * repeated once it may have reached Gmail: a dropped connection or a server error is `uncertain` (the
 * Log's tidak-pasti), at most once, as with SMTP; a quota answer or a refused connection is retried.
 */
export class GmailMailer implements Mailer {
  constructor(
    private readonly services: GoogleServices,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<MailReceipt> {
    const raw = (await buildMime(message, { from: this.from })).toString('base64url');
    try {
      const sent = await this.services.once('Gmail', () =>
        this.services.clients.gmail().users.messages.send({ userId: 'me', requestBody: { raw } }),
      );
      return { messageId: sent.id ?? '', accepted: [...message.to], rejected: [] };
    } catch (error) {
      const subject = message.subject;
      const reason = error instanceof GoogleApiError ? error.reason : String(error);
      if (!surelyNotSent(error)) {
        // Gmail may have sent it before the connection dropped or the server failed: never again by itself.
        throw new MailSendError('uncertain', mailMessage('gmail-uncertain', { subject, reason }), { cause: error });
      }
      // A 403 from Gmail is about sending rights, not about sharing a file.
      if (error instanceof GoogleApiError && (error.code === 'unauthenticated' || error.code === 'not-shared')) {
        throw new MailSendError('auth-failed', mailMessage('gmail-not-permitted', { subject }), { cause: error });
      }
      throw new MailSendError('refused', mailMessage('gmail-refused', { subject, reason }), { cause: error });
    }
  }

  async close(): Promise<void> {}
}
