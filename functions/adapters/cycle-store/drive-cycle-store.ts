import type { OfficeResult } from '../../core/scoring/office.js';
import type { CycleRecord, CycleStore } from '../../ports.js';
import { DriveFolders, uploadOptions } from '../google/drive-folder.js';
import type { GoogleServices } from '../google/google-services.js';
import { mapLimit } from '../../shared/map-limit.js';
import {
  codeOfResultFile,
  parseRecord,
  parseResult,
  RECORD_FILE,
  recordJson,
  resultFile,
  resultJson,
  safeName,
} from './stored-cycle.js';

/**
 * Cycles on Google Drive, for the deployed functions, which share no disk: under the configured
 * folder, `monev-siklus/<cycle>/` holds `siklus.json` and one `<kode>.json` per scored office. Drive
 * has its own quota, so keeping a cycle costs the Sheets quota nothing: a scoring adds at most eight
 * Drive requests (find the folders once per instance, read the record, list the results, write its
 * own, list again), the finish one download per office.
 *
 * Only the start creates folders (one start per cycle); the workers look them up, so parallel
 * workers never create a folder twice. IDs found are kept for the life of the instance.
 */
const JSON_MIME = 'application/json';
export const CYCLES_FOLDER = 'monev-siklus';
const DOWNLOADS_AT_ONCE = 8;

export class DriveCycleStore implements CycleStore {
  private root: string | undefined;
  private readonly folders = new Map<string, string>();
  private readonly drive: DriveFolders;

  constructor(
    private readonly services: GoogleServices,
    private readonly parentFolderId: string,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {
    this.drive = new DriveFolders(services, this.what());
  }

  async start(record: CycleRecord): Promise<CycleRecord> {
    const folder = await this.cycleFolder(record.id, true);
    const existing = await this.drive.findFile(RECORD_FILE, folder as string);
    if (existing) return parseRecord(await this.download(existing, record.id), this.where(record.id));
    await this.upload(folder as string, RECORD_FILE, recordJson(record), null);
    return record;
  }

  async get(id: string): Promise<CycleRecord | null> {
    const folder = await this.cycleFolder(id, false);
    const file = folder === null ? null : await this.drive.findFile(RECORD_FILE, folder);
    return file === null ? null : parseRecord(await this.download(file, id), this.where(id));
  }

  async saveResult(id: string, result: OfficeResult): Promise<void> {
    const folder = await this.requireFolder(id);
    const name = resultFile(result.code);
    await this.upload(folder, name, resultJson(id, result, this.clock.now()), await this.drive.findFile(name, folder));
  }

  async scored(id: string): Promise<ReadonlySet<string>> {
    const folder = await this.cycleFolder(id, false);
    if (folder === null) return new Set();
    return new Set((await this.drive.list(folder)).flatMap((file) => codeOfResultFile(file.name) ?? []));
  }

  async results(id: string): Promise<OfficeResult[]> {
    const folder = await this.requireFolder(id);
    const files = new Map<string, string>();
    // Two workers writing one office's first result at once leave two files; either will do.
    for (const file of await this.drive.list(folder))
      if (codeOfResultFile(file.name) !== null && !files.has(file.name)) files.set(file.name, file.id);
    return mapLimit([...files], DOWNLOADS_AT_ONCE, async ([name, fileId]) =>
      parseResult(await this.download(fileId, id), `${this.where(id)}/${name}`),
    );
  }

  async markFinished(id: string, at: Date): Promise<void> {
    const folder = await this.requireFolder(id);
    const file = await this.drive.findFile(RECORD_FILE, folder);
    if (!file) throw new Error(`${this.where(id)}/${RECORD_FILE} tidak ada.`);
    const record = parseRecord(await this.download(file, id), this.where(id));
    await this.upload(folder, RECORD_FILE, recordJson({ ...record, finishedAt: at.toISOString() }), file);
  }

  private where(id: string): string {
    return `Drive ${this.parentFolderId}/${CYCLES_FOLDER}/${id}`;
  }

  private async requireFolder(id: string): Promise<string> {
    const folder = await this.cycleFolder(id, false);
    if (folder === null) throw new Error(`Siklus ${id} tidak tercatat di ${this.where(id)}.`);
    return folder;
  }

  private async cycleFolder(id: string, create: boolean): Promise<string | null> {
    const known = this.folders.get(safeName(id, 'ID siklus'));
    if (known) return known;
    this.root ??=
      (await this.drive.findFolder(CYCLES_FOLDER, this.parentFolderId)) ??
      (create ? await this.newFolder(CYCLES_FOLDER, this.parentFolderId) : undefined);
    if (!this.root) return null;
    const folder =
      (await this.drive.findFolder(id, this.root)) ?? (create ? await this.newFolder(id, this.root) : null);
    if (folder) this.folders.set(id, folder);
    return folder;
  }

  private async newFolder(name: string, parent: string): Promise<string> {
    const created = await this.drive.createFolder(name, parent);
    if (!created) throw new Error('Drive tidak mengembalikan ID folder siklus.');
    return created;
  }

  private async download(fileId: string, id: string): Promise<string> {
    const drive = this.services.clients.drive;
    // alt=media answers the file's bytes; asked for as text, so JSON is parsed (and checked) here.
    const text = await this.services.drive(
      `Berkas siklus ${id}`,
      () =>
        drive.files.get(
          { fileId, alt: 'media', supportsAllDrives: true },
          { responseType: 'text' },
        ) as unknown as Promise<{ data: unknown }>,
    );
    return typeof text === 'string' ? text : JSON.stringify(text);
  }

  /** Creates the file, or replaces the content of `existing` (same ID, so a reader never sees two). */
  private async upload(folder: string, name: string, text: string, existing: string | null): Promise<void> {
    const drive = this.services.clients.drive;
    const options = uploadOptions(this.services);
    const media = { mimeType: JSON_MIME, body: text };
    await this.services.drive(this.what(), () =>
      existing
        ? drive.files.update({ fileId: existing, media, fields: 'id', supportsAllDrives: true }, options)
        : drive.files.create(
            {
              requestBody: { name, parents: [folder], mimeType: JSON_MIME },
              media,
              fields: 'id',
              supportsAllDrives: true,
            },
            options,
          ),
    );
  }

  private what(): string {
    return `Folder siklus (MONEV_DRIVE_CYCLES_FOLDER_ID atau MONEV_DRIVE_FOLDER_ID ${this.parentFolderId})`;
  }
}
