import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import chromium from '@sparticuz/chromium';
import { CHROMIUM_ARGS } from '../../functions/adapters/pdf/browser-supervisor.js';
import { ChromiumPdfRenderer } from '../../functions/adapters/pdf/chromium-renderer.js';
import { footerTemplate } from '../../functions/adapters/pdf/print-page.js';
import type { PdfDocument } from '../../functions/ports.js';

/**
 * The four ways of printing the same HTML with the same Chromium that the PDF benchmark compares.
 * Each prints A4 with monev's margins, background and footer (its footer template, embedded font
 * included), so that every one of them produces the same pages.
 */
export interface Printer {
  readonly name: string;
  /** Launches what stays warm between documents (nothing for the launch-per-document baseline). */
  start(): Promise<void>;
  /** Prints `documents`, at most `concurrency` at once; resolves with each PDF's size in bytes. */
  printAll(documents: readonly PdfDocument[]): Promise<number[]>;
  close(): Promise<void>;
}

const MARGIN = { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

function pdfOptions(document: PdfDocument): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(document.footerText),
    margin: MARGIN,
    // Tagged like monev's reports (issue 12 item 11), so the floor is the floor of a tagged print.
    tagged: true,
    timeout: 120_000,
  };
}

export async function chromiumPath(): Promise<string> {
  return process.env.PUPPETEER_EXECUTABLE_PATH || (await chromium.executablePath());
}

function launch(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ executablePath, headless: 'shell', pipe: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}

/** Runs `task` over `items`, at most `limit` at once. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, worker: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index] as T, worker);
      }
    }),
  );
  return results;
}

/** The floor: a browser already up, one tab per slot kept open, `setContent` then `page.pdf()`, nothing else. */
export function floorPrinter(executablePath: string, concurrency: number): Printer {
  let browser: Browser | undefined;
  let pages: Page[] = [];
  return {
    name: 'floor (warm page.pdf)',
    async start() {
      browser = await launch(executablePath);
      pages = await Promise.all(Array.from({ length: concurrency }, () => (browser as Browser).newPage()));
    },
    printAll: (documents) =>
      eachLimited(documents, concurrency, async (document, worker) => {
        const page = pages[worker] as Page;
        await page.setContent(document.html, { waitUntil: 'load', timeout: 120_000 });
        return (await page.pdf(pdfOptions(document))).length;
      }),
    async close() {
      await browser?.close();
    },
  };
}

/** monev's ChromiumPdfRenderer as `monev run` uses it: every document handed over at once, its pool decides. */
export function monevPrinter(executablePath: string, concurrency: number): Printer {
  const renderer = new ChromiumPdfRenderer({ executablePath, concurrency, timeoutMs: 120_000 });
  return {
    name: 'monev ChromiumPdfRenderer',
    async start() {
      // The first document launches the browser; later runs find it warm, as in a cycle.
      await renderer.render({ id: 'warm-up', html: '<p>warm-up</p>', footerText: '' });
    },
    printAll: (documents) => Promise.all(documents.map(async (document) => (await renderer.render(document)).length)),
    close: () => renderer.close(),
  };
}

/** The common script: a new browser for every document. */
export function launchPerDocumentPrinter(executablePath: string, concurrency: number): Printer {
  return {
    name: 'new browser per document',
    start: async () => undefined,
    printAll: (documents) =>
      eachLimited(documents, concurrency, async (document) => {
        const browser = await launch(executablePath);
        try {
          const page = await browser.newPage();
          await page.setContent(document.html, { waitUntil: 'load', timeout: 120_000 });
          return (await page.pdf(pdfOptions(document))).length;
        } finally {
          await browser.close();
        }
      }),
    close: async () => undefined,
  };
}

interface JsReportInstance {
  use(extension: unknown): JsReportInstance;
  init(): Promise<unknown>;
  render(request: unknown): Promise<{ content: Buffer }>;
  close(): Promise<unknown>;
}

/**
 * jsreport, the report server people would pick instead: jsreport-core with its handlebars engine and
 * chrome-pdf recipe (chrome-pool strategy, its default: warm browsers, a new tab per document). The
 * template inserts monev's final HTML unescaped, so jsreport prints the very same markup.
 */
export function jsreportPrinter(executablePath: string, concurrency: number): Printer {
  const require = createRequire(import.meta.url);
  let instance: JsReportInstance | undefined;
  return {
    name: 'jsreport (core + handlebars + chrome-pdf)',
    async start() {
      const createJsReport = require('@jsreport/jsreport-core') as (options: object) => JsReportInstance;
      const handlebars = require('@jsreport/jsreport-handlebars') as () => unknown;
      const chromePdf = require('@jsreport/jsreport-chrome-pdf') as () => unknown;
      instance = createJsReport({
        discover: false,
        logger: { silent: true },
        reportTimeout: 120_000,
        workers: { numberOfWorkers: concurrency },
        chrome: {
          strategy: 'chrome-pool',
          numberOfWorkers: concurrency,
          launchOptions: { executablePath, args: [...CHROMIUM_ARGS], headless: 'shell', pipe: true },
        },
      })
        .use(handlebars())
        .use(chromePdf());
      await instance.init();
      await eachLimited(
        Array.from({ length: concurrency }, (_, i) => i),
        concurrency,
        () => render({ id: 'warm-up', html: '<p>warm-up</p>', footerText: '' }),
      );
    },
    printAll: (documents) => eachLimited(documents, concurrency, async (document) => (await render(document)).length),
    async close() {
      await instance?.close();
    },
  };

  async function render(document: PdfDocument): Promise<Buffer> {
    if (!instance) throw new Error('jsreport printer not started');
    const response = await instance.render({
      template: {
        content: '{{{html}}}',
        engine: 'handlebars',
        recipe: 'chrome-pdf',
        chrome: {
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(document.footerText),
          marginTop: MARGIN.top,
          marginRight: MARGIN.right,
          marginBottom: MARGIN.bottom,
          marginLeft: MARGIN.left,
        },
      },
      data: { html: document.html },
    });
    return response.content;
  }
}
