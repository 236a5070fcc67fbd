import { band, score, signed } from '../format.js';
import type { ReportContext } from '../report-context.js';
import { componentProblems } from '../report-text.js';
import { verifiedShare } from '../office/evidence-section.js';
import { errorCount, rankText, scoredByRank, shortName } from './ranked-offices.js';

/**
 * *Peringkat satker*: every office with its index, predicate and components. Unscored offices stay in
 * the ranking, at the end and without a rank, so no office disappears.
 */
export function rankingSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const offices = [...scored, ...context.offices.filter((o) => o.status === 'unscored')];
  return {
    // Columns with nothing to say (no earlier period, no Drive check in this run) are left out, not printed as dashes.
    columns: {
      change: scored.some((o) => context.previousIndex.has(o.code)),
      evidence: scored.some((o) => verifiedShare(o) !== '–'),
    },
    anyBroken: scored.some((o) => Object.values(componentProblems(o)).some((p) => p !== null)),
    rows: offices.map((o) => {
      const previous = context.previousIndex.get(o.code);
      const problems = componentProblems(o);
      return {
        rank: rankText(o),
        code: o.code,
        name: o.status === 'scored' ? shortName(o.name) : `${shortName(o.name)} (tidak dinilai)`,
        index: score(o.scores.index),
        band: band(o.scores.index),
        predicate: o.predicate ?? '–',
        iku: score(o.scores.iku),
        actionPlan: score(o.scores.actionPlan),
        iki: score(o.scores.iki),
        stages: score(o.scores.stages),
        dataQuality: score(o.scores.dataQuality),
        // A component that is 0 because its tab is broken is marked, with the legend under the table.
        broken: {
          iku: problems.iku !== null,
          actionPlan: problems.actionPlan !== null,
          iki: problems.iki !== null,
          stages: problems.stages !== null,
        },
        errors: errorCount(o),
        // Share of the office's Bukti Dukung links that Drive confirmed (docs/SPEC.md §8).
        evidence: verifiedShare(o),
        change: previous === undefined || o.scores.index === null ? '' : signed(o.scores.index - previous),
      };
    }),
  };
}
