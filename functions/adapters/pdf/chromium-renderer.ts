import { accessSync, constants } from 'node:fs';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { PdfDocument, PdfRenderer } from '../../ports.js';
import { FONT_STACK, embeddedFooterFontCss } from './fonts.js';
import { REPORT_METADATA, withPdfMetadata } from './pdf-metadata.js';

export interface ChromiumPdfRendererOptions {
  /** A Chromium binary to use instead of the one inside @sparticuz/chromium (PUPPETEER_EXECUTABLE_PATH). */
  executablePath?: string;
  /** Documents printed at the same time, each in its own tab. */
  concurrency?: number;
  /** Longest time one document may take, from getting a tab to the finished PDF. */
  timeoutMs?: number;
  /** Longest time Chromium may take to start. */
  launchTimeoutMs?: number;
  /** Called after every (re)launch; for logs, and for tests that need to kill the browser. */
  onBrowserLaunch?: (event: BrowserLaunchEvent) => void;
}

export interface BrowserLaunchEvent {
  pid: number | undefined;
  launchMs: number;
  /** 1 for the first browser of this renderer, 2 after the first relaunch, … */
  generation: number;
}

type RendererLimits = Required<Pick<ChromiumPdfRendererOptions, 'concurrency' | 'timeoutMs' | 'launchTimeoutMs'>>;

export function defaultRendererOptions(): RendererLimits {
  return { concurrency: 2, timeoutMs: 30_000, launchTimeoutMs: 30_000 };
}

export type PdfRenderErrorCode = 'chromium-not-found' | 'launch-failed' | 'timeout' | 'render-failed' | 'closed';

/** The one error this adapter throws; `message` is written for the person who has to fix it. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';

  constructor(
    readonly code: PdfRenderErrorCode,
    message: string,
    readonly documentId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Flags for a closed network, running as root in a container. The sandbox needs user namespaces that
 * containers and Cloud Functions do not give, so it is off; that is acceptable only because the page runs
 * no JavaScript and loads nothing from outside. Every request is already stopped by interception; the
 * unreachable proxy is a second lock, should some connection ever bypass it.
 * The renderers run in their own processes (no `--single-process`, unlike @sparticuz/chromium's defaults)
 * so a crashed tab does not take the browser down.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--no-zygote',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-webgl',
  '--font-render-hinting=none',
  '--disable-domain-reliability',
  '--disable-component-update',
  '--no-pings',
  '--no-default-browser-check',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  // A tab is reused for document after document, and the DOM of the ones before is garbage that V8
  // collects only when its heap nears the limit: with the default limit every tab grew by about 8 MB a
  // document (more than 300 MB each over the 39 reports of a cycle). 64 MB still holds the recap of
  // 552 offices (2 MB of HTML); the pages run no JavaScript of their own.
  '--js-flags=--max-old-space-size=64',
];

/** A4 with room at the bottom for the footer line. */
const PAGE_MARGIN = { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

interface BrowserSession {
  browser: Browser;
  generation: number;
  idlePages: Page[];
  retired: boolean;
}

/** Prints HTML to PDF with one headless Chromium that stays up for a whole run of documents. */
export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly options: RendererLimits;
  private readonly slots: Slots;
  private launching: Promise<BrowserSession> | undefined;
  private activeSession: BrowserSession | undefined;
  private generation = 0;
  private closed = false;

  constructor(private readonly settings: ChromiumPdfRendererOptions = {}) {
    const defaults = defaultRendererOptions();
    this.options = {
      concurrency: settings.concurrency ?? defaults.concurrency,
      timeoutMs: settings.timeoutMs ?? defaults.timeoutMs,
      launchTimeoutMs: settings.launchTimeoutMs ?? defaults.launchTimeoutMs,
    };
    if (!Number.isInteger(this.options.concurrency) || this.options.concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number of at least 1, got ${this.options.concurrency}`);
    }
    this.slots = new Slots(this.options.concurrency);
  }

  async render(document: PdfDocument): Promise<Uint8Array> {
    this.assertOpen(document.id);
    return this.slots.run(async () => {
      this.assertOpen(document.id);
      try {
        return await this.attempt(document);
      } catch (first) {
        if (!isRetryable(first) || this.closed) throw this.forCaller(first, document.id);
        // The browser (or this tab) died under the document; a fresh one gets a second chance.
        try {
          return await this.attempt(document);
        } catch (second) {
          if (second instanceof PdfRenderError || this.closed) throw this.forCaller(second, document.id);
          throw new PdfRenderError(
            'render-failed',
            `Dokumen "${document.id}" gagal dicetak dua kali berturut-turut (${describe(second)}). ` +
              'Chromium berhenti atau menolak dokumen ini; periksa memori yang tersedia dan isi dokumennya, lalu jalankan ulang.',
            document.id,
            { cause: second },
          );
        }
      }
    });
  }

  /**
   * Starts Chromium now, so that its launch overlaps what comes before the first document (reading and
   * scoring the workbooks) instead of delaying it. A failed launch is not remembered: the first
   * document tries again and reports why.
   */
  warmUp(): void {
    if (!this.closed) this.session().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const launching = this.launching;
    this.launching = undefined;
    this.activeSession = undefined;
    const session = await launching?.catch(() => undefined);
    if (session) await shutDown(session);
  }

  private assertOpen(documentId: string): void {
    if (this.closed) {
      throw new PdfRenderError(
        'closed',
        `Dokumen "${documentId}" tidak dicetak karena renderer PDF sudah ditutup.`,
        documentId,
      );
    }
  }

  private forCaller(error: unknown, documentId: string): PdfRenderError {
    if (error instanceof PdfRenderError) return error;
    if (this.closed) {
      return new PdfRenderError(
        'closed',
        `Dokumen "${documentId}" tidak selesai dicetak karena renderer PDF ditutup.`,
        documentId,
        {
          cause: error,
        },
      );
    }
    return new PdfRenderError(
      'render-failed',
      `Dokumen "${documentId}" gagal dicetak: ${describe(error)}.`,
      documentId,
      { cause: error },
    );
  }

  private async attempt(document: PdfDocument): Promise<Uint8Array> {
    const session = await this.session();
    let page: Page | undefined;
    let settled = false;

    const work = (async () => {
      page = session.idlePages.pop() ?? (await openPage(session.browser));
      return printPage(page, document, this.options.timeoutMs);
    })();

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new PdfRenderError(
            'timeout',
            `Dokumen "${document.id}" tidak selesai dicetak dalam ${formatSeconds(this.options.timeoutMs)} detik. ` +
              'Perkecil dokumennya (misalnya pecah tabel yang sangat panjang) atau naikkan batas waktunya.',
            document.id,
          ),
        );
      }, this.options.timeoutMs);
    });

    // Only a tab that finished cleanly goes back to the pool; one that failed or ran out of time may still
    // be busy, so it is closed now, or as soon as it exists if the timer fired while it was being opened.
    const release = (reuse: boolean): void => {
      if (!page) return;
      if (reuse && !session.retired) session.idlePages.push(page);
      else void page.close().catch(() => undefined);
    };

    try {
      const pdf = await Promise.race([work, timeout]);
      settled = true;
      return pdf;
    } catch (error) {
      // Also after a timeout: a browser that hangs as a whole would otherwise time out every document.
      await this.retireIfDead(session);
      throw error;
    } finally {
      clearTimeout(timer);
      if (settled) release(true);
      else {
        release(false);
        void work.then(
          () => release(false),
          () => release(false),
        );
      }
    }
  }

  private session(): Promise<BrowserSession> {
    this.launching ??= this.launch().catch((error: unknown) => {
      // A failed launch is not remembered: the next document tries again.
      this.launching = undefined;
      throw error;
    });
    return this.launching;
  }

  private async launch(): Promise<BrowserSession> {
    const executablePath = await this.resolveExecutablePath();
    const started = performance.now();
    let browser: Browser;
    try {
      // Loaded with the first document, so that processes printing nothing do not pay for it.
      const { default: puppeteer } = await import('puppeteer-core');
      browser = await puppeteer.launch({
        executablePath,
        headless: 'shell',
        pipe: true,
        args: [...CHROMIUM_ARGS],
        timeout: this.options.launchTimeoutMs,
      });
    } catch (cause) {
      throw new PdfRenderError(
        'launch-failed',
        `Chromium di "${executablePath}" tidak bisa dijalankan (${describe(cause)}). ` +
          'Pastikan berkas itu Chromium untuk Linux x64 yang bisa dieksekusi, atau kosongkan PUPPETEER_EXECUTABLE_PATH ' +
          'agar Chromium bawaan @sparticuz/chromium dipakai.',
        undefined,
        { cause },
      );
    }
    const session: BrowserSession = { browser, generation: ++this.generation, idlePages: [], retired: false };
    browser.on('disconnected', () => this.retire(session));
    if (this.closed) {
      await shutDown(session);
      throw new PdfRenderError('closed', 'Renderer PDF ditutup saat Chromium sedang dijalankan.');
    }
    this.activeSession = session;
    this.settings.onBrowserLaunch?.({
      pid: browser.process()?.pid,
      launchMs: Math.round(performance.now() - started),
      generation: session.generation,
    });
    return session;
  }

  private async resolveExecutablePath(): Promise<string> {
    const configured = this.settings.executablePath;
    if (configured !== undefined && configured !== '') {
      try {
        accessSync(configured, constants.X_OK);
      } catch (cause) {
        throw new PdfRenderError(
          'chromium-not-found',
          `Chromium tidak ditemukan (atau tidak bisa dieksekusi) di "${configured}"; periksa variabel PUPPETEER_EXECUTABLE_PATH.`,
          undefined,
          { cause },
        );
      }
      return configured;
    }
    try {
      return await bundledExecutablePath();
    } catch (cause) {
      throw new PdfRenderError(
        'chromium-not-found',
        `Chromium bawaan @sparticuz/chromium tidak bisa dibuka ke folder sementara (${describe(cause)}). ` +
          'Pastikan /tmp bisa ditulis dan masih ada ruang sekitar 250 MB, atau isi PUPPETEER_EXECUTABLE_PATH dengan Chromium yang terpasang.',
        undefined,
        { cause },
      );
    }
  }

  /** Called after a document failed: was it the browser? */
  private async retireIfDead(session: BrowserSession): Promise<void> {
    if (session.retired) return;
    if (await isResponsive(session.browser)) return;
    this.retire(session);
  }

  private retire(session: BrowserSession): void {
    if (session.retired) return;
    session.retired = true;
    session.idlePages = [];
    if (this.activeSession === session) {
      this.activeSession = undefined;
      this.launching = undefined;
    }
    void shutDown(session);
  }
}

/** Compile-time check that the adapter fits its port, without starting anything at import. */
const _portCheck: new (options?: ChromiumPdfRendererOptions) => PdfRenderer = ChromiumPdfRenderer;
void _portCheck;

/** @sparticuz/chromium decompresses to /tmp; one renderer at a time should do it. */
let bundledPath: Promise<string> | undefined;
function bundledExecutablePath(): Promise<string> {
  bundledPath ??= import('@sparticuz/chromium')
    .then(({ default: chromium }) => chromium.executablePath())
    .catch((error: unknown) => {
      bundledPath = undefined;
      throw error;
    });
  return bundledPath;
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => void answerRequest(request));
  return page;
}

async function answerRequest(request: HTTPRequest): Promise<void> {
  // A request may already be handled when the tab is closing; there is nothing left to answer then.
  try {
    if (request.url().startsWith('data:')) {
      await request.continue();
    } else if (request.isNavigationRequest()) {
      // An aborted navigation (a meta refresh, an iframe) would put Chrome's error page in its place;
      // "204 No Content" makes the frame stay as it is.
      await request.respond({ status: 204, body: '' });
    } else {
      await request.abort('blockedbyclient');
    }
  } catch {
    // The tab went away between the request and the answer; the document's own error reports it.
  }
}

/**
 * The document is written into the tab (`setContent`) rather than navigated to: a tab that navigated
 * to document after document got slower with each one (about 100 ms a document at first, over 200 ms
 * after a hundred), while writing each into the same page stays at the bare floor of `page.pdf()`.
 */
async function printPage(page: Page, document: PdfDocument, timeoutMs: number): Promise<Uint8Array> {
  // Puppeteer's own limits are a backstop; the renderer's timer fires first with a clearer message.
  await page.setContent(document.html, { waitUntil: 'load', timeout: timeoutMs * 2 });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(document.footerText),
    margin: PAGE_MARGIN,
    // Tagged, for screen readers (headings, tables, reading order; /Lang from <html lang="id">). Its
    // bytes vary with the tab's DOM numbering, so the send log fingerprints the report's content.
    tagged: true,
    timeout: timeoutMs * 2,
  });
  return withPdfMetadata(pdf, REPORT_METADATA);
}

/**
 * The footer is printed from its own little document, which sees neither the page's CSS nor its fonts,
 * so it carries a copy of the regular face. Chromium fills in the `pageNumber` and `totalPages` spans.
 */
export function footerTemplate(footerText: string): string {
  return [
    `<style>${embeddedFooterFontCss()}`,
    `.monev-footer { font-family: ${FONT_STACK}; font-size: 8pt; color: #555; width: 100%;`,
    `  margin: 0 ${PAGE_MARGIN.left}; display: flex; justify-content: space-between; gap: 8mm; }`,
    '</style>',
    '<div class="monev-footer">',
    `<span>${escapeHtml(footerText)}</span>`,
    '<span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span>',
    '</div>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A crashed or killed browser either reports itself disconnected or stops answering. */
async function isResponsive(browser: Browser): Promise<boolean> {
  if (!browser.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2_000);
  });
  try {
    return await Promise.race([browser.version().then(() => true), silence]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function shutDown(session: BrowserSession): Promise<void> {
  session.retired = true;
  const child = session.browser.process();
  try {
    await session.browser.close();
  } catch {
    // A browser that will not close politely is killed; its tabs die with it.
    child?.kill('SIGKILL');
  }
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof PdfRenderError)) return true;
  return error.code === 'render-failed';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Seconds with a decimal comma, e.g. "1,5"; by hand so every Node build prints the same. */
function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',');
}

/** At most `size` tasks at once; the rest wait in arrival order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
