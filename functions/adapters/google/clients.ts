import { drive, type drive_v3 } from '@googleapis/drive';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth } from 'google-auth-library';
import type { GoogleConfig } from '../../config.js';

/**
 * The per-API clients, built once from the configuration. Credentials come from a service-account
 * key file (GOOGLE_APPLICATION_CREDENTIALS) or Application Default Credentials (Cloud Run, gcloud).
 * With MONEV_GOOGLE_ROOT_URL set and no key file, requests go unauthenticated to that root, so a
 * local stand-in can answer them. The clients' own retries are off: the quota scheduler retries,
 * so every attempt is counted once and POST writes are retried too.
 */
export interface GoogleClients {
  readonly sheets: sheets_v4.Sheets;
  readonly drive: drive_v3.Drive;
  /** Built on first use: only the Gmail transport needs it, with its own delegated credentials. */
  gmail(): gmail_v1.Gmail;
  /** For media uploads, whose upload URL the client library builds from a per-call root. */
  readonly rootUrl: string | undefined;
  /** The service account's e-mail, for "share with …" messages; null when it cannot be known. */
  serviceAccount(): Promise<string | null>;
}

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];
const GMAIL_SCOPES = ['https://www.googleapis.com/auth/gmail.send'];

// A request that hangs is abandoned after this long and retried by the scheduler.
const REQUEST_TIMEOUT_MS = 120_000;

// google-auth-library is newer than the copy inside googleapis-common; the classes are the same at
// runtime, only their private fields make the declared types differ.
type SheetsAuth = sheets_v4.Options['auth'];

export function createGoogleClients(config: GoogleConfig): GoogleClients {
  const unauthenticated = config.rootUrl !== undefined && config.credentialsFile === undefined;
  const auth = unauthenticated ? undefined : new GoogleAuth({ scopes: SCOPES, keyFile: config.credentialsFile });
  const common = { rootUrl: config.rootUrl, retry: false, timeout: REQUEST_TIMEOUT_MS, auth: auth as unknown as SheetsAuth };
  let gmailClient: gmail_v1.Gmail | undefined;
  let account: Promise<string | null> | undefined;
  return {
    sheets: sheets({ version: 'v4', ...common }),
    drive: drive({ version: 'v3', ...common }),
    gmail: () => {
      const mailAuth = unauthenticated
        ? undefined
        : new GoogleAuth({ scopes: GMAIL_SCOPES, keyFile: config.credentialsFile, clientOptions: config.gmailSender ? { subject: config.gmailSender } : undefined });
      gmailClient ??= gmail({ version: 'v1', ...common, auth: mailAuth as unknown as SheetsAuth });
      return gmailClient;
    },
    rootUrl: config.rootUrl,
    serviceAccount: () => {
      account ??= config.serviceAccount
        ? Promise.resolve(config.serviceAccount)
        : auth
          ? auth.getCredentials().then(
              (credentials) => credentials.client_email ?? null,
              () => null,
            )
          : Promise.resolve(null);
      return account;
    },
  };
}
