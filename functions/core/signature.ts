import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Authenticity of change notifications (issue "Cloud functions"). The Apps Script in each office
 * sheet signs its POST: `X-Monev-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Drive push channels carry a token we chose when opening the channel: "<spreadsheetId>.<hex HMAC>".
 * Comparisons are constant-time; the clock is passed in.
 */
export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signBody(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return `t=${timestamp},v1=${signBody(secret, timestamp, rawBody)}`;
}

export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string | Uint8Array,
  nowSeconds: number,
): SignatureCheck {
  if (!header) return 'missing';
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return 'malformed';
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  return safeEqualHex(signature.toLowerCase(), signBody(secret, timestamp, rawBody)) ? 'ok' : 'mismatch';
}

export function channelToken(secret: string, spreadsheetId: string): string {
  return `${spreadsheetId}.${createHmac('sha256', secret).update(`drive-channel.${spreadsheetId}`).digest('hex')}`;
}

/** The spreadsheet a Drive channel token vouches for, or null when the token is not ours. */
export function verifyChannelToken(secret: string, token: string | undefined): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const spreadsheetId = token.slice(0, dot);
  return safeEqualHex(token, channelToken(secret, spreadsheetId)) ? spreadsheetId : null;
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
