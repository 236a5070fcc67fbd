import { Readable } from 'node:stream';
import type { ReportStore } from '../../ports.js';
import { DriveFolders, uploadOptions } from './drive-folder.js';
import type { GoogleServices } from './google-services.js';

/**
 * Reports on Google Drive: one folder per period ("2025-TW3") under the configured parent folder,
 * one PDF per office and one for the province. A report saved again replaces the file of the same
 * name (same ID and link), so the Rekap's Laporan column keeps pointing at the latest version.
 */
const PERIOD = /\d{4}-TW[1-4]/;

export class DriveReportStore implements ReportStore {
  private readonly folders = new Map<string, Promise<{ id: string; files: Map<string, string> }>>();

  constructor(
    private readonly services: GoogleServices,
    private readonly parentFolderId: string,
  ) {}

  /** Uploads or replaces the PDF; returns its Drive link for the Rekap's Laporan column. */
  async save(fileName: string, bytes: Uint8Array): Promise<string> {
    const folder = await this.folder(PERIOD.exec(fileName)?.[0] ?? 'Laporan');
    const drive = this.services.clients.drive;
    const options = uploadOptions(this.services);
    const media = () => ({
      mimeType: 'application/pdf',
      body: Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    });
    const existing = folder.files.get(fileName);
    const file = existing
      ? await this.services.drive(`Laporan ${fileName} di Drive`, () =>
          drive.files.update(
            { fileId: existing, media: media(), fields: 'id,webViewLink', supportsAllDrives: true },
            options,
          ),
        )
      : await this.services.drive(`Folder laporan ${folder.id}`, () =>
          drive.files.create(
            {
              requestBody: { name: fileName, parents: [folder.id], mimeType: 'application/pdf' },
              media: media(),
              fields: 'id,webViewLink',
              supportsAllDrives: true,
            },
            options,
          ),
        );
    if (file.id) folder.files.set(fileName, file.id);
    return file.webViewLink ?? `https://drive.google.com/file/d/${file.id}/view`;
  }

  /** The period's folder and the reports already in it, looked up (or created) once per run. */
  private folder(name: string): Promise<{ id: string; files: Map<string, string> }> {
    let folder = this.folders.get(name);
    if (!folder) {
      folder = this.openFolder(name);
      folder.catch(() => this.folders.delete(name));
      this.folders.set(name, folder);
    }
    return folder;
  }

  private async openFolder(name: string): Promise<{ id: string; files: Map<string, string> }> {
    const drive = new DriveFolders(
      this.services,
      `Folder laporan (MONEV_DRIVE_REPORTS_FOLDER_ID ${this.parentFolderId})`,
    );
    const id =
      (await drive.findFolder(name, this.parentFolderId)) ?? (await drive.createFolder(name, this.parentFolderId));
    if (!id) throw new Error('Drive tidak mengembalikan ID folder laporan.');
    const files = new Map<string, string>();
    for (const file of await drive.list(id)) if (!files.has(file.name)) files.set(file.name, file.id);
    return { id, files };
  }
}
