import { copyFile, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hugeTabEntries, writeZip, zipBombEntries } from '../fakes/oversized-workbooks.js';
import { sampleProvince, type Province } from '../helpers/province.js';
import { runCli } from './support.js';

/**
 * docs/SPEC.md §8 from the outside: in a province of five offices, one workbook is a zip bomb (400 MB
 * unpacked), one has a tab of 100 000 rows, and one Sumber is a symbolic link out of the data folder.
 * Those three are unscored with their reason; the other two are scored, and the run completes.
 */
let province: Province;
let results: { offices: { code: string; status: string; findings: { code: string; message: string }[] }[] };
let exitCode: number;

beforeAll(async () => {
  province = await sampleProvince(5);
  const path = (code: string) => join(province.data, 'satker', `${code}.xlsx`);
  const [bomb, huge, linked] = ['3501', '3502', '3503'];
  await writeZip(path(bomb), zipBombEntries(400 * 2 ** 20));
  await writeZip(path(huge), hugeTabEntries(100_000));
  await copyFile(path(linked), join(province.root, 'di-luar.xlsx'));
  await rm(path(linked));
  await symlink(join(province.root, 'di-luar.xlsx'), path(linked));
  const run = await runCli(['run', '--data', province.data, '--out', province.out, '--no-pdf', '--no-email']);
  exitCode = run.code;
  results = JSON.parse(await readFile(join(province.out, 'results.json'), 'utf8')) as typeof results;
}, 120_000);
afterAll(() => province.cleanup());

describe('a run with oversized and escaping workbooks', () => {
  const cases: { code: string; status: string; finding?: string; message?: RegExp }[] = [
    { code: '3501', status: 'unscored', finding: 'workbook-too-large', message: /terlalu besar: isinya 40\d MB/ },
    { code: '3502', status: 'unscored', finding: 'workbook-too-large', message: /Tab "IKU" .*lebih dari 5\.000 baris/ },
    { code: '3503', status: 'unscored', finding: 'unreadable-workbook', message: /symlink.*luar folder data/ },
    { code: '3504', status: 'scored' },
    { code: '3505', status: 'scored' },
  ];
  for (const { code, status, finding, message } of cases) {
    it(`${code}: ${finding ?? status}`, () => {
      const office = results.offices.find((o) => o.code === code);
      expect(office?.status).toBe(status);
      if (finding) {
        expect(office?.findings.map((f) => f.code)).toEqual([finding]);
        expect(office?.findings[0]?.message).toMatch(message as RegExp);
      }
    });
  }

  it('exits 1 (some office unscored), not as an internal fault', () => {
    expect(exitCode).toBe(1);
  });
});

describe('monev validate on such files', () => {
  const cases: { name: string; file: () => string; status: string; codes: string[] }[] = [
    {
      name: 'a zip bomb is unscored with workbook-too-large',
      file: () => join(province.data, 'satker', '3501.xlsx'),
      status: 'unscored',
      codes: ['workbook-too-large'],
    },
    {
      name: 'an .ods saved by LibreOffice is read and identified (its other tabs are not an office’s)',
      file: () => join(import.meta.dirname, '..', 'fixtures', 'workbooks', 'libreoffice.ods'),
      status: 'scored',
      codes: ['missing-tab', 'missing-value'],
    },
  ];
  for (const { name, file, status, codes } of cases) {
    it(name, async () => {
      const run = await runCli(['validate', file(), '--period', '2025-TW3', '--kode', '3573', '--json']);
      const parsed = JSON.parse(run.stdout) as { status: string; findings: { code: string }[] };
      expect(run.code).toBe(1);
      expect(parsed.status).toBe(status);
      expect([...new Set(parsed.findings.map((f) => f.code))].sort()).toEqual(codes);
    });
  }
});
