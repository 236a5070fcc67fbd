import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE, queueChange, type Debounce } from '../../functions/app/queue-change.js';
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

async function edits(times: readonly number[], debounce: Debounce = DEFAULT_DEBOUNCE) {
  const queue = new NamedQueue();
  for (const now of times)
    await queueChange(
      { registry: async () => [OFFICE], queue, clock: { now: () => new Date(now) }, debounce },
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
      // 0 → scored at 10 (window 0); 5..50 may come after it → window 1's scoring at 60 reads them.
      name: 'a burst inside a window: two scorings, the second at the next window',
      input: [0, 5, 12, 30, 50],
      expected: [10, 60],
    },
    {
      // 52 and 58 land in window 1 (62, 68): taken by the scoring at 60, which starts after them.
      name: 'a burst across a window edge still costs two scorings',
      input: [0, 20, 52, 58],
      expected: [10, 60],
    },
    {
      // Editing for three minutes, every 15 s: one scoring a window, never more; the edit at 180 may come
      // just after the scoring that starts at 180, so 240 reads it.
      name: 'steady editing: one scoring per window',
      input: Array.from({ length: 13 }, (_, i) => i * 15),
      expected: [10, 60, 120, 180, 240],
    },
    {
      // The scoring at 60 read everything up to 60; 130 comes after a quiet minute → 140.
      name: 'a quiet spell after a burst: the next edit is scored 10 s after it again',
      input: [0, 20, 130],
      expected: [10, 60, 140],
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, async () => {
      expect(await edits(input.map((t) => t * S))).toEqual(expected.map((t) => t * S));
    });
  }

  it('for any edits: each is read by a scoring no earlier than it and within window + settle; one scoring per window; a quiet edit within the settle', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 600 * S }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom<Debounce>(DEFAULT_DEBOUNCE, { windowMs: 10 * S, settleMs: 2 * S }),
        async (raw, debounce) => {
          const times = [...raw].sort((a, b) => a - b);
          const scorings = await edits(times, debounce);
          const { windowMs, settleMs } = debounce;
          for (const t of times) {
            const reader = scorings.find((at) => at >= t);
            expect(reader).toBeDefined();
            expect((reader as number) - t).toBeLessThanOrEqual(windowMs + settleMs);
          }
          const windows = scorings.map((at) => Math.floor(at / windowMs));
          expect(new Set(windows).size).toBe(windows.length);
          // An edit after a quiet spell (no edit in the two windows and the settle before it, so no scoring
          // is still pending) is read after exactly the settle time.
          for (const t of times) {
            const earlier = times.filter((e) => e < t && e >= t - 2 * windowMs - settleMs);
            if (earlier.length === 0) expect(scorings).toContain(t + settleMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
