import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../../functions/adapters/xlsx/read-workbook.js';
import { quietly, sheetjs } from '../../../functions/adapters/xlsx/sheetjs.js';
import { sampleProvince, type Province } from '../../helpers/province.js';

/**
 * monev reads with SheetJS's core build, which leaves out the codepage tables the package's main file loads
 * (~90 ms of start-up). That is safe only while both builds read every archive monev accepts to the same
 * cells: the fixtures saved by real programs (Excel-style, Google, LibreOffice .xlsx and .ods, openpyxl,
 * pandas) and the sample province's own workbooks, read with the options monev reads with.
 */
const FIXTURES = join(process.cwd(), 'test/fixtures/workbooks');
const OPTIONS = { type: 'buffer', ...PARSE_OPTIONS, cellStyles: true } as const;

interface Reader {
  read(data: Uint8Array, options: typeof OPTIONS): { SheetNames: string[]; Sheets: Record<string, unknown> };
}

const full = createRequire(import.meta.url)('@e965/xlsx') as Reader;
const core = sheetjs() as unknown as Reader;

function cells(reader: Reader, data: Uint8Array): string {
  const book = quietly(() => reader.read(data, OPTIONS));
  return JSON.stringify({ names: book.SheetNames, sheets: book.Sheets });
}

let province: Province;
beforeAll(async () => {
  province = await sampleProvince(3);
});
afterAll(async () => province.cleanup());

describe("SheetJS's core build, as monev loads it", () => {
  it('is not the package main file (which loads the codepage tables)', () => {
    expect(core).not.toBe(full);
  });

  const zipped = readdirSync(FIXTURES).filter((name) => /\.(xlsx|ods)$/.test(name));
  it.each(zipped)('reads %s to the same cells as the full build', (name) => {
    const data = readFileSync(join(FIXTURES, name));
    expect(cells(core, data)).toBe(cells(full, data));
  });

  it("reads the sample province's rekap and office workbooks to the same cells as the full build", async () => {
    const files = [
      join(province.data, 'rekap.xlsx'),
      ...(await readdir(join(province.data, 'satker'))).map((name) => join(province.data, 'satker', name)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const data = await readFile(file);
      expect(cells(core, data), file).toBe(cells(full, data));
    }
  });
});
