import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriveFolders, FOLDER_MIME, quoteQuery } from '../../../functions/adapters/google/drive-folder.js';
import { GoogleServices } from '../../../functions/adapters/google/google-services.js';
import { parseConfig } from '../../../functions/config.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { fakeEnv } from './support.js';

/** The Drive folder work the cycle store and the report store share, against the fake Google API. */
describe('Drive folders', () => {
  let google: FakeGoogleApi;
  let drive: DriveFolders;
  let parent: string;

  beforeEach(async () => {
    google = await startFakeGoogleApi();
    drive = new DriveFolders(GoogleServices.fromConfig(parseConfig(fakeEnv(google.url)).google), 'Folder uji');
    parent = google.addFolder('Monev');
  });

  afterEach(async () => {
    await google.close();
  });

  it('finds a folder by a name with quotes and backslashes, only in its parent and only a folder', async () => {
    const name = String.raw`Laporan 'TW3' \ arsip`;
    expect(await drive.findFolder(name, parent)).toBeNull();
    google.addFile({ name, mimeType: 'application/pdf', parents: [parent] });
    const elsewhere = google.addFolder('Lain');
    google.addFile({ name, mimeType: FOLDER_MIME, parents: [elsewhere] });
    expect(await drive.findFolder(name, parent)).toBeNull();

    const created = await drive.createFolder(name, parent);
    expect(created).not.toBeNull();
    expect(await drive.findFolder(name, parent)).toBe(created);
    const stored = google.listFiles().find((file) => file.id === created);
    expect(stored).toMatchObject({ name, mimeType: FOLDER_MIME, parents: [parent] });
  });

  it('finds a file of any kind by name in its folder', async () => {
    expect(await drive.findFile("siklus'.json", parent)).toBeNull();
    const id = google.addFile({ name: "siklus'.json", mimeType: 'application/json', parents: [parent] });
    expect(await drive.findFile("siklus'.json", parent)).toBe(id);
    expect(await drive.findFile("siklus'.json", google.addFolder('Lain'))).toBeNull();
  });

  it('lists every file in a folder across pages of a thousand', async () => {
    const folder = google.addFolder('Siklus');
    const names = Array.from({ length: 1_003 }, (_, i) => `${String(i).padStart(4, '0')}.json`);
    for (const name of names) google.addFile({ name, mimeType: 'application/json', parents: [folder] });
    google.addFile({ name: 'di-luar.json', mimeType: 'application/json', parents: [parent] });
    const before = google.count('drive.files.list');

    const listed = await drive.list(folder);
    expect(listed.map((file) => file.name).sort()).toEqual(names);
    expect(google.count('drive.files.list') - before).toBe(2);
  });

  it('quotes text for a Drive query', () => {
    expect(quoteQuery(String.raw`a'b\c`)).toBe(String.raw`a\'b\\c`);
  });
});
