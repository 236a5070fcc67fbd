import { link, rm, writeFile } from 'node:fs/promises';
import { makeFolder } from '../fs/make-folder.js';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { MailMessage, MailReceipt, Mailer } from '../../ports.js';
import { mailMessage } from '../../core/messages/mail.js';
import { MailSendError } from './mail-error.js';
import { buildMime, newMessageId } from './mime.js';

export interface OutboxMailerOptions {
  /** Folder the `.eml` files go to; created when missing. */
  directory: string;
  /** The From header of every message. */
  from: string;
}

/**
 * "Sends" mail by writing each message as an `.eml` file, for a dry run or for an operator who sends
 * the reports by hand: any mail program opens these files, attachments included.
 */
export class OutboxMailer implements Mailer {
  private sequence = 0;

  constructor(private readonly options: OutboxMailerOptions) {}

  async send(message: MailMessage): Promise<MailReceipt> {
    const messageId = newMessageId(this.options.from);
    const raw = await buildMime(message, { from: this.options.from, messageId });
    const base = `${String(++this.sequence).padStart(3, '0')}-${slugify(message.subject)}`;
    try {
      await writeAtomically(this.options.directory, base, raw);
    } catch (cause) {
      const full = ['ENOSPC', 'EDQUOT'].includes((cause as NodeJS.ErrnoException).code ?? '');
      const where = { subject: message.subject, directory: this.options.directory };
      throw new MailSendError(
        'write-failed',
        full
          ? mailMessage('outbox-disk-full', where)
          : mailMessage('outbox-write-failed', { ...where, reason: describe(cause) }),
        { cause },
      );
    }
    return { messageId, accepted: [...message.to], rejected: [] };
  }

  async close(): Promise<void> {
    // Nothing is held open between messages.
  }
}

const _portCheck: new (options: OutboxMailerOptions) => Mailer = OutboxMailer;
void _portCheck;

/**
 * Writes a hidden temp file in the target folder, then hard-links it under its final name. Unlike a
 * rename, a link never replaces an existing file, so an outbox left from an earlier run keeps its mail
 * and the new message gets a "-2" suffix; a reader never sees a half-written `.eml`.
 */
async function writeAtomically(directory: string, base: string, bytes: Buffer): Promise<string> {
  await makeFolder(directory);
  const temp = join(directory, `.${base}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    for (let attempt = 1; ; attempt++) {
      const target = join(directory, attempt === 1 ? `${base}.eml` : `${base}-${attempt}.eml`);
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        if (!isAlreadyThere(error) || attempt >= 1000) throw error;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}

function isAlreadyThere(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

/** A file-name-safe, readable form of a subject: "Laporan Monev – Kab. Malang (TW3)" → "laporan-monev-kab-malang-tw3". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'surat' : slug;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
