import { join } from 'node:path';
import type { MailConfig } from '../../config.js';
import type { Mailer } from '../../ports.js';
import { GmailMailer } from '../google/gmail-mailer.js';
import type { GoogleServices } from '../google/google-services.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/**
 * Every mail transport, by the configuration's name: the outbox folder by default, SMTP or the Gmail
 * API in production. A new transport is an adapter, a value of MAIL_TRANSPORTS (config.ts) and a case
 * here. `google` gives the Google services Gmail sends through; it is called only when Gmail is chosen.
 */
export function createMailer(config: MailConfig, outDir: string, google: () => GoogleServices): Mailer {
  switch (config.transport) {
    case 'outbox':
      return new OutboxMailer({ directory: join(outDir, 'outbox'), from: config.from });
    case 'smtp':
      return new SmtpMailer({ url: config.smtpUrl, from: config.from });
    case 'gmail':
      return new GmailMailer(google(), config.from);
  }
}
