import { AREAS, SETTING_DEFAULTS, type AreaId, type ComponentKey } from '../../../sheets-schema/index.js';
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

/**
 * The predicate bands on the index (docs/SPEC.md §4), highest first: a value strictly above `above` is
 * in the band, so exactly 90 is A, not AA. The last band takes everything else.
 */
export const PREDICATE_BANDS: readonly { readonly above: number; readonly predicate: Predicate }[] = [
  { above: 90, predicate: 'AA' },
  { above: 80, predicate: 'A' },
  { above: 70, predicate: 'BB' },
  { above: 60, predicate: 'B' },
  { above: 50, predicate: 'CC' },
  { above: 30, predicate: 'C' },
  { above: -Infinity, predicate: 'D' },
];

export function predicate(index: number): Predicate {
  const value = settle(index);
  const band = PREDICATE_BANDS.find((candidate) => value > candidate.above) ?? PREDICATE_BANDS.at(-1);
  return (band as (typeof PREDICATE_BANDS)[number]).predicate;
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

/** How many requests one office may mentor in a period (setting "Maks Binaan"). */
export const DEFAULT_MAX_MENTEES: number = SETTING_DEFAULTS.maxMentees;

/**
 * Peer learning (docs/SPEC.md §4): each office asks for a mentor in its two weakest non-null areas (ties
 * by area number). Requests are served weakest first (area score ascending, then mentee code, then area
 * number), each by the best-scoring other office in that area that scores higher and has mentored fewer
 * than `maxMentees` requests so far (ties by code); a request nobody can take gets no pair. Without the
 * capacity one strong office carried ~40 of ~68 pairs in the sample: mentoring must spread.
 * An office's pairs are listed in the order of its areas, weakest first.
 */
export function peerPairs(
  offices: readonly PeerCandidate[],
  maxMentees: number = DEFAULT_MAX_MENTEES,
): Map<string, PeerPair[]> {
  const ranked = new Map<AreaId, { code: string; score: number }[]>();
  for (const area of AREAS) {
    ranked.set(
      area.id,
      offices
        .flatMap((office) => {
          const score = office.areas[area.id];
          return score === null ? [] : [{ code: office.code, score: settle(score) }];
        })
        .sort((a, b) => b.score - a.score || compareCodes(a.code, b.code)),
    );
  }
  const requests = offices.flatMap((office) =>
    AREAS.flatMap((area) => {
      const score = office.areas[area.id];
      return score === null ? [] : [{ mentee: office.code, area: area.id, no: area.no, score: settle(score) }];
    })
      .sort((a, b) => a.score - b.score || a.no - b.no)
      .slice(0, 2),
  );
  const order = (a: (typeof requests)[number], b: (typeof requests)[number]) =>
    a.score - b.score || compareCodes(a.mentee, b.mentee) || a.no - b.no;
  const load = new Map<string, number>();
  const mentor = new Map<(typeof requests)[number], string>();
  for (const request of [...requests].sort(order)) {
    const chosen = ranked
      .get(request.area)
      ?.find(
        (candidate) =>
          candidate.code !== request.mentee &&
          candidate.score > request.score &&
          (load.get(candidate.code) ?? 0) < maxMentees,
      );
    if (!chosen) continue;
    mentor.set(request, chosen.code);
    load.set(chosen.code, (load.get(chosen.code) ?? 0) + 1);
  }
  const pairs = new Map<string, PeerPair[]>(offices.map((office) => [office.code, []]));
  // `requests` holds each office's requests weakest area first, so pushing in that order keeps it.
  for (const request of requests) {
    const code = mentor.get(request);
    if (code !== undefined) pairs.get(request.mentee)?.push({ area: request.area, office: code });
  }
  return pairs;
}
