/**
 * Sums that do not depend on the order of their terms, so a score can be updated when one row changes
 * and still equal, to the last bit, the score computed again from scratch (docs/SPEC.md §8 "Gain").
 * A plain left-to-right sum rounds after every addition: taking a term out again, or adding the terms
 * in another order, leaves a different last bit, which can move a gain across a rounding boundary.
 *
 * ExactSum keeps the sum exactly as a list of non-overlapping partials (Shewchuk's algorithm, the one
 * behind Python's math.fsum) and rounds once, when the value is read: the value is the exact sum of the
 * terms, correctly rounded, whatever their order and whatever was added and removed on the way.
 */
export class ExactSum {
  /** Non-overlapping partials, increasing in magnitude; their exact sum is the sum of the finite terms. */
  private readonly partials: number[];
  /** Infinite and NaN terms cannot be held in partials; they are counted so `remove` can undo them. */
  private positiveInfinities = 0;
  private negativeInfinities = 0;
  private nans = 0;

  constructor(terms: Iterable<number> = []) {
    this.partials = [];
    for (const term of terms) this.add(term);
  }

  add(term: number): this {
    if (Number.isFinite(term)) this.addFinite(term);
    else this.countSpecial(term, 1);
    return this;
  }

  /** Takes out a term added before; the sum is then exactly as if it had never been added. */
  remove(term: number): this {
    if (Number.isFinite(term)) this.addFinite(-term);
    else this.countSpecial(term, -1);
    return this;
  }

  copy(): ExactSum {
    const copy = new ExactSum();
    copy.partials.push(...this.partials);
    copy.positiveInfinities = this.positiveInfinities;
    copy.negativeInfinities = this.negativeInfinities;
    copy.nans = this.nans;
    return copy;
  }

  /** The exact sum of the terms, rounded once to the nearest double (ties to even). */
  value(): number {
    if (this.nans > 0 || (this.positiveInfinities > 0 && this.negativeInfinities > 0)) return NaN;
    if (this.positiveInfinities > 0) return Infinity;
    if (this.negativeInfinities > 0) return -Infinity;
    const partials = this.partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the partials below: when the rest lies exactly halfway, the next
    // partial down says which way the exact sum leans.
    const next = n > 0 ? (partials[n - 1] as number) : 0;
    if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    // An exact sum of zero is +0 whatever the signs of the zeros added or taken out: −0 would differ
    // from a rescoring's +0 under Object.is (fast-check found [0], then 0 replaced by −0).
    return hi === 0 ? 0 : hi;
  }

  private addFinite(term: number): void {
    const partials = this.partials;
    let x = term;
    let kept = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials.length = kept;
    partials.push(x);
  }

  private countSpecial(term: number, by: 1 | -1): void {
    if (Number.isNaN(term)) this.nans += by;
    else if (term > 0) this.positiveInfinities += by;
    else this.negativeInfinities += by;
  }
}

/** A mean kept as an exact sum and a count, so one term can be replaced without summing again. */
export class MeanSum {
  private constructor(
    private readonly sum: ExactSum,
    private count: number,
  ) {}

  static of(values: Iterable<number>): MeanSum {
    const mean = new MeanSum(new ExactSum(), 0);
    for (const value of values) mean.add(value);
    return mean;
  }

  add(value: number): this {
    this.sum.add(value);
    this.count++;
    return this;
  }

  remove(value: number): this {
    this.sum.remove(value);
    this.count--;
    return this;
  }

  copy(): MeanSum {
    return new MeanSum(this.sum.copy(), this.count);
  }

  /** Null without terms. */
  mean(): number | null {
    return this.count === 0 ? null : this.sum.value() / this.count;
  }
}

export interface Weighted {
  readonly value: number;
  readonly weight: number;
}

/**
 * A weighted mean kept as exact sums. With every weight 0 the terms count equally rather than dividing
 * by zero (docs/SPEC.md §4: `Bobot` all blank → equal weights).
 */
export class WeightedSum {
  private constructor(
    private readonly weighted: ExactSum,
    private readonly weights: ExactSum,
    private readonly plain: MeanSum,
  ) {}

  static of(items: Iterable<Weighted>): WeightedSum {
    const sum = new WeightedSum(new ExactSum(), new ExactSum(), MeanSum.of([]));
    for (const item of items) sum.add(item);
    return sum;
  }

  add(item: Weighted): this {
    this.weighted.add(item.value * item.weight);
    this.weights.add(item.weight);
    this.plain.add(item.value);
    return this;
  }

  remove(item: Weighted): this {
    this.weighted.remove(item.value * item.weight);
    this.weights.remove(item.weight);
    this.plain.remove(item.value);
    return this;
  }

  copy(): WeightedSum {
    return new WeightedSum(this.weighted.copy(), this.weights.copy(), this.plain.copy());
  }

  /** Null without terms. */
  mean(): number | null {
    const plain = this.plain.mean();
    if (plain === null) return null;
    const total = this.weights.value();
    return total === 0 ? plain : this.weighted.value() / total;
  }
}
