import { describe, expect, it } from 'vitest';
import { trendSection } from '../../../functions/core/report/office/trend-section.js';
import type { HistoryEntry, ReportContext } from '../../../functions/core/report/report-context.js';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import { renderOfficeHtml } from '../../../functions/adapters/html/render-html.js';
import { unreadable, unreadableFix } from '../../../functions/core/messages/unreadable.js';
import { unreadableOffice, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { score } from '../../helpers/scoring.js';
import { period, SETTINGS } from '../../helpers/workbook.js';

/**
 * The office's own trend (issue 18 §8): index and components for every quarter of this year so far. The
 * default office scores, at 2025-TW3 (test/helpers/scoring.ts): IKU 95 · Rencana Aksi 87,5 · IKI 95 ·
 * Tahapan 70 · Kualitas Data 100 · index 90,75.
 */
const office: OfficeResult = { ...score(), code: '3573', name: 'Bawaslu Kota Malang' };

const components = (iku: number, actionPlan: number, iki: number, stages: number, dataQuality: number) => ({
  iku,
  actionPlan,
  iki,
  stages,
  dataQuality,
});

function context(history: readonly HistoryEntry[], id = '2025-TW3'): ReportContext {
  return {
    period: period(id),
    generatedAt: new Date('2025-10-01T03:00:00Z'),
    offices: [office],
    previousIndex: new Map(),
    weights: SETTINGS.weights,
    history: new Map([['3573', history]]),
  };
}

describe('trend section', () => {
  it('lists TW I, TW II and this quarter with index, change and the five components', () => {
    // TW I: 35·60 + 30·50 + 15·70 + 10·40 + 10·90 = 2100 + 1500 + 1050 + 400 + 900 = 5950 → 59,50.
    // TW II: 35·80 + 30·75 + 15·90 + 10·50 + 10·100 = 2800 + 2250 + 1350 + 500 + 1000 = 7900 → 79,00.
    const section = trendSection(
      office,
      context([
        { period: '2025-TW1', index: 59.5, scores: components(60, 50, 70, 40, 90) },
        { period: '2025-TW2', index: 79, scores: components(80, 75, 90, 50, 100) },
      ]),
    );
    expect(section?.headers).toEqual(['IKU', 'Rencana Aksi', 'IKI', 'Tahapan', 'Kualitas Data']);
    expect(section?.rows).toEqual([
      {
        period: 'Triwulan I 2025',
        current: false,
        index: '59,50',
        change: '–',
        components: ['60,00', '50,00', '70,00', '40,00', '90,00'],
      },
      {
        period: 'Triwulan II 2025',
        current: false,
        index: '79,00',
        change: '+19,50',
        components: ['80,00', '75,00', '90,00', '50,00', '100,00'],
      },
      {
        period: 'Triwulan III 2025',
        current: true,
        index: '90,75',
        change: '+11,75',
        components: ['95,00', '87,50', '95,00', '70,00', '100,00'],
      },
    ]);
    expect(section?.chart.labels).toEqual(['TW I', 'TW II', 'TW III']);
    expect(section?.chart.series.map((s) => s.name)).toEqual([
      'Indeks',
      'IKU',
      'Rencana Aksi',
      'IKI',
      'Tahapan',
      'Kualitas Data',
    ]);
    expect(section?.chart.series[0]?.values).toEqual([59.5, 79, 90.75]);
    expect(section?.chart.series[2]?.values).toEqual([50, 75, 87.5]);
  });

  const cases: { name: string; history: HistoryEntry[]; id?: string; periods: string[] | null }[] = [
    { name: 'no earlier quarter: no section', history: [], periods: null },
    {
      name: 'last year is left out: a new year starts new targets',
      history: [{ period: '2024-TW4', index: 70 }],
      id: '2025-TW1',
      periods: null,
    },
    {
      name: 'last year left out, this year kept',
      history: [
        { period: '2024-TW4', index: 70 },
        { period: '2025-TW2', index: 80 },
      ],
      periods: ['Triwulan II 2025', 'Triwulan III 2025'],
    },
    {
      name: 'a later quarter (a rerun of an old period) is left out',
      history: [
        { period: '2025-TW1', index: 70 },
        { period: '2025-TW4', index: 95 },
      ],
      periods: ['Triwulan I 2025', 'Triwulan III 2025'],
    },
  ];
  it.each(cases)('$name', ({ history, id, periods }) => {
    const section = trendSection(office, context(history, id));
    expect(section?.rows.map((row) => row.period) ?? null).toEqual(periods);
  });

  it('a Rekap row written without its components shows "–" for them and a gap in their lines', () => {
    const section = trendSection(office, context([{ period: '2025-TW2', index: 80.12 }]));
    expect(section?.rows[0]).toMatchObject({ index: '80,12', components: ['–', '–', '–', '–', '–'] });
    expect(section?.chart.series[1]?.values).toEqual([null, 95]);
  });

  it('none for an unscored office', () => {
    const unscored = unreadableOffice(
      { code: '3573', name: 'Bawaslu Kota Malang' },
      'satker/3573.xlsx',
      unreadable('text-not-xlsx'),
      unreadableFix('save-as-xlsx'),
    );
    expect(trendSection(unscored, context([{ period: '2025-TW2', index: 80 }]))).toBeNull();
  });

  it('is drawn in the office report: its title, the table and an SVG line chart', () => {
    const html = renderOfficeHtml(
      officeReportModel(office, context([{ period: '2025-TW2', index: 79, scores: components(80, 75, 90, 50, 100) }])),
    );
    expect(html).toContain('Perkembangan triwulanan 2025');
    expect(html).toMatch(
      /<td><strong>Triwulan III 2025<\/strong><\/td><td class="num"><strong>90,75<\/strong><\/td><td class="num">\+11,75<\/td>/,
    );
    expect(html).toMatch(/<svg[^>]*>[\s\S]*TW II[\s\S]*<\/svg>/);
  });
});
