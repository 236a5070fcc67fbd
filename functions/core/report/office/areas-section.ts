import { AREAS, JATIM_OFFICES } from '../../../../sheets-schema/index.js';
import type { OfficeResult } from '../../scoring/office.js';
import { band, BROKEN_BAND, DATA_PROBLEM_MARK, score } from '../format.js';
import { provinceAreaAverages, type ChartSeries, type ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';

/**
 * *Capaian per bidang*: each area's score beside the province's mean, as a radar and a table, with the
 * pilot office of 2025. Null for an unscored office.
 */
export function areasSection(office: OfficeResult, context: ReportContext) {
  if (office.status !== 'scored') return null;
  const problem = areasProblem(office);
  const averages = provinceAreaAverages(context.offices);
  const names = new Map(context.offices.map((o) => [o.code, o.name]));
  return {
    note: problem === null ? null : `Semua bidang dinilai 0 karena ${problem}: masalah data, bukan kinerja.`,
    // Eight zeros from a broken tab draw an empty radar that reads as performance: no chart then.
    chart:
      problem !== null
        ? null
        : {
            labels: AREAS.map((area) => `${area.no}. ${area.short}`),
            legend: false,
            series: [
              { name: office.name, values: AREAS.map((area) => office.areas[area.id]) },
              { name: 'Rata-rata provinsi', values: averages },
            ] satisfies ChartSeries[],
          },
    rows: AREAS.map((area, i) => {
      // An area without activities stays "–": there is no number to explain.
      const marked = problem !== null && office.areas[area.id] !== null;
      return {
        no: area.no,
        name: area.name,
        value: score(office.areas[area.id]),
        band: marked ? BROKEN_BAND : band(office.areas[area.id]),
        mark: marked ? DATA_PROBLEM_MARK : null,
        average: score(averages[i]),
        pilot:
          names.get(area.pilotOffice) ??
          JATIM_OFFICES.find((o) => o.code === area.pilotOffice)?.name ??
          area.pilotOffice,
      };
    }),
  };
}
