import { GoogleIdTokenVerifier, type IdTokenVerdict } from '../adapters/google/id-token-verifier.js';
import { reply } from './replies.js';
import { HttpError } from './errors.js';

/**
 * Who may call the private HTTP functions. In production Cloud Run IAM already admits only the monev
 * service account; each function checks the caller's Google-signed OIDC token itself as well
 * (defence in depth: a mistaken `--allow-unauthenticated` or an extra invoker binding does not open
 * them). The audience is the function's own URL, `<MONEV_FUNCTIONS_URL>/<name>`, which is what the
 * Cloud Tasks adapter puts in its tokens (adapters/queue/cloud-tasks-queue.ts: audience = task URL).
 */
export const PRIVATE_FUNCTIONS = ['scoreOffice', 'runCycleHttp', 'finishCycle'] as const;
export type PrivateFunction = (typeof PRIVATE_FUNCTIONS)[number];

export interface CallerCheck {
  /** Resolves when the caller may call `fn`; rejects with an HttpError (401, 403, or 500 when not configured). */
  check(fn: PrivateFunction, authorization: string | undefined): Promise<void>;
}

/** Every caller admitted: `monev serve` on loopback without `--oidc`, and tests of the use cases. */
export const ANY_CALLER: CallerCheck = { check: async () => undefined };

export interface OidcSettings {
  /** `https://REGION-PROJECT.cloudfunctions.net`: each function's audience is this plus `/<name>`. */
  readonly functionsUrl: string;
  readonly serviceAccountEmail: string;
}

const REFUSAL: Record<Exclude<IdTokenVerdict, 'ok'>, 'missing-token' | 'invalid-token' | 'wrong-caller'> = {
  missing: 'missing-token',
  invalid: 'invalid-token',
  'wrong-account': 'wrong-caller',
};

export function oidcCallers(settings: OidcSettings, verifier = new GoogleIdTokenVerifier(settings)): CallerCheck {
  return {
    async check(fn, authorization) {
      const verdict = await verifier.verify(authorization, audienceOf(settings.functionsUrl, fn));
      if (verdict !== 'ok') throw new HttpError(reply(REFUSAL[verdict]));
    },
  };
}

export function audienceOf(functionsUrl: string, fn: PrivateFunction): string {
  return `${functionsUrl.replace(/\/+$/, '')}/${fn}`;
}

/**
 * The check the deployed functions use: OIDC with MONEV_FUNCTIONS_URL and MONEV_TASKS_SERVICE_ACCOUNT
 * (the deploy plan sets both). Without them nobody is admitted: the private functions answer 500 and
 * the log says what to set, rather than run unchecked.
 */
export function deployedCallers(settings: Partial<OidcSettings>): CallerCheck {
  const { functionsUrl, serviceAccountEmail } = settings;
  if (functionsUrl && serviceAccountEmail) return oidcCallers({ functionsUrl, serviceAccountEmail });
  return {
    check: async () => {
      throw new HttpError(
        reply('not-configured'),
        'MONEV_FUNCTIONS_URL dan MONEV_TASKS_SERVICE_ACCOUNT belum diisi; fungsi privat menolak semua pemanggil',
      );
    },
  };
}
