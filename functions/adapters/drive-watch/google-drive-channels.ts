import type { drive_v3 } from '@googleapis/drive';
import type { DriveChannel, DriveChannels } from '../../ports.js';

/**
 * Drive push channels through the Drive API v3: `files.watch` with a `web_hook` channel, and
 * `channels.stop`. The client is built on first use (the other functions never load it); with a
 * root URL set (MONEV_GOOGLE_ROOT_URL, a loopback stand-in) requests go there unauthenticated.
 */
export class GoogleDriveChannels implements DriveChannels {
  private client: Promise<drive_v3.Drive> | undefined;

  constructor(
    private readonly options: {
      readonly rootUrl?: string;
      readonly keyFile?: string;
      readonly createClient?: () => Promise<drive_v3.Drive>;
    } = {},
  ) {}

  async watch(request: {
    fileId: string;
    id: string;
    address: string;
    token: string;
    expiration: Date;
  }): Promise<DriveChannel> {
    const drive = await this.drive();
    const response = await drive.files
      .watch({
        fileId: request.fileId,
        supportsAllDrives: true,
        requestBody: {
          id: request.id,
          type: 'web_hook',
          address: request.address,
          token: request.token,
          expiration: String(request.expiration.getTime()),
        },
      })
      .catch((error: unknown) => {
        throw new DriveChannelError(request.fileId, error);
      });
    const channel = response.data;
    const expiration = channel.expiration ? new Date(Number(channel.expiration)) : request.expiration;
    return { id: channel.id ?? request.id, resourceId: channel.resourceId ?? '', fileId: request.fileId, expiration };
  }

  async stop(channel: { id: string; resourceId: string }): Promise<void> {
    const drive = await this.drive();
    await drive.channels
      .stop({ requestBody: { id: channel.id, resourceId: channel.resourceId } })
      .catch((error: unknown) => {
        if (statusOf(error) === 404) return;
        throw new DriveChannelError(null, error);
      });
  }

  private drive(): Promise<drive_v3.Drive> {
    this.client ??= (this.options.createClient ?? (() => defaultDriveClient(this.options)))();
    return this.client;
  }
}

/** A Drive refusal, said so an operator knows what to do; never the raw response. */
export class DriveChannelError extends Error {
  readonly status: number | undefined;

  constructor(fileId: string | null, cause: unknown) {
    const status = statusOf(cause);
    const what = fileId === null ? 'Kanal Drive' : `Spreadsheet ${fileId}`;
    const message =
      status === 404
        ? `${what} tidak ditemukan atau belum dibagikan ke akun layanan monev.`
        : status === 403
          ? `${what}: akun layanan monev tidak punya izin (bagikan spreadsheet ke akun layanan, atau aktifkan Drive API).`
          : status === 401
            ? 'Akun layanan monev tidak dapat masuk ke Drive API; periksa kredensialnya.'
            : `${what}: Drive API menjawab ${status ?? 'tanpa status'}.`;
    super(message);
    this.name = 'DriveChannelError';
    this.status = status;
  }
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { status?: unknown; code?: unknown; response?: { status?: unknown } } | null;
  for (const value of [candidate?.response?.status, candidate?.status, candidate?.code]) {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  }
  return undefined;
}

async function defaultDriveClient(options: { rootUrl?: string; keyFile?: string }): Promise<drive_v3.Drive> {
  const { auth, drive } = await import('@googleapis/drive');
  if (options.rootUrl) return drive({ version: 'v3', rootUrl: options.rootUrl });
  // A key file when configured, else Application Default Credentials (the function's service account).
  // Watching a file needs read access only.
  return drive({
    version: 'v3',
    auth: new auth.GoogleAuth({ keyFile: options.keyFile, scopes: ['https://www.googleapis.com/auth/drive.readonly'] }),
  });
}
