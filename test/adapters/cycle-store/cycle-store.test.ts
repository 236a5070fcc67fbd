import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLES_FOLDER, DriveCycleStore } from '../../../functions/adapters/cycle-store/drive-cycle-store.js';
import { LocalCycleStore } from '../../../functions/adapters/cycle-store/local-cycle-store.js';
import { GoogleServices } from '../../../functions/adapters/google/google-services.js';
import { assessOffice } from '../../../functions/app/run-cycle.js';
import { parseConfig } from '../../../functions/config.js';
import { parsePeriod, type Period } from '../../../functions/core/period.js';
import { readRekap } from '../../../functions/core/rekap-reader.js';
import type { OfficeResult } from '../../../functions/core/scoring/office.js';
import type { CycleRecord, CycleStore } from '../../../functions/ports.js';
import { XlsxWorkbookSource } from '../../../functions/adapters/xlsx/xlsx-source.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { PERIOD, sampleProvince, type Province } from '../../helpers/province.js';

/**
 * The cycle store's contract, run against both adapters: the local folder `monev serve` uses and
 * the Drive folder the deployed functions share (here on the fake Google API).
 */
let province: Province;
let google: FakeGoogleApi;
let folder: string;
let scratch: string;
let results: OfficeResult[];

beforeAll(async () => {
  province = await sampleProvince(3);
  google = await startFakeGoogleApi({ latencyMs: 1 });
  folder = google.addFolder('monev');
  scratch = await mkdtemp(join(tmpdir(), 'monev-cycles-'));
  const source = new XlsxWorkbookSource(province.data);
  const rekap = readRekap(await source.readRekap());
  const settings = { cap: rekap.cap, effectiveMinutes: rekap.effectiveMinutes, weights: rekap.weights };
  results = await Promise.all(
    rekap.offices.map((office) => assessOffice({ source }, office, parsePeriod(PERIOD) as Period, settings)),
  );
});
afterAll(async () => {
  await google?.close();
  await province?.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

const services = () =>
  GoogleServices.fromConfig(parseConfig({ MONEV_GOOGLE_ROOT_URL: google.url, MONEV_GOOGLE_BACKOFF_MS: '5' }).google);
const record = (id: string, offices = ['3501', '3502', '3503']): CycleRecord => ({
  id,
  period: PERIOD,
  offices,
  startedAt: '2025-10-10T00:00:00.000Z',
  finishedAt: null,
});

const stores: [string, () => CycleStore][] = [
  ['a local folder', () => new LocalCycleStore(join(scratch, 'siklus'))],
  ['a Drive folder', () => new DriveCycleStore(services(), folder)],
];

describe.each(stores)('the cycle store in %s', (_where, create) => {
  it('records a cycle once: a second start returns the first record', async () => {
    const store = create();
    const first = record('2025-TW3-a');
    expect(await store.start(first)).toEqual(first);
    expect(await create().start({ ...first, offices: ['9999'], startedAt: '2025-10-11T00:00:00.000Z' })).toEqual(first);
    expect(await create().get('2025-TW3-a')).toEqual(first);
    expect(await create().get('2025-TW3-tidak-ada')).toBeNull();
  });

  it('keeps one result per office, the whole result, across instances', async () => {
    const store = create();
    await store.start(record('2025-TW3-b'));
    expect(await store.scored('2025-TW3-b')).toEqual(new Set());
    for (const result of results) await store.saveResult('2025-TW3-b', result);
    await create().saveResult('2025-TW3-b', results[0] as OfficeResult);
    expect(await create().scored('2025-TW3-b')).toEqual(new Set(['3501', '3502', '3503']));
    const loaded = (await create().results('2025-TW3-b')).sort((a, b) => a.code.localeCompare(b.code));
    // What the finish ranks is what the scoring produced: JSON keeps every field of an OfficeResult.
    expect(loaded).toEqual(JSON.parse(JSON.stringify(results)));
    expect(loaded).toEqual(results);
    // A mentor's praktik baik go with its result (SPEC §9): the finish's reports never read its workbook again.
    expect(loaded.some((result) => (result.goodPractices ?? []).length > 0)).toBe(true);
  });

  it('marks a cycle finished', async () => {
    const store = create();
    await store.start(record('2025-TW3-c'));
    await store.markFinished('2025-TW3-c', new Date('2025-10-10T01:00:00.000Z'));
    expect((await create().get('2025-TW3-c'))?.finishedAt).toBe('2025-10-10T01:00:00.000Z');
  });

  it('refuses a cycle ID or office code that is not a plain name', async () => {
    await expect(create().get('../../x')).rejects.toThrow(/ID siklus/);
    await expect(create().saveResult('2025-TW3-b', { ...(results[0] as OfficeResult), code: 'a/b' })).rejects.toThrow(
      /kode satker/,
    );
  });
});

describe('the local cycle store', () => {
  it('reads a result file that is not one of its own as an error that names the file', async () => {
    const store = new LocalCycleStore(join(scratch, 'siklus'));
    await store.start(record('2025-TW3-d'));
    await store.saveResult('2025-TW3-d', results[0] as OfficeResult);
    await writeFile(join(scratch, 'siklus', '2025-TW3-d', 'hasil', '3501.json'), '{"cycle": "x"}');
    await expect(store.results('2025-TW3-d')).rejects.toThrow(/3501\.json bukan berkas siklus monev/);
  });

  it('leaves no temporary files behind', async () => {
    expect((await readdir(join(scratch, 'siklus', '2025-TW3-b', 'hasil'))).sort()).toEqual([
      '3501.json',
      '3502.json',
      '3503.json',
    ]);
  });
});

describe('the Drive cycle store', () => {
  it('keeps its files under monev-siklus/<cycle>/ in the configured folder', () => {
    const files = google.listFiles();
    const root = files.find((file) => file.name === CYCLES_FOLDER);
    expect(root?.parents).toEqual([folder]);
    const cycle = files.find((file) => file.name === '2025-TW3-b');
    expect(cycle?.parents).toEqual([root?.id]);
    expect(
      files
        .filter((file) => file.parents?.includes(cycle?.id as string))
        .map((file) => file.name)
        .sort(),
    ).toEqual(['3501.json', '3502.json', '3503.json', 'siklus.json']);
  });

  it('workers never create folders: only the start does', async () => {
    google.resetCounts();
    const worker = new DriveCycleStore(services(), folder);
    expect(await worker.get('2025-TW3-belum')).toBeNull();
    await expect(worker.saveResult('2025-TW3-belum', results[0] as OfficeResult)).rejects.toThrow(/tidak tercatat/);
    expect(google.count('drive.files.create')).toBe(0);
  });

  it('a scoring costs a handful of Drive requests and no Sheets request', async () => {
    const worker = new DriveCycleStore(services(), folder);
    google.resetCounts();
    // What scoreOffice asks of the store in a cycle: the record, the results so far, its own, the results again.
    await worker.get('2025-TW3-b');
    await worker.scored('2025-TW3-b');
    await worker.saveResult('2025-TW3-b', results[1] as OfficeResult);
    await worker.scored('2025-TW3-b');
    const counts = google.counts();
    expect(Object.keys(counts).every((method) => method.startsWith('drive.'))).toBe(true);
    expect(google.count()).toBeLessThanOrEqual(8);
  });
});
