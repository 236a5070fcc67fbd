import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRekapTemplate } from '../../../functions/adapters/xlsx/rekap-template.js';
import { readXlsxBuffer } from '../../../functions/adapters/xlsx/read-workbook.js';
import { COMPONENTS, PEER_LEDGER_TAB, REGISTRY_TAB, SETTINGS_TAB } from '../../../sheets-schema/index.js';

describe('buildRekapTemplate', async () => {
  const workbook = buildRekapTemplate({
    period: '2025-TW3',
    provinceEmail: 'monev.jatim@example.go.id',
    offices: [
      {
        code: '3573',
        name: 'Bawaslu Kota Malang',
        kind: 'Kota',
        source: 'satker/3573.xlsx',
        email: 'a@example.go.id',
        active: 'Ya',
      },
    ],
  });
  const read = await readXlsxBuffer(new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer));
  const values = (name: string) =>
    read.sheets.find((sheet) => sheet.name === name)?.rows.map((row) => row?.map((cell) => cell?.value ?? null)) ?? [];

  it('has the three input tabs and Pembelajaran, whose session columns the province fills (SPEC §9)', async () => {
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['Satker', 'Bobot', 'Pengaturan', 'Pembelajaran']);
    expect(values('Pembelajaran')[0]).toEqual([...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders]);
    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const ledger = exceljs.getWorksheet('Pembelajaran') as ExcelJS.Worksheet;
    // Tanggal Sesi (I) takes a date, Hadir (K) is Ya or Tidak.
    expect(ledger.getCell('I2').dataValidation).toMatchObject({ type: 'date', allowBlank: true });
    expect(ledger.getCell('K300').dataValidation).toMatchObject({ type: 'list', formulae: ['"Ya,Tidak"'] });
    expect(ledger.getCell('J2').dataValidation).toBeUndefined();
  });

  it('prints each tab on A4, as wide as the page (Satker landscape: six columns)', async () => {
    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const setup = (name: string) => (exceljs.getWorksheet(name) as ExcelJS.Worksheet).pageSetup;
    expect(setup('Satker')).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(setup('Bobot')).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(setup('Pengaturan')).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });

  it('lists the offices under the registry headers', () => {
    expect(values('Satker')).toEqual([
      REGISTRY_TAB.columns.map((column) => column.header),
      ['3573', 'Bawaslu Kota Malang', 'Kota', 'satker/3573.xlsx', 'a@example.go.id', 'Ya'],
    ]);
  });

  it('gives the five components their default weights, summing to 100', () => {
    const rows = values('Bobot').slice(1);
    expect(rows).toEqual(COMPONENTS.map((component) => [component.label, component.defaultWeight]));
    expect(rows.reduce((sum, row) => sum + Number(row?.[1]), 0)).toBe(100);
  });

  it('holds the settings as key/value rows', () => {
    expect(values('Pengaturan')).toEqual([
      ['Periode', '2025-TW3'],
      ['Batas Capaian', 120],
      ['WKE', 75000],
      ['Email Provinsi', 'monev.jatim@example.go.id'],
      ['Maks Binaan', 3],
      ['Batas Perbaikan'],
      ['Kontak'],
    ]);
    expect(SETTINGS_TAB.keys.map((key) => key.label)).toEqual([
      'Periode',
      'Batas Capaian',
      'WKE',
      'Email Provinsi',
      'Maks Binaan',
      'Batas Perbaikan',
      'Kontak',
    ]);
  });

  it('offers dropdowns for Jenis and Aktif', async () => {
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const model = (
      reloaded.getWorksheet('Satker') as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
    ).dataValidations.model;
    expect(model['C2']?.formulae).toEqual(['"Kabupaten,Kota,Provinsi"']);
    expect(model['F2']?.formulae).toEqual(['"Ya,Tidak"']);
  });
});
