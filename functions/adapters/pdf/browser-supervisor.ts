import { accessSync, constants } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { PdfRenderError, describeError } from './pdf-render-error.js';

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

export interface BrowserLaunchEvent {
  pid: number | undefined;
  launchMs: number;
  /** 1 for the first browser of this renderer, 2 after the first relaunch, … */
  generation: number;
}

/** One running browser. Only its supervisor sets `retired`: once it crashed, stopped answering or was closed. */
export interface BrowserSession {
  readonly browser: Browser;
  readonly generation: number;
  retired: boolean;
}

/** Starts Chromium at `executablePath`; puppeteer's launch unless a test puts a fake in its place. */
export type StartBrowser = (executablePath: string, timeoutMs: number) => Promise<Browser>;

export interface BrowserSupervisorOptions {
  /** A Chromium binary to use instead of the one inside @sparticuz/chromium (PUPPETEER_EXECUTABLE_PATH). */
  executablePath?: string | undefined;
  /** Longest time Chromium may take to start. */
  launchTimeoutMs: number;
  /** Called after every (re)launch. */
  onBrowserLaunch?: ((event: BrowserLaunchEvent) => void) | undefined;
  startBrowser?: StartBrowser;
}

/**
 * The life cycle of the one headless Chromium a renderer prints with, as Gotenberg's supervisor keeps its
 * browser apart from the print tasks: launched when first needed and shared by every document, retired
 * when it disconnects or stops answering (the next document launches another), closed at the end. It knows
 * nothing of documents or tabs.
 */
export class BrowserSupervisor {
  private launching: Promise<BrowserSession> | undefined;
  private active: BrowserSession | undefined;
  private generation = 0;
  private isClosed = false;

  constructor(private readonly options: BrowserSupervisorOptions) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /** The running browser, launched if there is none; callers at the same moment share one launch. */
  session(): Promise<BrowserSession> {
    this.launching ??= this.launch().catch((error: unknown) => {
      // A failed launch is not remembered: the next document tries again.
      this.launching = undefined;
      throw error;
    });
    return this.launching;
  }

  /** Called after a document failed: was it the browser? One that is gone or silent is retired. */
  async retireIfDead(session: BrowserSession): Promise<void> {
    if (session.retired) return;
    if (await isResponsive(session.browser)) return;
    this.retire(session);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const launching = this.launching;
    this.launching = undefined;
    this.active = undefined;
    const session = await launching?.catch(() => undefined);
    if (session) await shutDown(session);
  }

  private async launch(): Promise<BrowserSession> {
    const executablePath = await this.resolveExecutablePath();
    const started = performance.now();
    let browser: Browser;
    try {
      browser = await (this.options.startBrowser ?? startWithPuppeteer)(executablePath, this.options.launchTimeoutMs);
    } catch (cause) {
      throw new PdfRenderError(
        'launch-failed',
        `Chromium di "${executablePath}" tidak bisa dijalankan (${describeError(cause)}). ` +
          'Pastikan berkas itu Chromium untuk Linux x64 yang bisa dieksekusi, atau kosongkan PUPPETEER_EXECUTABLE_PATH ' +
          'agar Chromium bawaan @sparticuz/chromium dipakai.',
        undefined,
        { cause },
      );
    }
    const session: BrowserSession = { browser, generation: ++this.generation, retired: false };
    browser.on('disconnected', () => this.retire(session));
    if (this.isClosed) {
      await shutDown(session);
      throw new PdfRenderError('closed', 'Renderer PDF ditutup saat Chromium sedang dijalankan.');
    }
    this.active = session;
    this.options.onBrowserLaunch?.({
      pid: browser.process()?.pid,
      launchMs: Math.round(performance.now() - started),
      generation: session.generation,
    });
    return session;
  }

  private retire(session: BrowserSession): void {
    if (session.retired) return;
    session.retired = true;
    if (this.active === session) {
      this.active = undefined;
      this.launching = undefined;
    }
    void shutDown(session);
  }

  private async resolveExecutablePath(): Promise<string> {
    const configured = this.options.executablePath;
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
        `Chromium bawaan @sparticuz/chromium tidak bisa dibuka ke folder sementara (${describeError(cause)}). ` +
          'Pastikan /tmp bisa ditulis dan masih ada ruang sekitar 250 MB, atau isi PUPPETEER_EXECUTABLE_PATH dengan Chromium yang terpasang.',
        undefined,
        { cause },
      );
    }
  }
}

async function startWithPuppeteer(executablePath: string, timeoutMs: number): Promise<Browser> {
  // Loaded with the first document, so that processes printing nothing do not pay for it.
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath,
    headless: 'shell',
    pipe: true,
    args: [...CHROMIUM_ARGS],
    timeout: timeoutMs,
  });
}

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
