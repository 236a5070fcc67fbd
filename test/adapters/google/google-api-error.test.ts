import { describe, expect, it } from 'vitest';
import {
  normaliseGoogleError,
  retryDecision,
  surelyNotSent,
  type GoogleErrorCode,
} from '../../../functions/adapters/google/google-api-error.js';

/** One normaliser: Google's answers (and lost connections) to a stable code and an Indonesian reason. */
const answer = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) => ({
  status,
  response: { status, headers: new Headers(headers), data: { error: { code: status, ...error } } },
});
const dropped = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
});

describe('normaliseGoogleError', () => {
  const cases: { name: string; error: unknown; code: GoogleErrorCode; retry: boolean; says: string }[] = [
    {
      name: 'not shared',
      error: answer(403, { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' }),
      code: 'not-shared',
      retry: false,
      says: 'belum dibagikan ke monev@p.iam.gserviceaccount.com',
    },
    {
      name: 'missing',
      error: answer(404, { status: 'NOT_FOUND', message: 'Requested entity was not found.' }),
      code: 'not-found',
      retry: false,
      says: 'tidak ditemukan',
    },
    {
      name: 'an uploaded Excel file',
      error: answer(400, {
        status: 'FAILED_PRECONDITION',
        message: 'This operation is not supported for this document',
      }),
      code: 'not-a-spreadsheet',
      retry: false,
      says: 'bukan Google Spreadsheet',
    },
    {
      name: 'a missing tab',
      error: answer(400, { status: 'INVALID_ARGUMENT', message: "Unable to parse range: 'IKI'" }),
      code: 'missing-tab',
      retry: false,
      says: 'tab',
    },
    {
      name: 'quota',
      error: answer(429, { status: 'RESOURCE_EXHAUSTED', message: "Quota exceeded for quota metric 'Read requests'" }),
      code: 'quota',
      retry: true,
      says: 'kuota',
    },
    {
      name: 'Drive rate limit',
      error: answer(403, { message: 'Rate limit', errors: [{ reason: 'userRateLimitExceeded' }] }),
      code: 'quota',
      retry: true,
      says: 'kuota',
    },
    {
      name: 'server error',
      error: answer(503, { status: 'UNAVAILABLE' }),
      code: 'unavailable',
      retry: true,
      says: 'HTTP 503',
    },
    { name: 'dropped connection', error: dropped, code: 'network', retry: true, says: 'koneksi' },
    {
      name: 'bad credentials',
      error: answer(401, { status: 'UNAUTHENTICATED' }),
      code: 'unauthenticated',
      retry: false,
      says: 'GOOGLE_APPLICATION_CREDENTIALS',
    },
    {
      name: 'API not enabled',
      error: answer(403, {
        status: 'PERMISSION_DENIED',
        message: 'Google Sheets API has not been used in project 1 before or it is disabled.',
        details: [{ reason: 'SERVICE_DISABLED' }],
      }),
      code: 'api-disabled',
      retry: false,
      says: 'aktifkan',
    },
    {
      name: 'service account without Drive storage',
      error: answer(403, {
        message: "The user's Drive storage quota has been exceeded.",
        errors: [{ reason: 'storageQuotaExceeded' }],
      }),
      code: 'storage-full',
      retry: false,
      says: 'MONEV_DRIVE_FOLDER_ID',
    },
  ];
  for (const { name, error, code, retry, says } of cases) {
    it(name, () => {
      const normalised = normaliseGoogleError(error, {
        what: 'Spreadsheet satker',
        serviceAccount: 'monev@p.iam.gserviceaccount.com',
      });
      expect(normalised.code).toBe(code);
      expect(normalised.reason).toContain(says);
      expect(normalised.cause).toBe(error);
      expect(retryDecision(error).retry).toBe(retry);
    });
  }

  it('reads Retry-After in seconds', () => {
    expect(retryDecision(answer(429, { status: 'RESOURCE_EXHAUSTED' }, { 'retry-after': '7' }))).toEqual({
      retry: true,
      quota: true,
      retryAfterMs: 7000,
    });
  });
});

describe('surelyNotSent: whether a mail may be sent again', () => {
  const refused = Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
  });
  it.each([
    ['a quota answer', answer(429, { status: 'RESOURCE_EXHAUSTED' }), true],
    ['a refusal', answer(403, { status: 'PERMISSION_DENIED' }), true],
    ['a bad request', answer(400, { status: 'INVALID_ARGUMENT' }), true],
    ['a connection never made', refused, true],
    ['a server error', answer(503, { status: 'UNAVAILABLE' }), false],
    ['a request timeout', answer(408, {}), false],
    ['a dropped connection', dropped, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(surelyNotSent(error)).toBe(expected);
    // The normalised error keeps the raw one as its cause, and answers the same.
    expect(surelyNotSent(normaliseGoogleError(error, { what: 'Gmail' }))).toBe(expected);
  });
});
