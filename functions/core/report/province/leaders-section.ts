import { AREAS } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import { compareCodes } from '../../scoring/province.js';
import type { OfficeResult } from '../../scoring/office.js';
import { score } from '../format.js';
import type { ReportContext } from '../report-context.js';
import { scoredByRank, shortName } from './ranked-offices.js';

/** Names printed for a tie before "dan N lainnya": enough to recognise, few enough to read in one cell. */
const TIE_NAMES = 6;
/** Places the section covers: "tiga teratas". */
const PLACES = 3;

/**
 * *Tiga teratas per bidang* (issue 18 §4): the offices on the first three places of each area, with ties
 * shown as ties. Equal (2-decimal) scores share a place, as ranks do (docs/SPEC.md §4), so when twelve
 * offices score 100 the area reads "12 satker bernilai 100,00" with their names, instead of a #1 that is
 * only the lowest code. Places are taken until three offices are covered.
 */
export function leadersSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  return {
    rows: AREAS.map((area) => ({
      no: area.no,
      name: area.name,
      places: places(scored, area.id),
    })),
  };
}

export interface LeaderPlace {
  /** 1 + the offices above: "1", then "13" after a tie of twelve. */
  readonly place: number;
  readonly value: string;
  /** How many offices share this score, and whether that is more than one. */
  readonly count: number;
  readonly tied: boolean;
  /** Their short names by code, the first TIE_NAMES of them. */
  readonly names: string;
  /** Offices not named, or 0. */
  readonly more: number;
}

function places(offices: readonly OfficeResult[], area: (typeof AREAS)[number]['id']): LeaderPlace[] {
  const ranked = offices
    .flatMap((o) => {
      const value = o.areas[area];
      return value === null ? [] : [{ office: o, value: roundHalfAway(value, 2) }];
    })
    .sort((a, b) => b.value - a.value || compareCodes(a.office.code, b.office.code));
  const result: LeaderPlace[] = [];
  let covered = 0;
  while (covered < PLACES && covered < ranked.length) {
    const value = (ranked[covered] as (typeof ranked)[number]).value;
    const tied = ranked.slice(covered).filter((entry) => entry.value === value);
    result.push({
      place: covered + 1,
      value: score(value),
      count: tied.length,
      tied: tied.length > 1,
      names: tied
        .slice(0, TIE_NAMES)
        .map((entry) => shortName(entry.office.name))
        .join(', '),
      more: Math.max(0, tied.length - TIE_NAMES),
    });
    covered += tied.length;
  }
  return result;
}
