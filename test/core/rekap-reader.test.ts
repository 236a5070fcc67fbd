import { describe, expect, it } from 'vitest';
import { readRekap } from '../../functions/core/rekap-reader.js';
import { sheet, workbook, type RowInput } from '../helpers/workbook.js';

const SATKER_HEADERS = ['Kode', 'Nama', 'Jenis', 'Sumber', 'Email', 'Aktif'];

function rekap(options: { satker?: RowInput[]; bobot?: RowInput[] | null; pengaturan?: RowInput[] } = {}) {
  const sheets = [
    sheet('Satker', [
      SATKER_HEADERS,
      ...(options.satker ?? [
        ['3573', 'Bawaslu Kota Malang', 'Kota', 'satker/3573.xlsx', 'a@example.go.id, b@example.go.id', 'Ya'],
        ['3507', 'Bawaslu Kabupaten Malang', 'Kabupaten', 'satker/3507.xlsx', 'c@example.go.id', ''],
      ]),
    ]),
    sheet(
      'Pengaturan',
      options.pengaturan ?? [
        ['Periode', '2025-TW3'],
        ['Batas Capaian', 110],
        ['WKE', 72000],
        ['Email Provinsi', 'prov@example.go.id'],
      ],
    ),
  ];
  if (options.bobot !== null) {
    sheets.push(
      sheet(
        'Bobot',
        options.bobot ?? [
          ['Komponen', 'Bobot'],
          ['IKU', 40],
          ['Rencana Aksi', 30],
          ['IKI', 10],
          ['Tahapan', 10],
          ['Kualitas Data', 10],
        ],
      ),
    );
  }
  return readRekap(workbook(...sheets));
}

describe('readRekap', () => {
  it('reads the registry, weights and settings', () => {
    const inputs = rekap();
    expect(inputs.problems).toEqual([]);
    expect(inputs.offices.map((o) => [o.code, o.source, o.emails])).toEqual([
      ['3573', 'satker/3573.xlsx', ['a@example.go.id', 'b@example.go.id']],
      ['3507', 'satker/3507.xlsx', ['c@example.go.id']],
    ]);
    expect(inputs.weights).toEqual({ iku: 40, actionPlan: 30, iki: 10, stages: 10, dataQuality: 10 });
    expect(inputs.period?.id).toBe('2025-TW3');
    expect(inputs.cap).toBe(110);
    expect(inputs.effectiveMinutes).toBe(72000);
    expect(inputs.provinceEmails).toEqual(['prov@example.go.id']);
    // Absent settings take their defaults.
    expect([inputs.maxMentees, inputs.repairDeadline, inputs.contact]).toEqual([3, null, null]);
  });

  it('reads Maks Binaan, Batas Perbaikan and Kontak', () => {
    const inputs = rekap({
      pengaturan: [
        ['Periode', '2025-TW3'],
        ['Maks Binaan', 2],
        ['Batas Perbaikan', '15 Oktober 2025'],
        ['Kontak', 'Tim Monev Provinsi, 0341-123456'],
      ],
    });
    expect(inputs.problems).toEqual([]);
    expect([inputs.maxMentees, inputs.repairDeadline, inputs.contact]).toEqual([
      2,
      '2025-10-15',
      'Tim Monev Provinsi, 0341-123456',
    ]);
  });

  const badSettings: { name: string; input: RowInput; expected: RegExp }[] = [
    { name: 'Maks Binaan 0', input: ['Maks Binaan', 0], expected: /Pengaturan!B2: Maks Binaan berisi "0"/ },
    { name: 'Maks Binaan 2,5', input: ['Maks Binaan', '2,5'], expected: /Pengaturan!B2.*bilangan bulat/ },
    {
      name: 'Batas Perbaikan not a date',
      input: ['Batas Perbaikan', 'akhir Oktober'],
      expected: /Pengaturan!B2: Batas Perbaikan berisi "akhir Oktober", bukan tanggal/,
    },
  ];
  for (const { name, input, expected } of badSettings) {
    it(`stops the run on ${name}, naming the cell`, () => {
      const inputs = rekap({ pengaturan: [['Periode', '2025-TW3'], input] });
      expect(inputs.problems.join('\n')).toMatch(expected);
    });
  }

  it('uses the default weights (35/30/15/10/10) without a Bobot tab', () => {
    expect(rekap({ bobot: null }).weights).toEqual({ iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 });
  });

  it('stops the run when the weights do not sum to 100, naming the tab and the sum', () => {
    const inputs = rekap({
      bobot: [
        ['Komponen', 'Bobot'],
        ['IKU', 35],
        ['Rencana Aksi', 30],
        ['IKI', 15],
        ['Tahapan', 10],
        ['Kualitas Data', 5],
      ],
    });
    expect(inputs.problems).toHaveLength(1);
    expect(inputs.problems[0]).toMatch(/Bobot.*95.*bukan 100/);
  });

  it('leaves inactive offices out and refuses a code registered twice', () => {
    const inputs = rekap({
      satker: [
        ['3573', 'Bawaslu Kota Malang', 'Kota', 'a.xlsx', '', 'Ya'],
        ['3507', 'Bawaslu Kabupaten Malang', 'Kabupaten', 'b.xlsx', '', 'Tidak'],
        ['3573', 'Bawaslu Kota Malang', 'Kota', 'c.xlsx', '', 'Ya'],
      ],
    });
    expect(inputs.offices.map((o) => o.code)).toEqual(['3573']);
    expect(inputs.problems.join('\n')).toMatch(/Satker!A4.*3573 sudah terdaftar di Satker!A2/);
  });

  it('makes an invalid e-mail address a finding on its Satker cell and keeps the valid ones', () => {
    const inputs = rekap({
      satker: [['3573', 'Bawaslu Kota Malang', 'Kota', 'a.xlsx', 'ok@example.go.id, bukan-alamat, x@y', 'Ya']],
    });
    expect(inputs.offices[0]?.emails).toEqual(['ok@example.go.id']);
    expect(inputs.findings.map((f) => [f.cell, f.code, f.level])).toEqual([
      ['Satker!E2', 'invalid-email', 'warning'],
      ['Satker!E2', 'invalid-email', 'warning'],
    ]);
    expect(inputs.findings[0]?.message).toContain('"bukan-alamat"');
  });

  it('reports an unreadable Periode separately, since --period may override it', () => {
    const inputs = rekap({ pengaturan: [['Periode', 'TW3 2025']] });
    expect(inputs.period).toBeNull();
    expect(inputs.periodProblem).toMatch(/Pengaturan!B1.*2025-TW3/);
    expect(inputs.problems).toEqual([]);
  });
});
