import { AREAS } from '../../../../sheets-schema/index.js';
import { DEFAULT_MAX_MENTEES } from '../../scoring/province.js';
import type { ReportContext } from '../report-context.js';
import { scoredByRank, shortName } from './ranked-offices.js';

/** *Pasangan belajar*: every office's peers, with how many requests each mentor carries (Maks Binaan). */
export function peersSection(context: ReportContext) {
  const scored = scoredByRank(context.offices);
  const names = new Map(context.offices.map((o) => [o.code, o.name]));
  const load = new Map<string, number>();
  for (const o of scored) for (const peer of o.peers) load.set(peer.office, (load.get(peer.office) ?? 0) + 1);
  return {
    maxMentees: context.maxMentees ?? DEFAULT_MAX_MENTEES,
    rows: scored.flatMap((o) =>
      o.peers.map((peer) => ({
        office: shortName(o.name),
        area: AREAS.find((a) => a.id === peer.area)?.name ?? peer.area,
        learnFrom: shortName(names.get(peer.office) ?? peer.office),
        load: String(load.get(peer.office) ?? 0),
      })),
    ),
  };
}
