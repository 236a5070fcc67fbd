/** Rounding and formatting shared by results, sheets and reports. */

/** Half away from zero to `digits` decimals (docs/SPEC.md §4 "round only for output"). */
export function roundHalfAway(value: number, digits = 2): number {
  const factor = 10 ** digits;
  // The small epsilon keeps 1.005 → 1.01: binary floats store it as 1.00499999…
  const scaled = Math.abs(value) * factor * (1 + Number.EPSILON);
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

export function round2OrNull(value: number | null): number | null {
  return value === null ? null : roundHalfAway(value, 2);
}

/**
 * Removes the noise of binary arithmetic before comparing with a threshold, so that a score that is
 * 90 on paper (e.g. 0.3 × 300) is treated as exactly 90 and not 90.00000000000001.
 */
export function settle(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

const idFormatters = new Map<number, Intl.NumberFormat>();

/** Indonesian number format: 1.250,5 — at most `digits` decimals. */
export function formatId(value: number, digits = 2): string {
  let formatter = idFormatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits });
    idFormatters.set(digits, formatter);
  }
  return formatter.format(value);
}
