import { createRequire } from 'node:module';
import type { OAuth2Client } from 'google-auth-library';

/**
 * Checks a Google-signed OIDC ID token (Cloud Tasks, Cloud Scheduler or `gcloud auth
 * print-identity-token --impersonate-service-account` put one in `Authorization: Bearer …`):
 * signature against Google's published keys, issuer, expiry (with google-auth-library's five
 * minutes of clock skew), audience, and that it was issued to the expected service account with a
 * verified e-mail. A verdict, not an exception: the caller decides the HTTP answer. Google's keys
 * that cannot be fetched are a fault (thrown), not a bad token, so Cloud Tasks retries.
 */
export type IdTokenVerdict = 'ok' | 'missing' | 'invalid' | 'wrong-account';

/** The issuers of Google's ID tokens (google-auth-library would also accept its universe domain). */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

export interface IdTokenVerifierOptions {
  /** The only account whose tokens are accepted, e.g. monev@PROJECT.iam.gserviceaccount.com. */
  readonly serviceAccountEmail: string;
  /**
   * The OAuth2 client that fetches and caches Google's keys. Tests pass one whose
   * `endpoints.oauth2FederatedSignonPemCertsUrl` is a loopback server with their own keys.
   */
  readonly client?: OAuth2Client;
}

/**
 * The auth library is required at the first check, not imported: it takes ~50 ms to load, and a cold
 * instance woken by a change notification (a public, signed webhook) never checks a token.
 */
const require = createRequire(import.meta.url);

export class GoogleIdTokenVerifier {
  private client: OAuth2Client | undefined;

  constructor(private readonly options: IdTokenVerifierOptions) {
    this.client = options.client;
  }

  async verify(authorization: string | undefined, audience: string): Promise<IdTokenVerdict> {
    const token = /^Bearer +([A-Za-z0-9_.-]+=*)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return 'missing';
    const client = (this.client ??= new (
      require('google-auth-library') as typeof import('google-auth-library')
    ).OAuth2Client({ issuers: GOOGLE_ISSUERS }));
    // Fetched (and cached for as long as Google says) before verifying: a failure here is ours.
    await client.getFederatedSignonCertsAsync();
    let payload: { email?: string; email_verified?: boolean } | undefined;
    try {
      payload = (await client.verifyIdToken({ idToken: token, audience })).getPayload();
    } catch {
      // The library's message quotes the token; it is neither logged nor returned.
      return 'invalid';
    }
    if (payload?.email_verified !== true) return 'wrong-account';
    return payload.email?.toLowerCase() === this.options.serviceAccountEmail.toLowerCase() ? 'ok' : 'wrong-account';
  }
}
