import { unreadable, type OfficeNotice, type UnreadableText } from '../../core/messages/unreadable.js';

/**
 * The one place where a failed Google API call becomes something monev can act on: a stable code,
 * whether retrying may help, and Indonesian text for the person who has to fix it. The raw error
 * stays in `cause` for logs; it never reaches operators.
 */
export type GoogleErrorCode =
  | 'not-found'
  | 'not-shared'
  | 'not-a-spreadsheet'
  | 'missing-tab'
  | 'invalid-request'
  | 'quota'
  | 'unavailable'
  | 'network'
  | 'unauthenticated'
  | 'api-disabled'
  | 'storage-full'
  | 'invalid-source'
  | 'locked';

export interface GoogleErrorContext {
  /** What was asked for, as operators name it: "Spreadsheet satker", "Spreadsheet rekap", "Folder Drive". */
  readonly what: string;
  /** Where the ID or URL was given, for "check …": the Sumber column by default. */
  readonly where?: string;
  /** The service account's e-mail, for "belum dibagikan ke …"; a generic phrase when unknown. */
  readonly serviceAccount?: string | null;
}

export class GoogleApiError extends Error {
  override readonly name = 'GoogleApiError';

  constructor(
    readonly code: GoogleErrorCode,
    text: UnreadableText,
    /** HTTP status, when there was an answer. */
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(text.reason, options);
    this.reason = text.reason;
    this.office = text.office;
  }

  /** A short Indonesian phrase, fit for the `unreadable-workbook` finding of an office. */
  readonly reason: string;
  /** The reason and what to do in the office's terms, for the report a head of office reads. */
  readonly office: OfficeNotice;
}

interface ErrorShape {
  status?: number;
  apiStatus?: string;
  message?: string;
  reasons: string[];
  retryAfterMs?: number;
}

/** Reads status, google.rpc status, Drive reasons and Retry-After from a gaxios error (any gaxios copy). */
export function errorShape(error: unknown): ErrorShape {
  const e = error as {
    status?: unknown;
    code?: unknown;
    response?: { status?: unknown; data?: unknown; headers?: unknown };
  } | null;
  const status =
    typeof e?.response?.status === 'number' ? e.response.status : typeof e?.status === 'number' ? e.status : undefined;
  const data = e?.response?.data as
    { error?: { status?: unknown; message?: unknown; errors?: unknown; details?: unknown } } | undefined;
  const body = data && typeof data === 'object' ? data.error : undefined;
  const reasons: string[] = [];
  if (body && Array.isArray(body.errors))
    for (const item of body.errors) if (typeof item?.reason === 'string') reasons.push(item.reason);
  if (body && Array.isArray(body.details))
    for (const item of body.details) if (typeof item?.reason === 'string') reasons.push(item.reason);
  return {
    status,
    apiStatus: typeof body?.status === 'string' ? body.status : undefined,
    message: typeof body?.message === 'string' ? body.message : undefined,
    reasons,
    retryAfterMs: retryAfter(e?.response?.headers),
  };
}

function retryAfter(headers: unknown): number | undefined {
  if (!headers) return undefined;
  const value =
    typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get('retry-after')
      : (headers as Record<string, unknown>)['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED', 'quotaExceeded']);

/** Whether retrying the same request may succeed: quota, server trouble, a lost connection. */
export function retryDecision(error: unknown): { retry: boolean; quota: boolean; retryAfterMs?: number } {
  const shape = errorShape(error);
  const status = shape.status;
  if (status === undefined) return { retry: isNetworkFailure(error), quota: false };
  const quota = status === 429 || (status === 403 && shape.reasons.some((reason) => RATE_REASONS.has(reason)));
  if (quota) return { retry: true, quota: true, retryAfterMs: shape.retryAfterMs };
  if (status === 408 || status === 500 || status === 502 || status === 503 || status === 504)
    return { retry: true, quota: false, retryAfterMs: shape.retryAfterMs };
  return { retry: false, quota: false };
}

/**
 * Whether a failed request surely never took effect at Google, so sending it again cannot do a thing
 * twice: Google answered with a refusal (any status but 408 and 5xx, a quota answer included), or the
 * connection was never made (refused, name not resolved). A dropped connection, a timeout or a server
 * error may come after Google acted.
 */
export function surelyNotSent(error: unknown): boolean {
  const raw = error instanceof GoogleApiError && error.cause !== undefined ? error.cause : error;
  const status = errorShape(raw).status;
  if (status !== undefined) return status !== 408 && status < 500;
  for (
    let e = raw as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  )
    if (typeof e.code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/.test(e.code)) return true;
  return false;
}

function isNetworkFailure(error: unknown): boolean {
  // fetch reports a dropped or refused connection as a TypeError whose cause carries the socket code.
  for (
    let e = error as { name?: unknown; code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (
      typeof e.code === 'string' &&
      /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|UND_ERR_.*|ERR_STREAM_PREMATURE_CLOSE|TimeoutError|AbortError)$/.test(
        e.code,
      )
    )
      return true;
    if (
      e.name === 'TimeoutError' ||
      (e.name === 'TypeError' && /fetch failed|terminated|socket/i.test(String((e as { message?: unknown }).message)))
    )
      return true;
    if (/socket hang up|other side closed|premature close/i.test(String((e as { message?: unknown }).message ?? '')))
      return true;
  }
  return false;
}

/** A Sheets error that means "one of the ranges names a tab the spreadsheet does not have". */
export function isMissingRange(error: unknown): boolean {
  const shape = errorShape(error);
  return shape.status === 400 && /Unable to parse range/i.test(shape.message ?? '');
}

/** A batchUpdate error text, for the few write conflicts the adapters recover from. */
export function apiMessage(error: unknown): string {
  return errorShape(error).message ?? '';
}

/** The error as monev reports it: a stable code and a reason that says what to do. */
export function normaliseGoogleError(error: unknown, context: GoogleErrorContext): GoogleApiError {
  if (error instanceof GoogleApiError) return error;
  const shape = errorShape(error);
  const account = context.serviceAccount ? context.serviceAccount : 'akun layanan monev';
  const make = (code: GoogleErrorCode, text: UnreadableText) =>
    new GoogleApiError(code, text, shape.status, { cause: error });
  const status = shape.status;
  if (status === undefined)
    return make('network', unreadable(isNetworkFailure(error) ? 'google-unreachable' : 'google-no-answer'));
  const reasons = new Set(shape.reasons);
  if (status === 429 || (status === 403 && shape.reasons.some((r) => RATE_REASONS.has(r))))
    return make('quota', unreadable('google-quota'));
  if (status >= 500 || status === 408) return make('unavailable', unreadable('google-unavailable', { status }));
  if (status === 401) return make('unauthenticated', unreadable('google-unauthenticated'));
  if (
    status === 403 &&
    (reasons.has('SERVICE_DISABLED') ||
      reasons.has('accessNotConfigured') ||
      /has not been used|is disabled/i.test(shape.message ?? ''))
  )
    return make('api-disabled', unreadable('google-api-disabled'));
  if (status === 403 && (reasons.has('storageQuotaExceeded') || /storage quota/i.test(shape.message ?? '')))
    return make('storage-full', unreadable('google-storage-full'));
  if (status === 403) return make('not-shared', unreadable('google-not-shared', { what: context.what, account }));
  if (status === 404)
    return make('not-found', unreadable('google-not-found', { what: context.what, where: context.where, account }));
  if (
    status === 400 &&
    (shape.apiStatus === 'FAILED_PRECONDITION' || /not supported for this document/i.test(shape.message ?? ''))
  )
    return make('not-a-spreadsheet', unreadable('google-not-a-spreadsheet', { what: context.what }));
  if (isMissingRange(error)) return make('missing-tab', unreadable('google-missing-tab', { what: context.what }));
  return make('invalid-request', unreadable('google-rejected', { what: context.what, status }));
}
