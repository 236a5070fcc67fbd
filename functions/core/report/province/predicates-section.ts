import { PREDICATE_LABELS, type Predicate } from '../../scoring/province.js';
import type { ReportContext } from '../report-context.js';
import { scoredByRank } from './ranked-offices.js';

/** *Sebaran predikat*: how many scored offices hold each predicate, as bars and a table. */
export function predicatesSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const predicates = Object.keys(PREDICATE_LABELS) as Predicate[];
  const count = (p: Predicate) => scored.filter((o) => o.predicate === p).length;
  return {
    labels: predicates.map((p) => p),
    values: predicates.map(count),
    rows: predicates.map((p) => ({ predicate: p, label: PREDICATE_LABELS[p], count: count(p) })),
  };
}
