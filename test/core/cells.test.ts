import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_TAB, IKI_TAB, IKU_TAB, JOBS_TAB } from '../../sheets-schema/index.js';
import { isBlank, readDate, readNumber, readText, readUrls, type Read } from '../../functions/core/cells.js';
import type { Finding } from '../../functions/core/findings.js';
import { readNip } from '../../functions/core/nip.js';
import { readTable } from '../../functions/core/sheet-table.js';
import type { Cell } from '../../functions/core/workbook.js';
import {
  HEADERS,
  date,
  pct,
  sheet,
  tableRows,
  targets,
  text,
  toCell,
  type CellInput,
  type RowInput,
} from '../helpers/workbook.js';

/** Cell normalisation, docs/SPEC.md §2. Every expectation below is read off the SPEC text, not the code. */

const cellOf = (input: CellInput): Cell | undefined => toCell(input);

describe('blank cells', () => {
  const cases: { name: string; input: CellInput; expected: boolean }[] = [
    { name: 'missing cell', input: undefined, expected: true },
    { name: 'null value', input: null, expected: true },
    { name: 'empty text', input: '', expected: true },
    { name: 'only spaces', input: '   ', expected: true },
    { name: 'hyphen', input: '-', expected: true },
    { name: 'en dash', input: '–', expected: true },
    { name: 'hyphen with spaces', input: ' - ', expected: true },
    { name: 'zero is a value', input: 0, expected: false },
    { name: 'text zero is a value', input: '0', expected: false },
    { name: 'two hyphens are text', input: '--', expected: false },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      expect(isBlank(cellOf(input))).toBe(expected);
      expect(readNumber(cellOf(input)).kind === 'blank').toBe(expected);
    });
  }
});

describe('numbers', () => {
  const cases: { name: string; input: CellInput; expected: Read<number> }[] = [
    // A percent-formatted 0,875 is shown as 87,5 % and means 87,5 (values are in percent units).
    { name: 'percent cell 0.875', input: pct(0.875), expected: { kind: 'value', value: 87.5 } },
    { name: 'percent cell 1 is 100', input: pct(1), expected: { kind: 'value', value: 100 } },
    // 0,1 × 100 would be 10,000000000000002 in floats; a percent cell of 10 % means exactly 10.
    { name: 'percent cell 0.1', input: pct(0.1), expected: { kind: 'value', value: 10 } },
    { name: 'number cell', input: 87.5, expected: { kind: 'value', value: 87.5 } },
    { name: 'text 87,5%', input: '87,5%', expected: { kind: 'value', value: 87.5 } },
    { name: 'text 87,5 %', input: '87,5 %', expected: { kind: 'value', value: 87.5 } },
    { name: 'text 1.250,5', input: '1.250,5', expected: { kind: 'value', value: 1250.5 } },
    { name: 'text 87,5', input: '87,5', expected: { kind: 'value', value: 87.5 } },
    // A dot followed by exactly three digits is a thousands separator, with a warning.
    { name: 'text 1.250 is ambiguous', input: '1.250', expected: { kind: 'value', value: 1250, ambiguous: true } },
    { name: 'text 12.500 is ambiguous', input: '12.500', expected: { kind: 'value', value: 12500, ambiguous: true } },
    {
      name: 'text 1.250.000 is plain thousands',
      input: '1.250.000',
      expected: { kind: 'value', value: 1250000, ambiguous: false },
    },
    { name: 'text 87.5', input: '87.5', expected: { kind: 'value', value: 87.5 } },
    { name: 'text 80 with spaces', input: ' 80 ', expected: { kind: 'value', value: 80, ambiguous: false } },
    {
      name: 'text delapan puluh',
      input: 'delapan puluh',
      expected: { kind: 'invalid', code: 'invalid-number', text: 'delapan puluh' },
    },
    { name: 'text 1,2,3', input: '1,2,3', expected: { kind: 'invalid', code: 'invalid-number', text: '1,2,3' } },
    { name: 'text 12a', input: '12a', expected: { kind: 'invalid', code: 'invalid-number', text: '12a' } },
    { name: 'boolean', input: true, expected: { kind: 'invalid', code: 'invalid-number', text: 'TRUE' } },
    { name: 'NaN', input: Number.NaN, expected: { kind: 'invalid', code: 'invalid-number', text: 'NaN' } },
    {
      name: 'Infinity',
      input: Number.POSITIVE_INFINITY,
      expected: { kind: 'invalid', code: 'invalid-number', text: 'Infinity' },
    },
    // 1e308 × 100 is beyond the largest double: unreadable, not Infinity.
    {
      name: 'percent cell overflowing',
      input: pct(1e308),
      expected: { kind: 'invalid', code: 'invalid-number', text: '1e+308' },
    },
    {
      name: 'four hundred digits',
      input: '9'.repeat(400),
      expected: { kind: 'invalid', code: 'invalid-number', text: '9'.repeat(400) },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const read = readNumber(cellOf(input));
      if (expected.kind !== 'value') return expect(read).toEqual(expected);
      expect(read).toMatchObject({ kind: 'value', value: expected.value });
      expect(read.kind === 'value' && read.ambiguous === true).toBe(expected.ambiguous === true);
    });
  }
});

describe('dates', () => {
  // Serial 45884, counted by hand from the 1899-12-30 epoch: 2024-01-01 is 2 + 124·365 + 30 leap days
  // (1904…2020) = 45292; 2025-01-01 = 45292 + 366 = 45658; 45884 − 45658 = 226 days after 1 January,
  // i.e. day 227 of 2025 = 212 days to 31 July + 15 → 15 August 2025.
  const cases: { name: string; input: CellInput; expected: Read<string> }[] = [
    { name: 'date serial 45884', input: date(45884), expected: { kind: 'value', value: '2025-08-15' } },
    { name: 'date serial with a time of day', input: date(45884.75), expected: { kind: 'value', value: '2025-08-15' } },
    // Serial 1 is the day after the epoch; serial 61 = 1900-01-01 (serial 2) + 59 days = 1 March 1900.
    { name: 'date serial 1', input: date(1), expected: { kind: 'value', value: '1899-12-31' } },
    { name: 'date serial 61', input: date(61), expected: { kind: 'value', value: '1900-03-01' } },
    { name: 'dd/mm/yyyy', input: '15/08/2025', expected: { kind: 'value', value: '2025-08-15' } },
    { name: 'yyyy-mm-dd', input: '2025-08-15', expected: { kind: 'value', value: '2025-08-15' } },
    { name: 'd Bulan yyyy', input: '15 Agustus 2025', expected: { kind: 'value', value: '2025-08-15' } },
    { name: 'd Mei yyyy', input: '1 Mei 2025', expected: { kind: 'value', value: '2025-05-01' } },
    { name: 'month name in lower case', input: '31 desember 2025', expected: { kind: 'value', value: '2025-12-31' } },
    {
      name: 'text in a date-formatted cell',
      input: date('15/08/2025'),
      expected: { kind: 'value', value: '2025-08-15' },
    },
    {
      name: '31 February',
      input: '31/02/2025',
      expected: { kind: 'invalid', code: 'invalid-date', text: '31/02/2025' },
    },
    {
      name: '29 February of a common year',
      input: '29 Februari 2025',
      expected: { kind: 'invalid', code: 'invalid-date', text: '29 Februari 2025' },
    },
    {
      name: 'unknown month',
      input: '15 Augustos 2025',
      expected: { kind: 'invalid', code: 'invalid-date', text: '15 Augustos 2025' },
    },
    {
      name: 'free text',
      input: 'minggu lalu',
      expected: { kind: 'invalid', code: 'invalid-date', text: 'minggu lalu' },
    },
    // Only a date-formatted number is a serial; 45884 typed as a plain number is not a date.
    { name: 'plain number', input: 45884, expected: { kind: 'invalid', code: 'invalid-date', text: '45884' } },
    { name: 'blank', input: ' ', expected: { kind: 'blank' } },
    // Serial 2 958 465 is 9999-12-31; beyond it, and NaN, there is no date to show.
    {
      name: 'date serial out of range',
      input: date(1e308),
      expected: { kind: 'invalid', code: 'invalid-date', text: '1e+308' },
    },
    {
      name: 'date-formatted NaN',
      input: date(Number.NaN),
      expected: { kind: 'invalid', code: 'invalid-date', text: 'NaN' },
    },
    { name: 'date serial 0', input: date(0), expected: { kind: 'invalid', code: 'invalid-date', text: '0' } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(readDate(cellOf(input))).toEqual(expected));
  }
});

describe('formula errors', () => {
  const errors = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#ERROR!'];
  const readers: { name: string; read: (cell: Cell | undefined) => { kind: string; code?: string } }[] = [
    { name: 'number', read: readNumber },
    { name: 'text', read: readText },
    { name: 'date', read: readDate },
    { name: 'urls', read: readUrls },
    { name: 'nip', read: readNip },
  ];
  for (const error of errors) {
    for (const reader of readers) {
      it(`${error} read as ${reader.name}`, () => {
        expect(reader.read(cellOf(error))).toMatchObject({ kind: 'invalid', code: 'formula-error' });
      });
    }
  }
  // SPEC §2 v3: a formula without a saved result (openpyxl, pandas) is not blank but formula-error.
  const unsaved: Cell = { value: null, format: 'text', unsavedFormula: 'H2/0' };
  for (const reader of readers) {
    it(`a formula without a saved result read as ${reader.name}`, () => {
      expect(isBlank(unsaved)).toBe(false);
      expect(reader.read(unsaved)).toEqual({ kind: 'invalid', code: 'formula-error', text: '=H2/0', unsaved: true });
    });
  }
  it('a formula without a saved result in any column is a formula-error finding saying to save the file again', () => {
    const findings: Finding[] = [];
    const rows = [{ Kode: 'IKU-01', Indikator: unsaved, ...targets(unsaved) }];
    const table = readTable(sheet('IKU', tableRows(HEADERS.IKU, rows)), IKU_TAB, findings);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['formula-error', 'IKU!C2'],
      ['formula-error', 'IKU!H2'],
    ]);
    expect(findings[1]?.message).toMatch(
      /^Target TW I berisi rumus =H2\/0 yang hasilnya tidak tersimpan.*simpan ulang/,
    );
    expect(table.rows.map((row) => row.hasError)).toEqual([true]);
  });

  it('every formula error in a number column is a formula-error finding on its cell', () => {
    const findings: Finding[] = [];
    const rows = errors.map((error, i): Record<string, CellInput> => ({
      Kode: `IKU-0${i + 1}`,
      Indikator: 'x',
      ...targets(error),
    }));
    readTable(sheet('IKU', tableRows(HEADERS.IKU, rows)), IKU_TAB, findings);
    // Target TW I is column H (Kode A … Bobot G); data rows start at row 2.
    expect(findings.map((f) => [f.code, f.cell, f.level])).toEqual(
      errors.map((_, i) => ['formula-error', `IKU!H${i + 2}`, 'error']),
    );
  });
});

describe('evidence links', () => {
  const a = 'https://drive.google.com/file/d/abc';
  const b = 'http://jatim.bawaslu.go.id/dokumen?id=7';
  const cases: { name: string; input: CellInput; expected: { valid: string[]; invalid: string[] } }[] = [
    { name: 'one link', input: a, expected: { valid: [a], invalid: [] } },
    { name: 'separated by a space', input: `${a} ${b}`, expected: { valid: [a, b], invalid: [] } },
    { name: 'separated by a comma', input: `${a},${b}`, expected: { valid: [a, b], invalid: [] } },
    { name: 'separated by comma and space', input: `${a}, ${b}`, expected: { valid: [a, b], invalid: [] } },
    { name: 'separated by a new line', input: `${a}\n${b}`, expected: { valid: [a, b], invalid: [] } },
    {
      name: 'three links, mixed separators, each once',
      input: `${a}\n${b}; ${a}`,
      expected: { valid: [a, b], invalid: [] },
    },
    {
      name: 'a label with links beside it: the links, the label is no mistake',
      input: { value: 'Laporan kegiatan', format: 'text', links: [b, a] },
      expected: { valid: [b, a], invalid: [] },
    },
    {
      name: 'text URLs first, then the links beside, each once',
      input: { value: `${a} lihat juga`, format: 'text', links: [b, a] },
      expected: { valid: [a, b], invalid: [] },
    },
    {
      name: 'another scheme beside the text is invalid; an internal link is ignored',
      input: { value: 'Bukti', format: 'text', links: ['mailto:ppid@bawaslu.go.id', '#gid=1', a] },
      expected: { valid: [a], invalid: ['mailto:ppid@bawaslu.go.id'] },
    },
    {
      name: 'a label with an ftp token is still invalid',
      input: { value: 'Bukti ftp://x.id/y', format: 'text', links: [a] },
      expected: { valid: [a], invalid: ['ftp://x.id/y'] },
    },
    {
      name: 'a chip with no text',
      input: { value: null, format: 'text', links: [a] },
      expected: { valid: [a], invalid: [] },
    },
    {
      name: 'ftp link',
      input: 'ftp://files.bawaslu.go.id/x',
      expected: { valid: [], invalid: ['ftp://files.bawaslu.go.id/x'] },
    },
    {
      name: 'https and ftp',
      input: `${a} ftp://files.bawaslu.go.id/x`,
      expected: { valid: [a], invalid: ['ftp://files.bawaslu.go.id/x'] },
    },
    { name: 'no scheme', input: 'drive.google.com/abc', expected: { valid: [], invalid: ['drive.google.com/abc'] } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(readUrls(cellOf(input))).toEqual({ kind: 'value', value: expected }));
  }
  it('a non-http link in Bukti Dukung is invalid-url on that cell, and the row is in error', () => {
    const findings: Finding[] = [];
    const table = readTable(
      sheet(
        'Rencana Aksi',
        tableRows(HEADERS['Rencana Aksi'], [
          { Bidang: 1, Kegiatan: 'x', ...targets(1), 'Bukti Dukung': `${a}, ftp://x.id/y` },
        ]),
      ),
      ACTION_PLAN_TAB,
      findings,
    );
    // Bukti Dukung is column O of Rencana Aksi; the tab name has a space, so it is quoted.
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['invalid-url', "'Rencana Aksi'!O2"]]);
    expect(table.rows[0]?.hasError).toBe(true);
  });
});

describe('NIP', () => {
  const cases: {
    name: string;
    input: CellInput;
    expected: { kind: 'value'; value: string } | { kind: 'invalid'; code: string };
  }[] = [
    {
      name: 'printed form with spaces',
      input: '19870315 201012 1 001',
      expected: { kind: 'value', value: '198703152010121001' },
    },
    { name: 'eighteen digits', input: '198703152010121001', expected: { kind: 'value', value: '198703152010121001' } },
    {
      name: 'leading apostrophe',
      input: "'198703152010121001",
      expected: { kind: 'value', value: '198703152010121001' },
    },
    {
      name: 'text-formatted cell',
      input: text('19900101 201503 2 002'),
      expected: { kind: 'value', value: '199001012015032002' },
    },
    { name: 'stored as a number', input: 198703152010121001, expected: { kind: 'invalid', code: 'nip-not-text' } },
    { name: 'seventeen digits', input: '19870315201012100', expected: { kind: 'invalid', code: 'invalid-nip' } },
    { name: 'nineteen digits', input: '1987031520101210011', expected: { kind: 'invalid', code: 'invalid-nip' } },
    { name: 'birth month 13', input: '19871315 201012 1 001', expected: { kind: 'invalid', code: 'invalid-nip' } },
    {
      name: 'birth date 30 February',
      input: '19870230 201012 1 001',
      expected: { kind: 'invalid', code: 'invalid-nip' },
    },
    { name: 'letters', input: '19870315 2010AB 1 001', expected: { kind: 'invalid', code: 'invalid-nip' } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(readNip(cellOf(input))).toMatchObject(expected));
  }
  it('the printed and the plain form are one person in IKI', () => {
    const findings: Finding[] = [];
    const row = { Nama: 'Andi', 'Kode IKU': 'IKU-01', Indikator: 'x' };
    const table = readTable(
      sheet(
        'IKI',
        tableRows(HEADERS.IKI, [
          { NIP: '19870315 201012 1 001', ...row },
          { NIP: '198703152010121001', ...row },
        ]),
      ),
      IKI_TAB,
      findings,
    );
    expect(findings).toEqual([]);
    expect(table.rows.map((r) => r.values.nip)).toEqual(['198703152010121001', '198703152010121001']);
  });
  it('a NIP stored as a number is nip-not-text on its cell', () => {
    const findings: Finding[] = [];
    readTable(
      sheet(
        'IKI',
        tableRows(HEADERS.IKI, [{ NIP: 198703152010121001, Nama: 'Andi', 'Kode IKU': 'IKU-01', Indikator: 'x' }]),
      ),
      IKI_TAB,
      findings,
    );
    expect(findings.map((f) => [f.code, f.cell, f.level])).toEqual([['nip-not-text', 'IKI!A2', 'error']]);
  });
});

describe('number findings in a table', () => {
  const cases: { name: string; input: CellInput; expected: { value: number | null; codes: string[] } }[] = [
    {
      name: '1.250 is read as 1250 with a warning',
      input: '1.250',
      expected: { value: 1250, codes: ['ambiguous-number'] },
    },
    { name: '87,5 needs no warning', input: '87,5', expected: { value: 87.5, codes: [] } },
    {
      name: 'delapan puluh is invalid-number',
      input: 'delapan puluh',
      expected: { value: null, codes: ['invalid-number'] },
    },
    { name: '-5 is negative-number', input: '-5', expected: { value: null, codes: ['negative-number'] } },
    { name: 'a blank target is no finding', input: ' - ', expected: { value: null, codes: [] } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const findings: Finding[] = [];
      const table = readTable(
        sheet('IKU', tableRows(HEADERS.IKU, [{ Kode: 'IKU-01', Indikator: 'x', ...targets(input) }])),
        IKU_TAB,
        findings,
      );
      expect(table.rows[0]?.values.target1).toBe(expected.value);
      expect(findings.map((f) => f.code)).toEqual(expected.codes);
      expect(findings.every((f) => f.cell === 'IKU!H2')).toBe(true);
    });
  }
});

describe('ambiguous-number says how it was read without restating the dot (issue 18)', () => {
  it.each([
    ['1.014', 'dibaca sebagai 1014 (seribu empat belas), karena titik dianggap pemisah ribuan'],
    ['12.500', 'dibaca sebagai 12500 (dua belas ribu lima ratus), karena titik dianggap pemisah ribuan'],
  ])('%s', (input, text) => {
    const findings: Finding[] = [];
    readTable(
      sheet('IKU', tableRows(HEADERS.IKU, [{ Kode: 'IKU-01', Indikator: 'x', ...targets(input) }])),
      IKU_TAB,
      findings,
    );
    expect(findings.map((f) => f.code)).toEqual(['ambiguous-number']);
    expect(findings[0]?.message).toContain(text);
  });
});

describe('whole numbers', () => {
  // Pegawai Ada is an integer ≥ 0. A percent cell 90 071 992 547 409,92 reads as 2^53, past the
  // last exact whole number: it cannot be a head count.
  const cases: { name: string; input: CellInput; expected: { value: number | null; codes: string[] } }[] = [
    { name: '3', input: 3, expected: { value: 3, codes: [] } },
    { name: '2,5', input: '2,5', expected: { value: null, codes: ['invalid-number'] } },
    {
      name: '2^53 from a percent cell',
      input: pct(90071992547409.92),
      expected: { value: null, codes: ['invalid-number'] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const findings: Finding[] = [];
      const table = readTable(
        sheet('Anjab', tableRows(HEADERS.Anjab, [{ Jabatan: 'Analis', 'Pegawai Ada': input }])),
        JOBS_TAB,
        findings,
      );
      expect(table.rows[0]?.values.staff).toBe(expected.value);
      expect(findings.map((f) => f.code)).toEqual(expected.codes);
    });
  }
});

describe('headers', () => {
  const full = HEADERS.IKU;
  const data = (headers: readonly string[], values: Record<string, CellInput>): RowInput =>
    headers.map((h) => values[h.trim()]);
  const record = { Kode: 'IKU-01', Indikator: 'Persentase laporan', 'Target TW I': 25, 'Realisasi TW I': 20 };
  const cases: {
    name: string;
    input: RowInput[];
    expected: { headerRow: number; codes: string[]; cells: string[]; rows: number };
  }[] = [
    {
      name: 'header in row 1',
      input: [full, data(full, record)],
      expected: { headerRow: 1, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'title rows above the header',
      input: [['INDIKATOR KINERJA UTAMA 2025'], ['Bawaslu Kota Malang'], [], full, data(full, record)],
      expected: { headerRow: 4, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'a title row naming one header loses to the row with all of them',
      input: [['Kode', 'Daftar IKU'], full, data(full, record)],
      expected: { headerRow: 2, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'free column order',
      input: [[...full].reverse(), data([...full].reverse(), record)],
      expected: { headerRow: 1, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'case- and space-insensitive headers',
      input: [full.map((h) => ` ${h.toUpperCase().replace(/ /g, '')} `), data(full, record)],
      expected: { headerRow: 1, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'extra columns are ignored; a row filled only there is no data row',
      input: [
        ['Catatan Internal', ...full, 'Verifikator'],
        ['abaikan', ...data(full, record), 'Sari'],
        ['hanya catatan', ...full.map(() => undefined), 'Sari'],
      ],
      expected: { headerRow: 1, codes: [], cells: [], rows: 1 },
    },
    {
      name: 'missing required header',
      input: [
        full.filter((h) => h !== 'Indikator'),
        data(
          full.filter((h) => h !== 'Indikator'),
          record,
        ),
      ],
      // The finding about a missing column names the tab's A1 (docs/SPEC.md §6: no header cell to name).
      expected: { headerRow: 1, codes: ['missing-column'], cells: ['IKU!A1'], rows: 1 },
    },
    {
      name: 'two missing required headers below a title row',
      input: [
        ['Judul'],
        full.filter((h) => h !== 'Kode' && h !== 'Realisasi TW IV'),
        data(
          full.filter((h) => h !== 'Kode' && h !== 'Realisasi TW IV'),
          record,
        ),
      ],
      expected: { headerRow: 2, codes: ['missing-column', 'missing-column'], cells: ['IKU!A1', 'IKU!A1'], rows: 1 },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const findings: Finding[] = [];
      const table = readTable(sheet('IKU', input), IKU_TAB, findings);
      const tabFindings = findings.filter((f) => f.code === 'missing-column');
      expect(table.headerIndex + 1).toBe(expected.headerRow);
      expect(tabFindings.map((f) => f.code)).toEqual(expected.codes);
      expect(tabFindings.map((f) => f.cell)).toEqual(expected.cells);
      expect(table.rows).toHaveLength(expected.rows);
      if (expected.codes.length === 0) {
        expect(findings).toEqual([]);
        expect(table.rows[0]?.values).toMatchObject({
          code: 'IKU-01',
          indicator: 'Persentase laporan',
          target1: 25,
          realization1: 20,
          target2: null,
        });
      } else {
        // Without a required column every row is invalid (docs/SPEC.md §4).
        expect(table.status).toBe('missing-column');
        expect(table.rows.every((row) => row.hasError)).toBe(true);
      }
    });
  }
  it('a missing required header in Rencana Aksi names the quoted tab', () => {
    const findings: Finding[] = [];
    readTable(
      sheet('Rencana Aksi', [HEADERS['Rencana Aksi'].filter((h) => h !== 'Kegiatan')]),
      ACTION_PLAN_TAB,
      findings,
    );
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['missing-column', "'Rencana Aksi'!A1"]]);
  });
  it('a header row without data rows is empty-tab at A1, even below a title', () => {
    const findings: Finding[] = [];
    const table = readTable(sheet('IKU', [['Judul'], full, [], full.map(() => ' ')]), IKU_TAB, findings);
    expect(table.status).toBe('empty');
    expect(findings.map((f) => [f.code, f.cell, f.level])).toEqual([['empty-tab', 'IKU!A1', 'error']]);
  });
});
