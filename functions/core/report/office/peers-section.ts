import { AREAS } from '../../../../sheets-schema/index.js';
import type { OfficeResult } from '../../scoring/office.js';
import { DATA_PROBLEM_MARK, score } from '../format.js';
import type { ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';

/** *Belajar dari*: the office's peers for its weakest areas, their score beside its own. Null for an unscored office. */
export function peersSection(office: OfficeResult, context: ReportContext) {
  if (office.status !== 'scored') return null;
  const problem = areasProblem(office);
  return {
    rows: office.peers.map((peer) => {
      const other = context.offices.find((o) => o.code === peer.office);
      return {
        area: AREAS.find((a) => a.id === peer.area)?.name ?? peer.area,
        office: other?.name ?? peer.office,
        theirs: score(other?.areas[peer.area] ?? null),
        ours: score(office.areas[peer.area]),
        mark: problem === null ? null : DATA_PROBLEM_MARK,
      };
    }),
  };
}
