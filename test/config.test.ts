import { describe, expect, it } from 'vitest';
import { SmtpMailer } from '../functions/adapters/mail/smtp-mailer.js';
import { parseConfig } from '../functions/config.js';
import { mailMessage } from '../functions/core/messages/mail.js';
import { ConfigError } from '../functions/shared/config-error.js';

const FROM = 'monev Bawaslu Jawa Timur <monev@jatim.bawaslu.go.id>';

/**
 * The mail settings are checked once, when the environment is parsed, with the mail catalogue's words;
 * the SMTP adapter reads a URL with the same function and refuses a wrong one in the same words.
 */
describe('parseConfig: mail settings', () => {
  it.each([
    { name: 'the outbox by default', env: {}, mail: { transport: 'outbox', from: FROM } },
    {
      name: 'SMTP with its server',
      env: { MONEV_MAIL_TRANSPORT: 'smtp', MONEV_SMTP_URL: 'smtps://u:p@mail.contoh.go.id' },
      mail: { transport: 'smtp', smtpUrl: 'smtps://u:p@mail.contoh.go.id', from: FROM },
    },
    {
      name: 'Gmail, an SMTP URL left over being no concern of it',
      env: { MONEV_MAIL_TRANSPORT: 'gmail', MONEV_SMTP_URL: 'smtp://mail.contoh.go.id' },
      mail: { transport: 'gmail', from: FROM },
    },
  ])('$name', ({ env, mail }) => {
    expect(parseConfig(env).mail).toEqual(mail);
  });

  it.each([
    {
      name: 'SMTP without a server',
      env: { MONEV_MAIL_TRANSPORT: 'smtp' },
      hint: 'MONEV_MAIL_TRANSPORT=smtp memerlukan MONEV_SMTP_URL, misalnya smtp://user:sandi@smtp.example.go.id:587',
    },
    {
      name: 'a URL of another scheme',
      env: { MONEV_SMTP_URL: 'https://mail.contoh.go.id' },
      hint: 'URL SMTP tidak valid (skema "https:" tidak dikenal); tulis seperti smtp://pengguna:sandi@smtp.contoh.go.id:587 atau smtps://…:465.',
    },
    {
      name: 'a URL without a server',
      env: { MONEV_MAIL_TRANSPORT: 'smtp', MONEV_SMTP_URL: 'smtp://' },
      hint: 'URL SMTP tidak valid (nama server kosong); tulis seperti smtp://pengguna:sandi@smtp.contoh.go.id:587 atau smtps://…:465.',
    },
  ])('refuses $name, naming the variable', ({ env, hint }) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(`Konfigurasi lingkungan tidak sah:\nMONEV_SMTP_URL: ${hint}`);
  });

  it('words a wrong URL as the SMTP adapter does', () => {
    const url = 'https://mail.contoh.go.id';
    const words = mailMessage('invalid-smtp-url', { problem: 'unknown-scheme', scheme: 'https:' });
    expect(() => new SmtpMailer({ url, from: FROM })).toThrow(words);
    expect(() => parseConfig({ MONEV_SMTP_URL: url })).toThrow(`MONEV_SMTP_URL: ${words}`);
  });
});

describe('parseConfig: change debounce (MONEV_CHANGE_WINDOW_S, MONEV_CHANGE_SETTLE_S)', () => {
  it.each([
    { name: 'unset: left to the caller', env: {}, changes: { windowMs: undefined, settleMs: undefined } },
    {
      name: 'seconds become milliseconds',
      env: { MONEV_CHANGE_WINDOW_S: '30', MONEV_CHANGE_SETTLE_S: '2.5' },
      changes: { windowMs: 30_000, settleMs: 2_500 },
    },
    { name: 'a settle of 0 is allowed', env: { MONEV_CHANGE_SETTLE_S: '0' }, changes: { settleMs: 0 } },
  ])('$name', ({ env, changes }) => {
    expect(parseConfig(env).changes).toMatchObject(changes);
  });

  it.each([{ MONEV_CHANGE_WINDOW_S: '0' }, { MONEV_CHANGE_WINDOW_S: 'satu menit' }, { MONEV_CHANGE_SETTLE_S: '-1' }])(
    'refuses %o, naming the setting',
    (env) => {
      expect(() => parseConfig(env)).toThrow(ConfigError);
      expect(() => parseConfig(env)).toThrow(Object.keys(env)[0]);
    },
  );
});
