/** Where an SMTP server is and how to reach it, read from `smtp://user:password@host:587?requireTLS=true`. */
export interface SmtpAddress {
  /** `smtps:`: TLS from the start; `smtp:`: STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** `ignoreTLS=true`: never upgrade (local test servers). */
  readonly ignoreTls: boolean;
  /** `requireTLS=true`: refuse to send in clear text. */
  readonly requireTls: boolean;
}

/** Why an SMTP URL cannot be used; core/messages/mail.ts words each for the person configuring monev. */
export type SmtpUrlProblem =
  | { readonly problem: 'unreadable' }
  | { readonly problem: 'unknown-scheme'; readonly scheme: string }
  | { readonly problem: 'no-host' };

/**
 * The one reading of an SMTP URL: config.ts checks MONEV_SMTP_URL with it when the environment is parsed,
 * and the SMTP adapter takes the server from it. It lives below both, since both need the same answer.
 */
export function parseSmtpUrl(url: string): { address: SmtpAddress } | SmtpUrlProblem {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The parser's error carries the whole URL, password included, so it is not passed on.
    return { problem: 'unreadable' };
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    return { problem: 'unknown-scheme', scheme: parsed.protocol };
  }
  if (parsed.hostname === '') return { problem: 'no-host' };
  const secure = parsed.protocol === 'smtps:';
  return {
    address: {
      secure,
      host: parsed.hostname,
      port: parsed.port === '' ? (secure ? 465 : 587) : Number(parsed.port),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      ignoreTls: parsed.searchParams.get('ignoreTLS') === 'true',
      requireTls: parsed.searchParams.get('requireTLS') === 'true',
    },
  };
}
