import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE, queueChange, ScoringPlan, type Debounce } from '../../functions/app/queue-change.js';
import type { RegistryOffice } from '../../functions/core/rekap-reader.js';
import type { QueuedTask, TaskQueue } from '../../functions/ports.js';

/**
 * The change debounce of functions/app/queue-change.ts on a virtual clock: a queue that refuses a name
 * twice (as Cloud Tasks does for an hour) and records when each scoring runs. Production values: window
 * 60 s, settle 10 s (MONEV_CHANGE_WINDOW_S, MONEV_CHANGE_SETTLE_S).
 */
class NamedQueue implements TaskQueue {
  readonly scorings: { name: string; at: number }[] = [];
  async enqueue(name: string, _task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    if (this.scorings.some((s) => s.name === name)) return 'exists';
    this.scorings.push({ name, at: notBefore.getTime() });
    return 'queued';
  }
}

const OFFICE = { code: '3573', source: 'sheet-3573' } as RegistryOffice;

/**
 * The scorings the edits at `times` cause. `instances` notifications handlers take them in turn (each with
 * its own memory, as Cloud Run instances would); 0 means none remembers anything.
 */
async function edits(times: readonly number[], debounce: Debounce = DEFAULT_DEBOUNCE, instances = 1) {
  const queue = new NamedQueue();
  const plans = Array.from({ length: instances }, () => new ScoringPlan());
  for (const [i, now] of times.entries())
    await queueChange(
      {
        registry: async () => [OFFICE],
        queue,
        clock: { now: () => new Date(now) },
        debounce,
        plan: plans[i % instances],
      },
      'sheet-3573',
    );
  return queue.scorings.map((s) => s.at).sort((a, b) => a - b);
}

const S = 1000;

describe('change debounce', () => {
  const cases: { name: string; input: number[]; expected: number[] }[] = [
    // Window 60 s, settle 10 s; times in seconds from a window's start.
    { name: 'an edit after a quiet spell is scored 10 s later', input: [30], expected: [40] },
    { name: 'an edit late in a window is scored 10 s later, in the next window', input: [55], expected: [65] },
    {
      // 0 → scored at 10; 5 comes before it; 12..50 come after it → one scoring window − settle after the
      // first, at 60.
      name: 'a burst inside a window: two scorings, the second window − settle after the first',
      input: [0, 5, 12, 30, 50],
      expected: [10, 60],
    },
    {
      // 45 → scored at 55; 50 before it; 57..80 after it → 105, which reads them all.
      name: 'a burst across a window edge costs two scorings too',
      input: [45, 50, 57, 63, 70, 80],
      expected: [55, 105],
    },
    {
      // Editing for three minutes, every 15 s: 10, then 60; 60 + 50 falls in 60's window, so the next window's
      // start, and so on: one scoring a window, never more.
      name: 'steady editing: one scoring per window',
      input: Array.from({ length: 13 }, (_, i) => i * 15),
      expected: [10, 60, 120, 180, 240],
    },
    {
      // The scoring at 60 read everything up to 60; 150 comes after a quiet spell → 160.
      name: 'a quiet spell after a burst: the next edit is scored 10 s after it again',
      input: [0, 20, 150],
      expected: [10, 60, 160],
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, async () => {
      expect(await edits(input.map((t) => t * S))).toEqual(expected.map((t) => t * S));
    });
  }

  /**
   * The promises that hold whatever the handlers remember: every edit is read by a scoring that starts no
   * earlier than it and within window + settle; at most one scoring per window of the clock (the quota).
   */
  function expectReadAndWithinQuota(times: readonly number[], scorings: readonly number[], debounce: Debounce): void {
    const { windowMs, settleMs } = debounce;
    for (const t of times) {
      const reader = scorings.find((at) => at >= t);
      expect(reader).toBeDefined();
      expect((reader as number) - t).toBeLessThanOrEqual(windowMs + settleMs);
    }
    const windows = scorings.map((at) => Math.floor(at / windowMs));
    expect(new Set(windows).size).toBe(windows.length);
  }

  const anyEdits = fc.array(fc.integer({ min: 0, max: 600 * S }), { minLength: 1, maxLength: 40 });
  const debounces = fc.constantFrom<Debounce>(DEFAULT_DEBOUNCE, { windowMs: 10 * S, settleMs: 2 * S });

  it('for any edits: each is read within window + settle, one scoring per window, a quiet edit within the settle', async () => {
    await fc.assert(
      fc.asyncProperty(anyEdits, debounces, async (raw, debounce) => {
        const times = [...raw].sort((a, b) => a - b);
        const scorings = await edits(times, debounce);
        expectReadAndWithinQuota(times, scorings, debounce);
        // An edit after a quiet spell (no edit in the two windows and the settle before it, so no scoring is
        // pending, nor run within a window) is read after exactly the settle time.
        const { windowMs, settleMs } = debounce;
        for (const t of times) {
          const earlier = times.filter((e) => e < t && e >= t - 2 * windowMs - settleMs);
          if (earlier.length === 0) expect(scorings).toContain(t + settleMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any edits taken by several instances, or by none that remembers: still read in time and within quota', async () => {
    await fc.assert(
      fc.asyncProperty(anyEdits, debounces, fc.constantFrom(0, 2, 3), async (raw, debounce, instances) => {
        const times = [...raw].sort((a, b) => a - b);
        expectReadAndWithinQuota(times, await edits(times, debounce, instances), debounce);
      }),
      { numRuns: 300 },
    );
  });

  it('a burst (edits under the settle apart, shorter than a window) costs at most two scorings, wherever it falls', async () => {
    const burst = fc.record({
      start: fc.integer({ min: 0, max: 600 * S }),
      gaps: fc.array(fc.integer({ min: 0, max: 10 * S - 1 }), { minLength: 0, maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(burst, async ({ start, gaps }) => {
        const times = gaps.reduce<number[]>((all, gap) => [...all, (all.at(-1) as number) + gap], [start]);
        fc.pre((times.at(-1) as number) - start < 60 * S);
        expect((await edits(times)).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });

  it('two notifications of one edit at once (Drive sends duplicates) queue one scoring', async () => {
    const queue = new NamedQueue();
    const plan = new ScoringPlan();
    const deps = { registry: async () => [OFFICE], queue, clock: { now: () => new Date(30 * S) }, plan };
    const outcomes = await Promise.all([queueChange(deps, 'sheet-3573'), queueChange(deps, 'sheet-3573')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-queued', 'queued']);
    expect(queue.scorings).toEqual([{ name: 'score-3573-0', at: 40 * S }]);
  });
});
