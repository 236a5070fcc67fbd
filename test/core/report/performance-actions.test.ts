import { describe, expect, it } from 'vitest';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import { componentGain, performanceActions } from '../../../functions/core/report/office/performance-actions.js';
import { summarySection } from '../../../functions/core/report/office/summary-section.js';
import type { ReportContext } from '../../../functions/core/report/report-context.js';
import type { OfficeResult } from '../../../functions/core/scoring/office.js';
import { score, tableRowsWithout } from '../../helpers/scoring.js';
import { DEFAULT_TABS, period, realizations, SETTINGS, targets, URL_A, type Row } from '../../helpers/workbook.js';

/**
 * Page 1's performance actions (issue 18), on the default office of test/helpers/workbook.ts at 2025-TW3
 * (index 90,75: IKU 95 · Rencana Aksi 87,5 · IKI 95 · Tahapan 70 · Kualitas Data 100), worked out by hand:
 * - Rencana Aksi row 2 is late (3 of 4, achievement 75) among 2 due rows: finished, the component gains
 *   (100 − 75)/2 = 12,5 and the index 30 % of that, +3,75.
 * - IKU-02 (Minimal, Akhir Periode, T 10, R 11) projects to 90: at risk. Its worth orders the list only:
 *   35 % × its Bobot ½ × (100 − 90) = 1,75.
 * - Tahapan: the first unfinished step is "Penyusunan IKU" (Proses, ½) of 10 steps: +100 × ½ / 10 = 5 on
 *   the component, +0,50 on the index.
 */
const office = (tweaks: Parameters<typeof score>[0] = {}, p = '2025-TW3'): OfficeResult => ({
  ...score(tweaks, { period: p }),
  code: '3507',
  name: 'Bawaslu Kabupaten Malang',
});

function context(offices: readonly OfficeResult[], more: Partial<ReportContext> = {}): ReportContext {
  return {
    period: period('2025-TW3'),
    generatedAt: new Date('2025-10-01T03:00:00Z'),
    offices,
    previousIndex: new Map(),
    weights: SETTINGS.weights,
    repairDeadline: '2025-10-15',
    contact: 'Sekretariat',
    ...more,
  };
}

/** `count` late activities of one area: each due 1 by TW I, nothing realised. */
const lateRows = (count: number, note?: string): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    No: i + 1,
    Bidang: 2,
    Kegiatan: `Kegiatan ${i + 1}`,
    'Penanggung Jawab': 'Analis Hukum',
    ...(note ? { Keterangan: note } : {}),
    ...targets(1, 0, 0, 0),
    ...realizations(0, 0, 0),
  }));

const ALL_DONE = DEFAULT_TABS.Tahapan.map((row) => ({
  ...row,
  Status: 'Selesai',
  'Tanggal Selesai': '15/08/2025',
  'Bukti Dukung': URL_A,
}));

describe('performance actions on page 1', () => {
  it('the default office: the late activity (+3,75), the IKU at risk, the next step (+0,50), by worth', () => {
    const o = office();
    const { actions, moreLate, moreAtRisk } = performanceActions(o, context([o]));
    expect(actions.map((a) => [a.kind, a.gain])).toEqual([
      ['late', 'sekitar +3,75'],
      ['iku', null],
      ['stage', 'sekitar +0,50'],
    ]);
    expect(actions.map((a) => a.worth)).toEqual([
      expect.closeTo(3.75, 9),
      expect.closeTo(1.75, 9),
      expect.closeTo(0.5, 9),
    ]);
    expect(actions[0]?.text).toBe('Pemutakhiran data pengawasan (Pengolahan Data)');
    expect(actions[0]?.detail).toBe('realisasi 3 dari target 4; penanggung jawab belum diisi');
    expect(actions[1]?.text).toBe('IKU-02 Jumlah temuan audit: TW IV perlu mencapai paling banyak 10');
    expect(actions[1]?.detail).toBe('proyeksi capaian akhir tahun 90,00% dari target 10');
    expect(actions[2]?.text).toBe('Tahap 3 (Penyusunan IKU dan IKI): Penyusunan IKU');
    expect([moreLate, moreAtRisk]).toEqual([0, 0]);
  });

  it('the gain of a late activity is the index with its row at 100, as scoring computes it', () => {
    const o = office();
    const finished = office({
      'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row, i) =>
        i === 1 ? { ...row, ...realizations(0, 2, 2) } : row,
      ),
    });
    const late = performanceActions(o, context([o])).actions.find((a) => a.kind === 'late');
    expect(late?.worth).toBeCloseTo((finished.scores.index as number) - (o.scores.index as number), 9);
    expect(componentGain(o.scores, SETTINGS.weights, 'actionPlan', 100)).toBeCloseTo(3.75, 9);
  });

  // Five late activities of 5 due rows (the default rows replaced): each finished adds 100/5 = 20 to
  // Rencana Aksi, 30 % of it to the index: +6,00.
  it.each([
    ['room for all kinds', 7, { late: 3, iku: 1, stage: 1 }, 2],
    ['room for three: one of each kind', 3, { late: 1, iku: 1, stage: 1 }, 4],
    ['less room than kinds: still one of each', 1, { late: 1, iku: 1, stage: 1 }, 4],
  ] as const)('five late activities, %s', (_, slots, shown, moreLate) => {
    const o = office({ 'Rencana Aksi': lateRows(5, 'Menunggu anggaran') });
    const result = performanceActions(o, context([o]), slots);
    const count = (kind: string) => result.actions.filter((a) => a.kind === kind).length;
    expect({ late: count('late'), iku: count('iku'), stage: count('stage') }).toEqual(shown);
    expect(result.moreLate).toBe(moreLate);
    const late = result.actions.find((a) => a.kind === 'late');
    expect(late?.gain).toBe('sekitar +6,00');
    expect(late?.detail).toBe(
      'realisasi 0 dari target 1; penanggung jawab Analis Hukum; keterangan: "Menunggu anggaran"',
    );
  });

  it('a long Keterangan is cut short on page 1', () => {
    const o = office({ 'Rencana Aksi': lateRows(1, 'a'.repeat(100)) });
    const detail = performanceActions(o, context([o])).actions.find((a) => a.kind === 'late')?.detail ?? '';
    expect(detail).toContain(`keterangan: "${'a'.repeat(59)}…"`);
  });

  it.each([
    // In TW IV both activities are late (3 of 4: nothing realised in TW IV yet).
    ['TW IV: no projection, so no IKU at risk', office({}, '2025-TW4'), period('2025-TW4'), ['late', 'late', 'stage']],
    [
      'a broken Rencana Aksi tab: no late activity (its to-do is the data)',
      office({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } }),
      period('2025-TW3'),
      ['iku', 'stage'],
    ],
    ['every step done: no Tahapan action', office({ Tahapan: ALL_DONE }), period('2025-TW3'), ['late', 'iku']],
  ] as const)('%s', (_, o, p, kinds) => {
    const { actions } = performanceActions(o, context([o], { period: p }));
    expect(actions.map((a) => a.kind)).toEqual(kinds);
  });
});

describe('page 1: what first', () => {
  const onCourseTabs = {
    'Rencana Aksi': DEFAULT_TABS['Rencana Aksi'].map((row, i) =>
      i === 1 ? { ...row, ...realizations(0, 2, 2) } : row,
    ),
    IKU: DEFAULT_TABS.IKU.map((row, i) => (i === 1 ? { ...row, ...realizations(12, 10, 10) } : row)),
    Tahapan: ALL_DONE,
  };

  it.each([
    // The default office: AA, nothing to fix, three actions.
    ['strong, nothing to fix', {}, 'Agar tetap di jalur', false, 3],
    // One IKI row in error (its realization unreadable): a data fix, so the deadline is printed.
    [
      'a data error',
      { IKI: DEFAULT_TABS.IKI.map((row, i) => (i === 0 ? { ...row, 'Realisasi TW I': 'x' } : row)) },
      'Yang perlu dilakukan lebih dulu',
      true,
      3,
    ],
    // Five late activities bring Rencana Aksi to 0 and the index to 64,5: B, not strong, nothing to fix.
    ['weak, nothing to fix', { 'Rencana Aksi': lateRows(5) }, 'Yang perlu dilakukan lebih dulu', false, 5],
    ['nothing left to do', onCourseTabs, 'Agar tetap di jalur', false, 0],
  ] as const)('%s', (_, tweaks, heading, deadline, actions) => {
    const o = office(tweaks);
    const summary = summarySection(o, context([o]), { iku: 3, actionPlan: 4 });
    expect(summary?.heading).toBe(heading);
    expect(summary?.showDeadline).toBe(deadline);
    expect(summary?.actions).toHaveLength(actions);
    expect(summary?.followUp.contact).toBe('Sekretariat');
  });

  it('with nothing left to do: what keeps it on course, the IKU closest to their target first', () => {
    const o = office(onCourseTabs);
    expect(summarySection(o, context([o]))?.onCourse).toEqual({
      text: 'Semua kegiatan Rencana Aksi tepat waktu, semua IKU diproyeksikan mencapai target akhir tahun, dan tidak ada langkah tahapan yang tertunda.',
      // Both project to 100 (IKU-01 75 × 4/3 of 100; IKU-02 at 10 of 10): tab order.
      watch: [
        'IKU-01 Persentase laporan pengawasan tepat waktu: TW IV perlu 25',
        'IKU-02 Jumlah temuan audit: TW IV perlu mencapai paling banyak 10',
      ],
    });
  });

  it('long lists are counted with a pointer to the section that lists them all', () => {
    const o = office({ 'Rencana Aksi': lateRows(5) });
    const model = officeReportModel(o, context([o]));
    expect(model.summary?.moreActions).toEqual(['… dan 2 kegiatan terlambat lain, lihat bagian 4 (Rencana aksi).']);
  });

  it('a Bukti Dukung column missing is listed once, among the gains, not again as a tab to repair', () => {
    const o = office({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } });
    const summary = summarySection(o, context([o]));
    expect(summary?.gains.map((g) => g.action)).toEqual([
      expect.stringContaining('kolom Bukti Dukung ditambahkan di tab Rencana Aksi'),
    ]);
    expect(summary?.tabActions).toEqual([]);
    // That gain is not a row's: the footnote on rows in error is not printed.
    expect(summary?.gainsNote).toBe(false);
    expect(summary?.showDeadline).toBe(true);
  });
});
