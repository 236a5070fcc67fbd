import { describe, expect, it } from 'vitest';
import { QuotaScheduler, type QuotaSchedulerOptions } from '../../../functions/adapters/google/quota-scheduler.js';
import { DEFAULT_GOOGLE_QUOTA } from '../../../functions/config.js';
import { VirtualTime } from '../../helpers/virtual-time.js';

const failure = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers: new Headers(headers), data: { error: { code: status } } },
  });

function scheduler(time: VirtualTime, options: Partial<QuotaSchedulerOptions> = {}): QuotaScheduler {
  return new QuotaScheduler({ ...DEFAULT_GOOGLE_QUOTA, ...options }, time);
}

describe('QuotaScheduler', () => {
  it('never sends more reads in a window than the quota allows', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { readsPerMinute: 5, concurrency: 3 });
    const sent: number[] = [];
    await time.run(
      Promise.all(Array.from({ length: 12 }, () => quota.run('read', async () => void sent.push(time.t)))),
    );
    expect(sent).toHaveLength(12);
    for (let i = 0; i + 5 < sent.length; i++)
      expect((sent[i + 5] as number) - (sent[i] as number)).toBeGreaterThanOrEqual(60_000);
    expect(sent.filter((t) => t === 0)).toHaveLength(5);
  });

  it('keeps reads and writes in separate buckets', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { readsPerMinute: 2, writesPerMinute: 2 });
    const sent: string[] = [];
    await time.run(
      Promise.all(
        [...(['read', 'read', 'write', 'write'] as const)].map((kind) =>
          quota.run(kind, async () => void sent.push(`${kind}@${time.t}`)),
        ),
      ),
    );
    expect(sent.sort()).toEqual(['read@0', 'read@0', 'write@0', 'write@0']);
  });

  it('caps the requests in flight', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { concurrency: 2 });
    let inFlight = 0;
    let most = 0;
    await time.run(
      Promise.all(
        Array.from({ length: 6 }, () =>
          quota.run('read', async () => {
            most = Math.max(most, ++inFlight);
            await time.sleep(100);
            inFlight--;
          }),
        ),
      ),
    );
    expect(most).toBe(2);
  });

  it('retries a 429 after Retry-After and pauses the other reads meanwhile', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { initialBackoffMs: 10 });
    const attempts: number[] = [];
    let other = -1;
    const first = quota.run('read', async () => {
      attempts.push(time.t);
      if (attempts.length === 1) throw failure(429, { 'retry-after': '7' });
      return 'ok';
    });
    const second = (async () => {
      await time.sleep(1);
      await quota.run('read', async () => void (other = time.t));
    })();
    await expect(time.run(Promise.all([first, second]))).resolves.toEqual(['ok', undefined]);
    expect(attempts).toEqual([0, 7000]);
    expect(other).toBeGreaterThanOrEqual(7000);
    expect(quota.stats).toEqual({ sent: { read: 3, write: 0, drive: 0 }, retried: 1, throttled: 1 });
  });

  it('retries 5xx and dropped connections, POST writes included, with growing waits', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { initialBackoffMs: 100 });
    const attempts: number[] = [];
    const dropped = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const result = quota.run('write', async () => {
      attempts.push(time.t);
      if (attempts.length === 1) throw failure(503);
      if (attempts.length === 2) throw dropped;
      if (attempts.length === 3) throw failure(500);
      return 'written';
    });
    await expect(time.run(result)).resolves.toBe('written');
    // Full jitter with random() = 0.5: half of 100, 200, 400.
    expect(attempts).toEqual([0, 50, 150, 350]);
  });

  it('does not retry what retrying cannot fix', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time);
    let attempts = 0;
    await expect(
      time.run(
        quota.run('read', async () => {
          attempts++;
          throw failure(404);
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(attempts).toBe(1);
  });

  it('gives up at the deadline', async () => {
    const time = new VirtualTime();
    const quota = scheduler(time, { deadlineMs: 10_000, initialBackoffMs: 1_000 });
    let attempts = 0;
    await expect(
      time.run(
        quota.run('read', async () => {
          attempts++;
          throw failure(503);
        }),
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(attempts).toBeGreaterThan(2);
    expect(time.t).toBeLessThanOrEqual(10_000);
  });
});
