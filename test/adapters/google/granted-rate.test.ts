import { describe, expect, it } from 'vitest';
import { GrantedRate } from '../../../functions/adapters/google/granted-rate.js';
import { QuotaScheduler } from '../../../functions/adapters/google/quota-scheduler.js';
import { DEFAULT_GOOGLE_QUOTA as DEFAULT_QUOTA } from '../../../functions/config.js';
import { VirtualTime } from '../../helpers/virtual-time.js';

/**
 * The rate Drive grants, learned from its quota answers (docs/SPEC.md §8), on a virtual clock: first the
 * learner alone with times worked out by hand, then the Drive-paced scheduler against servers that
 * count "5 requests per 2 s" in the three usual ways, asked as a run asks.
 */
describe('GrantedRate', () => {
  /** Starts `count` requests at `t` and answers them: granted, or refused `answeredAfter` ms later. */
  const send = (rate: GrantedRate, t: number, count: number, answer: 'granted' | 'refused') => {
    for (let i = 0; i < count; i++) rate.started(t);
    for (let i = 0; i < count; i++)
      if (answer === 'granted') rate.granted(t);
      else rate.refused(t, t + 10);
  };

  it('paces nothing before the first quota answer', () => {
    const rate = new GrantedRate();
    send(rate, 0, 50, 'granted');
    expect(rate.waitMs(0)).toBe(0);
    expect(rate.intervalMs).toBeNull();
  });

  it('measures the rate between two walls: 5 grants from one wall’s end to the next, 2 000 ms apart → 400 ms', () => {
    const rate = new GrantedRate();
    // Window 1 (0–2 000 ms): five granted, then three refused: a wall.
    send(rate, 0, 5, 'granted');
    send(rate, 10, 3, 'refused');
    // While blocked the first probe waits 25 ms after the last start.
    expect(rate.waitMs(20)).toBe(15);
    // The wall ends in window 2: last refusal sent at 1 990, first grant at 2 010, so its end is 2 000.
    send(rate, 1990, 1, 'refused');
    send(rate, 2010, 1, 'granted');
    // Four more in window 2 (the 2 010 one was the first), then three refused: the next wall.
    send(rate, 2020, 4, 'granted');
    send(rate, 2030, 3, 'refused');
    expect(rate.intervalMs).toBeNull();
    // It ends at (3 980 + 4 020) / 2 = 4 000: 5 let through in 4 000 − 2 000 ms.
    send(rate, 3980, 1, 'refused');
    send(rate, 4020, 1, 'granted');
    expect(rate.intervalMs).toBe(400);
    // The next request goes one interval after the last start.
    expect(rate.waitMs(4020)).toBe(400);
    // Each grant outside a block raises the pace by a tenth over the 5 the measurement counted: 400 / 1.02.
    send(rate, 4420, 1, 'granted');
    expect(rate.intervalMs).toBeCloseTo(400 / 1.02, 9);
    // One or two refusals may be chance: they change nothing.
    const before = rate.intervalMs;
    send(rate, 4820, 2, 'refused');
    send(rate, 4900, 1, 'granted');
    expect(rate.intervalMs).toBe(before);
  });

  it('never creeps past half again the measured rate', () => {
    const rate = new GrantedRate();
    send(rate, 0, 3, 'refused');
    send(rate, 100, 1, 'granted');
    send(rate, 100, 9, 'granted');
    send(rate, 200, 3, 'refused');
    // 10 let through between the ends at 50 and 1 150 → 110 ms.
    send(rate, 2100, 1, 'granted');
    expect(rate.intervalMs).toBe(110);
    for (let t = 2200; t < 20_000; t += 100) send(rate, t, 1, 'granted');
    expect(rate.intervalMs).toBeCloseTo(110 / 1.5, 9);
  });

  it('honours Retry-After and ignores a refusal older than a grant', () => {
    const rate = new GrantedRate();
    send(rate, 0, 1, 'granted');
    rate.started(0);
    rate.refused(0, 100, 7000);
    expect(rate.waitMs(100)).toBe(7000);
    expect(rate.waitMs(7100)).toBe(0);
    // Sent at 7 100 and granted; a refusal of one sent at 7 050 comes after: it blocks nothing.
    rate.started(7100);
    rate.granted(7100);
    rate.refused(7050, 7200);
    expect(rate.waitMs(7200)).toBe(0);
  });

  it('probes a long wall at gaps of a fifth of the time blocked', () => {
    const rate = new GrantedRate();
    send(rate, 0, 3, 'refused');
    rate.started(1000);
    rate.refused(1000, 1010);
    // Blocked since 0: at 1 010 the next probe waits (1 010 − 0) / 5 = 202 ms after the last start.
    expect(rate.waitMs(1010)).toBeCloseTo(1000 + 202 - 1010, 9);
  });
});

/** Drive's quota answer: 403 userRateLimitExceeded, as gaxios reports it. */
const rateLimited = () =>
  Object.assign(new Error('User rate limit exceeded.'), {
    status: 403,
    response: {
      status: 403,
      headers: new Headers(),
      data: { error: { code: 403, errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }] } },
    },
  });

/** How a server may count "5 requests per 2 s": whether it grants a request arriving at `t`. */
type Limiter = (t: number) => boolean;

function fixedWindow(limit: number, windowMs: number, phase = 0): Limiter {
  let window = Number.NaN;
  let used = 0;
  return (t) => {
    const w = Math.floor((t + phase) / windowMs);
    if (w !== window) [window, used] = [w, 0];
    return used < limit ? (used++, true) : false;
  };
}

function slidingWindow(limit: number, windowMs: number): Limiter {
  const grants: number[] = [];
  return (t) => {
    while (grants.length > 0 && (grants[0] as number) <= t - windowMs) grants.shift();
    return grants.length < limit ? (grants.push(t), true) : false;
  };
}

function tokenBucket(capacity: number, perMs: number): Limiter {
  let tokens = capacity;
  let last = 0;
  return (t) => {
    tokens = Math.min(capacity, tokens + (t - last) * perMs);
    last = t;
    return tokens >= 1 ? (tokens--, true) : false;
  };
}

/** A server that also refuses this share of requests by chance (a backend's 429), before its quota. */
function byChance(share: number, limiter: Limiter): Limiter {
  let seed = 20_251_206;
  return (t) => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647 >= share && limiter(t);
  };
}

interface Storm {
  readonly limiter: Limiter;
  readonly lookups: number;
  /** Lookups are asked as a run asks them: per office, `officesAtOnce` offices at a time. */
  readonly perOffice: number;
  readonly officesAtOnce: number;
  readonly latencyMs: number;
  readonly deadlineMs?: number;
}

/** Runs a storm's lookups through a Drive-paced scheduler (Drive's own bucket out of the way) on the virtual clock. */
async function storm(s: Storm): Promise<{ ms: number; answered: number; refused: number; failed: number }> {
  const time = new VirtualTime();
  const scheduler = new QuotaScheduler(
    {
      ...DEFAULT_QUOTA,
      concurrency: 32,
      drivePerMinute: 1_000_000,
      deadlineMs: s.deadlineMs ?? DEFAULT_QUOTA.deadlineMs,
      learnedKinds: ['drive'],
    },
    time,
  );
  let refused = 0;
  let answered = 0;
  let failed = 0;
  const lookup = () =>
    scheduler
      .run('drive', async () => {
        await time.sleep(s.latencyMs / 2);
        const granted = s.limiter(time.t);
        await time.sleep(s.latencyMs / 2);
        if (!granted) {
          refused++;
          throw rateLimited();
        }
        answered++;
      })
      .catch(() => void failed++);
  const offices = Math.ceil(s.lookups / s.perOffice);
  let nextOffice = 0;
  const worker = async () => {
    for (let office = nextOffice++; office < offices; office = nextOffice++) {
      const count = Math.min(s.perOffice, s.lookups - office * s.perOffice);
      await Promise.all(Array.from({ length: count }, lookup));
      await time.sleep(20); // reading the next office
    }
  };
  await time.run(Promise.all(Array.from({ length: s.officesAtOnce }, worker)));
  return { ms: time.t, answered, refused, failed };
}

describe('the Drive-paced scheduler in a quota storm', () => {
  // 75 lookups at 5 per 2 s: 15 windows, the last starting at 28 s; the issue rounds the minimum to 30 s
  // and allows 1.5 times it.
  const limiters = [
    ['fixed 2 s windows', () => fixedWindow(5, 2000)],
    ['fixed 2 s windows, shifted 1.3 s', () => fixedWindow(5, 2000, 1300)],
    ['a sliding 2 s window', () => slidingWindow(5, 2000)],
    ['a token bucket of 5 filling at 2.5 a second', () => tokenBucket(5, 5 / 2000)],
  ] as const;
  const demands = [
    [75, 1],
    [2, 2],
    [3, 8],
  ] as const;
  for (const [name, limiter] of limiters)
    for (const [perOffice, officesAtOnce] of demands)
      it(`${name}, ${perOffice} lookups an office, ${officesAtOnce} offices at once: all answered within 45 s`, async () => {
        const result = await storm({ limiter: limiter(), lookups: 75, perOffice, officesAtOnce, latencyMs: 60 });
        expect(result).toMatchObject({ answered: 75, failed: 0 });
        expect(result.ms).toBeLessThanOrEqual(45_000);
      });

  it('chance refusals alone do not slow the lookups to a crawl', async () => {
    // 200 lookups, 32 at a time, 10 ms each: 70 ms without refusals.
    const result = await storm({
      limiter: byChance(0.3, () => true),
      lookups: 200,
      perOffice: 200,
      officesAtOnce: 1,
      latencyMs: 10,
    });
    expect(result).toMatchObject({ answered: 200, failed: 0 });
    expect(result.refused).toBeGreaterThan(0);
    expect(result.ms).toBeLessThan(1000);
  });

  it('a request refused to the end gives up at the run’s deadline, probing ever more rarely', async () => {
    let attempts = 0;
    const result = await storm({
      limiter: () => (attempts++, false),
      lookups: 3,
      perOffice: 3,
      officesAtOnce: 1,
      latencyMs: 10,
      deadlineMs: 60_000,
    });
    expect(result).toMatchObject({ answered: 0, failed: 3 });
    // The office's lookups end at the deadline; then the run reads the next office (20 ms).
    expect(result.ms).toBeLessThanOrEqual(60_000 + 20);
    // Gaps of a fifth of the time blocked: about ln(60 000 / 125) / ln(1.2) + 5 ≈ 39 probes in a minute.
    expect(attempts).toBeLessThan(50);
  });
});
