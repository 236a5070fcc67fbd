import { AREAS, SETTING_DEFAULTS, type AreaId, type ComponentKey } from '../../../sheets-schema/index.js';
import { roundHalfAway, settle } from '../numbers.js';
import { CATEGORY_BANDS } from './indicator.js';

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

/**
 * Rank (docs/SPEC.md §4, v3): 1 + the number of offices with a higher index to two decimals, so equal
 * indexes share a rank ("1, 1, 3") and no report can say 2 where another says 1 for the same index.
 * The map lists offices by index descending, ties by code ascending, the order lists use; offices without
 * an index get no rank.
 */
export function rankOffices(offices: readonly Rankable[]): Map<string, number> {
  const ranked = offices
    .filter((office): office is Rankable & { index: number } => office.index !== null)
    .map((office) => ({ code: office.code, index: roundHalfAway(office.index) }))
    .sort((a, b) => b.index - a.index || compareCodes(a.code, b.code));
  const ranks = new Map<string, number>();
  ranked.forEach((office, position) => {
    const previous = ranked[position - 1];
    ranks.set(office.code, previous?.index === office.index ? (ranks.get(previous.code) as number) : position + 1);
  });
  return ranks;
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PeerCandidate {
  readonly code: string;
  readonly areas: Readonly<Record<AreaId, number | null>>;
  /**
   * False when the office's Rencana Aksi tab is missing, lacks a required column or is empty: its areas
   * are 0 for want of data, not of performance, so it asks for no mentor (its to-do is the data).
   */
  readonly asksForMentor: boolean;
}

export interface PeerPair {
  readonly area: AreaId;
  readonly office: string;
}

/** How many requests one office may mentor in a period (setting "Maks Binaan"). */
export const DEFAULT_MAX_MENTEES: number = SETTING_DEFAULTS.maxMentees;

/**
 * Only areas scoring below this ask for a mentor (docs/SPEC.md §4, v3): the lower bound of the
 * Sangat Baik category, so an area already performing very well (91,67) is not sent to be taught. Compared
 * on the two decimals the reports print, so an area shown as 91,00 never asks.
 */
export const MENTOR_BELOW = CATEGORY_BANDS[0]?.from ?? 91;

export interface MentorRequest {
  readonly mentee: string;
  readonly area: AreaId;
  readonly no: number;
  readonly score: number;
}

/**
 * The requests for a mentor (docs/SPEC.md §4): each office's two weakest non-null areas below MENTOR_BELOW,
 * weakest first (ties by area number), none from an office whose Rencana Aksi cannot be read.
 */
export function mentorRequests(offices: readonly PeerCandidate[]): MentorRequest[] {
  return offices.flatMap((office) =>
    AREAS.flatMap((area) => {
      const score = office.areas[area.id];
      return score === null || !office.asksForMentor || roundHalfAway(score) >= MENTOR_BELOW
        ? []
        : [{ mentee: office.code, area: area.id, no: area.no, score: settle(score) }];
    })
      .sort((a, b) => a.score - b.score || a.no - b.no)
      .slice(0, 2),
  );
}

/**
 * Peer learning (docs/SPEC.md §4): each office asks for a mentor in its two weakest non-null areas scoring
 * below MENTOR_BELOW (ties by area number), unless its Rencana Aksi cannot be read (`asksForMentor`). Requests are served weakest first (area score ascending, then mentee code, then area
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
  const requests = mentorRequests(offices);
  const order = (a: MentorRequest, b: MentorRequest) =>
    a.score - b.score || compareCodes(a.mentee, b.mentee) || a.no - b.no;
  const load = new Map<string, number>();
  const mentor = new Map<MentorRequest, string>();
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
