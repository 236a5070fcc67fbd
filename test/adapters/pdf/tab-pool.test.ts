import { describe, expect, it } from 'vitest';
import { TabPool, type TabFactory } from '../../../functions/adapters/pdf/tab-pool.js';

/** Tabs are numbers here; the factory records what was opened and closed. */
interface Owner {
  name: string;
  retired: boolean;
}

function factory() {
  const opened: number[] = [];
  const closed: number[] = [];
  const tabs: TabFactory<Owner, number> = {
    open: async () => {
      opened.push(opened.length + 1);
      return opened.length;
    },
    close: async (tab) => {
      closed.push(tab);
    },
  };
  return { tabs, opened, closed };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('TabPool', () => {
  it('hands out at most N tabs at once, and a run of documents reuses those N', async () => {
    const { tabs, opened, closed } = factory();
    const pool = new TabPool(2, tabs);
    const owner = { name: 'a', retired: false };
    let out = 0;
    let most = 0;
    const used = await Promise.all(
      Array.from({ length: 7 }, () =>
        pool.run(async () => {
          const tab = await pool.take(owner);
          most = Math.max(most, ++out);
          await tick();
          out--;
          pool.giveBack(owner, tab, true);
          return tab;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(opened).toEqual([1, 2]);
    expect(new Set(used)).toEqual(new Set([1, 2]));
    expect(closed).toEqual([]);
  });

  it('lets waiting documents in by order of arrival', async () => {
    const pool = new TabPool(1, factory().tabs);
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        pool.run(async () => {
          started.push(index);
          await tick();
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('frees the place of a document that failed', async () => {
    const pool = new TabPool(1, factory().tabs);
    await expect(pool.run(() => Promise.reject(new Error('tab mati')))).rejects.toThrow('tab mati');
    await expect(pool.run(async () => 'sesudahnya')).resolves.toBe('sesudahnya');
  });

  it('closes a tab given back as failed instead of reusing it', async () => {
    const { tabs, opened, closed } = factory();
    const pool = new TabPool(1, tabs);
    const owner = { name: 'a', retired: false };
    pool.giveBack(owner, await pool.take(owner), false);
    await tick();
    expect(closed).toEqual([1]);
    expect(await pool.take(owner)).toBe(2);
    expect(opened).toEqual([1, 2]);
  });

  it('reuses no tab of a retired browser, nor one of another browser', async () => {
    const { tabs, closed } = factory();
    const pool = new TabPool(2, tabs);
    const first = { name: 'pertama', retired: false };
    const second = { name: 'kedua', retired: false };
    pool.giveBack(first, await pool.take(first), true);
    expect(await pool.take(second)).toBe(2);
    first.retired = true;
    expect(await pool.take(first)).toBe(3);
    pool.giveBack(first, 3, true);
    await tick();
    expect(closed).toEqual([3]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a concurrency of %s', (concurrency) => {
    expect(() => new TabPool(concurrency, factory().tabs)).toThrow(RangeError);
  });
});
