import { describe, expect, it } from 'vitest';
import { AREA_IDS, type AreaId } from '../../../sheets-schema/index.js';
import { rankProvince, type OfficeResult } from '../../../functions/core/scoring/office.js';
import {
  indexScore,
  predicate,
  PREDICATE_BANDS,
  PREDICATE_LABELS,
  type Predicate,
} from '../../../functions/core/scoring/province.js';
import { score } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/province.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('predicate boundaries', () => {
  const cases: { name: string; input: number; expected: Predicate }[] = [
    { name: '100', input: 100, expected: 'AA' },
    { name: 'just above 90', input: 90.01, expected: 'AA' },
    { name: 'exactly 90', input: 90, expected: 'A' },
    // 0,3 · 300 is 90 on paper; binary noise must not lift it into AA.
    { name: '90 with float noise', input: 90 + 1e-12, expected: 'A' },
    { name: 'just above 80', input: 80.01, expected: 'A' },
    { name: 'exactly 80', input: 80, expected: 'BB' },
    { name: 'just above 70', input: 70.01, expected: 'BB' },
    { name: 'exactly 70', input: 70, expected: 'B' },
    { name: 'just above 60', input: 60.01, expected: 'B' },
    { name: 'exactly 60', input: 60, expected: 'CC' },
    { name: 'just above 50', input: 50.01, expected: 'CC' },
    { name: 'exactly 50', input: 50, expected: 'C' },
    { name: 'just above 30', input: 30.01, expected: 'C' },
    { name: 'exactly 30', input: 30, expected: 'D' },
    { name: '0', input: 0, expected: 'D' },
    { name: 'below 0', input: -5, expected: 'D' },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(predicate(input)).toBe(expected));
  it('the bands name every predicate once, best first, with falling boundaries', () => {
    expect(PREDICATE_BANDS.map((band) => band.predicate)).toEqual(Object.keys(PREDICATE_LABELS));
    const boundaries = PREDICATE_BANDS.map((band) => band.above);
    expect(boundaries).toEqual([...boundaries].sort((a, b) => b - a));
  });
  it('an office whose components are all 90 is A, not AA', () => {
    expect(
      predicate(
        indexScore(
          { iku: 90, actionPlan: 90, iki: 90, stages: 90, dataQuality: 90 },
          { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 },
        ) ?? 0,
      ),
    ).toBe('A');
  });
});

describe('province: rank and peers', () => {
  const base = score();
  const noAreas = Object.fromEntries(AREA_IDS.map((id) => [id, null])) as Record<AreaId, number | null>;
  const office = (
    code: string,
    index: number | null,
    areas: Partial<Record<AreaId, number>> = {},
    status: OfficeResult['status'] = 'scored',
  ): OfficeResult => ({
    ...base,
    code,
    status,
    scores: { ...base.scores, index },
    areas: { ...noAreas, ...areas },
  });

  it('equal indexes share a rank (SPEC v3): 1 + the offices with a higher index; unscored unranked', () => {
    // 3501 (90) first; 80, 80 and 80,0000000001 (80 after settling) tie → all three rank 2, and the
    // next index (70) ranks 5, not 3: four offices score higher.
    const offices = [
      office('3573', 80),
      office('3507', 80),
      office('3501', 90),
      office('3502', null, {}, 'unscored'),
      office('3503', 80.0000000001),
      office('3504', 70),
    ];
    const ranks = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.rank]));
    expect(ranks).toEqual({ '3501': 1, '3503': 2, '3507': 2, '3573': 2, '3504': 5, '3502': null });
  });

  it('a tie at the top: "1, 1, 3"', () => {
    const offices = [office('3502', 95.5), office('3501', 95.499999999), office('3503', 95.49)];
    const ranks = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.rank]));
    expect(ranks).toEqual({ '3501': 1, '3502': 1, '3503': 3 });
  });

  it('only areas below 91 ask for a mentor; 91 and above never do (SPEC v3)', () => {
    // 3501: area 1 at 91 (asks nothing), area 2 at 90,99 (asks), area 3 at 95 (asks nothing). 3502 scores
    // 100 in all three and mentors the one request.
    const offices = [
      office('3501', 90, { 'akuntabilitas-keuangan': 91, 'informasi-hukum-ppid': 90.99, 'hubungan-kelembagaan': 95 }),
      office('3502', 99, { 'akuntabilitas-keuangan': 100, 'informasi-hukum-ppid': 100, 'hubungan-kelembagaan': 100 }),
    ];
    const peers = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.peers]));
    expect(peers).toEqual({ '3501': [{ area: 'informasi-hukum-ppid', office: '3502' }], '3502': [] });
  });

  it('an office whose Rencana Aksi is missing, lacks a column or is empty asks for no mentor (SPEC v3)', () => {
    const broken = (code: string, code_: 'missing-tab' | 'missing-column' | 'empty-tab'): OfficeResult => ({
      ...office(code, 40, { 'akuntabilitas-keuangan': 0, 'informasi-hukum-ppid': 0 }),
      findings: [
        { tab: 'Rencana Aksi', cell: 'Rencana Aksi!A1', level: 'error', code: code_, message: '…', gain: null },
      ],
    });
    // A broken IKU tab is no reason to withhold a mentor in an area: only Rencana Aksi feeds the areas.
    const ikuBroken: OfficeResult = {
      ...office('3505', 40, { 'akuntabilitas-keuangan': 10 }),
      findings: [{ tab: 'IKU', cell: 'IKU!A1', level: 'error', code: 'missing-tab', message: '…', gain: null }],
    };
    const offices = [
      broken('3501', 'missing-tab'),
      broken('3502', 'missing-column'),
      broken('3503', 'empty-tab'),
      office('3504', 99, { 'akuntabilitas-keuangan': 100, 'informasi-hukum-ppid': 100 }),
      ikuBroken,
    ];
    const peers = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.peers]));
    expect(peers).toEqual({
      '3501': [],
      '3502': [],
      '3503': [],
      '3504': [],
      '3505': [{ area: 'akuntabilitas-keuangan', office: '3504' }],
    });
  });

  it('peer pairs: two weakest areas, best other office, only when it scores higher', () => {
    // 3501: weakest area 1 (40) and area 3 (50). Area 1 best others 3502 and 3503 tie at 90 → 3502;
    //   area 3 best other 3502 (70).
    // 3502: weakest area 2 (60) and area 3 (70). Area 2 → 3503 (80). Area 3: best other is 3501 (50,
    //   tie with 3503, code first), not higher → no pair.
    // 3503: weakest area 3 (50) then area 2, 4, 5, 6 tie at 80 → area 2 (lowest number).
    //   Area 3 → 3502 (70). Area 2: best other 3501/3502 at 60 → not higher → no pair.
    // 3504: areas 4, 5, 6 tie at 50 → areas 4 and 5; best other 3503 (80) for both.
    // 3505 is unscored: its areas are ignored even though they are high.
    const offices = [
      office('3501', 70, { 'akuntabilitas-keuangan': 40, 'informasi-hukum-ppid': 60, 'hubungan-kelembagaan': 50 }),
      office('3502', 70, { 'akuntabilitas-keuangan': 90, 'informasi-hukum-ppid': 60, 'hubungan-kelembagaan': 70 }),
      office('3503', 70, {
        'akuntabilitas-keuangan': 90,
        'informasi-hukum-ppid': 80,
        'hubungan-kelembagaan': 50,
        'pengolahan-data': 80,
        'literasi-demokrasi': 80,
        'tata-kelola-internal': 80,
      }),
      office('3504', 70, { 'pengolahan-data': 50, 'literasi-demokrasi': 50, 'tata-kelola-internal': 50 }),
      office(
        '3505',
        null,
        { 'akuntabilitas-keuangan': 100, 'hubungan-kelembagaan': 100, 'pengolahan-data': 100 },
        'unscored',
      ),
    ];
    const peers = Object.fromEntries(rankProvince(offices).map((o) => [o.code, o.peers]));
    expect(peers).toEqual({
      '3501': [
        { area: 'akuntabilitas-keuangan', office: '3502' },
        { area: 'hubungan-kelembagaan', office: '3502' },
      ],
      '3502': [{ area: 'informasi-hukum-ppid', office: '3503' }],
      '3503': [{ area: 'hubungan-kelembagaan', office: '3502' }],
      '3504': [
        { area: 'pengolahan-data', office: '3503' },
        { area: 'literasi-demokrasi', office: '3503' },
      ],
      '3505': [],
    });
  });

  describe('mentor capacity (Maks Binaan)', () => {
    // Area 1 (akuntabilitas-keuangan) and area 2 (informasi-hukum-ppid) only. 3501 and 3502 tie at 90 in
    // both. Requests, served weakest first (score, mentee code, area number):
    // (35, 3503, 2) · (40, 3503, 1) · (40, 3504, 1) · (60, 3504, 2) · (70, 3505, 1) · (80, 3505, 2) ·
    // then 3501's and 3502's at 90, which nobody scores above.
    const offices = [
      office('3501', 90, { 'akuntabilitas-keuangan': 90, 'informasi-hukum-ppid': 90 }),
      office('3502', 90, { 'akuntabilitas-keuangan': 90, 'informasi-hukum-ppid': 90 }),
      office('3503', 40, { 'akuntabilitas-keuangan': 40, 'informasi-hukum-ppid': 35 }),
      office('3504', 50, { 'akuntabilitas-keuangan': 40, 'informasi-hukum-ppid': 60 }),
      office('3505', 75, { 'akuntabilitas-keuangan': 70, 'informasi-hukum-ppid': 80 }),
    ];
    const cases: { name: string; input: number; expected: Record<string, [string, string][]> }[] = [
      {
        // 3501 (tie with 3502, code first) takes 3503's two requests and is full; 3504's go to 3502,
        // which is then full; 3505 finds nobody above it with room.
        name: 'capacity 2: the tie goes to the lower code until it is full, then the next',
        input: 2,
        expected: {
          '3501': [],
          '3502': [],
          '3503': [
            ['informasi-hukum-ppid', '3501'],
            ['akuntabilitas-keuangan', '3501'],
          ],
          '3504': [
            ['akuntabilitas-keuangan', '3502'],
            ['informasi-hukum-ppid', '3502'],
          ],
          '3505': [],
        },
      },
      {
        // 3501 takes (35, 3503, 2); 3502 takes (40, 3503, 1); (40, 3504, 1) goes to 3505 (70 > 40);
        // (60, 3504, 2): 3505 scores 80 but is full → no pair.
        name: 'capacity 1: mentoring spreads down to the next-best office, else no pair',
        input: 1,
        expected: {
          '3501': [],
          '3502': [],
          '3503': [
            ['informasi-hukum-ppid', '3501'],
            ['akuntabilitas-keuangan', '3502'],
          ],
          '3504': [['akuntabilitas-keuangan', '3505']],
          '3505': [],
        },
      },
      {
        // Room for all: every request goes to 3501, the best (tie by code), when it scores higher.
        name: 'capacity 10: the best office takes every request it scores higher in',
        input: 10,
        expected: {
          '3501': [],
          '3502': [],
          '3503': [
            ['informasi-hukum-ppid', '3501'],
            ['akuntabilitas-keuangan', '3501'],
          ],
          '3504': [
            ['akuntabilitas-keuangan', '3501'],
            ['informasi-hukum-ppid', '3501'],
          ],
          '3505': [
            ['akuntabilitas-keuangan', '3501'],
            ['informasi-hukum-ppid', '3501'],
          ],
        },
      },
    ];
    for (const { name, input, expected } of cases) {
      it(name, () => {
        const peers = Object.fromEntries(
          rankProvince(offices, input).map((o) => [o.code, o.peers.map((p) => [p.area, p.office])]),
        );
        expect(peers).toEqual(expected);
      });
    }
  });
});
