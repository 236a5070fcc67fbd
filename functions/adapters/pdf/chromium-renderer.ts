import type { Page } from 'puppeteer-core';
import type { PdfDocument, PdfRenderer } from '../../ports.js';
import { BrowserSupervisor, type BrowserLaunchEvent, type BrowserSession } from './browser-supervisor.js';
import { PdfRenderError, describeError } from './pdf-render-error.js';
import { printPage } from './print-page.js';
import { TabPool, closedNetworkTabs } from './tab-pool.js';

export type { BrowserLaunchEvent } from './browser-supervisor.js';

export interface ChromiumPdfRendererOptions {
  /** A Chromium binary to use instead of the one inside @sparticuz/chromium (PUPPETEER_EXECUTABLE_PATH). */
  executablePath?: string;
  /** Documents printed at the same time, each in its own tab (MONEV_PDF_CONCURRENCY; default in config.ts). */
  concurrency: number;
  /** Longest time one document may take, from getting a tab to the finished PDF (MONEV_PDF_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longest time Chromium may take to start. */
  launchTimeoutMs?: number;
  /** Called after every (re)launch; for logs, and for tests that need to kill the browser. */
  onBrowserLaunch?: (event: BrowserLaunchEvent) => void;
}

/** How long Chromium may take to start unless the caller says otherwise; no environment setting changes it. */
const LAUNCH_TIMEOUT_MS = 30_000;

/**
 * Prints HTML to PDF with one headless Chromium that stays up for a whole run of documents. The browser's
 * life cycle is the supervisor's (browser-supervisor.ts), the tabs the pool's (tab-pool.ts), the printing
 * of one document print-page.ts's; this class gives each document a tab within its time limit and a
 * second chance on a fresh browser when the first one died under it.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly timeoutMs: number;
  private readonly browsers: BrowserSupervisor;
  private readonly tabs: TabPool<BrowserSession, Page>;

  constructor(settings: ChromiumPdfRendererOptions) {
    this.timeoutMs = settings.timeoutMs;
    this.tabs = new TabPool<BrowserSession, Page>(settings.concurrency, closedNetworkTabs);
    this.browsers = new BrowserSupervisor({
      executablePath: settings.executablePath,
      launchTimeoutMs: settings.launchTimeoutMs ?? LAUNCH_TIMEOUT_MS,
      onBrowserLaunch: settings.onBrowserLaunch,
    });
  }

  async render(document: PdfDocument): Promise<Uint8Array> {
    this.assertOpen(document.id);
    return this.tabs.run(async () => {
      this.assertOpen(document.id);
      try {
        return await this.attempt(document);
      } catch (first) {
        if (!isRetryable(first) || this.browsers.closed) throw this.forCaller(first, document.id);
        // The browser (or this tab) died under the document; a fresh one gets a second chance.
        try {
          return await this.attempt(document);
        } catch (second) {
          if (second instanceof PdfRenderError || this.browsers.closed) throw this.forCaller(second, document.id);
          throw new PdfRenderError(
            'render-failed',
            `Dokumen "${document.id}" gagal dicetak dua kali berturut-turut (${describeError(second)}). ` +
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
    if (!this.browsers.closed) this.browsers.session().catch(() => undefined);
  }

  close(): Promise<void> {
    return this.browsers.close();
  }

  private assertOpen(documentId: string): void {
    if (this.browsers.closed) {
      throw new PdfRenderError(
        'closed',
        `Dokumen "${documentId}" tidak dicetak karena renderer PDF sudah ditutup.`,
        documentId,
      );
    }
  }

  private forCaller(error: unknown, documentId: string): PdfRenderError {
    if (error instanceof PdfRenderError) return error;
    if (this.browsers.closed) {
      return new PdfRenderError(
        'closed',
        `Dokumen "${documentId}" tidak selesai dicetak karena renderer PDF ditutup.`,
        documentId,
        { cause: error },
      );
    }
    return new PdfRenderError(
      'render-failed',
      `Dokumen "${documentId}" gagal dicetak: ${describeError(error)}.`,
      documentId,
      { cause: error },
    );
  }

  private async attempt(document: PdfDocument): Promise<Uint8Array> {
    const session = await this.browsers.session();
    let tab: Page | undefined;
    let settled = false;

    const work = (async () => {
      tab = await this.tabs.take(session);
      return printPage(tab, document, this.timeoutMs);
    })();

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new PdfRenderError(
            'timeout',
            `Dokumen "${document.id}" tidak selesai dicetak dalam ${formatSeconds(this.timeoutMs)} detik. ` +
              'Perkecil dokumennya (misalnya pecah tabel yang sangat panjang) atau naikkan batas waktunya.',
            document.id,
          ),
        );
      }, this.timeoutMs);
    });

    // A tab that failed or ran out of time may still be busy: it is closed now, or as soon as it exists if
    // the timer fired while it was being opened.
    const release = (reuse: boolean): void => {
      if (tab) this.tabs.giveBack(session, tab, reuse);
    };

    try {
      const pdf = await Promise.race([work, timeout]);
      settled = true;
      return pdf;
    } catch (error) {
      // Also after a timeout: a browser that hangs as a whole would otherwise time out every document.
      await this.browsers.retireIfDead(session);
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
}

/** Compile-time check that the adapter fits its port, without starting anything at import. */
const _portCheck: new (options: ChromiumPdfRendererOptions) => PdfRenderer = ChromiumPdfRenderer;
void _portCheck;

function isRetryable(error: unknown): boolean {
  if (!(error instanceof PdfRenderError)) return true;
  return error.code === 'render-failed';
}

/** Seconds with a decimal comma, e.g. "1,5"; by hand so every Node build prints the same. */
function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',');
}
