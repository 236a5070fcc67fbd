import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxBuffer, readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../../../functions/adapters/xlsx/unreadable-workbook-error.js';
import {
  DEFAULT_WORKBOOK_LIMITS,
  WorkbookTooLargeError,
  type WorkbookLimits,
} from '../../../functions/core/workbook-limits.js';
import { tooLargeFinding } from '../../../functions/core/findings.js';
import {
  hugeTabEntries,
  odsEntries,
  repeatedOdsEntries,
  writeZip,
  xlsxEntries,
  zipBombEntries,
  type ZipEntryInput,
} from '../../fakes/oversized-workbooks.js';

/**
 * docs/SPEC.md §8 limits: 50 MB unpacked, 5 000 rows and 200 columns per tab. The files are generated here,
 * in a temporary folder; the bomb and the huge tab are the ones `npm run bench` runs a province with.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monev-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MIB = 2 ** 20;

async function written(name: string, entries: Parameters<typeof writeZip>[1]): Promise<string> {
  const path = join(dir, name);
  await writeZip(path, entries);
  return path;
}

describe('workbooks past the limits are refused before they cost memory', () => {
  const cases: {
    name: string;
    file: () => Promise<string>;
    limits?: WorkbookLimits;
    excess: WorkbookTooLargeError['excess'];
  }[] = [
    {
      name: 'a zip bomb: 400 MB unpacked, refused from its central directory',
      file: () => written('bomb.xlsx', zipBombEntries(400 * MIB)),
      excess: { measure: 'unpacked', bytes: expect.any(Number) as number, limit: 50 * MIB },
    },
    {
      name: 'a tab of 100 000 rows',
      file: () => written('rows.xlsx', hugeTabEntries(100_000)),
      excess: { measure: 'rows', tab: 'IKU', limit: 5000 },
    },
    {
      name: 'a tab of 5 001 rows',
      file: () => written('rows-5001.xlsx', hugeTabEntries(5001, 2)),
      excess: { measure: 'rows', tab: 'IKU', limit: 5000 },
    },
    {
      name: 'a tab of 201 columns',
      file: () => written('columns.xlsx', hugeTabEntries(3, 201)),
      excess: { measure: 'columns', tab: 'IKU', limit: 200 },
    },
    {
      name: 'lower limits from the settings',
      file: () => written('small-limits.xlsx', hugeTabEntries(11, 2)),
      limits: { ...DEFAULT_WORKBOOK_LIMITS, maxRows: 10 },
      excess: { measure: 'rows', tab: 'IKU', limit: 10 },
    },
  ];

  for (const { name, file, limits, excess } of cases) {
    it(name, async () => {
      const read = readXlsxWorkbook(await file(), limits);
      await expect(read).rejects.toBeInstanceOf(WorkbookTooLargeError);
      await expect(read).rejects.toMatchObject({ excess });
    });
  }

  /** SPEC §2 v3: rows in use run to the last value, however many blank rows come before it. */
  const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>No</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
  const gapCases: { name: string; entries: () => ZipEntryInput[]; tab: string | null }[] = [
    {
      name: 'a value at row 6 000 after blank rows',
      entries: () =>
        xlsxEntries([
          { name: 'Profil', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: 'Rencana Aksi', sheetData: `${head}<row r="6000"><c r="H6000"><v>4</v></c></row>` },
        ]),
      tab: 'Rencana Aksi',
    },
    {
      name: 'a text value at row 6 000 in a row without a number, written with a namespace prefix',
      entries: () =>
        xlsxEntries([
          {
            name: 'IKU',
            sheetData: `${head}<x:row><x:c r="B3" t="inlineStr"><x:is><x:t>tiga</x:t></x:is></x:c></x:row><row r="6000" spans="1:2"><c r="B6000" t="inlineStr"><is><t>x</t></is></c></row>`,
          },
        ]),
      tab: 'IKU',
    },
    {
      name: 'a formula without a saved result at row 6 000',
      entries: () =>
        xlsxEntries([{ name: 'IKU', sheetData: `${head}<row r="6000"><c r="B6000"><f>1/0</f><v></v></c></row>` }]),
      tab: 'IKU',
    },
    {
      name: 'an OpenDocument value below a thousand-row blank gap',
      entries: () =>
        odsEntries('IKU', [
          [1, 'value'],
          [5998, 'blank'],
          [1, 'value'],
        ]),
      tab: 'IKU',
    },
    {
      name: 'formatted but empty cells at row 6 000 are no value',
      entries: () =>
        xlsxEntries([
          {
            name: 'IKU',
            sheetData: `${head}<row r="6000" ht="20" customHeight="1"><c r="A6000" s="1"/><c r="B6000" s="2"><v></v></c></row>`,
          },
        ]),
      tab: null,
    },
    {
      name: 'an OpenDocument tab ending in a million blank rows, as LibreOffice saves it',
      entries: () =>
        odsEntries('IKU', [
          [3, 'value'],
          [1_048_573, 'blank'],
        ]),
      tab: null,
    },
  ];
  for (const { name, entries, tab } of gapCases) {
    it(name, async () => {
      const read = readXlsxWorkbook(
        await written(
          `gap-${gapCases.findIndex((c) => c.name === name)}.${name.includes('OpenDocument') ? 'ods' : 'xlsx'}`,
          entries(),
        ),
      );
      if (tab === null) await expect(read).resolves.toBeDefined();
      else await expect(read).rejects.toMatchObject({ excess: { measure: 'rows', tab, limit: 5000 } });
    });
  }

  it('reads a tab of exactly 5 000 rows and 200 columns', async () => {
    const lastRow = '<row r="5000"><c r="A5000"><v>5000</v></c><c r="GR5000"><v>200</v></c></row>';
    const rows = Array.from({ length: 4999 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r + 1}</v></c></row>`);
    const path = await written('at-limit.xlsx', xlsxEntries([{ name: 'IKU', sheetData: rows.join('') + lastRow }]));
    const iku = (await readXlsxWorkbook(path)).sheets[0];
    expect(iku?.rows).toHaveLength(5000);
    expect(iku?.rows[4999]?.[199]).toEqual({ value: 200, format: 'number' });
  });

  it('refuses a file larger than the unpacked limit without reading it', async () => {
    const path = join(dir, 'sparse.xlsx');
    await writeFile(path, 'PK');
    await truncate(path, 2 * MIB);
    const read = readXlsxWorkbook(path, { ...DEFAULT_WORKBOOK_LIMITS, maxUnpackedBytes: MIB });
    await expect(read).rejects.toMatchObject({ excess: { measure: 'unpacked', bytes: 2 * MIB, limit: MIB } });
  });

  it('caps an OpenDocument row repeated a million times instead of expanding it', async () => {
    // Lower limits keep the test quick; with the defaults the same file stops at 5 001 × 201 cells.
    const limits = { ...DEFAULT_WORKBOOK_LIMITS, maxRows: 100, maxColumns: 20 };
    const read = readXlsxWorkbook(await written('repeat.ods', repeatedOdsEntries(1_000_000, 16_000)), limits);
    await expect(read).rejects.toMatchObject({ excess: { measure: 'rows', tab: 'IKU', limit: 100 } });
  });

  it('reads an OpenDocument repetition within the limits', async () => {
    const workbook = await readXlsxWorkbook(await written('repeat-small.ods', repeatedOdsEntries(3, 4)));
    expect(workbook.sheets[0]?.rows.map((row) => row?.length)).toEqual([4, 4, 4]);
  });

  it('refuses a zip that declares 1 KB but inflates to 60 MB as damaged, not as too large: inflation stops at the declaration', async () => {
    const read = readXlsxWorkbook(await written('liar.xlsx', zipBombEntries(60 * MIB, 1024)));
    await expect(read).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(read).rejects.toMatchObject({
      reason: expect.stringMatching(/^file rusak: isi arsipnya tidak sesuai/),
    });
  });

  it('refuses a zip that is not an archive it can trust (broken central directory) as unreadable', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0xff)]);
    await expect(readXlsxBuffer(bytes)).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});

describe('workbook-too-large finding', () => {
  const cases: { name: string; excess: WorkbookTooLargeError['excess']; cell: string; message: RegExp }[] = [
    {
      name: 'unpacked size',
      excess: { measure: 'unpacked', bytes: 400 * MIB, limit: 50 * MIB },
      cell: 'Profil!A1',
      message:
        /^File "satker\/3573\.xlsx" terlalu besar: isinya 400 MB setelah dibuka, melebihi batas 50 MB\. .*tidak dinilai.*Hapus gambar/,
    },
    {
      name: 'rows',
      excess: { measure: 'rows', tab: 'Rencana Aksi', limit: 5000 },
      cell: "'Rencana Aksi'!A1",
      message: /^Tab "Rencana Aksi" .* lebih dari 5\.000 baris.*tidak dinilai.*Hapus baris/,
    },
    {
      name: 'columns',
      excess: { measure: 'columns', tab: 'IKU', limit: 200 },
      cell: 'IKU!A1',
      message: /lebih dari 200 kolom.*Hapus kolom/,
    },
  ];
  for (const { name, excess, cell, message } of cases) {
    it(name, () => {
      const f = tooLargeFinding('satker/3573.xlsx', excess);
      expect(f).toMatchObject({ code: 'workbook-too-large', level: 'error', cell });
      expect(f.message).toMatch(message);
    });
  }
});
