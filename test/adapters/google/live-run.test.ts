import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../../functions/core/results-document.js';
import { FEEDBACK_TAB, PEER_LEDGER_TAB } from '../../../sheets-schema/index.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { formatId } from '../../../functions/core/numbers.js';
import { SAMPLE_CHIP_OFFICE } from '../../../functions/sample/evidence-stories.js';
import { fakeEnv, runMonev, sampleProvince } from './support.js';

/**
 * The sample province served by the fake Google API gives the same results as the xlsx run, reading
 * each well-formed office spreadsheet with exactly one request.
 */
describe('monev run --source google', () => {
  let google: FakeGoogleApi;
  let province: Awaited<ReturnType<typeof sampleProvince>>;
  let loaded: { rekapId: string; offices: Map<string, string> };
  let live: Awaited<ReturnType<typeof runMonev>> | undefined;

  beforeAll(async () => {
    province = await sampleProvince();
    google = await startFakeGoogleApi({ latencyMs: [1, 4] });
    // Every third office is registered by URL, the others by bare ID.
    let i = 0;
    loaded = await google.loadSampleProvince(province.dataDir, { asUrl: () => i++ % 3 === 0 });
  });

  afterAll(async () => {
    await google?.close();
    await province?.cleanup();
  });

  it('scores like the xlsx run, one read per office, one Drive lookup per distinct evidence file', async () => {
    // Locally with Google credentials (here: the stand-in), evidence is verified against the same Drive.
    const local = await runMonev({ data: province.dataDir, out: join(province.dir, 'out-xlsx') }, fakeEnv(google.url));
    google.resetCounts();
    const current = await runMonev(
      { source: 'google', rekap: loaded.rekapId, out: join(province.dir, 'out-google') },
      fakeEnv(google.url),
    );
    live = current;

    expect(current.code).toBe(local.code);
    expect(comparable(current.results)).toEqual(comparable(local.results));

    const unreadable = local.results.offices
      .filter((office) => office.findings.some((f) => f.code === 'unreadable-workbook'))
      .map((office) => office.code);
    expect(unreadable).toHaveLength(1);
    // An office whose evidence another office cites gets its Hasil Validasi again, with evidence-shared.
    const shared = current.results.offices
      .filter((office) => office.findings.some((f) => f.code === 'evidence-shared'))
      .map((office) => office.code);
    expect(shared.sort()).toEqual(['3503', '3504']);
    for (const [code, id] of loaded.offices) {
      expect(google.count('sheets.spreadsheets.get', { target: id }), `reads of ${code}`).toBe(1);
      expect(google.count('sheets.spreadsheets.batchUpdate', { target: id }), `writes of ${code}`).toBe(
        unreadable.includes(code) ? 0 : shared.includes(code) ? 2 : 1,
      );
    }
    expect(google.count('sheets.spreadsheets.get', { target: loaded.rekapId })).toBe(1);
    // Lock with the rekap's state, the upserts, the release.
    expect(google.count('sheets.spreadsheets.batchUpdate', { target: loaded.rekapId })).toBe(3);
    expect(google.count(undefined, { status: 200 }) + google.count(undefined, { status: 400 })).toBe(
      google.count() - google.count(undefined, { status: 404 }),
    );

    // The period's pairs went into Pembelajaran in that same locked write (SPEC §9): one row per pair,
    // the province's session columns created with validation and left empty.
    const ledger = google.values(loaded.rekapId, PEER_LEDGER_TAB.name) ?? [];
    const ledgerHeader = (ledger[0] ?? []).map(String);
    expect(ledgerHeader).toEqual([...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders]);
    const pairs = current.results.offices.flatMap((office) =>
      office.peers.map((peer) => `${office.code} ${peer.office}`),
    );
    const written = ledger
      .slice(1)
      .filter((row) => row.some((value) => value !== null && value !== ''))
      .map((row) => `${String(row[ledgerHeader.indexOf('Satker')])} ${String(row[ledgerHeader.indexOf('Pembina')])}`);
    expect(written.sort()).toEqual(pairs.sort());
    const session = ledgerHeader.indexOf('Tanggal Sesi');
    expect(ledger.slice(1).every((row) => (row[session] ?? null) === null || row[session] === '')).toBe(true);

    // Hasil Validasi as the xlsx writer lays it out, errors first, each Sel linking to its cell.
    const withFindings = current.results.offices.find(
      (office) => office.status === 'scored' && office.findings.some((f) => f.level === 'error'),
    );
    const id = loaded.offices.get(withFindings?.code ?? '') as string;
    const stored = google.spreadsheet(id);
    const tab = stored?.sheets.find((sheet) => sheet.properties.title === FEEDBACK_TAB.name);
    const all = google.values(id, FEEDBACK_TAB.name) ?? [];
    // The title block first: office, period, index, … and when it was checked; then a blank row and the header.
    expect(all[0]?.[0]).toBe(`Hasil Validasi · ${withFindings?.name} (${withFindings?.code})`);
    expect(all.some((row) => /^Diperiksa \d{1,2} \w+ \d{4} \d\d\.\d\d WIB;/.test(String(row[0])))).toBe(true);
    const headerRow = all.findIndex((row) => row[0] === 'Tab');
    expect(headerRow).toBeGreaterThan(2);
    expect(tab?.properties.gridProperties.frozenRowCount).toBe(headerRow + 1);
    const rows = all.slice(headerRow);
    expect(rows[0]).toEqual([...FEEDBACK_TAB.headers]);
    const levels = rows.slice(1).map((row) => row[FEEDBACK_TAB.headers.indexOf('Tingkat')]);
    expect(levels.indexOf('Peringatan') === -1 || levels.lastIndexOf('Kesalahan') < levels.indexOf('Peringatan')).toBe(
      true,
    );
    const sel = FEEDBACK_TAB.headers.indexOf('Sel');
    const first = String(rows[1]?.[sel]);
    const [, tabName, a1] = /^'?(.+?)'?!([A-Z]+\d+)$/.exec(first) ?? [];
    const target = stored?.sheets.find((sheet) => sheet.properties.title === tabName);
    expect(tab?.rows[headerRow + 1]?.[sel]?.userEnteredFormat?.textFormat?.link?.uri).toBe(
      `#gid=${target?.properties.sheetId}&range=${a1}`,
    );

    // Evidence: every distinct Drive file is looked up exactly once in the run, whoever cites it, and
    // the sample's story files come out as their Drive states say.
    expect(google.evidenceIds.size).toBeGreaterThan(100);
    for (const id of google.evidenceIds) expect(google.count('drive.files.get', { target: id }), id).toBe(1);
    expect(google.count('drive.files.get')).toBe(google.evidenceIds.size);
    const codes = (office: string) =>
      current.results.offices.find((o) => o.code === office)?.findings.map((f) => f.code) ?? [];
    expect(codes('3501')).toEqual(expect.arrayContaining(['evidence-unreachable', 'evidence-trashed']));
    expect(codes('3502').filter((code) => code === 'evidence-empty')).toHaveLength(2);
    expect(codes('3503')).toContain('evidence-shared');
    expect(codes('3504')).toContain('evidence-shared');
    expect(codes('3506').filter((code) => code === 'evidence-reused')).toHaveLength(3);
    const malang = current.results.offices.find((o) => o.code === SAMPLE_CHIP_OFFICE);
    expect(malang?.evidence?.links).toBeGreaterThan(0);
    expect(malang?.evidence?.verified).toBe(true);

    // The terminal's one line on evidence adds up what results.json holds per office.
    const sum = (key: 'links' | 'ok' | 'failed') =>
      current.results.offices.reduce((total, office) => total + (office.evidence?.[key] ?? 0), 0);
    const line = current.output.split('\n').find((text) => text.startsWith('Bukti dukung:'));
    expect(line).toContain(`${formatId(sum('links'), 0)} tautan, ${formatId(sum('ok'), 0)} ada di Drive`);
    expect(line).toContain(`${formatId(sum('failed'), 0)} gagal diperiksa`);
    expect(line).toContain('3 sel Rencana Aksi');
  }, 240_000);

  it('offline, the same content agrees except for what verification adds', async () => {
    const offline = await runMonev({ data: province.dataDir, out: join(province.dir, 'out-offline') }, {});
    live ??= await runMonev(
      { source: 'google', rekap: loaded.rekapId, out: join(province.dir, 'out-google-2') },
      fakeEnv(google.url),
    );
    expect(offline.output).toMatch(/^Bukti dukung: [\d.]+ tautan, tidak diperiksa di Drive \(tanpa kredensial Google/m);
    const failedIn = new Set(
      live.results.offices.filter((o) => (o.evidence?.failed ?? 0) > 0).map((office) => office.code),
    );
    expect([...failedIn].sort()).toEqual(['3501', '3502']);
    const verificationCodes = new Set(['evidence-unreachable', 'evidence-trashed', 'evidence-empty']);
    for (const office of offline.results.offices) {
      const other = live.results.offices.find((o) => o.code === office.code);
      if (!other || office.status === 'unscored') continue;
      expect(office.evidence?.verified).toBe(false);
      expect(office.evidence?.unverified).toBe(office.evidence?.links);
      expect(other.evidence?.links).toBe(office.evidence?.links);
      expect(other.evidence?.shared).toBe(office.evidence?.shared);
      const strip = (findings: typeof office.findings) => findings.filter((f) => !verificationCodes.has(f.code));
      expect(strip(other.findings)).toEqual(strip(office.findings));
      if (!failedIn.has(office.code)) expect(other.scores).toEqual(office.scores);
      else expect(other.scores.index ?? 0).toBeLessThan(office.scores.index ?? 0);
    }
  }, 240_000);
});

/**
 * results.json without generatedAt; an unreadable office's message names its source (a file path
 * locally, a spreadsheet link in live mode) and says why, so only its code and cell are compared.
 */
function comparable(results: ResultsDocument): unknown {
  return {
    ...results,
    generatedAt: undefined,
    offices: results.offices.map((office) => ({
      ...office,
      findings: office.findings.map((f) => (f.code === 'unreadable-workbook' ? { ...f, message: undefined } : f)),
    })),
  };
}
