import { AREAS, areaById } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import { peerCandidate } from '../../scoring/office.js';
import { compareCodes, DEFAULT_MAX_MENTEES, mentorRequests } from '../../scoring/province.js';
import { score, signed } from '../format.js';
import { MIN_HELD_PAIRS } from '../peer-learning-text.js';
import type { ReportContext } from '../report-context.js';
import { scoredByRank, shortName } from './ranked-offices.js';

/**
 * *Pembelajaran antarsatker* in the recap (docs/SPEC.md §9): this period's pairs grouped by mentor with both
 * area scores, the requests no mentor could take, and per area what last period's held pairs did against
 * similar offices that were not mentored — "belum dapat disimpulkan" with fewer than MIN_HELD_PAIRS.
 */
export function peersSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const byCode = new Map(context.offices.map((o) => [o.code, o]));
  const name = (code: string) => shortName(byCode.get(code)?.name ?? code);
  const pairs = scored.flatMap((mentee) => mentee.peers.map((peer) => ({ mentee, ...peer })));
  const mentors = [...new Set(pairs.map((pair) => pair.office))].sort(compareCodes);
  const served = new Set(pairs.map((pair) => `${pair.mentee.code}\u0000${pair.area}`));
  const unserved = mentorRequests(scored.map(peerCandidate))
    .filter((request) => !served.has(`${request.mentee}\u0000${request.area}`))
    .sort((a, b) => a.score - b.score || compareCodes(a.mentee, b.mentee));
  const learning = scored.flatMap((office) => office.peerLearning ?? []);
  return {
    maxMentees: context.maxMentees ?? DEFAULT_MAX_MENTEES,
    count: pairs.length,
    mentors: mentors.map((code) => {
      const mentor = byCode.get(code);
      const own = pairs
        .filter((pair) => pair.office === code)
        .sort((a, b) => areaById(a.area).no - areaById(b.area).no || compareCodes(a.mentee.code, b.mentee.code));
      return {
        mentor: name(code),
        rows: own.map((pair, i) => ({
          first: i === 0,
          span: own.length,
          mentor: name(code),
          area: areaById(pair.area).name,
          mentee: name(pair.mentee.code),
          menteeScore: score(pair.mentee.areas[pair.area]),
          mentorScore: score(mentor?.areas[pair.area] ?? null),
        })),
      };
    }),
    unserved: unserved.map((request) => ({
      office: name(request.mentee),
      area: areaById(request.area).name,
      score: score(request.score),
    })),
    effects:
      learning.length === 0
        ? []
        : AREAS.map((area) => {
            const held = learning.filter((entry) => entry.area === area.id && entry.held && entry.effect !== null);
            const all = learning.filter((entry) => entry.area === area.id).length;
            const mean =
              held.length === 0
                ? null
                : roundHalfAway(held.reduce((sum, e) => sum + (e.effect as number), 0) / held.length);
            return {
              area: area.name,
              pairs: all,
              held: held.length,
              effect: held.length < MIN_HELD_PAIRS ? 'belum dapat disimpulkan' : `${signed(mean)} poin`,
              enough: held.length >= MIN_HELD_PAIRS,
            };
          }).filter((row) => row.pairs > 0),
    minHeld: MIN_HELD_PAIRS,
  };
}
