import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../sheets-schema/index.js';
import { unreadable, unreadableFix } from '../../../functions/core/messages/unreadable.js';
import { officeReportModel, sectionNumbers } from '../../../functions/core/report/office-report.js';
import { actionPlanSection } from '../../../functions/core/report/office/action-plan-section.js';
import { areasSection } from '../../../functions/core/report/office/areas-section.js';
import { findingsSection, groupGain } from '../../../functions/core/report/office/findings-section.js';
import { ikiSection } from '../../../functions/core/report/office/iki-section.js';
import { ikuSection } from '../../../functions/core/report/office/iku-section.js';
import { peersSection } from '../../../functions/core/report/office/peers-section.js';
import { summarySection } from '../../../functions/core/report/office/summary-section.js';
import { unscoredReason, unscoredSection } from '../../../functions/core/report/office/unscored-section.js';
import type { ReportContext } from '../../../functions/core/report/report-context.js';
import {
  rankProvince,
  unreadableOffice,
  type OfficeFinding,
  type OfficeResult,
} from '../../../functions/core/scoring/office.js';
import { score, tableRowsWithout } from '../../helpers/scoring.js';
import { DEFAULT_TABS, period, SETTINGS } from '../../helpers/workbook.js';

/**
 * The office report's section builders (core/report/office/), each on its own: the logic a section holds,
 * with the expected texts worked out by hand. The default office (test/helpers/scoring.ts) has index 90,75.
 */
const clean: OfficeResult = { ...score(), code: '3573', name: 'Bawaslu Kota Malang' };
const unscored = unreadableOffice(
  { code: '3517', name: 'Bawaslu Kabupaten Jombang' },
  'satker/3517.xlsx',
  unreadable('text-not-xlsx'),
  unreadableFix('save-as-xlsx'),
);

function context(offices: readonly OfficeResult[], more: Partial<ReportContext> = {}): ReportContext {
  return {
    period: period('2025-TW3'),
    generatedAt: new Date('2025-10-01T03:00:00Z'),
    offices,
    previousIndex: new Map(),
    weights: SETTINGS.weights,
    ...more,
  };
}

const found = (cell: string, gain: number | null, more: Partial<OfficeFinding> = {}): OfficeFinding => ({
  tab: cell.split('!')[0] as string,
  cell,
  level: 'error',
  code: 'nip-not-text',
  message: 'NIP tersimpan sebagai angka',
  gain,
  ...more,
});

describe('findings: the gain of a group of rows', () => {
  // Issue 18: a group states its total (the gain of putting all its rows right at once, from scoring),
  // not a per-row figure to multiply; "hingga" with the largest row's gain when the rows' gains differ.
  it.each([
    ['one row', [2.5], undefined, '+2,50'],
    ['one row: a total changes nothing', [2.5], 2.5, '+2,50'],
    ['rows gaining the same: their total', [1.35, 1.35], 2.7, '+2,70 bila semua diperbaiki'],
    ['rows gaining the same to two decimals', [1.351, 1.349], 2.7, '+2,70 bila semua diperbaiki'],
    ['rows gaining different amounts', [2, 1.5], 3.6, '+3,60 bila semua diperbaiki; satu baris hingga +2,00'],
    ['a row without a gain among them', [2, null], 2, '+2,00 bila semua diperbaiki; satu baris hingga +2,00'],
    ['no total (an older result): per row', [1.35, 1.35], undefined, '+1,35 per baris'],
    ['no total, gains differing: the largest', [2, 1.5], undefined, 'hingga +2,00 per baris'],
    ['no gain', [null], undefined, ''],
    ['a gain that rounds to nothing', [0.004], undefined, ''],
    ['a loss is no gain', [-1], undefined, ''],
  ] as const)('%s', (_, gains, total, text) => {
    expect(
      groupGain(
        gains.map((gain, i) => found(`IKI!A${i + 2}`, gain)),
        total,
      ),
    ).toBe(text);
  });
});

describe('findings section', () => {
  it('lists warnings up to the limit and counts the findings of the rest', () => {
    const warnings = [
      found('IKU!A2', null, { level: 'warning', code: 'iku-without-iki' }),
      found('IKU!A3', null, { level: 'warning', code: 'iku-without-iki' }),
      found('ABK!A2', null, { level: 'warning', code: 'missing-value' }),
      found('Tahapan!F2', null, { level: 'warning', code: 'missing-evidence' }),
      found('Tahapan!F3', null, { level: 'warning', code: 'missing-evidence' }),
    ];
    const office = { ...clean, findings: [found('IKI!A2', 1), ...warnings] };
    const section = findingsSection(office, context([office], { warningLimit: 1 }));
    // Three groups (IKU!A2:A3, ABK!A2, Tahapan!F2:F3): one shown, the other two hold 1 + 2 findings.
    expect(section?.warnings.map((w) => w.cell)).toEqual(['IKU!A2:A3, 2 baris']);
    expect(section?.moreWarnings).toBe(3);
    expect(section?.errorCount).toBe(1);
    expect(section?.scored).toBe(true);
  });

  it('an unscored office: none when the reason is all there is, else the others without the reason', () => {
    expect(findingsSection(unscored, context([unscored]))).toBeNull();
    const other = { ...unscored, findings: [...unscored.findings, found('IKI!A2', null)] };
    const section = findingsSection(other, context([other]));
    expect(section?.scored).toBe(false);
    expect(section?.errors.map((e) => e.cell)).toEqual(['IKI!A2']);
  });
});

describe('unscored section', () => {
  it('names a reason that leaves the office unscored before any other error', () => {
    const reason = unscored.findings[0] as OfficeFinding;
    const office = { ...unscored, findings: [found('IKI!A2', null), reason] };
    expect(unscoredReason(office)).toBe(reason);
    expect(unscoredReason(clean)).toBeUndefined();
    expect(unscoredSection(clean, context([clean]))).toBeNull();
  });

  it('carries the deadline and the contact in the office’s words', () => {
    const section = unscoredSection(
      unscored,
      context([unscored], { repairDeadline: '2025-10-15', contact: 'Sekretariat' }),
    );
    expect(section?.followUp).toEqual({ deadline: '15 Oktober 2025', contact: 'Sekretariat' });
  });
});

describe('summary section', () => {
  it('a clean office: a final index, nothing to reach', () => {
    const summary = summarySection(clean, context([clean]));
    expect(summary?.provisional).toBe(false);
    expect(summary?.potential).toBeNull();
  });

  it('an office with errors: the index is provisional, with how far it can rise and the predicate it reaches', () => {
    // IKU-01 unreadable and Budi's NIP unreadable (test/core/scoring/gains.test.ts): index 64,80 (B); all put
    // right it is 90,75 again, which is AA (above 90).
    const office: OfficeResult = {
      ...clean,
      scores: { ...clean.scores, index: 64.797619 },
      potentialGain: 90.75 - 64.797619,
      findings: [{ tab: 'IKU', cell: 'IKU!M2', level: 'error', code: 'invalid-number', message: '…', gain: 17.98 }],
    };
    const summary = summarySection(office, context([office]));
    expect(summary?.provisional).toBe(true);
    expect(summary?.potential).toBe('bisa naik hingga 90,75 (AA) bila semua temuan diperbaiki');
  });

  it('the change against the previous period and the rank among the ranked offices (the trend is a section of its own)', () => {
    const [office] = rankProvince([clean]) as [OfficeResult];
    const section = summarySection(
      office,
      context([office], {
        previousIndex: new Map([['3573', 88.25]]),
        rankedOffices: 37,
        history: new Map([['3573', [{ period: '2025-TW1', index: 80.125 }]]]),
      }),
    );
    expect(section).toMatchObject({
      index: '90,75',
      predicate: 'AA',
      rank: '1',
      rankOf: 'dari 37 satker yang dinilai',
      change: '+2,50',
      previousIndex: '88,25',
    });
  });

  it('no change without an earlier period; none at all for an unscored office', () => {
    const section = summarySection(clean, context([clean]));
    expect([section?.change, section?.previousIndex]).toEqual([null, null]);
    expect(section?.rankOf).toBe('dari 1 satker yang dinilai');
    expect(summarySection(unscored, context([unscored]))).toBeNull();
  });
});

describe('IKU section', () => {
  it('a row in error says "data salah", a row not yet due says so', () => {
    const [first, second] = clean.details.iku;
    const office = {
      ...clean,
      details: {
        ...clean.details,
        iku: [
          { ...first!, hasError: true, category: null },
          { ...second!, due: false },
        ],
      },
    };
    const rows = ikuSection(office, context([office]))?.rows;
    expect(rows?.map((r) => r.achievement)).toEqual(['data salah', 'belum jatuh tempo']);
    expect([rows?.[0]?.category, rows?.[0]?.categoryClass]).toEqual(['masalah data', 'cat-error']);
  });

  it('the year-end outlook before TW IV, none in TW IV', () => {
    // IKU-02 (Minimal, Akhir Periode) projects to 90 < 100: at risk; IKU-01 reaches its target.
    expect(ikuSection(clean, context([clean]))?.outlook).toEqual({
      rows: 2,
      atRiskCount: 1,
      moreAtRisk: null,
      // Akhir Periode, Minimal: projected relative to plan; TW IV may reach at most the target 10.
      atRisk: [
        {
          code: 'IKU-02',
          indicator: 'Jumlah temuan audit',
          projected: '90,00',
          basis: 'relatif terhadap rencana sejauh ini',
          yearTarget: '10',
          needed: 'TW IV perlu mencapai paling banyak 10',
        },
      ],
    });
    expect(ikuSection(clean, context([clean], { period: period('2025-TW4') }))?.outlook).toBeNull();
    expect(ikuSection(unscored, context([unscored]))).toBeNull();
  });
});

describe('IKI section', () => {
  it('rows whose NIP cannot be read are a data problem at their cells, never a person', () => {
    const [andi] = clean.details.iki;
    const nobody = { ...andi!, nip: null, name: null, rows: [6, 7, 9].map((row) => ({ ...andi!.rows[0]!, row })) };
    const office = { ...clean, details: { ...clean.details, iki: [andi!, nobody] } };
    const section = ikiSection(office);
    expect(section?.persons.map((p) => p.name)).toEqual(['Andi']);
    expect(section?.unreadable).toBe(
      '3 baris IKI dengan NIP tidak terbaca (IKI!A7:A8, A10) dihitung 0 sebagai masalah data, bukan nilai pegawai. Perbaiki NIP-nya agar baris itu dinilai.',
    );
  });

  // Issue 18: 3575's seventh person, whose NIPs were typed as numbers, was missing beside an IKI of 49,77.
  it.each([
    ['one named person on three rows: one entry', ['Budi', 'Budi', 'budi '], [['Budi', '3 baris']]],
    [
      'two named persons',
      ['Budi', 'Sari', 'Budi'],
      [
        ['Budi', '2 baris'],
        ['Sari', '1 baris'],
      ],
    ],
    ['no Nama: nobody to list', [null, null, null], []],
  ] as const)('rows whose NIP cannot be read, listed by their Nama as "masalah data": %s', (_, names, listed) => {
    const [andi] = clean.details.iki;
    const rows = names.map((name, i) => ({
      ...andi!,
      nip: null,
      name,
      rows: [{ ...andi!.rows[0]!, row: 6 + i, hasError: true }],
    }));
    const section = ikiSection({ ...clean, details: { ...clean.details, iki: [andi!, ...rows] } });
    expect(section?.persons.slice(1).map((p) => [p.name, p.note?.split(' dengan')[0]])).toEqual(listed);
    for (const person of section?.persons.slice(1) ?? []) {
      expect([person.nip, person.score, person.category]).toEqual(['tidak terbaca', '–', 'masalah data']);
    }
    // The cells stay named below the table, with or without a Nama.
    expect(section?.unreadable).toContain('3 baris IKI dengan NIP tidak terbaca (IKI!A7:A9)');
  });

  it('a person whose every due row is in error is "masalah data", with the count', () => {
    const [andi] = clean.details.iki;
    const broken = { ...andi!, rows: andi!.rows.map((r) => ({ ...r, due: true, hasError: true })) };
    const person = ikiSection({ ...clean, details: { ...clean.details, iki: [broken] } })?.persons[0];
    expect([person?.category, person?.categoryClass, person?.note]).toEqual([
      'masalah data',
      'cat-error',
      'termasuk 2 baris data salah, dihitung 0',
    ]);
  });
});

describe('action plan section', () => {
  it('late activities show the Keterangan the office wrote, and a dash without one', () => {
    // The default office's second activity is late (realization 3 of 4); the first is on time.
    const rows = DEFAULT_TABS['Rencana Aksi'].map((row, i) =>
      i === 1 ? { ...row, Keterangan: 'Menunggu anggaran' } : row,
    );
    const office: OfficeResult = { ...score({ 'Rencana Aksi': rows }), code: '3573', name: 'Bawaslu Kota Malang' };
    expect(actionPlanSection(office, context([office]))?.late.map((item) => item.note)).toEqual(['Menunggu anggaran']);
    expect(actionPlanSection(clean, context([clean]))?.late.map((item) => item.note)).toEqual(['–']);
  });

  it('says what it cannot check when Rencana Aksi is broken', () => {
    const broken = score({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } });
    const section = actionPlanSection(broken, context([broken]));
    expect(section?.lateNote).toBe(
      'Keterlambatan belum dapat diperiksa karena kolom wajib di tab Rencana Aksi tidak lengkap.',
    );
    expect(section?.evidenceNote).toBe(
      'Bukti dukung belum dapat diperiksa karena kolom wajib di tab Rencana Aksi tidak lengkap.',
    );
  });

  it('lists a realization without evidence at its sheet row, and speaks only of readable rows when some are not', () => {
    const [first, second] = clean.details.actionPlan;
    const office = {
      ...clean,
      details: {
        ...clean.details,
        actionPlan: [
          { ...first!, evidenceMissing: true },
          { ...second!, hasError: true },
        ],
      },
    };
    const section = actionPlanSection(office, context([office]));
    expect(section?.uncounted).toEqual([
      { activity: 'Rekonsiliasi laporan keuangan', reported: '3', row: first!.row + 1 },
    ]);
    expect(section?.evidenceNote).toBe('Semua realisasi pada baris yang terbaca disertai bukti dukung.');
    expect(section?.period).toBe('Triwulan III 2025');
    expect(actionPlanSection(clean, context([clean]))?.evidenceNote).toBe('Semua realisasi disertai bukti dukung.');
  });
});

describe('peers section (SPEC §9)', () => {
  const area = AREAS[0]!;
  const practice = (row: number, confirmed: boolean) => ({
    area: area.id,
    row,
    activity: `Kegiatan ${row}`,
    output: `Keluaran ${row}`,
    link: `https://drive.google.com/file/d/bukti${row}/view`,
    confirmed,
  });
  const mentor: OfficeResult = {
    ...clean,
    code: '3507',
    name: 'Bawaslu Kabupaten Malang',
    areas: { ...clean.areas, [area.id]: 95 },
    goodPractices: [practice(4, true), practice(9, false), { ...practice(5, true), area: AREAS[1]!.id }],
  };
  const mentee: OfficeResult = {
    ...clean,
    areas: { ...clean.areas, [area.id]: 60.5 },
    peers: [{ area: area.id, office: '3507' }],
    peerLearning: [
      {
        area: area.id,
        mentor: '3507',
        held: true,
        before: 50,
        after: 62.5,
        change: 12.5,
        comparison: { offices: 4, change: 3.1 },
        effect: 9.4,
      },
    ],
  };

  it('names the mentor, both scores and the mentor’s praktik baik of that area only', () => {
    const section = peersSection(mentee, context([mentee, mentor]));
    expect(section?.learnFrom).toEqual([
      {
        area: area.name,
        office: 'Bawaslu Kabupaten Malang',
        theirs: '95,00',
        ours: '60,50',
        mark: null,
        // Drive confirmed one link and not the other: the other is marked.
        linkNote: 'tautan bertanda * belum diperiksa di Drive',
        practices: [
          { activity: 'Kegiatan 4', output: 'Keluaran 4', link: practice(4, true).link, starred: false },
          { activity: 'Kegiatan 9', output: 'Keluaran 9', link: practice(9, false).link, starred: true },
        ],
      },
    ]);
    expect(peersSection(unscored, context([unscored]))).toBeNull();
  });

  it('says what last period’s pair did against similar offices, in words', () => {
    expect(peersSection(mentee, context([mentee, mentor]))?.past).toEqual([
      {
        area: area.name,
        mentor: 'Bawaslu Kabupaten Malang',
        held: true,
        text: 'naik 12,50 (50,00 → 62,50); satker serupa tanpa pendampingan (4 satker) naik 3,10; selisih +9,40 poin',
      },
    ]);
  });

  it('lists a mentor’s mentees with their contact, and the mentor’s own change in those areas', () => {
    const section = peersSection(
      mentor,
      context([mentee, mentor], {
        contacts: new Map([['3573', ['operator@malangkota.bawaslu.go.id']]]),
        previousAreas: new Map([['3507', { [area.id]: 97.5 }]]),
      }),
    );
    expect(section?.mentees).toEqual([
      {
        office: 'Bawaslu Kota Malang',
        area: area.name,
        theirs: '60,50',
        ours: '95,00',
        contact: 'operator@malangkota.bawaslu.go.id',
      },
    ]);
    expect(section?.ownChange).toBe(
      `Nilai satker ini di bidang yang dibina, dibandingkan Triwulan II 2025: ${area.name} 95,00 (turun 2,50).`,
    );
    expect(section?.learnFrom).toEqual([]);
  });
});

describe('areas section: one pointer to whom to learn from (issue 18)', () => {
  it.each([
    [
      'two pairs, with the section number',
      [
        { area: AREAS[1]!.id, office: '3507' },
        { area: AREAS[3]!.id, office: '3524' },
      ],
      10,
      `Untuk bidang ${AREAS[1]!.name} dan ${AREAS[3]!.name}, bagian 10 (Pembelajaran antarsatker) menyebut satker yang dapat ditanya dan praktik baiknya.`,
    ],
    [
      'one pair, no number known',
      [{ area: AREAS[0]!.id, office: '3507' }],
      null,
      `Untuk bidang ${AREAS[0]!.name}, bagian Pembelajaran antarsatker menyebut satker yang dapat ditanya dan praktik baiknya.`,
    ],
    ['no pair: no pointer', [], 10, null],
  ] as const)('%s', (_, peers, number, text) => {
    const office: OfficeResult = { ...clean, peers: [...peers] };
    const section = areasSection(office, context([office]), number);
    expect(section?.learnFrom).toBe(text);
    // No "Percontohan 2025" under every area any more.
    expect(section?.rows.every((row) => !('pilot' in row))).toBe(true);
  });
});

describe('section numbers, as the template counts them', () => {
  it.each([
    ['a scored office: all ten', true, { summary: 1, iku: 3, actionPlan: 4, peers: 10 }, 10],
    ['an unscored office: Temuan lain is not numbered', false, { summary: undefined, iku: undefined }, 0],
  ] as const)('%s', (_, scored, expected, count) => {
    const o = scored ? clean : { ...unscored, findings: [...unscored.findings, found('IKI!A2', null)] };
    const model = officeReportModel(o, context([o]));
    const numbers = sectionNumbers({ ...model, summary: model.summary !== null });
    expect(numbers.size).toBe(count);
    for (const [key, n] of Object.entries(expected)) expect(numbers.get(key as 'iku')).toBe(n);
  });
});
