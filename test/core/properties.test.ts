import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, levelOf } from '../../functions/core/findings.js';
import { settle } from '../../functions/core/numbers.js';
import { rankProvince } from '../../functions/core/scoring/office.js';
import { tabRef, type CellValue, type FormatKind } from '../../functions/core/workbook.js';
import {
  DEFAULT_TABS,
  HEADERS,
  NIP_A,
  NIP_B,
  URL_A,
  officeWorkbook,
  realizations,
  scoreWorkbook,
  targets,
  type CellInput,
  type DataTabName,
  type Row,
  type RowInput,
  type TabInput,
} from '../helpers/workbook.js';

/** Properties of docs/SPEC.md §2, §4 and §6 that must hold for any sheet content. */

const DATA_TAB_NAMES = Object.keys(DEFAULT_TABS) as DataTabName[];
const PERIODS = ['2025-TW1', '2025-TW2', '2025-TW3', '2025-TW4'];

const tricky = fc.constantFrom(
  '#REF!',
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#ERROR!',
  ' #ref! ',
  '=SUM(H2:J2)',
  '=1/0',
  '@x',
  '+62',
  '',
  ' ',
  '-',
  '–',
  '—',
  '1.250',
  '1.250,5',
  '87,5',
  '87,5%',
  '87.5',
  '0.875',
  '1,2,3',
  '12a',
  '-5',
  '1e5',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '15/08/2025',
  '2025-08-15',
  '15 Agustus 2025',
  '31/02/2025',
  '0100-01-01',
  '29/02/0400',
  'https://drive.google.com/x',
  'https://a.id/x, ftp://b.id/y',
  'http://localhost',
  'http://exa mple.com',
  'https://ä.id/\u0001',
  'ftp://x.id',
  NIP_A,
  NIP_B,
  '198703152010121001',
  "'198703152010121001",
  '19871315 201012 1 001',
  'Selesai',
  'Proses',
  'Belum',
  'Minimal',
  'Maksimal',
  'Rata-rata',
  'Akhir Periode',
  'Kumulatif',
  'IKU-01',
  'iku-01',
  'Kepala Sekretariat',
  '1',
  '4',
  '9',
  'Pengolahan Data',
  'bidang 2',
  "'Rencana Aksi'!A1",
  '\u0000',
  '\uFEFF',
  '🙂',
  'ü'.repeat(100),
);

/**
 * Raw values. `huge` admits finite numbers up to Number.MAX_VALUE: they must not crash anything.
 * The SPEC sets no bound on magnitudes, and sums near Number.MAX_VALUE overflow to Infinity (and an
 * achievement Infinity/Infinity to NaN), so the score-range property draws from the bounded set.
 */
function values(huge: boolean): fc.Arbitrary<CellValue> {
  return fc.oneof(
    tricky,
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    huge ? fc.double() : fc.double({ min: -1e12, max: 1e12 }), // NaN, ±Infinity, −0, tiny
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MIN_VALUE,
      Number.MAX_SAFE_INTEGER + 2,
      198703152010121001,
      45884,
      45884.5,
      2_958_466,
      0.875,
      -0,
    ),
    huge ? fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 9e307) : fc.constant(1e12),
    fc.boolean(),
    fc.constant(null),
  );
}
const format = fc.constantFrom<FormatKind>('number', 'percent', 'date', 'text');

/** Any office: each tab kept, dropped, or replaced by arbitrary rows under some header row. */
function anyOffice(huge: boolean) {
  const cell: fc.Arbitrary<CellInput> = fc.option(fc.record({ value: values(huge), format }), { nil: undefined });
  const anyRow = fc.array(cell, { maxLength: 20 });
  const anyTab = (name: DataTabName): fc.Arbitrary<TabInput> => {
    // The header row is the template's (as is, shuffled, or partial) or arbitrary.
    const header: fc.Arbitrary<RowInput> = fc.oneof(
      { weight: 3, arbitrary: fc.constant(HEADERS[name]) },
      { weight: 2, arbitrary: fc.shuffledSubarray(HEADERS[name]) },
      { weight: 1, arbitrary: anyRow },
    );
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.array(anyRow, { maxLength: 2 }), header, fc.array(anyRow, { maxLength: 8 }))
          .map(([above, head, rows]) => ({ rows: [...above, head, ...rows] })),
      },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  };
  return fc.record(
    {
      Profil: fc.oneof(
        fc.array(anyRow, { maxLength: 5 }).map((rows) => ({ rows })),
        fc.constant(null),
      ),
      ...Object.fromEntries(DATA_TAB_NAMES.map((name) => [name, anyTab(name)])),
    } as Record<'Profil' | DataTabName, fc.Arbitrary<TabInput>>,
    { requiredKeys: [] },
  );
}

// A cell reference: an unquoted tab of letters, digits and _ or a quoted tab, then a column and a row.
const CELL_REF = /^(?:[A-Za-z0-9_]+|'(?:[^']|'')+')![A-Z]+[1-9]\d*$/;
const inRange = (score: number | null) => score === null || (Number.isFinite(score) && score >= 0 && score <= 100);

describe('any cell content', () => {
  it('never throws, and every finding names a cell, a known code and its level', () => {
    fc.assert(
      fc.property(anyOffice(true), fc.constantFrom(...PERIODS), (tweaks, period) => {
        const result = scoreWorkbook(officeWorkbook(tweaks), { period });
        rankProvince([result]);
        for (const f of result.findings) {
          expect(f.cell).toMatch(CELL_REF);
          expect(f.cell.startsWith(`${tabRef(f.tab)}!`)).toBe(true);
          expect(FINDING_CODES).toContain(f.code);
          expect(f.level).toBe(levelOf(f.code));
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('every component and the index is null or a score in [0, 100]', () => {
    fc.assert(
      fc.property(anyOffice(false), fc.constantFrom(...PERIODS), (tweaks, period) => {
        const result = scoreWorkbook(officeWorkbook(tweaks), { period });
        for (const score of Object.values(result.scores)) expect(inRange(score)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * A valid office drawn at random: every row readable, weights all blank or all given, every
 * Rencana Aksi row with a target. Anjab and ABK keep the defaults (they are not in the index).
 */
const quarter = (max: number) => fc.oneof(fc.constant<CellInput>(undefined), fc.integer({ min: 0, max }));
const quarters = (max: number) => fc.tuple(quarter(max), quarter(max), quarter(max), quarter(max));

const actionRow = fc
  .record({
    area: fc.integer({ min: 1, max: 8 }),
    t: quarters(10),
    r: quarters(10),
    evidence: fc.boolean(),
    late: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ area, t, r, evidence, late }): Row => {
    // At least one target > 0, else the row would be missing-target, an error.
    const ts = t.some((v) => typeof v === 'number' && v > 0) ? t : ([t[0], t[1], t[2], late] as const);
    return {
      Bidang: area,
      Kegiatan: `Kegiatan ${area}`,
      ...targets(...ts),
      ...realizations(...r),
      'Bukti Dukung': evidence ? URL_A : undefined,
    };
  });

const indicatorFields = fc.record({
  polarity: fc.constantFrom<CellInput>(undefined, 'Maksimal', 'Minimal'),
  sifat: fc.constantFrom<CellInput>(undefined, 'Kumulatif', 'Akhir Periode', 'Rata-rata'),
  weight: fc.integer({ min: 0, max: 50 }),
  t: quarters(20),
  r: quarters(30),
});

const validOffice = fc
  .record({
    actionPlan: fc.array(actionRow, { minLength: 1, maxLength: 4 }),
    iku: fc.array(indicatorFields, { minLength: 1, maxLength: 4 }),
    ikuWeighted: fc.boolean(),
    iki: fc.array(fc.record({ person: fc.integer({ min: 0, max: 2 }), iku: fc.nat(), fields: indicatorFields }), {
      minLength: 1,
      maxLength: 5,
    }),
    ikiWeighted: fc.boolean(),
    stages: fc.array(
      fc.record({
        stage: fc.integer({ min: 1, max: 4 }),
        status: fc.constantFrom('Belum', 'Proses', 'Selesai'),
        date: fc.boolean(),
        evidence: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ actionPlan, iku, ikuWeighted, iki, ikiWeighted, stages }) => {
    const nips = [NIP_A, NIP_B, '19750101 200003 1 004'];
    const ikuRows = iku.map((f, i): Row => ({
      Kode: `IKU-0${i + 1}`,
      Indikator: 'Indikator',
      Polaritas: f.polarity,
      Sifat: f.sifat,
      Bobot: ikuWeighted ? f.weight : undefined,
      ...targets(...f.t),
      ...realizations(...f.r),
    }));
    const ikiRows = iki.map(({ person, iku: code, fields: f }): Row => ({
      NIP: nips[person],
      Nama: `Pegawai ${person}`,
      'Kode IKU': `IKU-0${(code % iku.length) + 1}`,
      Indikator: 'Indikator',
      Polaritas: f.polarity,
      Sifat: f.sifat,
      Bobot: ikiWeighted ? f.weight : undefined,
      ...targets(...f.t),
      ...realizations(...f.r),
    }));
    const stageRows = stages.map((s, i): Row => ({
      Tahap: s.stage,
      Langkah: `Langkah ${i + 1}`,
      Status: s.status,
      'Tanggal Selesai': s.date ? '15/08/2025' : undefined,
      'Bukti Dukung': s.evidence ? URL_A : undefined,
    }));
    return { 'Rencana Aksi': actionPlan, IKU: ikuRows, IKI: ikiRows, Tahapan: stageRows } satisfies Partial<
      Record<DataTabName, Row[]>
    >;
  });

const QUARTER_HEADERS = [...Object.keys(targets(0, 0, 0, 0)), ...Object.keys(realizations(0, 0, 0, 0))];
const letters = fc.oneof(
  fc.constantFrom('x', 'O', 'l', 'dua', 'n/a'),
  fc.integer({ min: 0, max: 99 }).map((n) => `${n}a`),
);

/**
 * The number cells a breakage may hit, per tab, Bobot included: breaking the Bobot of the heaviest,
 * weakest indicator must not pay either (docs/SPEC.md §4 fallback). Tahapan has no number cells; its
 * Tahap and date cells stand in.
 */
const BREAKABLE: Record<'Rencana Aksi' | 'IKU' | 'IKI' | 'Tahapan', readonly string[]> = {
  'Rencana Aksi': QUARTER_HEADERS,
  IKU: [...QUARTER_HEADERS, 'Bobot'],
  IKI: [...QUARTER_HEADERS, 'Bobot'],
  Tahapan: ['Tahap', 'Tanggal Selesai'],
};

/**
 * Σ Bobot of the rows that share the broken row's weights: the IKU tab, or the person (same NIP) in IKI.
 * The fallback max(largest, 100 − Σ readable) is at least the broken Bobot only when that sum is at most
 * 100; above 100 (already a weights-not-100 warning) no finite fallback can know what the Bobot was.
 */
function weightSum(rows: readonly Row[], target: number, tab: string): number {
  const peers = tab === 'IKI' ? rows.filter((row) => row.NIP === rows[target]?.NIP) : rows;
  return peers.reduce<number>((sum, row) => sum + (typeof row.Bobot === 'number' ? row.Bobot : 0), 0);
}

describe('errors cost what they hide', () => {
  it('breaking any data row, its Bobot included, never raises the index', () => {
    fc.assert(
      fc.property(
        validOffice,
        fc.constantFrom(...PERIODS),
        fc.constantFrom(...(Object.keys(BREAKABLE) as (keyof typeof BREAKABLE)[])),
        fc.nat(),
        fc.nat(),
        letters,
        (office, period, tab, rowPick, columnPick, letter) => {
          const before = scoreWorkbook(officeWorkbook(office), { period });
          expect(before.findings.filter((f) => f.level === 'error')).toEqual([]);

          const rows = office[tab];
          const columns = BREAKABLE[tab];
          const target = rowPick % rows.length;
          const column = columns[columnPick % columns.length] as string;
          fc.pre(column !== 'Bobot' || weightSum(rows, target, tab) <= 100);
          const broken = rows.map((row, i) => (i === target ? { ...row, [column]: letter } : row));
          const after = scoreWorkbook(officeWorkbook({ ...office, [tab]: broken }), { period });

          expect(after.findings.some((f) => f.level === 'error')).toBe(true);
          expect(settle(after.scores.index as number)).toBeLessThanOrEqual(settle(before.scores.index as number));
        },
      ),
      { numRuns: 500 },
    );
  });
});
