import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

/** What the pool needs to know of the browser a tab belongs to. */
export interface TabOwner {
  /** True once the browser is given up: its tabs are closed instead of reused. */
  readonly retired: boolean;
}

export interface TabFactory<Owner, Tab> {
  open(owner: Owner): Promise<Tab>;
  close(tab: Tab): Promise<void>;
}

/**
 * At most `concurrency` documents print at once, each holding at most one tab at a time; the others wait
 * in arrival order. A tab that printed cleanly is kept for the next document on the same browser, so a
 * run of documents opens `concurrency` tabs rather than one per document.
 */
export class TabPool<Owner extends TabOwner, Tab> {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly idle = new WeakMap<Owner, Tab[]>();

  constructor(
    concurrency: number,
    private readonly factory: TabFactory<Owner, Tab>,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
    }
    this.free = concurrency;
  }

  /** Runs `task` once a place is free; inside it, `take` a tab and `giveBack` it before taking another. */
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

  /** An idle tab of `owner`, or a new one. */
  async take(owner: Owner): Promise<Tab> {
    if (owner.retired) this.idle.delete(owner);
    return this.idle.get(owner)?.pop() ?? (await this.factory.open(owner));
  }

  /**
   * Only a tab that finished cleanly on a browser still in use is kept; one that failed or ran out of time
   * may still be busy, so it is closed.
   */
  giveBack(owner: Owner, tab: Tab, reusable: boolean): void {
    if (reusable && !owner.retired) {
      const tabs = this.idle.get(owner);
      if (tabs) tabs.push(tab);
      else this.idle.set(owner, [tab]);
    } else {
      this.factory.close(tab).catch(() => undefined);
    }
  }
}

/** Tabs of a Chromium browser that run no script and load nothing from outside the document. */
export const closedNetworkTabs: TabFactory<{ readonly browser: Browser }, Page> = {
  open: async ({ browser }) => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => void answerRequest(request));
    return page;
  },
  close: (page) => page.close(),
};

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
