import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { FONT_STACK } from './fonts.js';

/**
 * Charts for the reports, drawn on the server as SVG strings that the templates inline into the HTML.
 * ECharts escapes every text it writes into the SVG (`<`, `&`, quotes), so labels taken from the sheets
 * can be passed as they are; test/adapters/pdf/charts.test.ts holds it to that.
 */

const TEXT_COLOR = '#1f2328';
const AXIS_COLOR = '#8c959f';
const SERIES_COLORS = ['#b3261e', '#1f5f99', '#2e7d32', '#8e6c00'];
const NULL_CELL_COLOR = '#e3e5e8';
/**
 * Dark red (0) → orange → pale cream (100), ColorBrewer OrRd read backwards: the weakest cells are the
 * strongest colour, so a reader's eye goes where help is needed (issue 18 §4; before, darker meant higher
 * and the weakest cells were the palest). Lightness alone orders the scores, so readers with red–green
 * colour blindness and grey-scale prints read it too. Labels on the darkest cells are white
 * (DARK_CELL_BELOW).
 */
const SCORE_GRADIENT = ['#b30000', '#e34a33', '#fdbb84', '#fff7ec'];
/** Below this score a cell is dark enough that dark text on it is hard to read (contrast under 4.5:1). */
const DARK_CELL_BELOW = 45;

export interface RadarChartInput {
  /** The axis names, e.g. the eight assessment areas. */
  labels: string[];
  /**
   * One polygon per series, e.g. the office and the provincial average, with one value per label. A null
   * value is drawn as 0: a radar has no way to leave a gap, so callers that must tell "no data" apart from
   * "scored 0" say so in the text next to the chart.
   */
  series: { name: string; values: (number | null)[] }[];
  /** Top of every axis; scores are percentages. */
  max?: number;
  /** False when the page prints its own legend (long office names overlapped the chart's). */
  legend?: boolean;
  width?: number;
  height?: number;
}

export interface HeatmapInput {
  /** Row names top to bottom, e.g. the offices. */
  rows: string[];
  /** Column names left to right, e.g. the areas. */
  columns: string[];
  /** `values[row][column]` on 0–100; null (or a missing cell) is drawn as a grey cell marked "–". */
  values: (number | null)[][];
  /**
   * Cells whose value comes from a broken tab rather than from performance: hatched grey and labelled with
   * the value and "*", so they read apart from a low score in colour, in grey scale and to colour-blind
   * readers; the page prints the legend for "*".
   */
  marked?: boolean[][];
  width?: number;
  height?: number;
}

export interface LineChartInput {
  /** The points left to right, e.g. the quarters of the year so far. */
  labels: string[];
  /** The first series is drawn heavier and labelled with its values (the index); a null is a gap. */
  series: { name: string; values: (number | null)[] }[];
  width?: number;
  height?: number;
}

export interface BarChartInput {
  labels: string[];
  values: number[];
  /** Decimals on the bars' labels: 2 for scores, as in the tables; counts are whole (default). */
  decimals?: number;
  width?: number;
  height?: number;
}

/**
 * A score as Indonesian readers write it: decimal comma, at most one decimal, no trailing ",0".
 * Done by hand rather than with `Intl` so a Node built without full ICU prints the same.
 */
export function formatChartNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return text.replace('.', ',').replace('-', '−');
}

/** A score with a fixed number of decimals ("66,67", "100,00"), as the report's tables print it. */
export function formatChartScore(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return rounded.toFixed(decimals).replace('.', ',').replace('-', '−');
}

/** Broken-tab cells: light grey under dark diagonal hatching (an ECharts decal, drawn as an SVG pattern). */
const MARKED_CELL_COLOR = '#d0d4d9';
const HATCH = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: '#6e7781' };

/**
 * ECharts' bundled CommonJS build, loaded on the first chart: it loads in about a fifth of the time of
 * its ES module tree (hundreds of small files), and only a run that prints reports needs it, not the
 * cloud functions answering a change notification.
 */
let echartsModule: typeof import('echarts') | undefined;
function echarts(): typeof import('echarts') {
  echartsModule ??= createRequire(import.meta.url)('echarts') as typeof import('echarts');
  return echartsModule;
}

function renderSvg(width: number, height: number, option: EChartsOption): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  // An undisposed SSR chart keeps a timer alive and the process never exits.
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_STACK, color: TEXT_COLOR },
      color: SERIES_COLORS,
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function radarChartSvg(input: RadarChartInput): string {
  const max = input.max ?? 100;
  const width = input.width ?? 520;
  const height = input.height ?? 420;
  return renderSvg(width, height, {
    legend: {
      show: input.legend ?? true,
      bottom: 0,
      data: input.series.map((s) => s.name),
      textStyle: { color: TEXT_COLOR },
    },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: input.labels.map((name) => ({ name, max })),
      axisName: { color: TEXT_COLOR, fontSize: 11, width: 110, overflow: 'break' },
      splitNumber: 4,
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      splitLine: { lineStyle: { color: AXIS_COLOR, opacity: 0.5 } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        silent: true,
        symbolSize: 4,
        data: input.series.map((s, index) => ({
          name: s.name,
          value: input.labels.map((_, i) => s.values[i] ?? 0),
          lineStyle: { width: 2, type: index === 0 ? 'solid' : 'dashed' },
          areaStyle: index === 0 ? { opacity: 0.12 } : undefined,
        })),
      },
    ],
  });
}

export function heatmapSvg(input: HeatmapInput): string {
  const cellHeight = 18;
  // Room for area names of up to three lines above the columns.
  const top = 64;
  const width = input.width ?? 680;
  const height = input.height ?? top + input.rows.length * cellHeight + 12;
  const left = 170;
  const cellWidth = (width - left - 12) / Math.max(input.columns.length, 1);

  const scored: { value: [number, number, number]; label?: { color: string } }[] = [];
  const missing: [number, number, number][] = [];
  const marked: [number, number, number][] = [];
  input.rows.forEach((_, row) => {
    input.columns.forEach((_, column) => {
      const value = input.values[row]?.[column] ?? null;
      if (value === null || !Number.isFinite(value)) missing.push([column, row, 0]);
      else if (input.marked?.[row]?.[column] === true) marked.push([column, row, value]);
      else
        scored.push({
          value: [column, row, value],
          ...(value < DARK_CELL_BELOW ? { label: { color: '#ffffff' } } : {}),
        });
    });
  });

  const cellLabel = { show: true, fontSize: 10, color: TEXT_COLOR, textBorderWidth: 0 };
  return renderSvg(width, height, {
    grid: { left, right: 12, top, bottom: 12 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.columns,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, fontSize: 9, width: cellWidth - 2, overflow: 'break', color: TEXT_COLOR },
    },
    // A category y axis runs bottom-up; inverse it so the first row is printed on top.
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.rows,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, fontSize: 10, width: left - 12, overflow: 'truncate', color: TEXT_COLOR },
    },
    // Each heatmap series needs a visual map; the second one only paints the cells without a value grey.
    visualMap: [
      { type: 'continuous', show: false, min: 0, max: 100, seriesIndex: 0, inRange: { color: SCORE_GRADIENT } },
      { type: 'piecewise', show: false, seriesIndex: 1, pieces: [{ value: 0 }], inRange: { color: [NULL_CELL_COLOR] } },
      {
        type: 'continuous',
        show: false,
        min: 0,
        max: 100,
        seriesIndex: 2,
        inRange: { color: [MARKED_CELL_COLOR, MARKED_CELL_COLOR] },
      },
    ],
    series: [
      {
        type: 'heatmap',
        silent: true,
        data: scored,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: { ...cellLabel, formatter: (params) => formatCellValue(params.value) },
      },
      {
        type: 'heatmap',
        silent: true,
        data: missing,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: { ...cellLabel, color: AXIS_COLOR, formatter: '–' },
      },
      {
        type: 'heatmap',
        silent: true,
        data: marked,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1, decal: HATCH },
        label: {
          ...cellLabel,
          fontWeight: 'bold',
          backgroundColor: '#ffffff',
          padding: [1, 2],
          formatter: (params) => `${formatCellValue(params.value)}*`,
        },
      },
    ],
  });
}

function formatCellValue(value: unknown): string {
  const score = Array.isArray(value) ? value[2] : undefined;
  return typeof score === 'number' ? formatChartScore(score, 2) : '–';
}

/**
 * Okabe–Ito: told apart by readers with any common colour blindness; the first (the index) is black, and
 * the line styles differ too, so a grey-scale print still tells the series apart.
 */
const LINE_COLORS = ['#000000', '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;

/** Index and components over the quarters (core/report/office/trend-section.ts), on a 0–100 axis. */
export function lineChartSvg(input: LineChartInput): string {
  const width = input.width ?? 520;
  const height = input.height ?? 260;
  return renderSvg(width, height, {
    color: LINE_COLORS,
    legend: {
      bottom: 0,
      itemWidth: 22,
      itemHeight: 8,
      textStyle: { color: TEXT_COLOR, fontSize: 10 },
      data: input.series.map((s) => s.name),
    },
    grid: { left: 36, right: 24, top: 20, bottom: 52 },
    xAxis: {
      type: 'category',
      data: input.labels,
      boundaryGap: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: { fontSize: 11, color: TEXT_COLOR },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { fontSize: 10, color: TEXT_COLOR, formatter: (value: number) => formatChartNumber(value) },
      splitLine: { lineStyle: { color: AXIS_COLOR, opacity: 0.4 } },
    },
    series: input.series.map((s, index) => ({
      type: 'line',
      name: s.name,
      silent: true,
      data: s.values.map((value) => value ?? '-'),
      connectNulls: false,
      symbol: index === 0 ? 'circle' : 'emptyCircle',
      symbolSize: index === 0 ? 7 : 5,
      z: index === 0 ? 3 : 2,
      lineStyle: {
        width: index === 0 ? 3 : 1.5,
        type: index === 0 ? 'solid' : LINE_TYPES[(index - 1) % LINE_TYPES.length],
      },
      label:
        index === 0
          ? {
              show: true,
              position: 'top',
              fontSize: 10,
              fontWeight: 'bold',
              color: TEXT_COLOR,
              // On white, so a component's line passing behind the index's value does not cross it out.
              backgroundColor: '#ffffff',
              padding: [1, 3],
              formatter: (params: { value: unknown }) =>
                typeof params.value === 'number' ? formatChartScore(params.value, 2) : '',
            }
          : { show: false },
    })),
  });
}

export function barChartSvg(input: BarChartInput): string {
  const width = input.width ?? 520;
  const height = input.height ?? 300;
  return renderSvg(width, height, {
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: input.labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: {
        interval: 0,
        fontSize: 11,
        width: (width - 56) / Math.max(input.labels.length, 1) - 4,
        overflow: 'break',
        color: TEXT_COLOR,
      },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: 10, color: TEXT_COLOR, formatter: (value: number) => formatChartNumber(value) },
      splitLine: { lineStyle: { color: AXIS_COLOR, opacity: 0.4 } },
    },
    series: [
      {
        type: 'bar',
        silent: true,
        barMaxWidth: 56,
        data: input.values,
        itemStyle: { color: SERIES_COLORS[1] },
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          color: TEXT_COLOR,
          formatter: (params) =>
            typeof params.value !== 'number'
              ? ''
              : input.decimals === undefined
                ? formatChartNumber(params.value)
                : formatChartScore(params.value, input.decimals),
        },
      },
    ],
  });
}
