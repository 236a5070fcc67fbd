import { areaById } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import { previousPeriod, periodLabel } from '../../period.js';
import type { OfficeResult } from '../../scoring/office.js';
import { DATA_PROBLEM_MARK, score } from '../format.js';
import { changeWords, pastPairWords } from '../peer-learning-text.js';
import type { ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';

/**
 * *Pembelajaran antarsatker* (docs/SPEC.md §9): whom the office learns from this period, with up to three
 * *praktik baik* of each mentor; what last period's pairs did, against similar offices that were not
 * mentored; and, for a mentor, whom it mentors with their contact and its own change in those areas, so
 * that mentoring that costs the mentor is seen. Null for an unscored office.
 */
export function peersSection(office: OfficeResult, context: ReportContext) {
  if (office.status !== 'scored') return null;
  const problem = areasProblem(office);
  const byCode = new Map(context.offices.map((o) => [o.code, o]));
  const name = (code: string) => byCode.get(code)?.name ?? code;
  const before = previousPeriod(context.period);
  const mentees = context.offices.flatMap((mentee) =>
    mentee.peers.filter((peer) => peer.office === office.code).map((peer) => ({ mentee, area: peer.area })),
  );
  const mentoredAreas = [...new Set(mentees.map((m) => m.area))];
  return {
    learnFrom: office.peers.map((peer) => {
      const mentor = byCode.get(peer.office);
      const practices = (mentor?.goodPractices ?? []).filter((practice) => practice.area === peer.area);
      const unconfirmed = practices.filter((practice) => !practice.confirmed).length;
      // Without Drive verification every link is unconfirmed: one note then, a mark per link only when mixed.
      const mixed = unconfirmed > 0 && unconfirmed < practices.length;
      return {
        area: areaById(peer.area).name,
        office: name(peer.office),
        theirs: score(mentor?.areas[peer.area] ?? null),
        ours: score(office.areas[peer.area]),
        mark: problem === null ? null : DATA_PROBLEM_MARK,
        linkNote:
          unconfirmed === 0
            ? null
            : mixed
              ? 'tautan bertanda * belum diperiksa di Drive'
              : 'tautannya belum diperiksa di Drive',
        practices: practices.map((practice) => ({
          activity: practice.activity ?? '–',
          output: practice.output,
          link: practice.link,
          starred: mixed && !practice.confirmed,
        })),
      };
    }),
    // No mentor has two reasons the office should read apart: its data, or its strength.
    dataProblem: problem !== null,
    past: (office.peerLearning ?? []).map((entry) => ({
      area: areaById(entry.area).name,
      mentor: name(entry.mentor),
      held: entry.held,
      text: pastPairWords(entry),
    })),
    previousLabel: periodLabel(before),
    mentees: mentees.map(({ mentee, area }) => ({
      office: mentee.name,
      area: areaById(area).name,
      theirs: score(mentee.areas[area]),
      ours: score(office.areas[area]),
      contact: (context.contacts?.get(mentee.code) ?? []).join(', ') || 'belum ada alamat e-mail di Satker',
    })),
    ownChange: mentoredAreas.map((area) => {
      const then = context.previousAreas?.get(office.code)?.[area] ?? null;
      const now = office.areas[area];
      return {
        area: areaById(area).name,
        now: score(now),
        then: score(then),
        change:
          then === null || now === null ? 'belum ada nilai triwulan lalu' : changeWords(roundHalfAway(now - then)),
      };
    }),
  };
}
