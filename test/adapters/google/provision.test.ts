import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionCommand } from '../../../functions/commands/provision.js';
import {
  DATA_TABS,
  GUIDE_TAB,
  IKU_TAB,
  JOBS_TAB,
  PEER_LEDGER_TAB,
  PROFILE_TAB,
  REGISTRY_TAB,
  STAGES_TAB,
  STANDARD_STEPS,
} from '../../../sheets-schema/index.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { fakeEnv, quietIo, runMonev } from './support.js';

/** `monev provision`: the rekap and the office spreadsheets, built from sheets-schema, created once. */
describe('monev provision', () => {
  let google: FakeGoogleApi;
  let folder: string;
  let env: Record<string, string>;
  let dir: string;

  beforeEach(async () => {
    google = await startFakeGoogleApi();
    folder = google.addFolder('Monev Jatim');
    env = fakeEnv(google.url, { MONEV_DRIVE_FOLDER_ID: folder });
    dir = await mkdtemp(join(tmpdir(), 'monev-provision-'));
  });

  afterEach(async () => {
    await google.close();
    await rm(dir, { recursive: true, force: true });
  });

  const provision = async (rekap: string) => {
    const io = quietIo();
    const code = await provisionCommand({ rekap, period: '2025-TW3' }, io, env);
    return { code, output: io.lines.join('\n') };
  };
  const spreadsheetsInFolder = () =>
    google
      .listFiles()
      .filter((file) => file.parents?.includes(folder) && file.mimeType === 'application/vnd.google-apps.spreadsheet');

  it('creates the rekap once, then one spreadsheet per office without Sumber, shared and linked; a rerun creates nothing', async () => {
    expect((await provision('')).code).toBe(0);
    expect((await provision('')).output).toContain('sudah ada');
    const rekaps = spreadsheetsInFolder();
    expect(rekaps).toHaveLength(1);
    const rekapId = rekaps[0]?.id as string;
    expect(google.spreadsheet(rekapId)?.sheets.map((sheet) => sheet.properties.title)).toEqual([
      'Satker',
      'Bobot',
      'Pengaturan',
      'Rekap',
      'Rekap Bidang',
      'Log',
      'Pembelajaran',
    ]);
    // Pembelajaran's session columns (SPEC §9): Tanggal Sesi a date, Hadir Ya or Tidak, from the first row on.
    const ledger = google.spreadsheet(rekapId)?.sheets.find((sheet) => sheet.properties.title === 'Pembelajaran');
    const ledgerHeader = (google.values(rekapId, 'Pembelajaran')?.[0] ?? []).map(String);
    expect(ledgerHeader).toEqual([...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders]);
    const cellRule = (row: number, header: string) =>
      ledger?.rows[row]?.[ledgerHeader.indexOf(header)]?.dataValidation?.condition;
    expect(cellRule(1, 'Tanggal Sesi')?.type).toBe('DATE_IS_VALID');
    expect(cellRule(400, 'Hadir')?.values?.map((v) => v.userEnteredValue)).toEqual(['Ya', 'Tidak']);

    // Three active offices with e-mails; the others inactive for a quick test.
    const satker = google.values(rekapId, REGISTRY_TAB.name) ?? [];
    const header = (satker[0] ?? []).map(String);
    expect(header).toEqual(REGISTRY_TAB.columns.map((column) => column.header));
    expect(satker.filter((row) => row.some((value) => value !== null))).toHaveLength(39);
    const wanted = ['3573', '3507', '3578'];
    satker.forEach((row, r) => {
      if (r === 0 || row[0] === null) return;
      const code = String(row[header.indexOf('Kode')]);
      if (!wanted.includes(code)) google.setCell(rekapId, REGISTRY_TAB.name, r, header.indexOf('Aktif'), 'Tidak');
      else
        google.setCell(
          rekapId,
          REGISTRY_TAB.name,
          r,
          header.indexOf('Email'),
          `operator.${code}@example.go.id, kasek.${code}@example.go.id`,
        );
    });

    // The write-back fails once: the spreadsheets exist, Sumber is still empty.
    google.inject({ method: 'sheets.spreadsheets.batchUpdate', target: rekapId, times: 1, fault: { status: 400 } });
    await expect(provisionCommand({ rekap: rekapId }, quietIo(), env)).rejects.toThrow();
    expect(spreadsheetsInFolder()).toHaveLength(4);

    const first = await provision(rekapId);
    expect(first.code).toBe(0);
    expect(first.output).toContain('ditemukan dari proses sebelumnya');
    const second = await provision(rekapId);
    expect(second.output).toContain('0 spreadsheet satker ditautkan');
    expect(spreadsheetsInFolder()).toHaveLength(4);
    expect(google.count('drive.files.create')).toBe(4);

    const linked = (google.values(rekapId, REGISTRY_TAB.name) ?? []).filter((row) =>
      wanted.includes(String(row[header.indexOf('Kode')])),
    );
    expect(linked).toHaveLength(3);
    for (const row of linked) {
      const link = String(row[header.indexOf('Sumber')]);
      const id = /\/d\/([^/]+)\//.exec(link)?.[1] as string;
      const code = String(row[header.indexOf('Kode')]);
      const permissions = google
        .file(id)
        ?.permissions.filter((p) => p.role === 'writer')
        .map((p) => p.emailAddress);
      expect(permissions).toEqual([`operator.${code}@example.go.id`, `kasek.${code}@example.go.id`]);
      expect(google.file(id)?.appProperties).toEqual({ monev: 'satker', kode: code });
    }
  });

  it('lays an office spreadsheet out like the xlsx template and scores it with one read', async () => {
    await provision('');
    const rekapId = spreadsheetsInFolder()[0]?.id as string;
    const satker = google.values(rekapId, REGISTRY_TAB.name) ?? [];
    const header = (satker[0] ?? []).map(String);
    satker.forEach((row, r) => {
      if (r > 0 && row[0] !== null && row[header.indexOf('Kode')] !== '3573')
        google.setCell(rekapId, REGISTRY_TAB.name, r, header.indexOf('Aktif'), 'Tidak');
    });
    await provision(rekapId);
    const office = spreadsheetsInFolder().find((file) => file.appProperties?.kode === '3573');
    const stored = google.spreadsheet(office?.id as string);
    expect(stored?.sheets.map((sheet) => sheet.properties.title)).toEqual([
      GUIDE_TAB.name,
      PROFILE_TAB.name,
      ...DATA_TABS.map((tab) => tab.name),
    ]);
    expect(google.values(office?.id as string, GUIDE_TAB.name)?.map((row) => row[0])).toEqual(
      GUIDE_TAB.lines.map((line) => line.text),
    );
    const jobs = stored?.sheets.find((sheet) => sheet.properties.title === JOBS_TAB.name);
    const jobType = JOBS_TAB.columns.findIndex((column) => column.key === 'jobType');
    expect(jobs?.rows[1]?.[jobType]?.dataValidation?.condition?.values?.map((v) => v.userEnteredValue)).toEqual([
      'Struktural',
      'Fungsional',
      'Pelaksana',
    ]);

    const profil = google.values(office?.id as string, PROFILE_TAB.name);
    expect(profil?.slice(0, 3)).toEqual([
      ['Kode Satker', '3573'],
      ['Nama Satker', 'Bawaslu Kota Malang'],
      ['Tahun', 2025],
    ]);
    const iku = stored?.sheets.find((sheet) => sheet.properties.title === IKU_TAB.name);
    expect(iku?.rows[0]?.map((cell) => cell?.userEnteredValue?.stringValue)).toEqual(
      IKU_TAB.columns.map((column) => column.header),
    );
    expect(iku?.rows[0]?.[0]?.note).toContain('Kolom wajib.');
    expect(iku?.properties.gridProperties.frozenRowCount).toBe(1);
    expect(iku?.protectedRanges).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ startRowIndex: 0, endRowIndex: 1 }),
        warningOnly: true,
      }),
    ]);
    const polarity = IKU_TAB.columns.findIndex((column) => column.header === 'Polaritas');
    expect(iku?.rows[1]?.[polarity]?.dataValidation?.condition).toEqual({
      type: 'ONE_OF_LIST',
      values: [{ userEnteredValue: 'Maksimal' }, { userEnteredValue: 'Minimal' }],
    });
    const stages = google.values(office?.id as string, STAGES_TAB.name) ?? [];
    expect(stages.slice(1, 1 + STANDARD_STEPS.length).map((row) => [row[0], row[1], row[2]])).toEqual(
      STANDARD_STEPS.map((step) => [step.stage, step.step, 'Belum']),
    );

    google.resetCounts();
    const run = await runMonev({ source: 'google', rekap: rekapId, out: join(dir, 'out') }, env);
    expect(run.results.offices.map((o) => o.code)).toEqual(['3573']);
    expect(run.results.offices[0]?.findings.some((f) => f.code === 'empty-tab')).toBe(true);
    expect(run.results.offices[0]?.findings.some((f) => f.tab === GUIDE_TAB.name)).toBe(false);
    expect(google.count('sheets.spreadsheets.get', { target: office?.id as string })).toBe(1);
  });
});
