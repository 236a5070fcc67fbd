import { AREAS } from '../../../../sheets-schema/index.js';
import type { OfficeResult } from '../../scoring/office.js';
import { band, BROKEN_BAND, DATA_PROBLEM_MARK, score } from '../format.js';
import { provinceAreaAverages, type ChartSeries, type ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';

/**
 * *Capaian per bidang*: each area's score beside the province's mean, as a radar and a table, and one
 * pointer to whom to learn from (issue 18: a "Percontohan 2025" line under every area repeated itself
 * and competed with *Belajar dari*; the pairs of Pembelajaran antarsatker are the one pointer). Null for an unscored office.
 * `peersSection`: the number of the Pembelajaran antarsatker section in this report, when it has one.
 */
export function areasSection(office: OfficeResult, context: ReportContext, peersSection: number | null = null) {
  if (office.status !== 'scored') return null;
  const problem = areasProblem(office);
  const averages = provinceAreaAverages(context.offices);
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
      };
    }),
    learnFrom: learnFrom(office, peersSection),
  };
}

/**
 * "Untuk bidang Pengolahan Data dan Literasi Demokrasi, bagian 10 (Pembelajaran antarsatker) menyebut
 * satker yang dapat ditanya dan praktik baiknya."; null without pairs.
 */
function learnFrom(office: OfficeResult, peersSection: number | null): string | null {
  if (office.peers.length === 0) return null;
  const names = office.peers.map((peer) => AREAS.find((area) => area.id === peer.area)?.name ?? peer.area);
  const where =
    peersSection === null ? 'bagian Pembelajaran antarsatker' : `bagian ${peersSection} (Pembelajaran antarsatker)`;
  return `Untuk bidang ${names.join(' dan ')}, ${where} menyebut satker yang dapat ditanya dan praktik baiknya.`;
}
