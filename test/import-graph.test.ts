import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, loadedAtImport, type ImportGraph } from './helpers/import-graph.js';

const GRAPH = importGraph(process.cwd(), ['functions', 'sheets-schema']);

/**
 * Which layers each layer may import, bottom to top. A layer is a folder of functions/ (or a single file
 * at its root); the entry points (cli.ts, commands/, http/, deploy/, sample/, worker/, cloud-functions-runtime.ts,
 * choose-adapters.ts, choose-source.ts, index.ts) may import anything and are imported by none of these, so they need no row.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'functions/shared': [],
  'sheets-schema': [],
  'functions/core': ['sheets-schema', 'functions/shared'],
  'functions/ports.ts': ['functions/core'],
  'functions/config.ts': ['functions/core', 'functions/shared'],
  'functions/app': ['functions/core', 'functions/ports.ts', 'functions/shared', 'sheets-schema'],
  'functions/adapters': [
    'functions/core',
    'functions/ports.ts',
    'functions/config.ts',
    'functions/shared',
    'sheets-schema',
  ],
};

function layerOf(file: string): string {
  if (file.startsWith('sheets-schema/')) return 'sheets-schema';
  return file.split('/').slice(0, 2).join('/');
}

function layerBreaches(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, targets]) => {
    const allowed = MAY_IMPORT[layerOf(file)];
    if (allowed === undefined) return [];
    return targets
      .filter((target) => layerOf(target) !== layerOf(file) && !allowed.includes(layerOf(target)))
      .map((target) => `${file} → ${target}`);
  });
}

describe('import graph of functions/ and sheets-schema/', () => {
  it('reads every project import of a file it knows', () => {
    // The walker must see the imports it judges: every edge lands on a file of the graph.
    const unresolved = [...GRAPH].flatMap(([file, targets]) =>
      targets.filter((t) => !GRAPH.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(unresolved).toEqual([]);
    expect(GRAPH.get('functions/core/findings.ts')).toContain('functions/core/workbook-limits.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    expect(importCycles(GRAPH)).toEqual([]);
  });

  it('has layers that only point down', () => {
    expect(layerBreaches(GRAPH)).toEqual([]);
  });
});

/**
 * Issue 17 §8: a cold instance woken by a change notification loads the webhook's path and nothing else.
 * Scoring runs in the scoring worker, and the cycle's use cases, reports, PDF, mail and the sinks are
 * imported at first use, so none of them may be loaded by importing the functions' entry point.
 */
describe('what the functions load before their first answer', () => {
  const loaded = loadedAtImport(process.cwd(), 'functions/index.ts');
  const NOT_ON_THE_WEBHOOK_PATH = [
    /^functions\/core\/(scoring|report|evidence)\//,
    /^functions\/adapters\/(pdf|mail|html)\//,
    /^functions\/adapters\/xlsx\/(exceljs|summary-writer|feedback-sheet|office-template|rekap-template)\.ts$/,
    /^functions\/adapters\/google\/(google-summary-sink|google-mode|gmail-mailer|drive-evidence-verifier|drive-report-store|provisioning)\.ts$/,
    /^functions\/app\/(run-cycle|publish-reports|finish-cycle|start-cycle|score-one-office|score-cycle-office|rank-and-publish|renew-watches)\.ts$/,
    /^functions\/(choose-adapters|cli)\.ts$/,
    /^functions\/worker\/score-office-worker\.ts$/,
  ];
  const PACKAGES_NOT_ON_THE_WEBHOOK_PATH = [
    'puppeteer-core',
    '@sparticuz/chromium',
    'exceljs',
    'handlebars',
    'nodemailer',
    'echarts',
    '@googleapis/gmail',
    '@googleapis/drive',
  ];

  it('follows the imports it judges: the webhook and the registry source are there', () => {
    expect(loaded.files).toEqual(
      expect.arrayContaining([
        'functions/http/handlers.ts',
        'functions/app/queue-change.ts',
        'functions/adapters/xlsx/xlsx-source.ts',
        'functions/adapters/google/google-source.ts',
        'functions/worker/scoring-pool.ts',
      ]),
    );
    expect(loaded.packages).toContain('zod');
  });

  it('loads no module of scoring, the cycle, reports, PDF, mail or the sinks', () => {
    expect(loaded.files.filter((file) => NOT_ON_THE_WEBHOOK_PATH.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('loads none of the packages of PDF, mail, templates, charts, xlsx writing or the other Google APIs', () => {
    expect(loaded.packages.filter((name) => PACKAGES_NOT_ON_THE_WEBHOOK_PATH.includes(name))).toEqual([]);
  });
});

describe('importCycles', () => {
  const cases: { name: string; graph: Record<string, string[]>; expected: string[][] }[] = [
    { name: 'a chain', graph: { a: ['b'], b: ['c'], c: [] }, expected: [] },
    { name: 'a diamond', graph: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, expected: [] },
    { name: 'two files', graph: { a: ['b'], b: ['a'] }, expected: [['a', 'b']] },
    { name: 'a file importing itself', graph: { a: ['a'], b: [] }, expected: [['a']] },
    {
      name: 'a ring of three, entered from outside',
      graph: { x: ['c'], c: ['a'], a: ['b'], b: ['c'] },
      expected: [['a', 'b', 'c']],
    },
    {
      name: 'two separate cycles',
      graph: { a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a', 'c'] },
      expected: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { name: 'an import of a file outside the graph', graph: { a: ['zod'] }, expected: [] },
  ];
  it.each(cases)('$name', ({ graph, expected }) => {
    const found = importCycles(new Map(Object.entries(graph)));
    expect(found.sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual(expected);
  });
});
