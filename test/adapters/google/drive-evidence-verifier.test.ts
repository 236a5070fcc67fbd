import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriveEvidenceVerifier } from '../../../functions/adapters/google/drive-evidence-verifier.js';
import { GoogleServices } from '../../../functions/adapters/google/google-services.js';
import { GRID_FIELDS } from '../../../functions/adapters/google/sheets-cells.js';
import { parseConfig } from '../../../functions/config.js';
import { driveTarget } from '../../../functions/core/evidence/drive-link.js';
import { driveTargets, linkOutcome, type DriveLookup } from '../../../functions/core/evidence/office-evidence.js';
import { SPREADSHEET_MIME } from '../../fakes/google/drive-store.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { officeWorkbook, readWorkbook, realizations, targets } from '../../helpers/workbook.js';
import { fakeEnv } from './support.js';

/** Evidence on Drive through the fake (docs/SPEC.md §8): outcomes, one lookup per file, quota storms, what is never fetched. */
describe('DriveEvidenceVerifier', () => {
  let google: FakeGoogleApi;
  const services = (extra: Record<string, string> = {}) =>
    GoogleServices.fromConfig(parseConfig(fakeEnv(google.url, extra)).google);
  const verifier = (extra: Record<string, string> = {}) =>
    DriveEvidenceVerifier.fromConfig(services(extra), parseConfig(fakeEnv(google.url, extra)).google);
  const file = (id: string) => `https://drive.google.com/file/d/${id}/view`;

  beforeEach(async () => {
    google = await startFakeGoogleApi({ latencyMs: [0, 2] });
  });

  afterEach(async () => {
    await google.close();
  });

  it('tells ok, unreachable, trashed and empty apart, for files and folders', async () => {
    const ids = {
      ok: google.addEvidence({ state: 'ok' }),
      empty: google.addEvidence({ state: 'empty' }),
      trashed: google.addEvidence({ state: 'trashed' }),
      unshared: google.addEvidence({ state: 'unshared' }),
      folder: google.addEvidence({ state: 'ok', folder: true }),
      emptyFolder: google.addEvidence({ state: 'empty', folder: true }),
      doc: google.addFile({ name: 'Notulen', mimeType: 'application/vnd.google-apps.document' }),
      sheet: google.addFile({ name: 'Data', mimeType: SPREADSHEET_MIME }),
      keyed: google.addEvidence({ state: 'ok', resourceKey: '0-kunci' }),
    };
    const links = {
      ok: file(ids.ok),
      empty: file(ids.empty),
      trashed: file(ids.trashed),
      unshared: file(ids.unshared),
      folder: `https://drive.google.com/drive/u/0/folders/${ids.folder}`,
      emptyFolder: `https://drive.google.com/drive/folders/${ids.emptyFolder}`,
      doc: `https://docs.google.com/document/d/${ids.doc}/edit`,
      sheet: `https://docs.google.com/spreadsheets/d/${ids.sheet}/edit#gid=0`,
      keyed: `${file(ids.keyed)}?resourcekey=0-kunci`,
      missing: file('1NeverUploaded0000000000000'),
    };
    const verification = await verifier().verify(
      Object.values(links).map((link) => driveTarget(link) as NonNullable<ReturnType<typeof driveTarget>>),
    );
    expect(verification.verified).toBe(true);
    expect(Object.fromEntries(Object.entries(links).map(([k, link]) => [k, linkOutcome(link, verification)]))).toEqual({
      ok: 'ok',
      empty: 'empty',
      trashed: 'trashed',
      unshared: 'unreachable',
      folder: 'ok',
      emptyFolder: 'empty',
      doc: 'ok',
      sheet: 'ok',
      keyed: 'ok',
      missing: 'unreachable',
    });
    expect(verification.lookups.get(ids.emptyFolder)?.folder).toBe(true);
    // Without its resource key, Drive does not open a file shared by link before 2021.
    const withoutKey = await verifier().verify([{ id: ids.keyed, resourceKey: null }]);
    expect(linkOutcome(file(ids.keyed), withoutKey)).toBe('unreachable');
    // A folder costs one get and one list; a file one get.
    expect(google.count('drive.files.list')).toBe(2);
  });

  it('looks each distinct file up once in a run, however many offices ask at once', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => google.addEvidence({ state: i % 7 === 0 ? 'trashed' : 'ok' }));
    const shared = verifier();
    const asks = Array.from({ length: 12 }, (_, office) =>
      shared.verify(ids.filter((_, i) => (i + office) % 3 !== 0).map((id) => ({ id, resourceKey: null }))),
    );
    await Promise.all(asks);
    await shared.verify(ids.map((id) => ({ id, resourceKey: null })));
    for (const id of ids) expect(google.count('drive.files.get', { target: id })).toBe(1);
    expect(google.count('drive.files.get')).toBe(ids.length);
  });

  it('a quota storm (403 userRateLimitExceeded, 429) slows the checks and loses nothing', async () => {
    const ids = Array.from({ length: 40 }, (_, i) =>
      google.addEvidence({ state: (['ok', 'empty', 'trashed', 'unshared'] as const)[i % 4] ?? 'ok' }),
    );
    const targets = ids.map((id) => ({ id, resourceKey: null }));
    const calm = await verifier().verify(targets);

    google.setQuota({ drive: 6, windowMs: 100 });
    // Pacing may keep the lookups under the quota once learned: the first answers are 403s regardless.
    google.inject({ method: 'drive.files.get', times: 5, fault: { status: 403 } });
    google.inject({ method: 'drive.files.get', probability: 0.3, fault: { status: 429 } });
    google.resetCounts();
    const stormy = verifier({ MONEV_DRIVE_CONCURRENCY: '16' });
    const stormed = await stormy.verify(targets);
    expect(google.count(undefined, { status: 403 })).toBeGreaterThan(0);
    expect(google.count(undefined, { status: 429 })).toBeGreaterThan(0);
    expect(stormed.lookups).toEqual(calm.lookups);
    expect(stormy.requests.throttled).toBeGreaterThan(0);
  });

  it('a storm at 5 requests per 200 ms: every outcome as in the calm run, none unverified', async () => {
    // 30 files and folders, cited 15 by each of 2 offices, which a run verifies at once (run-cycle's
    // mapLimit of 2): 30 lookups asked together, 6 times what a window grants.
    const states = ['ok', 'empty', 'trashed', 'unshared'] as const;
    const ids = Array.from({ length: 30 }, (_, i) =>
      google.addEvidence({ state: states[i % 4] ?? 'ok', folder: i % 5 === 0 && states[i % 4] !== 'unshared' }),
    );
    const offices = [ids.slice(0, 15), ids.slice(15)].map((cited) => cited.map((id) => ({ id, resourceKey: null })));
    const outcomes = async (checker: DriveEvidenceVerifier) => {
      const all: [string, DriveLookup | undefined][] = [];
      for (let office = 0; office < offices.length; office += 2) {
        const answers = await Promise.all(offices.slice(office, office + 2).map((asked) => checker.verify(asked)));
        for (const [i, verification] of answers.entries())
          for (const { id } of offices[office + i] ?? []) all.push([id, verification.lookups.get(id)]);
      }
      return all;
    };
    const calm = await outcomes(verifier());
    expect(calm.filter(([, lookup]) => lookup === undefined)).toEqual([]);

    google.setQuota({ drive: 5, windowMs: 200 });
    google.resetCounts();
    // Production's backoff (1 s, doubling): a quota answer must not send a lookup into it. The run's
    // deadline is 5 s, four times the quota's minimum for these 34 requests (1.2 s).
    const stormy = verifier({ MONEV_GOOGLE_BACKOFF_MS: '1000', MONEV_GOOGLE_DEADLINE_MS: '5000' });
    const stormed = await outcomes(stormy);
    expect(google.count(undefined, { status: 403 })).toBeGreaterThan(0);
    expect(stormed).toEqual(calm);
    expect(stormy.stats).toEqual({ lookups: 30, unanswered: 0 });
  });

  it('never retries a 400, and leaves that link unverified', async () => {
    const id = google.addEvidence({ state: 'ok' });
    google.inject({ method: 'drive.files.get', fault: { status: 400 } });
    const verification = await verifier().verify([{ id, resourceKey: null }]);
    expect(google.count('drive.files.get')).toBe(1);
    expect(linkOutcome(file(id), verification)).toBe('unverified');
    // Drive answered nothing at all: the run counts as not verified.
    expect(verification.verified).toBe(false);
  });

  it('never fetches what a sheet names: a loopback server in a Bukti Dukung cell sees no request', async () => {
    let hits = 0;
    const bait: Server = createServer((_, res) => {
      hits++;
      res.end('bukan bukti');
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    const port = (bait.address() as AddressInfo).port;
    try {
      const ok = google.addEvidence({ state: 'ok' });
      const bad = [
        `http://127.0.0.1:${port}/file/d/1AbCdEfGhIjKlMnOpQrStUv/view`,
        `http://127.0.0.1:${port}/drive/folders/1AbCdEfGhIjKlMnOpQrStUv`,
        `https://drive.google.com/file/d/..%2F..%2F127.0.0.1:${port}/view`,
        `https://drive.google.com/open?id=http://127.0.0.1:${port}/`,
      ];
      const parsed = readWorkbook(
        officeWorkbook({
          'Rencana Aksi': [
            { No: 1, Bidang: 1, Kegiatan: 'A', ...targets(1), ...realizations(1), 'Bukti Dukung': bad.join('\n') },
            { No: 2, Bidang: 1, Kegiatan: 'B', ...targets(1), ...realizations(1), 'Bukti Dukung': file(ok) },
          ],
        }),
      );
      // Only well-formed Drive IDs are asked about: this one and the default Tahapan's URL_A.
      const asked = driveTargets(parsed).filter((target) => target.id !== DRIVE_ID_OF_URL_A);
      expect(asked.map((target) => target.id)).toEqual([ok]);
      const verification = await verifier().verify(asked);
      // Other hosts stay unverified; a drive.google.com link whose ID is malformed is unreachable (SPEC §8 v3).
      expect(bad.map((link) => linkOutcome(link, verification))).toEqual([
        'unverified',
        'unverified',
        'unreachable',
        'unreachable',
      ]);
      expect(linkOutcome(file(ok), verification)).toBe('ok');
      expect(hits).toBe(0);
      expect(google.requests.map((r) => r.target)).toEqual([ok]);
    } finally {
      await new Promise<void>((resolve) => bait.close(() => resolve()));
    }
  });
});

/** The file ID in test/helpers/workbook.ts's URL_A, cited by the default office's Tahapan. */
const DRIVE_ID_OF_URL_A = 'bukti-dukung-1';

describe('the fake Sheets API and field masks', () => {
  let google: FakeGoogleApi;

  beforeEach(async () => {
    google = await startFakeGoogleApi();
  });

  afterEach(async () => {
    await google.close();
  });

  it('accepts monev’s mask, rejects an unknown field with 400 INVALID_ARGUMENT, and monev does not retry it', async () => {
    const id = google.addSpreadsheet(officeWorkbook());
    const services = GoogleServices.fromConfig(parseConfig(fakeEnv(google.url)).google);
    const get = (fields: string) => () =>
      services.clients.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true, fields });
    await expect(services.read('Spreadsheet satker', get(GRID_FIELDS))).resolves.toBeDefined();
    google.resetCounts();
    await expect(
      services.read('Spreadsheet satker', get('sheets(data(rowData.values(effectiveValue,chips)))')),
    ).rejects.toMatchObject({ status: 400 });
    expect(google.count('sheets.spreadsheets.get')).toBe(1);
    expect(google.count('sheets.spreadsheets.get', { status: 400 })).toBe(1);
  });
});
