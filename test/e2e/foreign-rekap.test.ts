import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-workbook.js';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { loadWorkbook, runCli, sheetTable, textOf, valueOf } from './support.js';

/**
 * Issue 17 item 3: a rekap saved by any program. The fixtures (test/fixtures/rekap/make.sh) are the sample
 * province's rekap.xlsx edited by a Python script and saved by openpyxl, then by pandas and by LibreOffice,
 * and a first run's OUT/rekap.xlsx edited and saved by openpyxl. The province's edits are a column of its own
 * in Satker (width 27) and a tab of its own, Catatan (column A 41 wide); in OUT, a column of its own in Rekap
 * (width 23). exceljs cannot load openpyxl's saves of files with notes, and these runs used to exit 3.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rekap');
const OFFICES = ['3501', '3502', '3503', '3504'];

describe('a rekap saved by another program', () => {
  let dir: string;
  let province: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-foreign-rekap-'));
    province = join(dir, 'province');
    await generateSampleProvince({ outDir: province, offices: OFFICES.length });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A copy of the sample province whose rekap.xlsx is `rekap` (or the sample's own). */
  async function caseFolders(name: string, rekap?: string): Promise<{ data: string; out: string }> {
    const data = join(dir, name, 'data');
    await cp(province, data, { recursive: true });
    if (rekap) await copyFile(join(FIXTURES, rekap), join(data, 'rekap.xlsx'));
    return { data, out: join(dir, name, 'out') };
  }

  async function results(out: string): Promise<{ offices: { code: string; status: string }[] }> {
    return JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      offices: { code: string; status: string }[];
    };
  }

  it('the openpyxl fixtures still carry what exceljs cannot load', async () => {
    for (const file of ['rekap-openpyxl.xlsx', 'out-rekap-openpyxl.xlsx'])
      await expect(new ExcelJS.Workbook().xlsx.readFile(join(FIXTURES, file))).rejects.toThrow(/comments/);
  });

  const saved: { program: string; file: string; widths: boolean; pdf: boolean }[] = [
    { program: 'openpyxl', file: 'rekap-openpyxl.xlsx', widths: true, pdf: true },
    // pandas writes cells only: no widths to keep.
    { program: 'pandas', file: 'rekap-pandas.xlsx', widths: false, pdf: false },
    { program: 'LibreOffice', file: 'rekap-libreoffice.xlsx', widths: true, pdf: false },
  ];

  for (const { program, file, widths, pdf } of saved) {
    it(`runs on a rekap.xlsx saved by ${program}: results, rekap${pdf ? ', reports' : ''}; the province's tab and column kept`, async () => {
      const { data, out } = await caseFolders(program, file);
      const run = await runCli(['run', '--data', data, '--out', out, ...(pdf ? ['--no-email'] : ['--no-pdf'])]);
      expect(run.stderr).not.toMatch(/kesalahan internal/i);
      expect(run.code).toBeLessThanOrEqual(1);
      expect((await results(out)).offices.map((o) => o.code)).toEqual(OFFICES);
      if (pdf) {
        const reports = await readdir(join(out, 'laporan'));
        // Every office gets its report, the unscored one (3504, whose file the sample leaves out) included.
        expect(reports.filter((name) => /^35\d\d-.*\.pdf$/.test(name))).toHaveLength(OFFICES.length);
      }

      const workbook = await loadWorkbook(join(out, 'rekap.xlsx'));
      const rekap = sheetTable(workbook, 'Rekap');
      expect(rekap.rows.map((row) => valueOf(row.cell('Kode'))).sort()).toEqual(OFFICES);
      const satker = sheetTable(workbook, 'Satker');
      expect(satker.rows.map((row) => textOf(row.cell('Catatan Provinsi')))[0]).toBe('dibina tim provinsi');
      const notes = workbook.getWorksheet('Catatan') as ExcelJS.Worksheet;
      expect(notes.getCell('A2').value).toBe('Rapat evaluasi triwulan');
      if (widths) {
        expect(satker.headers.get('Catatan Provinsi')).toBeDefined();
        const ownColumn = (workbook.getWorksheet('Satker') as ExcelJS.Worksheet).getColumn(
          satker.headers.get('Catatan Provinsi') as number,
        );
        expect(ownColumn.width).toBeCloseTo(27, 0);
        expect(notes.getColumn(1).width).toBeCloseTo(41, 0);
      }
    });
  }

  it('runs on an OUT/rekap.xlsx re-saved by openpyxl: history, the send log and the province’s column carry over', async () => {
    const { data, out } = await caseFolders('carried');
    await mkdir(out, { recursive: true });
    await copyFile(join(FIXTURES, 'out-rekap-openpyxl.xlsx'), join(out, 'rekap.xlsx'));
    const before = await readXlsxWorkbook(join(out, 'rekap.xlsx'));
    // Rows below Log's header: the first run's actions.
    const earlierLog = (before.sheets.find((sheet) => sheet.name === 'Log')?.rows.filter(Boolean).length ?? 1) - 1;
    const marked = before.sheets.find((sheet) => sheet.name === 'Rekap')?.rows[1]?.[1]?.value;
    expect(earlierLog).toBeGreaterThan(0);

    const run = await runCli(['run', '--data', data, '--out', out, '--no-email']);
    expect(run.stderr).not.toMatch(/kesalahan internal/i);
    expect(run.code).toBeLessThanOrEqual(1);
    expect((await results(out)).offices.map((o) => o.code)).toEqual(OFFICES);
    expect((await readdir(join(out, 'laporan'))).some((name) => name.endsWith('.pdf'))).toBe(true);

    const workbook = await loadWorkbook(join(out, 'rekap.xlsx'));
    const rekap = sheetTable(workbook, 'Rekap');
    expect(rekap.rows).toHaveLength(OFFICES.length);
    const markedRow = rekap.rows.find((row) => valueOf(row.cell('Kode')) === marked);
    expect(markedRow && textOf(markedRow.cell('Tindak Lanjut'))).toBe('undang rapat');
    const column = (workbook.getWorksheet('Rekap') as ExcelJS.Worksheet).getColumn(
      rekap.headers.get('Tindak Lanjut') as number,
    );
    expect(column.width).toBeCloseTo(23, 0);
    const log = sheetTable(workbook, 'Log');
    expect(log.rows.length).toBeGreaterThan(earlierLog);
    expect(log.rows.slice(0, earlierLog).map((row) => valueOf(row.cell('Run')))).toEqual(
      Array(earlierLog).fill(valueOf(log.rows[0]?.cell('Run') as ExcelJS.Cell)),
    );
  });
});
