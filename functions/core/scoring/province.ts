import { AREAS, type AreaId, type ComponentKey } from '../../../sheets-schema/index.js';
import { settle } from '../numbers.js';

export type Predicate = 'AA' | 'A' | 'BB' | 'B' | 'CC' | 'C' | 'D';

export const PREDICATE_LABELS: Record<Predicate, string> = {
  AA: 'Sangat Memuaskan',
  A: 'Memuaskan',
  BB: 'Sangat Baik',
  B: 'Baik',
  CC: 'Cukup',
  C: 'Kurang',
  D: 'Sangat Kurang',
};

export type ComponentScores = Readonly<Record<ComponentKey, number | null>>;
export type ComponentWeights = Readonly<Record<ComponentKey, number>>;

/** Indeks Kinerja Kelembagaan: weighted mean of the components that are not null (docs/SPEC.md §4). */
export function indexScore(scores: ComponentScores, weights: ComponentWeights): number | null {
  let sum = 0;
  let total = 0;
  for (const key of Object.keys(weights) as ComponentKey[]) {
    const score = scores[key];
    if (score === null) continue;
    sum += weights[key] * score;
    total += weights[key];
  }
  return total === 0 ? null : sum / total;
}

/** Predikat: strictly above each boundary, so exactly 90 is A, not AA. */
export function predicate(index: number): Predicate {
  const value = settle(index);
  if (value > 90) return 'AA';
  if (value > 80) return 'A';
  if (value > 70) return 'BB';
  if (value > 60) return 'B';
  if (value > 50) return 'CC';
  if (value > 30) return 'C';
  return 'D';
}

export interface Rankable {
  readonly code: string;
  readonly index: number | null;
}

/** Rank by index descending, ties by code ascending; offices without an index get no rank. */
export function rankOffices(offices: readonly Rankable[]): Map<string, number> {
  const ranked = offices
    .filter((office): office is Rankable & { index: number } => office.index !== null)
    .sort((a, b) => settle(b.index) - settle(a.index) || compareCodes(a.code, b.code));
  return new Map(ranked.map((office, position) => [office.code, position + 1]));
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PeerCandidate {
  readonly code: string;
  readonly areas: Readonly<Record<AreaId, number | null>>;
}

export interface PeerPair {
  readonly area: AreaId;
  readonly office: string;
}

/**
 * Peer learning: an office's two weakest non-null areas (ties by area number), each paired with the
 * best other office in that area (ties by code) when that office scores higher there.
 */
export function peerPairs(offices: readonly PeerCandidate[]): Map<string, PeerPair[]> {
  const best = new Map<AreaId, { code: string; score: number }[]>();
  for (const area of AREAS) {
    const ranked = offices
      .flatMap((office) => {
        const score = office.areas[area.id];
        return score === null ? [] : [{ code: office.code, score: settle(score) }];
      })
      .sort((a, b) => b.score - a.score || compareCodes(a.code, b.code));
    best.set(area.id, ranked);
  }
  const pairs = new Map<string, PeerPair[]>();
  for (const office of offices) {
    const weakest = AREAS.flatMap((area) => {
      const score = office.areas[area.id];
      return score === null ? [] : [{ area: area.id, no: area.no, score: settle(score) }];
    })
      .sort((a, b) => a.score - b.score || a.no - b.no)
      .slice(0, 2);
    const own: PeerPair[] = [];
    for (const weak of weakest) {
      const leader = best.get(weak.area)?.find((candidate) => candidate.code !== office.code);
      if (leader && leader.score > weak.score) own.push({ area: weak.area, office: leader.code });
    }
    pairs.set(office.code, own);
  }
  return pairs;
}
