import { describe, expect, it } from 'vitest';
import {
  barChartSvg,
  formatChartNumber,
  heatmapSvg,
  lineChartSvg,
  radarChartSvg,
} from '../../../functions/adapters/pdf/charts.js';
import { FONT_FAMILY, embeddedFontCss, embeddedFooterFontCss } from '../../../functions/adapters/pdf/fonts.js';

const AREAS = [
  'Perencanaan',
  'Pengawasan',
  'Penanganan Pelanggaran',
  'Penyelesaian Sengketa',
  'Hukum',
  'Humas',
  'SDM',
  'Keuangan <script>alert(1)</script>',
];

/** The texts of the `<text>` elements, still escaped as they are in the SVG source. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

describe('charts', () => {
  const charts = [
    {
      name: 'radar',
      svg: () =>
        radarChartSvg({
          labels: AREAS,
          series: [
            { name: 'Kab. <Malang>', values: [80, 70.5, null, 60, 90, 100, 40, 55] },
            { name: 'Rata-rata provinsi', values: [75, 75, 75, 75, 75, 75, 75, 75] },
          ],
        }),
    },
    {
      name: 'heatmap',
      svg: () =>
        heatmapSvg({
          rows: ['Kota Malang', 'Kab. <script>'],
          columns: AREAS,
          values: [
            [80, 70.46, null, 60, 90, 100, 40, 55],
            [0, 12.5, 33, 44, 55, 66, 77],
          ],
        }),
    },
    { name: 'bar', svg: () => barChartSvg({ labels: ['Sangat Baik', 'Baik', '<b>Cukup</b>'], values: [3, 20, 15] }) },
  ];

  it.each(charts)('$name: an SVG whose texts from the sheets are escaped', ({ svg }) => {
    const text = svg();
    expect(text.startsWith('<svg')).toBe(true);
    expect(text.trimEnd().endsWith('</svg>')).toBe(true);
    expect(text).not.toMatch(/<script|<b>|<Malang>/);
    expect(text).toContain(`font-family:'${FONT_FAMILY}', sans-serif`);
  });

  it('radar: labels and legend are escaped text, not markup', () => {
    const texts = svgTexts(charts[0]!.svg());
    expect(texts).toContain('Kab. &lt;Malang&gt;');
    expect(texts.join(' ')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('heatmap: scores with two decimals as in the tables, missing cells marked "–" in grey', () => {
    const svg = charts[1]!.svg();
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['70,46', '12,50', '100,00', '0,00', '–', 'Kab. &lt;script&gt;']));
    // One missing value in the first row, the short second row leaves the last cell missing too.
    expect(texts.filter((t) => t === '–')).toHaveLength(2);
    expect(svg).toContain('fill="rgb(227,229,232)"');
  });

  it('heatmap: the weakest cells are the strongest colour, the best the palest, and dark cells get white labels', () => {
    const svg = heatmapSvg({ rows: ['Kota Malang'], columns: ['A', 'B', 'C'], values: [[0, 50, 100]] });
    const cells = [...svg.matchAll(/<path d="M[^"]*Z" fill="rgb\((\d+),(\d+),(\d+)\)"/g)].map((m) =>
      m.slice(1, 4).map(Number),
    );
    // Relative lightness by the usual weights: 0 darkest, then 50, then 100 (issue 18 §4: weak cells stand out).
    const lightness = cells.map(([r = 0, g = 0, b = 0]) => 0.2126 * r + 0.7152 * g + 0.0722 * b);
    expect(lightness).toHaveLength(3);
    expect(lightness[0]).toBeLessThan(lightness[1] as number);
    expect(lightness[1]).toBeLessThan(lightness[2] as number);
    expect(svg).toMatch(/fill="#ffffff">0,00<\/text>/);
    expect(svg).toMatch(/fill="#1f2328">100,00<\/text>/);
  });

  it('heatmap: a cell marked as a data problem is hatched and labelled with "*", the others are not', () => {
    const svg = heatmapSvg({
      rows: ['Kota Malang', 'Kab. Banyuwangi'],
      columns: ['A', 'B'],
      values: [
        [0, 50],
        [0, 0],
      ],
      marked: [
        [false, false],
        [true, true],
      ],
    });
    const texts = svgTexts(svg);
    expect(texts.filter((t) => t === '0,00*')).toHaveLength(2);
    expect(texts.filter((t) => t === '0,00')).toHaveLength(1);
    expect(svg).toMatch(/<pattern[^>]*patternTransform="rotate\(-45\)"/);
    expect(svg.match(/fill="url\(#[^)]+\)"/g)).toHaveLength(2);
  });

  it('line: the first series (the index) labelled with two decimals, every name in the legend escaped, a null a gap', () => {
    const svg = lineChartSvg({
      labels: ['TW I', 'TW II', 'TW III'],
      series: [
        { name: 'Indeks', values: [59.5, 79, 90.754] },
        { name: '<b>IKU</b>', values: [null, 80, 95] },
      ],
    });
    const texts = svgTexts(svg);
    expect(texts).toEqual(
      expect.arrayContaining(['59,50', '79,00', '90,75', 'TW II', 'Indeks', '&lt;b&gt;IKU&lt;/b&gt;']),
    );
    // Only the index is labelled: the component's 80 and 95 are not printed on the chart.
    expect(texts).not.toContain('80,00');
    expect(svg).not.toContain('<b>');
  });

  it('bar: scores with the decimals asked for', () => {
    const texts = svgTexts(barChartSvg({ labels: ['2025-TW2', '2025-TW3'], values: [80, 85.034], decimals: 2 }));
    expect(texts).toEqual(expect.arrayContaining(['80,00', '85,03']));
  });

  it('bar: a label with the count on each bar', () => {
    const texts = svgTexts(charts[2]!.svg());
    expect(texts).toEqual(expect.arrayContaining(['3', '20', '15', 'Sangat Baik', '&lt;b&gt;Cukup&lt;/b&gt;']));
  });

  it('charts leave no timer behind (a leaked SSR chart keeps the process alive)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    // zrender's last frame timer may still be pending right after dispose; it must fire once, not repeat.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    await settle();
    const before = timers();
    charts.forEach(({ svg }) => svg());
    await settle();
    expect(timers()).toBe(before);
  });
});

describe('formatChartNumber', () => {
  it.each([
    { input: 72.46, expected: '72,5' },
    { input: 100, expected: '100' },
    { input: 0, expected: '0' },
    { input: 99.96, expected: '100' },
    { input: 12.04, expected: '12' },
    { input: -3.5, expected: '−3,5' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(formatChartNumber(input)).toBe(expected);
  });
});

describe('fonts', () => {
  it('embeds the Noto Sans faces as data URLs and builds them once', () => {
    const css = embeddedFontCss();
    expect(css.match(/@font-face/g)).toHaveLength(5);
    expect(css).toContain('src: url(data:font/woff2;base64,d09GMg'); // "wOF2", the woff2 signature
    expect(css).not.toMatch(/url\((?!data:)/);
    expect(embeddedFontCss()).toBe(css);
    expect(embeddedFooterFontCss()).toContain('font-display: swap;');
  });
});
