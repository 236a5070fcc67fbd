import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../sheets-schema/index.js';
import { finding } from '../../../functions/core/findings.js';
import { unreadable, unreadableFix } from '../../../functions/core/messages/unreadable.js';
import { followUpSection } from '../../../functions/core/report/province/follow-up-section.js';
import { leadersSection } from '../../../functions/core/report/province/leaders-section.js';
import { peersSection } from '../../../functions/core/report/province/peers-section.js';
import { rankingSection } from '../../../functions/core/report/province/ranking-section.js';
import { rekapFindingsSection } from '../../../functions/core/report/province/rekap-findings-section.js';
import type { ReportContext } from '../../../functions/core/report/report-context.js';
import { rankProvince, unreadableOffice, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { score } from '../../helpers/scoring.js';
import { period, SETTINGS } from '../../helpers/workbook.js';

/** The recap's section builders (core/report/province/) on their own, with hand-picked indexes. */
const base = score();
const office = (code: string, index: number): OfficeResult => ({
  ...base,
  code,
  name: `Bawaslu Kabupaten ${code}`,
  scores: { ...base.scores, index },
});
const unscored = unreadableOffice(
  { code: '3517', name: 'Bawaslu Kabupaten Jombang' },
  'satker/3517.xlsx',
  unreadable('text-not-xlsx'),
  unreadableFix('save-as-xlsx'),
);
// Seven offices, 3501 best (90) down to 3507 (60), and one unscored.
const offices = rankProvince([
  ...[90, 85, 80, 75, 70, 65, 60].map((index, i) => office(`350${i + 1}`, index)),
  unscored,
]);

function context(more: Partial<ReportContext> = {}): ReportContext {
  return {
    period: period('2025-TW3'),
    generatedAt: new Date('2025-10-01T03:00:00Z'),
    offices,
    previousIndex: new Map(),
    weights: SETTINGS.weights,
    ...more,
  };
}

describe('follow-up section', () => {
  it('names the five lowest indexes with their rank, and the unscored office with its reason', () => {
    const section = followUpSection(context());
    expect(section.bottom.map((row) => [row.rank, row.name, row.index])).toEqual([
      ['3', 'Kabupaten 3503', '80,00'],
      ['4', 'Kabupaten 3504', '75,00'],
      ['5', 'Kabupaten 3505', '70,00'],
      ['6', 'Kabupaten 3506', '65,00'],
      ['7', 'Kabupaten 3507', '60,00'],
    ]);
    expect(section.unscored.map((row) => row.name)).toEqual(['Kabupaten Jombang']);
    expect(section.withErrors).toEqual([]);
  });
});

describe('ranking section', () => {
  it('ranks the scored offices, then the unscored one without a rank', () => {
    const rows = rankingSection(context()).rows;
    expect(rows.map((row) => row.rank)).toEqual(['1', '2', '3', '4', '5', '6', '7', '–']);
    expect(rows.at(-1)?.name).toBe('Kabupaten Jombang (tidak dinilai)');
  });

  it('prints the change column only when some scored office has an earlier index, the change signed', () => {
    expect(rankingSection(context()).columns).toEqual({ change: false, evidence: false });
    const section = rankingSection(context({ previousIndex: new Map([['3502', 86.5]]) }));
    expect(section.columns.change).toBe(true);
    expect(section.rows.find((row) => row.code === '3502')?.change).toBe('−1,50');
    expect(section.rows.find((row) => row.code === '3501')?.change).toBe('');
  });
});

describe('peers section (SPEC §9)', () => {
  const [a1, a2] = AREAS;
  const full = Object.fromEntries(AREAS.map((area) => [area.id, 100])) as OfficeResult['areas'];
  const entry = (held: boolean, effect: number) => ({
    area: a1!.id,
    mentor: '3501',
    held,
    before: 50,
    after: 50 + effect,
    change: effect,
    comparison: { offices: 3, change: 0 },
    effect,
  });
  const withPeers = offices.map((o) => {
    const areas = { ...full };
    if (o.code === '3506')
      return { ...o, areas: { ...areas, [a1!.id]: 40 }, peers: [{ area: a1!.id, office: '3501' }] };
    if (o.code === '3507')
      return {
        ...o,
        areas: { ...areas, [a1!.id]: 50, [a2!.id]: 60 },
        peers: [{ area: a1!.id, office: '3501' }],
        // Held pairs of last period: four in a1 (not enough to conclude), one not held.
        peerLearning: [entry(true, 10), entry(true, 5), entry(true, 2), entry(true, 3), entry(false, 40)],
      };
    return { ...o, areas, peers: [] };
  });

  it('groups this period’s pairs by mentor with both scores, and lists the requests nobody took', () => {
    const section = peersSection(context({ offices: withPeers, maxMentees: 2 }));
    expect(section.maxMentees).toBe(2);
    expect(section.count).toBe(2);
    expect(section.mentors.map((m) => [m.mentor, m.rows.map((r) => [r.mentee, r.menteeScore, r.mentorScore])])).toEqual(
      [
        [
          'Kabupaten 3501',
          [
            ['Kabupaten 3506', '40,00', '100,00'],
            ['Kabupaten 3507', '50,00', '100,00'],
          ],
        ],
      ],
    );
    // 3507's second request (a2, 60) got no mentor in this hand-made province.
    expect(section.unserved).toEqual([{ office: 'Kabupaten 3507', area: a2!.name, score: '60,00' }]);
  });

  it('reads the held pairs’ mean effect per area only from five pairs on', () => {
    const few = peersSection(context({ offices: withPeers }));
    expect(few.effects).toEqual([
      { area: a1!.name, pairs: 5, held: 4, effect: 'belum dapat disimpulkan', enough: false },
    ]);
    const more = withPeers.map((o) =>
      o.code === '3507' ? { ...o, peerLearning: [...(o.peerLearning ?? []), entry(true, 0)] } : o,
    );
    // (10 + 5 + 2 + 3 + 0) / 5 = 4; the pair without a session does not count.
    expect(peersSection(context({ offices: more })).effects).toEqual([
      { area: a1!.name, pairs: 6, held: 5, effect: '+4,00 poin', enough: true },
    ]);
  });
});

describe('rekap findings section', () => {
  it('is left out without findings on the rekap', () => {
    expect(rekapFindingsSection(context())).toBeNull();
    const invalid = finding('invalid-email', 'Satker', 'Satker!F3', { value: 'x@' });
    expect(rekapFindingsSection(context({ rekapFindings: [invalid] }))?.rows).toEqual([
      { cell: 'Satker!F3', message: invalid.message },
    ]);
  });
});

describe('leaders section: ties share a place (issue 18 §4)', () => {
  /** Offices with one area score each (akuntabilitas-keuangan), the others null. */
  const withArea = (values: readonly (number | null)[]) =>
    rankProvince(
      values.map((value, i) => ({
        ...office(`35${String(i + 1).padStart(2, '0')}`, 80),
        areas: { ...Object.fromEntries(AREAS.map((a) => [a.id, null])), 'akuntabilitas-keuangan': value },
      })) as OfficeResult[],
    );
  const names = (...codes: number[]) => codes.map((c) => `Kabupaten 35${String(c).padStart(2, '0')}`).join(', ');
  const cases: {
    name: string;
    values: (number | null)[];
    expected: { place: number; count: number; value: string; names: string; more: number }[];
  }[] = [
    {
      name: 'three different scores: three places of one office each, best first',
      values: [70, 90, 80, 60],
      expected: [
        { place: 1, count: 1, value: '90,00', names: names(2), more: 0 },
        { place: 2, count: 1, value: '80,00', names: names(3), more: 0 },
        { place: 3, count: 1, value: '70,00', names: names(1), more: 0 },
      ],
    },
    {
      name: 'eight offices at 100: one place for all of them, six named and "dan 2 lainnya", nothing below',
      values: [100, 100, 100, 100, 100, 100, 100, 100, 95],
      expected: [{ place: 1, count: 8, value: '100,00', names: names(1, 2, 3, 4, 5, 6), more: 2 }],
    },
    {
      name: 'one best, then two tied: the tie is place 2 and covers the third',
      values: [88, 99, 88, 50],
      expected: [
        { place: 1, count: 1, value: '99,00', names: names(2), more: 0 },
        { place: 2, count: 2, value: '88,00', names: names(1, 3), more: 0 },
      ],
    },
    {
      name: 'scores equal to two decimals are a tie (99,995 and 100 both print 100,00)',
      values: [99.995, 100, 40],
      expected: [
        { place: 1, count: 2, value: '100,00', names: names(1, 2), more: 0 },
        { place: 3, count: 1, value: '40,00', names: names(3), more: 0 },
      ],
    },
    { name: 'no office with a score: no place', values: [null, null], expected: [] },
  ];
  it.each(cases)('$name', ({ values, expected }) => {
    const row = leadersSection(context({ offices: withArea(values) })).rows[0];
    expect(
      row?.places.map(({ place, count, value, names: n, more }) => ({ place, count, value, names: n, more })),
    ).toEqual(expected);
    expect(row?.places.map((p) => p.tied)).toEqual(expected.map((p) => p.count > 1));
  });
});
