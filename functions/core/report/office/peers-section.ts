import { areaById, type AreaId } from '../../../../sheets-schema/index.js';
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
    ownChange: ownChangeText(office, mentoredAreas, context.previousAreas, periodLabel(before)),
  };
}

/**
 * The mentor's own change in the areas it mentors, in one sentence: "Nilai satker ini di bidang yang
 * dibina, dibandingkan Triwulan II 2025: Literasi Demokrasi 95,00 (turun 2,50); …". Null when it mentors none.
 */
function ownChangeText(
  office: OfficeResult,
  areas: readonly AreaId[],
  previous: ReportContext['previousAreas'],
  previousLabel: string,
): string | null {
  if (areas.length === 0) return null;
  const parts = areas.map((area) => {
    const then = previous?.get(office.code)?.[area] ?? null;
    const now = office.areas[area];
    return {
      text: `${areaById(area).name} ${score(now)}`,
      change: then === null || now === null ? null : changeWords(roundHalfAway(now - then)),
    };
  });
  if (parts.every((part) => part.change === null))
    return `Nilai satker ini di bidang yang dibina: ${parts.map((p) => p.text).join('; ')} (belum ada nilai ${previousLabel} untuk dibandingkan).`;
  return `Nilai satker ini di bidang yang dibina, dibandingkan ${previousLabel}: ${parts
    .map((p) => `${p.text} (${p.change ?? 'belum ada nilai'})`)
    .join('; ')}.`;
}
