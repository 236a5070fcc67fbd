import { join } from 'node:path';
import { ConfigError } from '../../app/errors.js';
import { configMessage } from '../../core/messages/config.js';
import type { Config } from '../../config.js';
import type { Mailer } from '../../ports.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** The transport the configuration names: the outbox folder by default, SMTP or the Gmail API in production. */
export function createMailer(config: Config['mail'], outDir: string): Mailer {
  switch (config.transport) {
    case 'outbox':
      return new OutboxMailer({ directory: join(outDir, 'outbox'), from: config.from });
    case 'smtp':
      if (!config.smtpUrl) throw new ConfigError(configMessage('smtp-needs-url'));
      return new SmtpMailer({ url: config.smtpUrl, from: config.from });
    case 'gmail':
      throw new ConfigError(configMessage('gmail-needs-google'));
  }
}
