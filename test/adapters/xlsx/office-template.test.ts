import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildOfficeTemplate } from '../../../functions/adapters/xlsx/office-template.js';
import { readXlsxBuffer } from '../../../functions/adapters/xlsx/read-workbook.js';
import { AREAS, DATA_TABS, IKI_TAB, PROFILE_TAB, STAGES_TAB, STANDARD_STEPS } from '../../../sheets-schema/index.js';

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

  it('has Profil then the data tabs in schema order', () => {
    expect(exceljs.worksheets.map((ws) => ws.name)).toEqual([PROFILE_TAB.name, ...DATA_TABS.map((tab) => tab.name)]);
  });

  it('fills Profil with keys in A, values in B and the help as notes', () => {
    const profile = exceljs.getWorksheet(PROFILE_TAB.name) as ExcelJS.Worksheet;
    expect([1, 2, 3].map((r) => [profile.getCell(r, 1).value, profile.getCell(r, 2).value])).toEqual([
      ['Kode Satker', '3573'],
      ['Nama Satker', 'Bawaslu Kota Malang'],
      ['Tahun', 2025],
    ]);
    expect(profile.getCell(1, 1).note).toBe(PROFILE_TAB.keys[0].help);
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
        if (column.kind !== 'choice') return expect(validation).toBeUndefined();
        const labels = column.choices?.choices.map((choice) => choice.label) ?? [];
        expect(validation).toMatchObject({ type: 'list', formulae: [`"${labels.join(',')}"`] });
        expect(validationAt(ws, `${letter}300`)).toEqual(validation);
        expect(validationAt(ws, `${letter}1`)).toBeUndefined();
      });
    });
  }

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
    const read = await readXlsxBuffer(bytes);
    for (const sheet of read.sheets.filter((s) => s.name !== STAGES_TAB.name && s.name !== PROFILE_TAB.name))
      expect(sheet.rows).toHaveLength(1);
  });
});
