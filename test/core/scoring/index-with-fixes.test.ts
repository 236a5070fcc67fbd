import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driveTarget } from '../../../functions/core/evidence/drive-link.js';
import { NOT_VERIFIED, type EvidenceVerification } from '../../../functions/core/evidence/office-evidence.js';
import type { ParsedOffice } from '../../../functions/core/office-reader.js';
import { scoreComponents, type ScoringSettings } from '../../../functions/core/scoring/components.js';
import { officeGains } from '../../../functions/core/scoring/gains.js';
import { indexWithFixes } from '../../../functions/core/scoring/index-with-fixes.js';
import { scoreOffice } from '../../../functions/core/scoring/office.js';
import { applyFixes, TAB_KEYS, type RowFix } from '../../../functions/core/scoring/row-fixes.js';
import { wrongOfficeWorkbook } from '../../fakes/wrong-office.js';
import {
  HEADERS,
  NIP_A,
  NIP_B,
  OFFICE,
  officeWorkbook,
  period,
  readWorkbook,
  SETTINGS,
  URL_A,
  URL_B,
  type CellInput,
  type DataTabName,
  type Row,
  type TabInput,
} from '../../helpers/workbook.js';

/**
 * core/scoring/index-with-fixes.ts computes the index with rows put right from what each fix changes;
 * the definition (docs/SPEC.md §8 "Gain") is to put the rows right in the parsed office and score it
 * again (core/scoring/row-fixes.ts `applyFixes`). On random small offices, with rows valid, in error,
 * without evidence or with evidence Drive rejected, the two must agree to the last bit, for every single
 * row and for random sets of rows (the potential gain, all fixes at once), and the gains scoreOffice
 * reports must be those of the definition.
 */
const URL_DRIVE = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQr/view';

function verification(status: 'ok' | 'unreachable' | 'trashed' | 'empty'): EvidenceVerification {
  const id = driveTarget(URL_DRIVE)?.id as string;
  return { verified: true, lookups: new Map([[id, { status, folder: false }]]), account: null };
}

/** The slow definition: put the rows right, score the office again. */
function rescored(parsed: ParsedOffice, p: string, settings: ScoringSettings, v: EvidenceVerification) {
  return (fixes: readonly RowFix[]) => scoreComponents(applyFixes(parsed, fixes), period(p), settings, v, []).index;
}

function fast(parsed: ParsedOffice, p: string, settings: ScoringSettings, v: EvidenceVerification) {
  const scored = scoreComponents(parsed, period(p), settings, v, []);
  return indexWithFixes(parsed, scored, period(p), settings, v);
}

const of = <T>(...values: T[]) => fc.constantFrom(...values);
const quantity = of<CellInput>(undefined, undefined, 0, 0.1, 0.3, 1, 2.5, 3, 7, 'x');
const evidence = of<CellInput>(undefined, URL_A, URL_B, URL_DRIVE, 'bukan tautan');
const quarters = (kind: 'Target' | 'Realisasi') =>
  fc
    .tuple(quantity, quantity, quantity, quantity)
    .map((values) =>
      Object.fromEntries(values.map((value, i) => [`${kind} TW ${['I', 'II', 'III', 'IV'][i]}`, value])),
    );

const indicatorColumns = {
  Indikator: of<CellInput>('Indikator', 'Indikator', undefined),
  Polaritas: of<CellInput>(undefined, 'Maksimal', 'Minimal', 'Sedang'),
  Sifat: of<CellInput>(undefined, 'Kumulatif', 'Akhir Periode', 'Rata-rata', 'Tahunan'),
  Bobot: of<CellInput>(undefined, 0, 10, 40, 60, 'x'),
  'Bukti Dukung': evidence,
};

const records: Record<DataTabName, fc.Arbitrary<Row>> = {
  'Rencana Aksi': fc
    .record({
      Bidang: of<CellInput>(1, 2, 4, 8, 'Bidang Lain'),
      Kegiatan: of<CellInput>('Kegiatan', 'Kegiatan', undefined),
      'Bukti Dukung': evidence,
      targets: quarters('Target'),
      realizations: quarters('Realisasi'),
    })
    .map(({ targets, realizations, ...rest }) => ({ ...rest, ...targets, ...realizations })),
  IKU: fc
    .record({
      Kode: of<CellInput>('IKU-01', 'IKU-02', 'IKU-03', undefined),
      ...indicatorColumns,
      targets: quarters('Target'),
      realizations: quarters('Realisasi'),
    })
    .map(({ targets, realizations, ...rest }) => ({ ...rest, ...targets, ...realizations })),
  IKI: fc
    .record({
      NIP: of<CellInput>(NIP_A, NIP_B, '12345', undefined),
      Nama: of<CellInput>('Ani', 'Budi', undefined),
      'Kode IKU': of<CellInput>('IKU-01', 'IKU-02', 'IKU-09'),
      ...indicatorColumns,
      targets: quarters('Target'),
      realizations: quarters('Realisasi'),
    })
    .map(({ targets, realizations, ...rest }) => ({ ...rest, ...targets, ...realizations })),
  Anjab: fc.record({
    Jabatan: of<CellInput>('Staf', 'Kepala', undefined),
    'Pegawai Ada': of<CellInput>(0, 1, 3, 'dua'),
  }),
  ABK: fc.record({
    Jabatan: of<CellInput>('Staf', 'Kepala', 'Lain'),
    'Uraian Tugas': of<CellInput>('Tugas', undefined),
    'Beban Kerja': of<CellInput>(100, 2.5, 'x'),
    'Norma Waktu': of<CellInput>(30, 0),
  }),
  Tahapan: fc.record({
    Tahap: of<CellInput>(1, 2, 3, 4, 9),
    Langkah: of<CellInput>('Langkah', undefined),
    Status: of<CellInput>('Belum', 'Proses', 'Selesai', 'Selesai', 'Hampir'),
    'Tanggal Selesai': of<CellInput>(undefined, '15/08/2025'),
    'Bukti Dukung': evidence,
  }),
};

/** A tab: 0–5 random rows, sometimes without one of its columns (all its rows then in error). */
function tab(name: DataTabName): fc.Arbitrary<TabInput> {
  const headers = HEADERS[name];
  return fc
    .tuple(fc.array(records[name], { maxLength: 5 }), fc.option(fc.constantFrom(...headers), { freq: 8 }))
    .map(([rows, dropped]) => {
      const kept = headers.filter((header) => header !== dropped);
      return { rows: [kept, ...rows.map((row) => kept.map((header) => row[header]))] };
    });
}

const office = fc.record({
  tabs: fc.record(Object.fromEntries(Object.keys(HEADERS).map((name) => [name, tab(name as DataTabName)]))),
  period: of('2025-TW1', '2025-TW2', '2025-TW3', '2025-TW4'),
  cap: of(100, 120, 150),
  weights: of(SETTINGS.weights, { iku: 20, actionPlan: 20, iki: 20, stages: 20, dataQuality: 20 }),
  verification: of<EvidenceVerification>(
    NOT_VERIFIED,
    verification('ok'),
    verification('unreachable'),
    verification('trashed'),
  ),
  subset: fc.array(fc.nat(), { maxLength: 8 }),
});

describe('index with fixes: computed from what changes, equal to rescoring', () => {
  it('matches rescoring for every row, for random sets of rows and for every finding’s gain', () => {
    fc.assert(
      fc.property(office, (o) => {
        const settings = { ...SETTINGS, cap: o.cap, weights: o.weights };
        const parsed = readWorkbook(officeWorkbook(o.tabs as Partial<Record<DataTabName, TabInput>>), {
          period: o.period,
        });
        const slow = rescored(parsed, o.period, settings, o.verification);
        const quick = fast(parsed, o.period, settings, o.verification);
        const everyRow: RowFix[] = TAB_KEYS.flatMap((key) =>
          parsed[key].rows.map((row) => ({ tab: key, index: row.index })),
        );
        expect(quick([])).toBe(slow([]));
        for (const fix of everyRow) expect(quick([fix])).toBe(slow([fix]));
        const subset = o.subset.flatMap((i) =>
          everyRow.length === 0 ? [] : [everyRow[i % everyRow.length] as RowFix],
        );
        expect(quick(subset)).toBe(slow(subset));
        expect(quick(everyRow)).toBe(slow(everyRow));

        const result = scoreOffice(OFFICE, parsed, period(o.period), settings, o.verification);
        // The definition: rescoring for every fix, and for a missing Bukti Dukung column (SPEC v3 §8).
        const definition = officeGains(parsed, result.findings, result.scores.index, slow, (p) =>
          rescored(p, o.period, settings, o.verification)([]),
        ).gains;
        expect(result.findings.map((f) => f.gain)).toEqual(definition);
      }),
      { numRuns: 150 },
    );
  });

  it('matches rescoring on an office whose every row is wrong', () => {
    const parsed = readWorkbook(wrongOfficeWorkbook(12));
    const slow = rescored(parsed, '2025-TW3', SETTINGS, NOT_VERIFIED);
    const quick = fast(parsed, '2025-TW3', SETTINGS, NOT_VERIFIED);
    const everyRow: RowFix[] = TAB_KEYS.flatMap((key) =>
      parsed[key].rows.map((row) => ({ tab: key, index: row.index })),
    );
    expect(everyRow).toHaveLength(72);
    for (const fix of everyRow) expect(quick([fix])).toBe(slow([fix]));
    expect(quick(everyRow)).toBe(slow(everyRow));
    // Put right all at once, every tab is valid: the office climbs from 0.
    expect(quick(everyRow)).toBeGreaterThan(0);
  });
});
