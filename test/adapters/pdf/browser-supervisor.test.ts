import { EventEmitter } from 'node:events';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  BrowserSupervisor,
  type BrowserLaunchEvent,
  type StartBrowser,
} from '../../../functions/adapters/pdf/browser-supervisor.js';

/**
 * The supervisor with fake browsers, so that crashes, silence and slow launches happen on cue; the real
 * Chromium is killed under printing documents in chromium-renderer.test.ts.
 */
class FakeBrowser extends EventEmitter {
  connected = true;
  answers = true;
  closesPolitely = true;
  closed = false;
  readonly signals: string[] = [];

  constructor(readonly pid: number) {
    super();
  }

  async version(): Promise<string> {
    if (!this.answers) throw new Error('Target closed');
    return 'HeadlessChrome/143';
  }

  async close(): Promise<void> {
    if (!this.closesPolitely) throw new Error('Protocol error');
    this.closed = true;
    this.connected = false;
  }

  process() {
    return { pid: this.pid, kill: (signal: string) => this.signals.push(signal) };
  }

  crash(): void {
    this.connected = false;
    this.emit('disconnected');
  }
}

function supervisor(start?: StartBrowser) {
  const browsers: FakeBrowser[] = [];
  const launches: BrowserLaunchEvent[] = [];
  const startBrowser: StartBrowser =
    start ??
    (async () => {
      const browser = new FakeBrowser(1000 + browsers.length);
      browsers.push(browser);
      return browser as unknown as Browser;
    });
  const browsersSupervisor = new BrowserSupervisor({
    // Any executable file will do: the fake start never runs it.
    executablePath: process.execPath,
    launchTimeoutMs: 1_000,
    onBrowserLaunch: (event) => launches.push(event),
    startBrowser,
  });
  return { supervisor: browsersSupervisor, browsers, launches };
}

describe('BrowserSupervisor', () => {
  it('launches one browser for callers that ask at the same moment', async () => {
    const { supervisor: s, browsers, launches } = supervisor();
    const sessions = await Promise.all([s.session(), s.session(), s.session()]);
    expect(new Set(sessions).size).toBe(1);
    expect(browsers).toHaveLength(1);
    expect(launches).toEqual([{ pid: 1000, launchMs: expect.any(Number), generation: 1 }]);
  });

  it('relaunches a crashed browser once, for all the documents that come after', async () => {
    const { supervisor: s, browsers, launches } = supervisor();
    const first = await s.session();
    browsers[0]?.crash();
    expect(first.retired).toBe(true);
    const after = await Promise.all([s.session(), s.session(), s.session()]);
    expect(new Set(after).size).toBe(1);
    expect(after[0]?.generation).toBe(2);
    expect(launches.map((event) => event.generation)).toEqual([1, 2]);
    expect(await s.session()).toBe(after[0]);
  });

  it('keeps a browser that answers after a failed document, retires one that does not', async () => {
    const { supervisor: s, browsers } = supervisor();
    const first = await s.session();
    await s.retireIfDead(first);
    expect(first.retired).toBe(false);
    expect(await s.session()).toBe(first);

    (browsers[0] as FakeBrowser).answers = false;
    await s.retireIfDead(first);
    expect(first.retired).toBe(true);
    expect(browsers[0]?.closed).toBe(true);
    expect((await s.session()).generation).toBe(2);
  });

  it('forgets a failed launch, so the next document tries again', async () => {
    let attempts = 0;
    const { supervisor: s } = supervisor(async () => {
      attempts++;
      if (attempts === 1) throw new Error('spawn EACCES');
      return new FakeBrowser(7) as unknown as Browser;
    });
    await expect(s.session()).rejects.toMatchObject({
      code: 'launch-failed',
      message: expect.stringContaining(`Chromium di "${process.execPath}" tidak bisa dijalankan (spawn EACCES)`),
    });
    await expect(s.session()).resolves.toMatchObject({ generation: 1 });
  });

  it('shuts down a browser whose launch ends after close, and refuses it', async () => {
    let finishLaunch: (browser: Browser) => void = () => undefined;
    const late = new FakeBrowser(9);
    const { supervisor: s } = supervisor(() => new Promise<Browser>((resolve) => (finishLaunch = resolve)));
    const session = s.session();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = s.close();
    finishLaunch(late as unknown as Browser);
    await expect(session).rejects.toMatchObject({ code: 'closed' });
    await closing;
    expect(late.closed).toBe(true);
    expect(s.closed).toBe(true);
  });

  it('kills a browser that will not close politely', async () => {
    const { supervisor: s, browsers } = supervisor();
    await s.session();
    (browsers[0] as FakeBrowser).closesPolitely = false;
    await s.close();
    expect(browsers[0]?.signals).toEqual(['SIGKILL']);
  });

  it('says which setting to fix when the configured Chromium is missing', async () => {
    const s = new BrowserSupervisor({ executablePath: '/tidak/ada/chromium', launchTimeoutMs: 1_000 });
    await expect(s.session()).rejects.toMatchObject({
      code: 'chromium-not-found',
      message: expect.stringContaining('periksa variabel PUPPETEER_EXECUTABLE_PATH'),
    });
  });
});
