import { describe, expect, it } from 'vitest';
import { PEER_LEDGER_TAB } from '../../sheets-schema/index.js';
import { areaTables, currentAreaTable, ledgerRows, peerLearningEntries } from '../../functions/core/peer-learning.js';
import { parsePeriod, type Period } from '../../functions/core/period.js';
import { ledgerRecords, type SheetRecord } from '../../functions/core/summary-rows.js';
import type { OfficeResult } from '../../functions/core/scoring/office.js';
import { score } from '../helpers/scoring.js';

const base = score();
/** A scored office with the given code, name, area scores and pairs. */
function scoredResult(over: {
  code: string;
  name?: string;
  areas?: Partial<OfficeResult['areas']>;
  peers?: OfficeResult['peers'];
}): OfficeResult {
  return {
    ...base,
    code: over.code,
    name: over.name ?? `Bawaslu ${over.code}`,
    areas: { ...base.areas, ...over.areas },
    peers: over.peers ?? [],
  };
}

const TW3 = parsePeriod('2025-TW3') as Period;
const DATA = 'Pengolahan Data';
const FINANCE = 'Akuntabilitas Keuangan';

/** A Rekap Bidang row: the office's scores in the two areas used here, the others blank. */
const areaRow = (period: string, code: string, data: number | null, finance: number | null = null): SheetRecord => ({
  Periode: period,
  Kode: code,
  Nama: `Bawaslu ${code}`,
  [DATA]: data,
  [FINANCE]: finance,
});

const pair = (
  mentee: string,
  area: string,
  mentor: string,
  session: unknown,
  mentorScore: number | null = 95,
): SheetRecord =>
  ({
    Periode: '2025-TW2',
    Bidang: area,
    Satker: mentee,
    'Nama Satker': `Bawaslu ${mentee}`,
    Pembina: mentor,
    'Nama Pembina': `Bawaslu ${mentor}`,
    'Nilai Satker': 0,
    'Nilai Pembina': mentorScore,
    'Tanggal Sesi': session,
    Topik: null,
    Hadir: null,
    'Tindak Lanjut': null,
  }) as SheetRecord;

// Pengolahan Data, TW II → TW III, worked by hand:
//   3501 40 → 60  mentee, held (mentor 3573), also mentee in Akuntabilitas Keuangan 60 → 70 (held)
//   3502 45 → 50  not paired
//   3503 50 → 48  mentee, not held
//   3504 51 → 70  not paired
//   3505 30 → —   unscored in TW III
//   3506 35 → 55  mentee, held
//   3507 42 → 44  its pair no longer holds (Nilai Pembina cleared): not counted, although a session is noted
//   3573 95 → 90  the mentor
const areas = [
  areaRow('2025-TW2', '3501', 40, 60),
  areaRow('2025-TW2', '3502', 45),
  areaRow('2025-TW2', '3503', 50),
  areaRow('2025-TW2', '3504', 51),
  areaRow('2025-TW2', '3505', 30),
  areaRow('2025-TW2', '3506', 35),
  areaRow('2025-TW2', '3507', 42),
  areaRow('2025-TW2', '3573', 95, 100),
  areaRow('2025-TW3', '3501', 60, 70),
  areaRow('2025-TW3', '3502', 50),
  areaRow('2025-TW3', '3503', 48),
  areaRow('2025-TW3', '3504', 70),
  areaRow('2025-TW3', '3505', null),
  areaRow('2025-TW3', '3506', 55),
  areaRow('2025-TW3', '3507', 44),
  areaRow('2025-TW3', '3573', 90, 100),
];
const ledger = ledgerRows([
  pair('3501', FINANCE, '3573', 45_870), // a date cell read back as its serial: 1 August 2025
  pair('3501', DATA, '3573', '15/08/2025'),
  pair('3503', DATA, '3573', null),
  pair('3506', DATA, '3573', '2025-08-15T00:00:00'),
  pair('3507', DATA, '3573', '20/08/2025', null),
  { Periode: 'catatan rapat', Bidang: 'lain-lain', Satker: '' },
]);

function entries() {
  const tables = areaTables(areas);
  return peerLearningEntries(TW3, ledger, {
    before: tables.get('2025-TW2') ?? new Map(),
    after: tables.get('2025-TW3') ?? new Map(),
  });
}

describe('the peer-learning ledger (SPEC §9)', () => {
  it('reads a session date from a date cell, a typed date or a script’s date-time, and skips notes', () => {
    expect(ledger.map((row) => [row.mentee, row.area, row.session])).toEqual([
      ['3501', 'akuntabilitas-keuangan', '2025-08-01'],
      ['3501', 'pengolahan-data', '2025-08-15'],
      ['3503', 'pengolahan-data', null],
      ['3506', 'pengolahan-data', '2025-08-15'],
      ['3507', 'pengolahan-data', '2025-08-20'],
    ]);
    expect(ledgerRows([pair('3501', DATA, '3573', 'belum')])[0]?.session).toBeNull();
  });

  it('compares each pair with similar offices that had no held pair in that area (worked by hand)', () => {
    const result = entries();
    // 3501: +20 against 3502 (+5), 3503 (−2, its pair not held) and 3507 (+2, its pair not counted):
    // mean 1,67, effect 18,33. 3504 (51) is 11 points away, 3505 has no TW III score, 3506 was held.
    // Its pairs in the order of TW II: the weaker area first.
    expect(result.get('3501')).toEqual([
      {
        area: 'pengolahan-data',
        mentor: '3573',
        held: true,
        before: 40,
        after: 60,
        change: 20,
        comparison: { offices: 3, change: 1.67 },
        effect: 18.33,
      },
      {
        area: 'akuntabilitas-keuangan',
        mentor: '3573',
        held: true,
        before: 60,
        after: 70,
        change: 10,
        comparison: { offices: 0, change: null },
        effect: null,
      },
    ]);
    // 3503 (not held): −2 against 3502 (+5), 3504 (+19), 3507 (+2): mean 8,67, effect −10,67.
    expect(result.get('3503')).toEqual([
      {
        area: 'pengolahan-data',
        mentor: '3573',
        held: false,
        before: 50,
        after: 48,
        change: -2,
        comparison: { offices: 3, change: 8.67 },
        effect: -10.67,
      },
    ]);
    // 3506: +20 against 3502 (+5) and 3507 (+2); 3505 (30) has no TW III score: mean 3,5, effect 16,5.
    expect(result.get('3506')?.[0]).toMatchObject({
      change: 20,
      comparison: { offices: 2, change: 3.5 },
      effect: 16.5,
    });
    expect(result.has('3507')).toBe(false);
  });

  it('has no change without both scores, and this run’s scores win over the Rekap Bidang rows', () => {
    const tables = areaTables(areas);
    const now = currentAreaTable(tables.get('2025-TW3'), [
      scoredResult({ code: '3501', areas: { 'pengolahan-data': null } }),
    ]);
    const result = peerLearningEntries(TW3, ledger, { before: tables.get('2025-TW2') ?? new Map(), after: now });
    expect(result.get('3501')?.[0]).toMatchObject({ before: 40, after: null, change: null, effect: null });
  });
});

describe('the Pembelajaran records a run writes', () => {
  const mentee = scoredResult({
    code: '3501',
    name: '=Bawaslu Pacitan',
    areas: { 'pengolahan-data': 40.126 },
    peers: [{ area: 'pengolahan-data', office: '3573' }],
  });
  const mentor = scoredResult({ code: '3573', name: 'Bawaslu Kota Malang', areas: { 'pengolahan-data': 95 } });
  const tw3 = (record: SheetRecord) => ({ ...record, Periode: '2025-TW3' });

  it('writes one row per pair with both scores, and only monev’s columns', () => {
    const records = ledgerRecords(TW3, [mentee, mentor], []);
    expect(records).toEqual([
      {
        Periode: '2025-TW3',
        Bidang: DATA,
        Satker: '3501',
        'Nama Satker': "'=Bawaslu Pacitan",
        Pembina: '3573',
        'Nama Pembina': 'Bawaslu Kota Malang',
        'Nilai Satker': 40.13,
        'Nilai Pembina': 95,
      },
    ]);
    expect(Object.keys(records[0] ?? {})).toEqual([...PEER_LEDGER_TAB.headers]);
  });

  it('keeps a pair of the period that no longer holds, with its mentor, and clears Nilai Pembina', () => {
    const earlier = ledgerRows([
      tw3(pair('3503', DATA, '3573', '01/08/2025', 90)),
      tw3(pair('3501', DATA, '3573', null)),
    ]);
    const records = ledgerRecords(TW3, [mentee, mentor], earlier);
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual({
      Periode: '2025-TW3',
      Bidang: DATA,
      Satker: '3503',
      'Nama Satker': 'Bawaslu 3503',
      Pembina: '3573',
      'Nama Pembina': 'Bawaslu 3573',
      'Nilai Satker': 0,
      'Nilai Pembina': null,
    });
    // Rows of other periods are history: never touched.
    expect(ledgerRecords(TW3, [mentor], ledgerRows([pair('3503', DATA, '3573', null)]))).toEqual([]);
  });
});
