import type { FindingCode } from '../../findings.js';
import type { OfficeResult } from '../../scoring/office.js';
import { compareCodes } from '../../scoring/province.js';
import { score } from '../format.js';
import { followUp, type ReportContext } from '../report-context.js';
import { componentProblems } from '../report-text.js';
import { errorCount, rankText, scoredByRank, shortName } from './ranked-offices.js';

/** How many of the lowest-scoring offices the follow-up list names. */
const BOTTOM = 5;

/**
 * *Perlu ditindaklanjuti*: the deadline, then whom to chase — offices not scored and why, offices with
 * errors, offices whose evidence links failed, and the five lowest indexes (marked when a tab that cannot be
 * read pulled the index down, as in the ranking).
 */
export function followUpSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const bottom = scored
    .filter((o) => o.scores.index !== null)
    .slice(-BOTTOM)
    .map((o) => ({
      rank: rankText(o),
      name: shortName(o.name),
      index: score(o.scores.index),
      broken: Object.values(componentProblems(o)).some((problem) => problem !== null),
    }));
  return {
    ...followUp(context),
    unscored: context.offices
      .filter((o) => o.status === 'unscored')
      .map((o) => ({
        name: shortName(o.name),
        reason: o.findings.find((f) => f.level === 'error')?.message ?? 'tanpa alasan tercatat',
      })),
    withErrors: scored
      .filter((o) => errorCount(o) > 0)
      .map((o) => ({ name: shortName(o.name), errors: errorCount(o), index: score(o.scores.index) })),
    // Listed once any link failed; a run without Drive checks has none (issue 12).
    failedEvidence: failedEvidence(scored),
    bottom,
    // An index pulled down by a tab that cannot be read is a data problem to chase, not performance to coach.
    anyBottomBroken: bottom.some((row) => row.broken),
  };
}

/** Findings of Bukti Dukung links Drive could not confirm (docs/SPEC.md §8), by what the office must do. */
const FAILED_EVIDENCE = {
  'evidence-unreachable': 'unreachable',
  'evidence-trashed': 'trashed',
  'evidence-empty': 'empty',
} as const satisfies Partial<Record<FindingCode, string>>;

/** Offices with links Drive could not confirm, most failures first: whom to chase about evidence. */
function failedEvidence(offices: readonly OfficeResult[]) {
  return offices
    .map((o) => {
      const counts = { unreachable: 0, trashed: 0, empty: 0 };
      for (const f of o.findings) {
        const kind = FAILED_EVIDENCE[f.code as keyof typeof FAILED_EVIDENCE] as keyof typeof counts | undefined;
        if (kind) counts[kind] += 1;
      }
      return { office: o, counts, total: counts.unreachable + counts.trashed + counts.empty };
    })
    .filter((entry) => entry.total > 0)
    .sort((a, b) => b.total - a.total || compareCodes(a.office.code, b.office.code))
    .map(({ office, counts, total }) => ({
      name: shortName(office.name),
      total: String(total),
      unreachable: String(counts.unreachable),
      trashed: String(counts.trashed),
      empty: String(counts.empty),
    }));
}
