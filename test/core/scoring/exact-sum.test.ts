import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, MeanSum, WeightedSum } from '../../../functions/core/scoring/exact-sum.js';

/**
 * core/scoring/exact-sum.ts: the exact sum, rounded once, whatever the order of the terms and whatever
 * was added and taken out on the way. This is what lets index-with-fixes.ts replace one row's term and
 * still equal a rescoring to the last bit.
 */
const term = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

describe('ExactSum', () => {
  const cases: { name: string; terms: number[]; expected: number }[] = [
    // A left-to-right sum gives 0 here: 1e100 + 1 rounds the 1 away.
    { name: 'a small term between two that cancel', terms: [1e100, 1, -1e100], expected: 1 },
    // A left-to-right sum gives 0.9999999999999999.
    { name: 'ten tenths', terms: Array.from({ length: 10 }, () => 0.1), expected: 1 },
    { name: 'nothing', terms: [], expected: 0 },
    { name: 'infinity', terms: [1, Infinity], expected: Infinity },
  ];
  for (const { name, terms, expected } of cases)
    it(name, () => {
      expect(new ExactSum(terms).value()).toBe(expected);
    });

  it('does not depend on the order of the terms', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (terms, picks) => {
        const shuffled = [...terms];
        const it = picks[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
        }
        expect(new ExactSum(shuffled).value()).toBe(new ExactSum(terms).value());
      }),
    );
  });

  it('replacing a term equals summing the replaced terms from scratch', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 30 }), fc.nat(), term, (terms, at, replacement) => {
        const i = at % terms.length;
        const replaced = terms.map((value, j) => (j === i ? replacement : value));
        const sum = new ExactSum(terms);
        const updated = sum
          .copy()
          .remove(terms[i] as number)
          .add(replacement);
        expect(updated.value()).toBe(new ExactSum(replaced).value());
        // The copy leaves the original alone.
        expect(sum.value()).toBe(new ExactSum(terms).value());
      }),
    );
  });
});

describe('MeanSum and WeightedSum', () => {
  it('mean: null without terms, the exact sum over the count otherwise', () => {
    expect(MeanSum.of([]).mean()).toBeNull();
    expect(MeanSum.of([1, 2]).add(6).remove(1).mean()).toBe(4);
  });

  const weighted: { name: string; items: { value: number; weight: number }[]; expected: number | null }[] = [
    { name: 'no items', items: [], expected: null },
    // (100·1 + 50·3) / 4 = 62,5
    {
      name: 'weights',
      items: [
        { value: 100, weight: 1 },
        { value: 50, weight: 3 },
      ],
      expected: 62.5,
    },
    // Every weight 0: the values count equally, (100 + 50) / 2.
    {
      name: 'every weight 0',
      items: [
        { value: 100, weight: 0 },
        { value: 50, weight: 0 },
      ],
      expected: 75,
    },
  ];
  for (const { name, items, expected } of weighted)
    it(`weighted mean: ${name}`, () => {
      expect(WeightedSum.of(items).mean()).toBe(expected);
    });
});
