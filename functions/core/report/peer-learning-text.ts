import { fixedId, score } from './format.js';
import type { PeerLearningEntry } from '../peer-learning.js';

/**
 * The words reports use for peer learning (docs/SPEC.md §9): a change said as rising or falling, never a
 * bare sign, and the effect said as what it is — a difference against similar offices, not proof.
 */

/** "naik 12,50", "turun 3,00", "tetap"; "–" without both scores. */
export function changeWords(change: number | null): string {
  if (change === null) return 'belum dapat dihitung';
  if (change > 0) return `naik ${fixedId(change, 2)}`;
  if (change < 0) return `turun ${fixedId(-change, 2)}`;
  return 'tetap';
}

/** "satker serupa tanpa pendampingan (4 satker) naik 3,10", or why there is nothing to compare with. */
export function comparisonWords(comparison: PeerLearningEntry['comparison']): string {
  if (comparison.offices === 0 || comparison.change === null)
    return 'belum ada satker serupa tanpa pendampingan sebagai pembanding';
  return `satker serupa tanpa pendampingan (${comparison.offices} satker) ${changeWords(comparison.change)}`;
}

/** "selisih +9,40 poin" — the effect in points, signed because it is a difference of differences. */
export function effectWords(effect: number | null): string | null {
  if (effect === null) return null;
  if (effect === 0) return 'tanpa selisih';
  return `selisih ${effect > 0 ? '+' : '−'}${fixedId(Math.abs(effect), 2)} poin`;
}

/** One past pair in a sentence: "naik 12,50 (50,00 → 62,50); satker serupa … naik 3,10; selisih +9,40 poin". */
export function pastPairWords(entry: PeerLearningEntry): string {
  const scores =
    entry.before !== null && entry.after !== null ? ` (${score(entry.before)} → ${score(entry.after)})` : '';
  const effect = effectWords(entry.effect);
  return [`${changeWords(entry.change)}${scores}`, comparisonWords(entry.comparison), ...(effect ? [effect] : [])].join(
    '; ',
  );
}

/** Held pairs read against the others with fewer than this many: "belum dapat disimpulkan" (docs/SPEC.md §9). */
export const MIN_HELD_PAIRS = 5;
