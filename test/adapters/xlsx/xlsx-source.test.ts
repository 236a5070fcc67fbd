import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbookSource } from '../../../functions/adapters/xlsx/xlsx-source.js';

/**
 * docs/SPEC.md §8: a local Sumber names a file inside the data folder. Each case is one office's Sumber;
 * the refusal is an UnreadableWorkbookError (that office unscored, the run goes on) that says what to write.
 */
const WORKBOOK = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks', 'libreoffice.xlsx');
let root: string;
let data: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-confine-'));
  data = join(root, 'data');
  await mkdir(join(data, 'satker'), { recursive: true });
  await copyFile(WORKBOOK, join(data, 'satker', '3573.xlsx'));
  await copyFile(WORKBOOK, join(root, 'outside.xlsx'));
  await symlink(join(root, 'outside.xlsx'), join(data, 'satker', 'keluar.xlsx'));
  await symlink(join(data, 'satker', '3573.xlsx'), join(data, 'satker', 'di-dalam.xlsx'));
  await symlink(root, join(data, 'induk'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('XlsxWorkbookSource keeps Sumber inside the data folder', () => {
  const refused: { name: string; source: () => string; reason: RegExp }[] = [
    { name: '../../etc/passwd', source: () => '../../etc/passwd', reason: /"\.\."/ },
    { name: 'a .. step that comes back inside', source: () => 'satker/../satker/3573.xlsx', reason: /"\.\."/ },
    { name: 'an absolute path', source: () => join(root, 'outside.xlsx'), reason: /path absolut/ },
    { name: 'an absolute path inside the folder', source: () => join(data, 'satker', '3573.xlsx'), reason: /absolut/ },
    { name: 'a symbolic link to a file outside', source: () => 'satker/keluar.xlsx', reason: /symlink.*luar/ },
    { name: 'a linked folder leading outside', source: () => 'induk/outside.xlsx', reason: /symlink.*luar/ },
  ];
  for (const { name, source, reason } of refused) {
    it(`refuses ${name}`, async () => {
      const read = new XlsxWorkbookSource(data).readOffice(source());
      await expect(read).rejects.toMatchObject({
        name: 'UnreadableWorkbookError',
        reason: expect.stringMatching(reason),
        fix: expect.stringMatching(/di dalam folder data.*satker\/3573\.xlsx/),
      });
    });
  }

  const accepted: { name: string; source: string }[] = [
    { name: 'a relative path', source: 'satker/3573.xlsx' },
    { name: 'a relative path with spaces around', source: '  satker/3573.xlsx ' },
    { name: 'a symbolic link that stays inside', source: 'satker/di-dalam.xlsx' },
  ];
  for (const { name, source } of accepted) {
    it(`reads ${name}`, async () => {
      const workbook = await new XlsxWorkbookSource(data).readOffice(source);
      expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Profil', 'Sel']);
    });
  }

  it('names a refused Sumber as written, never as a path of this machine', () => {
    const source = new XlsxWorkbookSource(data);
    expect(source.describe('../../etc/passwd')).toBe('../../etc/passwd');
    expect(source.describe('satker/3573.xlsx')).toBe(join('satker', '3573.xlsx'));
  });

  it('refuses a FIFO named by Sumber at once instead of waiting for a writer forever', async () => {
    execFileSync('mkfifo', [join(data, 'satker', 'pipa.xlsx')]);
    await expect(new XlsxWorkbookSource(data).readOffice('satker/pipa.xlsx')).rejects.toMatchObject({
      name: 'UnreadableWorkbookError',
      reason: expect.stringMatching(/bukan file biasa/),
      office: { reason: expect.stringMatching(/bukan file biasa/) },
    });
  });

  it('still says a missing file is missing', async () => {
    await expect(new XlsxWorkbookSource(data).readOffice('satker/9999.xlsx')).rejects.toMatchObject({
      reason: 'file tidak ditemukan',
    });
  });
});
