/**
 * Errors as Google's JSON APIs send them: `{error: {code, message, status, errors?, details?}}`.
 * Sheets and Gmail answer in the google.rpc.Status form; Drive v3 adds the legacy `errors` array
 * with a `reason` (notFound, insufficientFilePermissions, …).
 */
export class FakeApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly extra: {
      errors?: readonly Record<string, string>[];
      details?: readonly unknown[];
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }

  body(): unknown {
    return {
      error: {
        code: this.code,
        message: this.message,
        status: this.status,
        ...(this.extra.errors ? { errors: this.extra.errors } : {}),
        ...(this.extra.details ? { details: this.extra.details } : {}),
      },
    };
  }
}

export const invalidArgument = (message: string) => new FakeApiError(400, 'INVALID_ARGUMENT', message);

export const sheetsNotFound = () => new FakeApiError(404, 'NOT_FOUND', 'Requested entity was not found.');

export const sheetsPermissionDenied = () =>
  new FakeApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');

export const notASpreadsheet = () =>
  new FakeApiError(400, 'FAILED_PRECONDITION', 'This operation is not supported for this document');

export function driveNotFound(fileId: string): FakeApiError {
  const message = `File not found: ${fileId}.`;
  return new FakeApiError(404, 'NOT_FOUND', message, {
    errors: [{ message, domain: 'global', reason: 'notFound', location: 'fileId', locationType: 'parameter' }],
  });
}

export function quotaExceeded(kind: 'read' | 'write', retryAfterSeconds?: number): FakeApiError {
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const limit = kind === 'read' ? 'ReadRequestsPerMinutePerUser' : 'WriteRequestsPerMinutePerUser';
  return new FakeApiError(
    429,
    'RESOURCE_EXHAUSTED',
    `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
    {
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            service: 'sheets.googleapis.com',
            quota_metric: `sheets.googleapis.com/${kind}_requests`,
            quota_limit: limit,
            consumer: 'projects/000000000000',
          },
        },
      ],
      retryAfterSeconds,
    },
  );
}

export function serverError(code: number): FakeApiError {
  switch (code) {
    case 500:
      return new FakeApiError(500, 'INTERNAL', 'Internal error encountered.');
    case 502:
      return new FakeApiError(502, 'UNAVAILABLE', 'Bad Gateway');
    case 503:
      return new FakeApiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
    case 504:
      return new FakeApiError(504, 'DEADLINE_EXCEEDED', 'The request timed out.');
    case 429:
      return quotaExceeded('read');
    default:
      return new FakeApiError(code, 'UNKNOWN', `Error ${code}`);
  }
}

/**
 * Drive's quota answers: 403 `userRateLimitExceeded` when the per-user quota is spent, 429
 * `rateLimitExceeded` from its backend's own checks (developers.google.com/workspace/drive/api/guides/limits).
 */
export function driveRateLimited(code: 403 | 429): FakeApiError {
  const [reason, message] =
    code === 403
      ? ['userRateLimitExceeded', 'User rate limit exceeded.']
      : ['rateLimitExceeded', 'Rate limit exceeded.'];
  return new FakeApiError(code, code === 403 ? 'PERMISSION_DENIED' : 'RESOURCE_EXHAUSTED', message, {
    errors: [{ message, domain: 'usageLimits', reason }],
  });
}
