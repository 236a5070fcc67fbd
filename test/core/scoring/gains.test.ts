import { describe, expect, it } from 'vitest';
import { driveTarget } from '../../../functions/core/evidence/drive-link.js';
import { scoreOffice } from '../../../functions/core/scoring/office.js';
import {
  DEFAULT_TABS,
  OFFICE,
  officeWorkbook,
  period,
  readWorkbook,
  SETTINGS,
  type Row,
} from '../../helpers/workbook.js';
import { expectClose, score, tableRowsWithout, type Tweaks } from '../../helpers/scoring.js';

/**
 * docs/SPEC.md §8 gains of functions/core/scoring/gains.ts: fix the row, rescore, compare. The default office
 * (test/helpers/scoring.ts) scores 90,75 at 2025-TW3. Each case breaks one row; its gain must be what
 * the index climbs back when the row is put right in the workbook itself, and the hand-worked number.
 */
const change = (tab: keyof typeof DEFAULT_TABS, row: number, values: Row): Row[] =>
  DEFAULT_TABS[tab].map((record, i) => (i === row ? { ...record, ...values } : record));

describe('gains: fix the row, rescore, compare', () => {
  const cases: { name: string; broken: Tweaks; cell: string; code: string; expected: number }[] = [
    {
      // RA row 2 loses its evidence: R 3 counts 0 → RA (100 + 0)/2 = 50; index 90,75 − 30·37,5/100 = 79,5.
      name: 'Rencana Aksi realization without evidence: counting its reported R',
      broken: { 'Rencana Aksi': change('Rencana Aksi', 1, { 'Bukti Dukung': undefined }) },
      cell: "'Rencana Aksi'!O3",
      code: 'missing-evidence',
      expected: 11.25,
    },
    {
      // IKU-01 (C 100) unreadable: 0 with weight 1 → IKU (0 + 90)/2 = 45; data quality 20/21. Index
      // (35·45 + 2625 + 1425 + 700 + 10·2000/21)/100 = 72,77…; put right it is 90,75 again: +17,98.
      name: 'IKU row in error: the row achieving 100 (here what it achieved before)',
      broken: { IKU: change('IKU', 0, { 'Realisasi TW II': 'dua lima' }) },
      cell: 'IKU!M2',
      code: 'invalid-number',
      expected: 90.75 - (1575 + 2625 + 1425 + 700 + 20000 / 21) / 100,
    },
    {
      // Budi's NIP unreadable: a person of its own scoring 0 → IKI (90 + 0)/2 = 45; data quality 20/21.
      // Index (3325 + 2625 + 675 + 700 + 10·2000/21)/100 = 82,77…; +7,98.
      name: 'IKI row with an unreadable NIP',
      broken: { IKI: change('IKI', 2, { NIP: '12345' }) },
      cell: 'IKI!A4',
      code: 'invalid-nip',
      expected: 90.75 - (3325 + 2625 + 675 + 700 + 20000 / 21) / 100,
    },
    {
      // The first step Selesai without evidence counts ½ → Tahapan 65; index −0,5.
      name: 'Tahapan step Selesai without evidence: Selesai with evidence',
      broken: { Tahapan: change('Tahapan', 0, { 'Bukti Dukung': undefined }) },
      cell: 'Tahapan!E2',
      code: 'missing-evidence',
      expected: 0.5,
    },
  ];
  for (const { name, broken, cell, code, expected } of cases) {
    it(name, () => {
      const before = score(broken);
      const after = score();
      const f = before.findings.find((x) => x.cell === cell && x.code === code);
      expect(f).toBeDefined();
      expectClose(f?.gain, expected);
      // Putting the row right in the workbook climbs back exactly the gain (each row achieved 100 or counted R).
      expectClose((before.scores.index as number) + (f?.gain as number), after.scores.index);
    });
  }

  it('an error row that achieved less than 100 gains as if it achieved 100', () => {
    // IKU-02 (C 90) with an unknown Sifat: 0 → IKU (100 + 0)/2 = 50, data quality 20/21. Put right at
    // 100 the IKU is 100: index (3500 + 2625 + 1425 + 700 + 1000)/100 = 92,5, above the unbroken 90,75.
    const before = score({ IKU: change('IKU', 1, { Sifat: 'Tahunan' }) });
    const f = before.findings.find((x) => x.code === 'invalid-choice');
    expectClose(f?.gain, 92.5 - (1750 + 2625 + 1425 + 700 + 20000 / 21) / 100);
  });

  it('every finding on one row carries the row’s gain; warnings with nothing to put right gain 0', () => {
    // RA row 1 with two unreadable cells: both findings share one gain. The Selesai step without a date
    // costs nothing, so filling it gains nothing.
    const before = score({
      'Rencana Aksi': change('Rencana Aksi', 0, { 'Target TW II': 'x', 'Realisasi TW II': 'y' }),
      Tahapan: change('Tahapan', 0, { 'Tanggal Selesai': undefined }),
    });
    const gains = (code: string) => before.findings.filter((f) => f.code === code).map((f) => f.gain);
    const [first, second] = gains('invalid-number');
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
    expect(gains('missing-date')).toEqual([0]);
  });

  it('evidence Drive cannot confirm on an IKU or IKI row costs nothing, so putting it right gains 0', () => {
    // IKU-02 (C 90) and Budi's IKI row cite a Drive file that Drive does not know: evidence-unreachable
    // on both. Before, the IKU row was "put right" as achieving 100: +1,75 for a warning that costs nothing.
    const link = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQr/view';
    const id = driveTarget(link)?.id as string;
    const verification = {
      verified: true,
      lookups: new Map([[id, { status: 'unreachable' as const, folder: false }]]),
      account: null,
    };
    const parsed = readWorkbook(
      officeWorkbook({
        IKU: change('IKU', 1, { 'Bukti Dukung': link }),
        IKI: change('IKI', 2, { 'Bukti Dukung': link }),
      }),
    );
    const result = scoreOffice(OFFICE, parsed, period(), SETTINGS, verification);
    expectClose(result.scores.index, 90.75);
    const unreachable = result.findings.filter((f) => f.code === 'evidence-unreachable');
    expect(unreachable.map((f) => [f.tab, f.gain])).toEqual([
      ['IKU', 0],
      ['IKI', 0],
    ]);
  });

  it('null for findings about a tab or a group of rows, and for an unscored office', () => {
    const tabLevel = score({
      IKU: change('IKU', 0, { Bobot: 60 }).map((row, i) => (i === 1 ? { ...row, Bobot: 30 } : row)),
    });
    expect(tabLevel.findings.filter((f) => f.code === 'weights-not-100').map((f) => f.gain)).toEqual([null]);
    const empty = score({ Anjab: [] });
    expect(empty.findings.filter((f) => f.code === 'empty-tab').map((f) => f.gain)).toEqual([null]);
    const unscored = score({
      Profil: {
        rows: [
          ['Kode Satker', '3507'],
          ['Tahun', 2025],
        ],
      },
      IKU: change('IKU', 0, { Kode: undefined }),
    });
    expect(unscored.status).toBe('unscored');
    expect(unscored.findings.map((f) => f.gain).every((gain) => gain === null)).toBe(true);
  });
});

describe('potential gain (SPEC v3 §8): every finding with a gain put right at once', () => {
  it('is the index with all those rows fixed together, here back to the clean 90,75', () => {
    // IKU-01 unreadable and Budi's NIP unreadable: IKU 45, IKI 45, data quality 19/21. Index
    // (35·45 + 2625 + 15·45 + 700 + 10·1900/21)/100 = 64,797…; all put right it is 90,75: +25,95.
    const result = score({
      IKU: change('IKU', 0, { 'Realisasi TW II': 'dua lima' }),
      IKI: change('IKI', 2, { NIP: '12345' }),
    });
    expectClose(result.scores.index, (1575 + 2625 + 675 + 700 + 19000 / 21) / 100);
    expectClose(result.potentialGain, 90.75 - (1575 + 2625 + 675 + 700 + 19000 / 21) / 100);
  });

  it('is 0 for a clean office, and null for an unscored one', () => {
    expect(score().potentialGain).toBe(0);
    expect(score({ Profil: null }).potentialGain ?? null).toBeNull();
  });

  it('never falls below the largest single gain, and equals it when only one row is wrong', () => {
    const one = score({ 'Rencana Aksi': change('Rencana Aksi', 1, { 'Bukti Dukung': undefined }) });
    expectClose(one.potentialGain, 11.25);
    const two = score({
      'Rencana Aksi': change('Rencana Aksi', 1, { 'Bukti Dukung': undefined }),
      Tahapan: change('Tahapan', 0, { 'Bukti Dukung': undefined }),
    });
    const largest = Math.max(...two.findings.map((f) => f.gain ?? 0));
    expect(two.potentialGain as number).toBeGreaterThanOrEqual(largest);
    expectClose(two.potentialGain, 11.25 + 0.5);
  });
});

describe('group gains (issue 18): the rows of one group put right together', () => {
  it('is the gain of putting all of the group’s rows right at once, keyed by tab, code and column', () => {
    // Andi's two IKI rows with the NIP typed as a number: each row is a person of its own scoring 0, beside
    // Budi's 100: IKI 100/3; data quality 19/21. Index (3325 + 2625 + 15·100/3 + 700 + 19000/21)/100.
    // Put right, each row achieves 100 (docs/SPEC.md §8) as the person it is scored as: IKI 100, data
    // quality 100, index (3325 + 2625 + 1500 + 700 + 1000)/100 = 91,50. These are the office's only fixes,
    // so the group's gain is its potential gain too.
    const result = score({
      IKI: DEFAULT_TABS.IKI.map((row, i) => (i < 2 ? { ...row, NIP: 198703152010121001 } : row)),
    });
    const index = (3325 + 2625 + 500 + 700 + 19000 / 21) / 100;
    expectClose(result.scores.index, index);
    expect(Object.keys(result.groupGains ?? {})).toEqual(['IKI|nip-not-text|A']);
    expectClose(result.groupGains?.['IKI|nip-not-text|A'], 91.5 - index);
    expectClose(result.potentialGain, 91.5 - index);
  });

  it('is absent for a group of one row, and for a clean office', () => {
    expect(score({ IKI: change('IKI', 2, { NIP: '12345' }) }).groupGains).toEqual({});
    expect(score().groupGains).toEqual({});
  });
});

describe('the gain of a missing Bukti Dukung column (SPEC v3 §8)', () => {
  it('is the index with the column present and every row’s evidence holding, on the missing-column finding', () => {
    // Without the column Rencana Aksi is 0 and its 2 rows are invalid: index (3325 + 0 + 1425 + 700 +
    // 10·1900/21)/100 = 63,60; with it the default office's 90,75 again (its rows have their evidence).
    const result = score({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } });
    const broken = (3325 + 1425 + 700 + 19000 / 21) / 100;
    expectClose(result.scores.index, broken);
    const [column] = result.findings.filter((f) => f.code === 'missing-column');
    expect(column?.tab).toBe('Rencana Aksi');
    expectClose(column?.gain, 90.75 - broken);
    expectClose(result.potentialGain, 90.75 - broken);
  });

  it('is null when another required column is missing too: no single column to put right', () => {
    const rows = tableRowsWithout('Rencana Aksi', 'Bukti Dukung').map((row, i) =>
      i === 0 ? row.map((cell) => (cell === 'Kegiatan' ? 'Uraian' : cell)) : row,
    );
    const result = score({ 'Rencana Aksi': { rows } });
    expect(result.findings.filter((f) => f.code === 'missing-column').map((f) => f.gain)).toEqual([null, null]);
  });
});
