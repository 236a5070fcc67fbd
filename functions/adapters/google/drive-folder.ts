import type { drive_v3 } from '@googleapis/drive';
import type { GoogleServices, RequestSubject } from './google-services.js';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

/**
 * The Drive folder work the cycle store and the report store share: find a folder or a file by name,
 * create a folder, list what is inside. Every call goes through the run's services (quota, retries,
 * errors that name `what`) and sees Shared Drives too.
 */
export class DriveFolders {
  constructor(
    private readonly services: GoogleServices,
    private readonly what: RequestSubject,
  ) {}

  /** The folder named `name` directly in `parent` and not trashed; the first when Drive holds several. */
  findFolder(name: string, parent: string): Promise<string | null> {
    return this.findByName(`name = '${quoteQuery(name)}' and mimeType = '${FOLDER_MIME}'`, parent);
  }

  /** The file (of any kind) named `name` directly in `parent` and not trashed. */
  findFile(name: string, parent: string): Promise<string | null> {
    return this.findByName(`name = '${quoteQuery(name)}'`, parent);
  }

  /** A new folder `name` in `parent`; null when Drive answers without an ID. */
  async createFolder(name: string, parent: string): Promise<string | null> {
    const drive = this.services.clients.drive;
    const created = await this.services.drive(this.what, () =>
      drive.files.create({
        requestBody: { name, mimeType: FOLDER_MIME, parents: [parent] },
        fields: 'id',
        supportsAllDrives: true,
      }),
    );
    return created.id ?? null;
  }

  /** Every file directly in `folder` and not trashed, a thousand a page. */
  async list(folder: string): Promise<{ id: string; name: string }[]> {
    const drive = this.services.clients.drive;
    const files: { id: string; name: string }[] = [];
    let pageToken: string | undefined;
    do {
      const page: drive_v3.Schema$FileList = await this.services.drive(this.what, () =>
        drive.files.list({
          q: `'${folder}' in parents and trashed = false`,
          fields: 'nextPageToken,files(id,name)',
          pageSize: 1000,
          pageToken,
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
        }),
      );
      for (const file of page.files ?? []) if (file.id && file.name) files.push({ id: file.id, name: file.name });
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return files;
  }

  private async findByName(named: string, parent: string): Promise<string | null> {
    const drive = this.services.clients.drive;
    const found = await this.services.drive(this.what, () =>
      drive.files.list({
        q: `${named} and '${parent}' in parents and trashed = false`,
        fields: 'files(id)',
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
      }),
    );
    return found.files?.[0]?.id ?? null;
  }
}

/** The options of an upload: its URL ignores the client's root, so a configured root goes with every upload. */
export function uploadOptions(services: GoogleServices): { rootUrl?: string } {
  return services.clients.rootUrl ? { rootUrl: services.clients.rootUrl } : {};
}

/** Text inside a Drive query's single quotes: backslashes and quotes escaped. */
export function quoteQuery(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
