import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxBuffer, readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../../../functions/adapters/xlsx/unreadable-workbook-error.js';
import type { Cell, Workbook } from '../../../functions/core/workbook.js';
import { writeZip, xlsxEntries, type ZipEntryInput } from '../../fakes/oversized-workbooks.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monev-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Data'), workbook);
  const buf = await workbook.xlsx.writeBuffer();
  return readXlsxBuffer(new Uint8Array(buf as unknown as ArrayBuffer));
}

function cellAt(workbook: Workbook, address: string, sheet = 'Data'): Cell | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  const column = [...(match[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return workbook.sheets.find((s) => s.name === sheet)?.rows[Number(match[2]) - 1]?.[column];
}

describe('readXlsxBuffer: values and formats', () => {
  const serial20250815 = 45884; // 2025-01-01 is 45658; Jan–Jul add 212 days, then 14 more.

  const cases: { name: string; fill: (cell: ExcelJS.Cell) => void; expected: Cell | undefined }[] = [
    {
      name: 'percent cell keeps the fraction',
      fill: (c) => ((c.value = 0.875), (c.numFmt = '0.00%')),
      expected: { value: 0.875, format: 'percent' },
    },
    { name: 'plain number', fill: (c) => (c.value = 1250.5), expected: { value: 1250.5, format: 'number' } },
    {
      name: 'thousands format is a number',
      fill: (c) => ((c.value = 1250), (c.numFmt = '#,##0')),
      expected: { value: 1250, format: 'number' },
    },
    {
      name: 'date value becomes its serial',
      fill: (c) => ((c.value = new Date(Date.UTC(2025, 7, 15))), (c.numFmt = 'dd/mm/yyyy')),
      expected: { value: serial20250815, format: 'date' },
    },
    {
      name: 'date-formatted serial with locale code',
      fill: (c) => ((c.value = serial20250815), (c.numFmt = '[$-421]dd mmmm yyyy')),
      expected: { value: serial20250815, format: 'date' },
    },
    { name: 'text stays text', fill: (c) => (c.value = '87,5%'), expected: { value: '87,5%', format: 'text' } },
    {
      name: 'NIP held as text',
      fill: (c) => ((c.value = '198703152010121001'), (c.numFmt = '@')),
      expected: { value: '198703152010121001', format: 'text' },
    },
    {
      name: 'NIP typed as a number has lost digits',
      fill: (c) => (c.value = 198703152010121001),
      expected: { value: 198703152010121000, format: 'number' },
    },
    { name: 'boolean', fill: (c) => (c.value = true), expected: { value: true, format: 'text' } },
    { name: 'error value', fill: (c) => (c.value = { error: '#REF!' }), expected: { value: '#REF!', format: 'text' } },
    {
      name: 'formula error gives its cached error',
      fill: (c) => (c.value = { formula: 'A1/0', result: { error: '#DIV/0!' } }),
      expected: { value: '#DIV/0!', format: 'text' },
    },
    {
      name: 'formula gives its cached result',
      fill: (c) => (c.value = { formula: 'B2*2', result: 42 }),
      expected: { value: 42, format: 'number' },
    },
    {
      name: 'percent formula result',
      fill: (c) => ((c.value = { formula: 'B2/B3', result: 0.5 }), (c.numFmt = '0%')),
      expected: { value: 0.5, format: 'percent' },
    },
    {
      name: 'formula without cached result is its formula, not empty (SPEC §2 v3)',
      fill: (c) => (c.value = { formula: 'B2*2' } as ExcelJS.CellFormulaValue),
      expected: { value: null, format: 'text', unsavedFormula: 'B2*2' },
    },
    {
      name: 'rich text is concatenated',
      fill: (c) => (c.value = { richText: [{ text: 'Rekonsiliasi ' }, { font: { bold: true }, text: 'laporan' }] }),
      expected: { value: 'Rekonsiliasi laporan', format: 'text' },
    },
    {
      name: 'hyperlink labelled with its URL gives the text',
      fill: (c) =>
        (c.value = {
          text: 'https://drive.google.com/file/d/abc/view',
          hyperlink: 'https://drive.google.com/file/d/abc/view?usp=sharing',
        }),
      expected: {
        value: 'https://drive.google.com/file/d/abc/view',
        format: 'text',
        links: ['https://drive.google.com/file/d/abc/view?usp=sharing'],
      },
    },
    {
      name: 'hyperlink behind a label gives the link',
      fill: (c) => (c.value = { text: 'Bukti rapat', hyperlink: 'https://drive.google.com/file/d/abc/view' }),
      expected: {
        value: 'https://drive.google.com/file/d/abc/view',
        format: 'text',
        links: ['https://drive.google.com/file/d/abc/view'],
      },
    },
    {
      name: 'link to another sheet keeps the text',
      fill: (c) => (c.value = { text: 'lihat IKU', hyperlink: "#'IKU'!A1" }),
      expected: { value: 'lihat IKU', format: 'text' },
    },
    {
      name: 'HYPERLINK formula with a label gives the link',
      fill: (c) => (c.value = { formula: 'HYPERLINK("https://jatim.bawaslu.go.id/x","Bukti")', result: 'Bukti' }),
      expected: { value: 'https://jatim.bawaslu.go.id/x', format: 'text', links: ['https://jatim.bawaslu.go.id/x'] },
    },
  ];

  for (const { name, fill, expected } of cases) {
    it(name, async () => {
      const workbook = await roundTrip((ws) => fill(ws.getCell('C4')));
      expect(cellAt(workbook, 'C4')).toEqual(expected);
    });
  }

  it('places cells by row and column and leaves gaps empty', async () => {
    const workbook = await roundTrip((ws) => {
      ws.getCell('A1').value = 'Kode';
      ws.getCell('D1').value = 'Indikator';
      ws.getCell('B5').value = 7;
    });
    const rows = workbook.sheets[0]?.rows ?? [];
    expect(rows[0]?.[0]).toEqual({ value: 'Kode', format: 'text' });
    expect(rows[0]?.[1]).toBeUndefined();
    expect(rows[0]?.[3]).toEqual({ value: 'Indikator', format: 'text' });
    expect(rows[1]).toBeUndefined();
    expect(rows[4]?.[1]).toEqual({ value: 7, format: 'number' });
    expect(rows).toHaveLength(5);
  });

  it('reads merged blocks as one value in the top-left cell, like Google Sheets', async () => {
    const workbook = await roundTrip((ws) => {
      ws.getCell('A2').value = 'Pengolahan Data';
      ws.mergeCells('A2:A4');
    });
    expect(cellAt(workbook, 'A2')?.value).toBe('Pengolahan Data');
    expect(cellAt(workbook, 'A3')).toBeUndefined();
  });

  it('reads dates of a 1904-system workbook as 1900-system serials', async () => {
    const workbook = await roundTrip((ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('A1').value = new Date(Date.UTC(2025, 7, 15));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(cellAt(workbook, 'A1')).toEqual({ value: serial20250815, format: 'date' });
  });

  it('keeps the tab order of the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['Profil', 'Rencana Aksi', 'IKU', 'Hasil Validasi'])
      workbook.addWorksheet(name).getCell('A1').value = name;
    const read = await readXlsxBuffer(new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer));
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['Profil', 'Rencana Aksi', 'IKU', 'Hasil Validasi']);
  });
});

describe('readXlsxWorkbook: files', () => {
  it('reads a file without touching it', async () => {
    const path = join(dir, 'satker.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Profil').getCell('A1').value = 'Kode Satker';
    await workbook.xlsx.writeFile(path);
    const before = { bytes: await readFile(path), mtime: (await stat(path)).mtimeMs };
    const read = await readXlsxWorkbook(path);
    expect(read.sheets[0]?.rows[0]?.[0]?.value).toBe('Kode Satker');
    expect(await readFile(path)).toEqual(before.bytes);
    expect((await stat(path)).mtimeMs).toBe(before.mtime);
  });

  async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  async function truncatedWorkbook(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('IKU').getCell('A1').value = 'Kode';
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    return fileWith('truncated.xlsx', bytes.slice(0, Math.floor(bytes.length / 2)));
  }

  async function workbookWithoutSheets(): Promise<string> {
    const bytes = await new ExcelJS.Workbook().xlsx.writeBuffer();
    return fileWith('no-sheets.xlsx', new Uint8Array(bytes as unknown as ArrayBuffer));
  }

  async function zipWith(name: string, entries: ZipEntryInput[], patch?: (bytes: Buffer) => void): Promise<string> {
    const path = join(dir, name);
    await writeZip(path, entries);
    if (patch) {
      const bytes = await readFile(path);
      patch(bytes);
      await writeFile(path, bytes);
    }
    return path;
  }

  /**
   * An .ods saved with a password, in LibreOffice's shape: mimetype and manifest in the clear, the manifest
   * holding an encryption-data element for content.xml, whose bytes are ciphertext.
   */
  function encryptedOdsEntries(): ZipEntryInput[] {
    return [
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
      {
        name: 'META-INF/manifest.xml',
        content:
          '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
          '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
          '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">' +
          '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
          '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>' +
          '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>' +
          '</manifest:encryption-data></manifest:file-entry></manifest:manifest>',
      },
      { name: 'content.xml', content: '\u00c3\u00a9\u0013\u0007\u00f1\u0092Z\u0001'.repeat(64) },
    ];
  }

  const SMALL_TAB = '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode Satker</t></is></c></row>'.repeat(40);

  const cases: { name: string; path: () => Promise<string>; reason: RegExp }[] = [
    {
      name: 'a FIFO (named pipe), without waiting for a writer',
      path: async () => {
        const path = join(dir, 'pipe.xlsx');
        execFileSync('mkfifo', [path]);
        return path;
      },
      reason: /^yang ditunjuk bukan file biasa/,
    },
    {
      name: 'a zip whose entry unpacks to more than it declares (corrupt, not too large)',
      path: () => zipWith('liar.xlsx', xlsxEntries([{ name: 'Profil', sheetData: SMALL_TAB, declaredSize: 100 }])),
      reason: /^file rusak: isi arsipnya tidak sesuai/,
    },
    {
      name: 'an .xlsx zip with an encrypted entry',
      path: () =>
        zipWith('zip-password.xlsx', xlsxEntries([{ name: 'Profil', sheetData: SMALL_TAB }]), (bytes) =>
          bytes.writeUInt16LE(1, 6),
        ),
      reason: /^file dilindungi kata sandi$/,
    },
    {
      name: 'an .ods saved with a password',
      path: () => zipWith('locked.ods', encryptedOdsEntries()),
      reason: /^file LibreOffice \(\.ods\) dilindungi kata sandi$/,
    },
    {
      name: 'a CSV renamed .xlsx',
      path: () => fileWith('csv.xlsx', 'Kode,Nama\n3573,Bawaslu Kota Malang\n'),
      reason: /^bukan file Excel \.xlsx yang sah.*CSV/,
    },
    {
      name: 'binary that is not a zip',
      path: () => fileWith('binary.xlsx', new Uint8Array([1, 0, 2, 0, 3])),
      reason: /^bukan file Excel \.xlsx yang sah$/,
    },
    { name: 'an empty file', path: () => fileWith('empty.xlsx', ''), reason: /^file kosong/ },
    { name: 'a missing file', path: async () => join(dir, 'nowhere.xlsx'), reason: /^file tidak ditemukan$/ },
    {
      name: 'a folder',
      path: async () => (await mkdir(join(dir, 'folder.xlsx'), { recursive: true }), join(dir, 'folder.xlsx')),
      reason: /folder/,
    },
    {
      name: 'a password-protected workbook (compound file)',
      path: () => fileWith('locked.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      reason: /kata sandi/,
    },
    { name: 'a truncated workbook', path: truncatedWorkbook, reason: /rusak/ },
    { name: 'a workbook without sheets', path: workbookWithoutSheets, reason: /tidak ada lembar kerja/ },
  ];

  for (const { name, path, reason } of cases) {
    it(`rejects ${name} with an Indonesian reason`, async () => {
      const read = readXlsxWorkbook(await path());
      await expect(read).rejects.toBeInstanceOf(UnreadableWorkbookError);
      await expect(read).rejects.toMatchObject({
        name: 'UnreadableWorkbookError',
        reason: expect.stringMatching(reason),
      });
      await expect(read).rejects.toThrow(reason);
    });
  }
});
