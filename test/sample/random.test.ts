import { describe, expect, it } from 'vitest';
import { Random, hashSeed } from '../../functions/sample/random.js';

describe('Random', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (() => {
          const rng = new Random(seed);
          return () => rng.next();
        })(),
      );
    expect(draw(2025)).toEqual(draw(2025));
    expect(draw(2025)).not.toEqual(draw(2026));
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const rng = new Random(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles without losing or adding items', () => {
    const items = ['3501', '3502', '3503', '3504', '3505'];
    expect(new Random(7).shuffle(items).sort()).toEqual(items);
    expect(new Random(7).sample(items, 2)).toHaveLength(2);
  });

  it('derives stable, distinct stream seeds from keys', () => {
    expect(hashSeed(2025, '3573/iku')).toBe(hashSeed(2025, '3573/iku'));
    expect(hashSeed(2025, '3573/iku')).not.toBe(hashSeed(2025, '3573/iki'));
    expect(hashSeed(2025, '3573/iku')).not.toBe(hashSeed(2026, '3573/iku'));
    expect(Random.for(2025, '3573', 'iku').next()).toBe(new Random(hashSeed(2025, '3573/iku')).next());
  });
});
