import { AREAS } from '../../../../sheets-schema/index.js';
import { score } from '../format.js';
import { provinceAreaAverages, type ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';
import { scoredByRank, shortName } from './ranked-offices.js';

/** *Peta capaian per bidang*: the scored offices' area scores as a heat map, and each area's province mean. */
export function heatmapSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const averages = provinceAreaAverages(context.offices);
  return {
    // rows, columns, values and marked are the heat map's input (adapters/pdf/charts.ts).
    rows: scored.map((o) => shortName(o.name)),
    columns: AREAS.map((area) => area.short),
    values: scored.map((o) => AREAS.map((area) => o.areas[area.id])),
    // Areas come from Rencana Aksi: when that tab is broken, every area's 0 is a data problem.
    marked: scored.map((o) => AREAS.map((area) => areasProblem(o) !== null && o.areas[area.id] !== null)),
    anyMarked: scored.some((o) => areasProblem(o) !== null),
    legend: AREAS.map((area, i) => ({ no: area.no, name: area.name, average: score(averages[i]) })),
  };
}
