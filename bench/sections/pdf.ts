import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../functions/adapters/pdf/browser-supervisor.js';
import type { PdfDocument } from '../../functions/ports.js';
import { pairedRatios, spread, type Spread } from '../lib/stats.js';
import {
  chromiumPath,
  floorPrinter,
  jsreportPrinter,
  launchPerDocumentPrinter,
  monevPrinter,
  type Printer,
} from './printers.js';

export interface PdfMethodResult {
  readonly key: string;
  readonly name: string;
  /** Wall time of the batch ÷ documents in it. */
  readonly perDocumentMs: Spread;
  /** Paired with the floor's run of the same repetition. */
  readonly ratioToFloor: Spread | null;
  readonly bytesPerDocument: number;
}

export interface PdfConcurrencyResult {
  readonly concurrency: number;
  readonly methods: readonly PdfMethodResult[];
}

export interface PdfBenchResult {
  readonly chromium: string;
  readonly documents: number;
  readonly htmlBytesPerDocument: number;
  readonly repetitions: number;
  readonly byConcurrency: readonly PdfConcurrencyResult[];
}

export const FLOOR = 'floor';
export const MONEV = 'monev';
export const JSREPORT = 'jsreport';
export const LAUNCH = 'launch';

const MAKERS: readonly { key: string; make: (path: string, concurrency: number) => Printer }[] = [
  { key: FLOOR, make: floorPrinter },
  { key: MONEV, make: monevPrinter },
  { key: JSREPORT, make: jsreportPrinter },
  { key: LAUNCH, make: launchPerDocumentPrinter },
];

/**
 * Prints the same documents with the floor, monev's renderer and the two baselines, at each
 * concurrency, `repetitions` times. Within a repetition every method prints the whole batch once,
 * the order rotating from one repetition to the next so that no method always runs first or last.
 * One batch of each is printed first and not counted (page cache, JIT, Chromium's own caches).
 */
export async function benchPdf(
  documents: readonly PdfDocument[],
  options: { concurrencies: readonly number[]; repetitions: number; log: (line: string) => void },
): Promise<PdfBenchResult> {
  const executablePath = await chromiumPath();
  const chromium = await chromiumVersion(executablePath);
  options.log(`  ${documents.length} documents, ${chromium}, ${options.repetitions} repetitions`);
  const byConcurrency: PdfConcurrencyResult[] = [];
  for (const concurrency of options.concurrencies) {
    const printers = MAKERS.map(({ key, make }) => ({ key, printer: make(executablePath, concurrency) }));
    const times = new Map<string, number[]>(printers.map(({ key }) => [key, []]));
    const bytes = new Map<string, number>();
    try {
      for (const { printer } of printers) await printer.start();
      for (const { key, printer } of printers) bytes.set(key, average(await printer.printAll(documents)));
      for (let rep = 0; rep < options.repetitions; rep++) {
        const order = printers.map((_, i) => printers[(i + rep) % printers.length] as (typeof printers)[number]);
        for (const { key, printer } of order) {
          const started = performance.now();
          await printer.printAll(documents);
          (times.get(key) as number[]).push((performance.now() - started) / documents.length);
        }
      }
    } finally {
      for (const { printer } of printers) await printer.close().catch(() => undefined);
    }
    const floor = times.get(FLOOR) as number[];
    const methods = printers.map(({ key, printer }) => {
      const perDoc = times.get(key) as number[];
      return {
        name: printer.name,
        key,
        perDocumentMs: spread(perDoc),
        ratioToFloor: key === FLOOR ? null : spread(pairedRatios(perDoc, floor)),
        bytesPerDocument: bytes.get(key) ?? 0,
      };
    });
    for (const method of methods) {
      options.log(
        `  concurrency ${concurrency}: ${method.name.padEnd(42)} ${method.perDocumentMs.median.toFixed(1).padStart(7)} ms/doc${method.ratioToFloor ? `  ×${method.ratioToFloor.median.toFixed(2)} floor` : ''}`,
      );
    }
    byConcurrency.push({ concurrency, methods });
  }
  return {
    chromium,
    documents: documents.length,
    htmlBytesPerDocument: average(documents.map((document) => Buffer.byteLength(document.html))),
    repetitions: options.repetitions,
    byConcurrency,
  };
}

/** The floor's per-document time at one concurrency. */
export function floorPerDocument(result: PdfBenchResult, concurrency: number): number | null {
  const row = result.byConcurrency.find((entry) => entry.concurrency === concurrency);
  return row?.methods.find((method) => method.key === FLOOR)?.perDocumentMs.median ?? null;
}

async function chromiumVersion(executablePath: string): Promise<string> {
  const browser = await puppeteer.launch({ executablePath, headless: 'shell', pipe: true, args: [...CHROMIUM_ARGS] });
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
