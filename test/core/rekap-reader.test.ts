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

  // Issue 17 item 4: a Kode the eye reads as 3573 or 3578 but that is not four plain digits would register a
  // new office and mail it. Each stops the run, naming the cell and what is wrong with it.
  const badCodes = [
    {
      name: 'a zero-width space',
      code: '3573\u200b',
      expected: /Satker!A2: Kode berisi "3573\[U\+200B\]", yang memuat karakter tak terlihat \(U\+200B\)/,
    },
    {
      name: 'full-width digits',
      code: '３５７８',
      expected: /Satker!A2: Kode berisi "３５７８", yang memakai angka lebar penuh/,
    },
    { name: 'a no-break space inside', code: '35\u00a073', expected: /Satker!A2: .*karakter tak terlihat \(U\+00A0\)/ },
    { name: 'three digits', code: '357', expected: /Satker!A2: Kode berisi "357"; Kode harus kode Kemendagri 4 angka/ },
    {
      name: 'a name typed as code',
      code: 'Malang',
      expected: /Satker!A2: Kode berisi "Malang"; .*4 angka, misalnya 3573/,
    },
  ];
  for (const { name, code, expected } of badCodes) {
    it(`stops the run on a Kode with ${name}, naming the cell`, () => {
      const inputs = rekap({ satker: [[code, 'Bawaslu Kota Malang', 'Kota', 'a.xlsx', 'a@example.go.id', 'Ya']] });
      expect(inputs.offices).toEqual([]);
      expect(inputs.problems).toHaveLength(1);
      expect(inputs.problems[0]).toMatch(expected);
    });
  }

  it('reads a Kode typed as a number, and leaves an inactive row with a bad Kode out silently', () => {
    const inputs = rekap({
      satker: [
        [3573, 'Bawaslu Kota Malang', 'Kota', 'a.xlsx', '', 'Ya'],
        ['３５７８', 'Bawaslu Kota Surabaya', 'Kota', 'b.xlsx', '', 'Tidak'],
      ],
    });
    expect(inputs.problems).toEqual([]);
    expect(inputs.offices.map((o) => o.code)).toEqual(['3573']);
  });

  // SPEC v3 §5: Sumber and Email in every form a link takes. A chip's text is "@"; linked text is a label.
  it('reads Sumber from a smart chip, linked text or a HYPERLINK formula, and Email from person chips', () => {
    const url = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
    const inputs = rekap({
      satker: [
        [
          '3573',
          'Kota Malang',
          'Kota',
          { value: '@', format: 'text', links: [url('chip')] },
          { value: '@, @', format: 'text', links: ['mailto:a@example.go.id', 'mailto:b@example.go.id?subject=x'] },
          'Ya',
        ],
        [
          '3507',
          'Kab. Malang',
          'Kabupaten',
          { value: 'File Kab. Malang', format: 'text', links: [url('linked')] },
          { value: 'Budi, c@example.go.id', format: 'text', links: ['mailto:budi%40example.go.id'] },
          'Ya',
        ],
        ['3578', 'Kota Surabaya', 'Kota', 'satker/3578.xlsx', 'd@example.go.id', 'Ya'],
      ],
    });
    expect(inputs.offices.map((o) => [o.code, o.source, o.emails])).toEqual([
      ['3573', url('chip'), ['a@example.go.id', 'b@example.go.id']],
      ['3507', url('linked'), ['c@example.go.id', 'budi@example.go.id']],
      ['3578', 'satker/3578.xlsx', ['d@example.go.id']],
    ]);
    // "@" and "Budi" are the links' labels, not addresses typed wrong.
    expect(inputs.findings).toEqual([]);
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
