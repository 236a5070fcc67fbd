import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeWorkbookAtomic } from '../../../functions/adapters/xlsx/atomic-write.js';
import { buildOfficeTemplate } from '../../../functions/adapters/xlsx/office-template.js';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monev-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeWorkbookAtomic', () => {
  it('creates missing folders and leaves no temporary file behind', async () => {
    const path = join(dir, 'a', 'b', '3573.xlsx');
    await writeWorkbookAtomic(buildOfficeTemplate({ code: '3573' }), path);
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['3573.xlsx']);
    const read = await readXlsxWorkbook(path);
    expect(read.sheets.find((sheet) => sheet.name === 'Profil')?.rows[0]?.[1]?.value).toBe('3573');
  });

  it('replaces an existing file', async () => {
    const path = join(dir, 'replace.txt');
    await writeFileAtomic(path, 'lama');
    await writeFileAtomic(path, 'baru');
    expect(await readFile(path, 'utf8')).toBe('baru');
  });

  it('writes identical bytes for a workbook with fixed dates, whatever the clock', async () => {
    const date = new Date(Date.UTC(2025, 8, 30));
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    await writeWorkbookAtomic(buildOfficeTemplate({ code: '3573', date }), first);
    // DOS timestamps have a 2-second resolution: wait past it so an unstamped zip would differ.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await writeWorkbookAtomic(buildOfficeTemplate({ code: '3573', date }), second);
    expect(Buffer.compare(await readFile(first), await readFile(second))).toBe(0);
  });
});
