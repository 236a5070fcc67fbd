import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildOfficeTemplate } from '../../../functions/adapters/xlsx/office-template.js';
import { TEMPLATE_DATA_ROWS } from '../../../functions/adapters/xlsx/sheet-layout.js';
import { readXlsxBuffer } from '../../../functions/adapters/xlsx/read-workbook.js';
import { readOffice } from '../../../functions/core/office-reader.js';
import { parsePeriod } from '../../../functions/core/period.js';
import {
  ACTION_PLAN_TAB,
  AREAS,
  DATA_TABS,
  GUIDE_TAB,
  IKI_TAB,
  JOBS_TAB,
  PROFILE_TAB,
  STAGES_TAB,
  STANDARD_STEPS,
  WORKLOAD_TAB,
} from '../../../sheets-schema/index.js';

async function reloaded(workbook: ExcelJS.Workbook): Promise<{ exceljs: ExcelJS.Workbook; bytes: Uint8Array }> {
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(bytes as unknown as ArrayBuffer);
  return { exceljs, bytes };
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validationAt = (ws: ExcelJS.Worksheet, address: string) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model[address];

describe('buildOfficeTemplate', async () => {
  const { exceljs, bytes } = await reloaded(
    buildOfficeTemplate({ code: '3573', name: 'Bawaslu Kota Malang', year: 2025 }),
  );
  const read = await readXlsxBuffer(bytes);

  it('has Petunjuk, Profil, then the data tabs in schema order', () => {
    expect(exceljs.worksheets.map((ws) => ws.name)).toEqual([
      GUIDE_TAB.name,
      PROFILE_TAB.name,
      ...DATA_TABS.map((tab) => tab.name),
    ]);
  });

  it('explains in Petunjuk how to fill every tab, naming its required columns', () => {
    const guide = exceljs.getWorksheet(GUIDE_TAB.name) as ExcelJS.Worksheet;
    const text = guide
      .getColumn(1)
      .values.filter((value) => typeof value === 'string')
      .join('\n');
    expect(text).toContain('Petunjuk pengisian');
    for (const tab of DATA_TABS) {
      const line = text.split('\n').find((l) => l.includes(`. ${tab.name}:`)) ?? '';
      for (const column of tab.columns.filter((c) => c.required)) expect(line, tab.name).toContain(column.header);
    }
    expect(text).toContain('Hasil Validasi');
    // Every line is as tall as its wrapped text, so LibreOffice does not draw lines over each other.
    guide.eachRow((row) => expect(row.height).toBeGreaterThanOrEqual(15));
    expect(guide.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });

  it('leaves validation untouched: Petunjuk is an extra tab, so no finding names it', () => {
    const parsed = readOffice(read, { code: '3573' }, parsePeriod('2025-TW3')!);
    expect(parsed.findings.filter((f) => f.tab === GUIDE_TAB.name || f.cell.startsWith(GUIDE_TAB.name))).toEqual([]);
    expect(parsed.findings.every((f) => f.code === 'empty-tab')).toBe(true);
  });

  it('sets a print setup on every data tab: A4 landscape, one page wide, the header row repeated', () => {
    for (const tab of DATA_TABS)
      expect((exceljs.getWorksheet(tab.name) as ExcelJS.Worksheet).pageSetup, tab.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      });
  });

  it('offers Struktural, Fungsional and Pelaksana for Jenis Jabatan, as a warning only', () => {
    const ws = exceljs.getWorksheet(JOBS_TAB.name) as ExcelJS.Worksheet;
    const letter = ws.getColumn(JOBS_TAB.columns.findIndex((c) => c.key === 'jobType') + 1).letter;
    expect(validationAt(ws, `${letter}2`)).toMatchObject({
      type: 'list',
      formulae: ['"Struktural,Fungsional,Pelaksana"'],
      errorStyle: 'warning',
    });
  });

  it('gives Bidang a note that lists exactly what its dropdown offers', () => {
    const ws = exceljs.getWorksheet(ACTION_PLAN_TAB.name) as ExcelJS.Worksheet;
    const note = String(ws.getCell('B1').note);
    for (const area of AREAS) expect(note).toContain(`${area.no} ${area.name}`);
    expect(note).toMatch(/Pilih dari daftar/);
  });

  it('gives each quarter column its own note', () => {
    const ws = exceljs.getWorksheet(ACTION_PLAN_TAB.name) as ExcelJS.Worksheet;
    const notes = ACTION_PLAN_TAB.columns
      .map((column, i) => ({ column, note: String(ws.getCell(1, i + 1).note) }))
      .filter(({ column }) => column.quarter !== undefined);
    expect(notes).toHaveLength(8);
    expect(new Set(notes.map(({ note }) => note)).size).toBe(8);
    expect(notes.find(({ column }) => column.header === 'Target TW II')?.note).toMatch(/triwulan II \(April–Juni\)/);
    expect(notes.find(({ column }) => column.header === 'Realisasi TW IV')?.note).toMatch(/Oktober–Desember/);
  });

  it('fills Profil with keys in A, values in B and the help as notes', () => {
    const profile = exceljs.getWorksheet(PROFILE_TAB.name) as ExcelJS.Worksheet;
    expect([1, 2, 3].map((r) => [profile.getCell(r, 1).value, profile.getCell(r, 2).value])).toEqual([
      ['Kode Satker', '3573'],
      ['Nama Satker', 'Bawaslu Kota Malang'],
      ['Tahun', 2025],
    ]);
    expect(profile.getCell(1, 1).note).toBe(`${PROFILE_TAB.keys[0].help}\n\nWajib diisi.`);
  });

  // Petunjuk's legend: orange is required, blue may be left blank (issue 18 item 7: Profil's keys were blue).
  it('styles Profil’s three keys as required, as Petunjuk’s legend says', () => {
    const profile = exceljs.getWorksheet(PROFILE_TAB.name) as ExcelJS.Worksheet;
    const actions = exceljs.getWorksheet(ACTION_PLAN_TAB.name) as ExcelJS.Worksheet;
    const headerFill = (key: string) =>
      actions.getCell(1, ACTION_PLAN_TAB.columns.findIndex((column) => column.key === key) + 1).fill;
    const required = headerFill('activity');
    expect(required).not.toEqual(headerFill('output'));
    PROFILE_TAB.keys.forEach((key, r) => {
      expect(key.required).toBe(true);
      expect(profile.getCell(r + 1, 1).fill, key.label).toEqual(required);
      expect(String(profile.getCell(r + 1, 1).note)).toMatch(/Wajib diisi\.$/);
    });
    const legend = GUIDE_TAB.lines.find((line) => line.text.includes('jingga'))?.text ?? '';
    for (const key of PROFILE_TAB.keys) expect(legend).toContain(key.label);
  });

  it('wraps exactly the long-text columns below the header, every data cell at the top of its row', () => {
    for (const tab of DATA_TABS) {
      const ws = exceljs.getWorksheet(tab.name) as ExcelJS.Worksheet;
      tab.columns.forEach((column, i) => {
        const alignment = ws.getCell(TEMPLATE_DATA_ROWS, i + 1).alignment;
        expect(alignment?.wrapText === true, `${tab.name} ${column.header}`).toBe(column.wrap === true);
        expect(alignment?.vertical).toBe('top');
      });
    }
    const wrapped = (tab: (typeof DATA_TABS)[number]) =>
      tab.columns.filter((column) => column.wrap).map((column) => column.header);
    expect(wrapped(ACTION_PLAN_TAB)).toEqual([
      'Bidang',
      'Kegiatan',
      'Output',
      'Satuan',
      'Penanggung Jawab',
      'Bukti Dukung',
      'Keterangan',
    ]);
    expect(wrapped(WORKLOAD_TAB)).toEqual(['Jabatan', 'Uraian Tugas', 'Satuan Hasil']);
  });

  // A4 landscape holds about 150 characters of column width at full size (Calibri 11); Rencana Aksi was 287
  // wide and printed at about 3½ pt in LibreOffice. At 210 the same LibreOffice (without Calibri, so in a
  // wider face) prints it at about 6½ pt; with Calibri the estimate is about 8 pt.
  it('keeps Rencana Aksi narrow enough to print at a readable size one page wide', () => {
    const width = ACTION_PLAN_TAB.columns.reduce((sum, column) => sum + (column.width ?? 10), 0);
    expect(width).toBeLessThanOrEqual(210);
  });

  for (const tab of DATA_TABS) {
    it(`${tab.name}: headers, notes, widths, frozen header row`, () => {
      const ws = exceljs.getWorksheet(tab.name) as ExcelJS.Worksheet;
      tab.columns.forEach((column, i) => {
        const cell = ws.getCell(1, i + 1);
        expect(cell.value).toBe(column.header);
        expect(cell.font?.bold).toBe(true);
        expect(cell.alignment?.wrapText).toBe(true);
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
        expect(String(cell.note)).toContain(column.help);
        if (column.width) expect(ws.getColumn(i + 1).width).toBe(column.width);
      });
      expect(ws.getCell(1, tab.columns.length + 1).value).toBeNull();
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });

    it(`${tab.name}: a dropdown on the data cells of every choice column`, () => {
      const ws = exceljs.getWorksheet(tab.name) as ExcelJS.Worksheet;
      tab.columns.forEach((column, i) => {
        const letter = ws.getColumn(i + 1).letter;
        const validation = validationAt(ws, `${letter}2`);
        if (column.listFrom) return; // a dropdown of another tab's column: below
        if (column.kind !== 'choice' && !column.suggestions) return expect(validation).toBeUndefined();
        const labels = column.choices?.choices.map((choice) => choice.label) ?? column.suggestions ?? [];
        expect(validation).toMatchObject({ type: 'list', formulae: [`"${labels.join(',')}"`] });
        expect(validationAt(ws, `${letter}300`)).toEqual(validation);
        expect(validationAt(ws, `${letter}1`)).toBeUndefined();
      });
    });
  }

  it('IKI and ABK Jabatan offer the jobs of Anjab, IKI Kode IKU the codes of IKU (issue 20)', () => {
    const at = (tab: string, header: string) => {
      const ws = exceljs.getWorksheet(tab) as ExcelJS.Worksheet;
      const column = (ws.getRow(1).values as unknown[]).indexOf(header);
      return validationAt(ws, `${ws.getColumn(column).letter}2`);
    };
    expect(at('IKI', 'Jabatan')).toMatchObject({
      type: 'list',
      formulae: ["'Anjab'!$A$2:$A$501"],
      errorStyle: 'warning',
    });
    expect(at('ABK', 'Jabatan')).toMatchObject({ type: 'list', formulae: ["'Anjab'!$A$2:$A$501"] });
    expect(at('IKI', 'Kode IKU')).toMatchObject({ type: 'list', formulae: ["'IKU'!$A$2:$A$501"] });
  });

  it('offers the eight area names as the Bidang dropdown', () => {
    const ws = exceljs.getWorksheet('Rencana Aksi') as ExcelJS.Worksheet;
    expect(validationAt(ws, 'B2')?.formulae).toEqual([`"${AREAS.map((area) => area.name).join(',')}"`]);
  });

  it('formats the NIP column as text and the date column as a date', () => {
    const iki = exceljs.getWorksheet(IKI_TAB.name) as ExcelJS.Worksheet;
    expect(iki.getColumn(1).numFmt).toBe('@');
    const stages = exceljs.getWorksheet(STAGES_TAB.name) as ExcelJS.Worksheet;
    const dateColumn = STAGES_TAB.columns.findIndex((column) => column.kind === 'date') + 1;
    expect(stages.getColumn(dateColumn).numFmt).toBe('dd/mm/yyyy');
  });

  it('pre-fills Tahapan with the standard steps, all Belum', async () => {
    const read = await readXlsxBuffer(bytes);
    const rows = read.sheets.find((sheet) => sheet.name === STAGES_TAB.name)?.rows ?? [];
    const steps = rows.slice(1).map((row) => [row?.[0]?.value, row?.[1]?.value, row?.[2]?.value]);
    expect(steps).toEqual(STANDARD_STEPS.map((step) => [step.stage, step.step, 'Belum']));
  });

  it('leaves the data tabs empty below the header', async () => {
    const data: string[] = DATA_TABS.map((tab) => tab.name).filter((name) => name !== STAGES_TAB.name);
    for (const sheet of read.sheets.filter((s) => data.includes(s.name))) expect(sheet.rows).toHaveLength(1);
  });
});
