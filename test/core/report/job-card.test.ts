import { describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../../../functions/core/period.js';
import { jobCardModel } from '../../../functions/core/report/job-card.js';
import { DEFAULT_TABS, NIP_A, NIP_B } from '../../helpers/workbook.js';
import { score, tableRowsWithout } from '../../helpers/scoring.js';

/**
 * The kartu jabatan model (docs/SPEC.md §10) of functions/core/report/job-card.ts. Default office
 * (test/helpers/workbook.ts): Anjab Kepala Sekretariat (1 staff) and Staf Keuangan (2 staff); ABK
 * 250 × 240 = 60 000 and 1 200 × 100 = 120 000 minutes; WKE 75 000.
 */
const period = parsePeriod('2025-TW3') as Period;
const context = { period, generatedAt: new Date('2026-12-06T03:00:00Z') };
const [andi1, andi2, budi] = DEFAULT_TABS.IKI;
const withJobs = (a: string | undefined, b: string | undefined) => [
  { ...andi1, Jabatan: a },
  { ...andi2, Jabatan: a },
  { ...budi, Jabatan: b },
];

describe('kartu jabatan', () => {
  it('one page per Anjab job, in Anjab order, with its tasks, need and EJ in words', () => {
    const card = jobCardModel(score(), context);
    expect(card.pages.map((p) => [p.position, p.job, p.jobType])).toEqual([
      ['1 dari 2', 'Kepala Sekretariat', 'Struktural'],
      ['2 dari 2', 'Staf Keuangan', 'Pelaksana'],
    ]);
    const [head, finance] = card.pages;
    // 60 000 minutes: 80 % of WKE, need 0,80 → 1, staff 1 → even; EJ 0,80 is C.
    expect(head?.tasks).toEqual([
      {
        task: 'Memimpin sekretariat',
        unit: '–',
        volume: '250',
        norm: '240',
        minutes: '60.000',
        share: '80,00 %',
      },
    ]);
    expect(head?.need).toEqual({
      minutes: '60.000 menit',
      need: '0,80',
      staff: '1',
      gap: 'sesuai kebutuhan',
      gapClass: 'even',
      ej: '0,80',
      category: 'C — beban cukup',
    });
    // 120 000 minutes, need 1,60 → 2, staff 2; EJ 120 000 / 150 000 = 0,80.
    expect(finance?.need.gap).toBe('sesuai kebutuhan');
    expect(card.wke).toBe('75.000 menit');
    expect(card.noJobs).toBeNull();
  });

  it('gaps and categories are words, never a bare sign or letter', () => {
    // Staf Keuangan with 4 staff: need 1,60 → 2, so "lebih 2 pegawai"; EJ 120 000 / 300 000 = 0,40 → E.
    // Kepala Sekretariat with 0 staff: need 1 → "kurang 1 pegawai", no EJ.
    const card = jobCardModel(
      score({
        Anjab: [
          { ...DEFAULT_TABS.Anjab[0], 'Pegawai Ada': 0 },
          { ...DEFAULT_TABS.Anjab[1], 'Pegawai Ada': 4 },
        ],
      }),
      context,
    );
    expect(card.pages.map((p) => [p.need.gap, p.need.category])).toEqual([
      ['kurang 1 pegawai', 'tidak dapat dihitung (tidak ada pegawai)'],
      ['lebih 2 pegawai', 'E — beban sangat kurang'],
    ]);
  });

  it('holders come from IKI by Jabatan, NIP masked, with their score, indicators and the IKU they serve', () => {
    const card = jobCardModel(score({ IKI: withJobs('staf keuangan', 'Staf Keuangan') }), context);
    const [head, finance] = card.pages;
    expect(head?.holders).toEqual([]);
    expect(head?.noHolders).toContain('Belum ada pegawai dengan jabatan ini');
    expect(finance?.holders.map((h) => [h.name, h.nip])).toEqual([
      ['Andi', '198703******1001'],
      ['Budi', '199001******2002'],
    ]);
    const text = JSON.stringify(card);
    for (const nip of [NIP_A, NIP_B]) expect(text).not.toContain(nip.replace(/\s/g, '').slice(6, 14));
    // Budi: one row, 12 of 12 → 100.
    expect(finance?.holders[1]?.indicators).toEqual([
      { code: 'IKU-01', indicator: 'Data diunggah', achievement: '100,00 %' },
    ]);
    expect(finance?.holders[1]?.score).toBe('100,00');
    expect(finance?.iku.map((i) => i.code)).toEqual(['IKU-01', 'IKU-02']);
  });

  it('a job without ABK rows gets its page, saying its tasks are not analysed yet', () => {
    const card = jobCardModel(score({ ABK: [DEFAULT_TABS.ABK[1]!] }), context);
    const [head] = card.pages;
    expect(head?.job).toBe('Kepala Sekretariat');
    expect(head?.tasks).toEqual([]);
    expect(head?.noTasks).toContain('belum dianalisis');
    expect(head?.findings.map((f) => [f.level, f.cell])).toEqual([['Peringatan', 'Anjab sel A2']]);
  });

  it('findings of Anjab and ABK rows are listed on the card of their job only', () => {
    // ABK row 3 (Staf Keuangan) has a Norma Waktu that is no number; Andi and Budi hold Kepala
    // Sekretariat (Pegawai Ada 1): staff-count-mismatch on Anjab!C2.
    const card = jobCardModel(
      score({
        IKI: withJobs('Kepala Sekretariat', 'Kepala Sekretariat'),
        ABK: [DEFAULT_TABS.ABK[0]!, { ...DEFAULT_TABS.ABK[1], 'Norma Waktu': 'seratus' }],
      }),
      context,
    );
    const [head, finance] = card.pages;
    expect(head?.findings.map((f) => f.cell)).toEqual(['Anjab sel C2']);
    expect(finance?.findings.map((f) => f.cell)).toEqual(['ABK sel E3']);
    expect(finance?.tasks[0]?.minutes).toBe('data salah');
  });

  it('an office whose Anjab cannot be read gets one page saying so', () => {
    const card = jobCardModel(score({ Anjab: { rows: tableRowsWithout('Anjab', 'Pegawai Ada') } }), context);
    expect(card.pages).toEqual([]);
    expect(card.noJobs).toContain('belum dapat dibaca');
  });
});
