import { createRequire } from 'node:module';
import type { drive_v3 } from '@googleapis/drive';
import type { gmail_v1 } from '@googleapis/gmail';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth } from 'google-auth-library';
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

/**
 * The client libraries are required on first use rather than imported: together they take about half
 * a second to load, and a function that answers a change notification needs Sheets at most, the local
 * mode none of them. They are CommonJS packages, so requiring them keeps the getters synchronous.
 */
const require = createRequire(import.meta.url);
const libraries = {
  auth: () => require('google-auth-library') as typeof import('google-auth-library'),
  sheets: () => require('@googleapis/sheets') as typeof import('@googleapis/sheets'),
  drive: () => require('@googleapis/drive') as typeof import('@googleapis/drive'),
  gmail: () => require('@googleapis/gmail') as typeof import('@googleapis/gmail'),
};

export function createGoogleClients(config: GoogleConfig): GoogleClients {
  const unauthenticated = config.rootUrl !== undefined && config.credentialsFile === undefined;
  let authClient: GoogleAuth | undefined;
  const auth = (): GoogleAuth | undefined => {
    if (unauthenticated) return undefined;
    authClient ??= new (libraries.auth().GoogleAuth)({ scopes: SCOPES, keyFile: config.credentialsFile });
    return authClient;
  };
  const common = () => ({
    rootUrl: config.rootUrl,
    retry: false,
    timeout: REQUEST_TIMEOUT_MS,
    auth: auth() as unknown as SheetsAuth,
  });
  let sheetsClient: sheets_v4.Sheets | undefined;
  let driveClient: drive_v3.Drive | undefined;
  let gmailClient: gmail_v1.Gmail | undefined;
  let account: Promise<string | null> | undefined;
  return {
    get sheets() {
      sheetsClient ??= libraries.sheets().sheets({ version: 'v4', ...common() });
      return sheetsClient;
    },
    get drive() {
      driveClient ??= libraries.drive().drive({ version: 'v3', ...common() });
      return driveClient;
    },
    gmail: () => {
      if (!gmailClient) {
        const mailAuth = unauthenticated
          ? undefined
          : new (libraries.auth().GoogleAuth)({
              scopes: GMAIL_SCOPES,
              keyFile: config.credentialsFile,
              clientOptions: config.gmailSender ? { subject: config.gmailSender } : undefined,
            });
        gmailClient = libraries.gmail().gmail({ version: 'v1', ...common(), auth: mailAuth as unknown as SheetsAuth });
      }
      return gmailClient;
    },
    rootUrl: config.rootUrl,
    serviceAccount: () => {
      const client = config.serviceAccount ? undefined : auth();
      account ??= config.serviceAccount
        ? Promise.resolve(config.serviceAccount)
        : client
          ? client.getCredentials().then(
              (credentials) => credentials.client_email ?? null,
              () => null,
            )
          : Promise.resolve(null);
      return account;
    },
  };
}
