import { AREAS } from '../../../../sheets-schema/index.js';
import { compareCodes } from '../../scoring/province.js';
import { score } from '../format.js';
import type { ReportContext } from '../report-context.js';
import { scoredByRank } from './ranked-offices.js';

/** *Tiga teratas per bidang*: the three best scored offices of each area, ties by code. */
export function leadersSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  return {
    rows: AREAS.map((area) => ({
      no: area.no,
      name: area.name,
      top: scored
        .filter((o) => o.areas[area.id] !== null)
        .sort((a, b) => (b.areas[area.id] as number) - (a.areas[area.id] as number) || compareCodes(a.code, b.code))
        .slice(0, 3)
        .map((o) => ({ name: o.name, value: score(o.areas[area.id]) })),
    })),
  };
}
