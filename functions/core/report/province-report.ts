import { AREAS } from '../../../sheets-schema/index.js';
import { periodLabel } from '../period.js';
import { compareCodes, PREDICATE_LABELS, type Predicate } from '../scoring/province.js';
import { settle } from '../numbers.js';
import type { OfficeResult } from '../scoring/office.js';
import { verifiedShare } from './office/evidence-section.js';
import type { FindingCode } from '../findings.js';
import { areasProblem, componentProblems } from './report-text.js';
import { band, longDate, score, signed } from './format.js';
import { followUp, provinceAreaAverages, type ReportContext } from './report-context.js';
import { DEFAULT_MAX_MENTEES } from '../scoring/province.js';

/** How many of the lowest-scoring offices the follow-up list names. */
const BOTTOM = 5;

/**
 * Positions shared by equal indexes: offices whose index is the same to two decimals share "3–4", so a
 * tie is shown as a tie; the official rank (results.json) still orders them by code.
 */
function sharedRanks(offices: readonly OfficeResult[]): Map<string, string> {
  const byIndex = new Map<number, number[]>();
  for (const o of offices) {
    if (o.rank === null || o.scores.index === null) continue;
    const key = Math.round(settle(o.scores.index) * 100);
    byIndex.set(key, [...(byIndex.get(key) ?? []), o.rank]);
  }
  const shown = new Map<string, string>();
  for (const o of offices) {
    if (o.rank === null || o.scores.index === null) continue;
    const ranks = byIndex.get(Math.round(settle(o.scores.index) * 100)) ?? [o.rank];
    const low = Math.min(...ranks);
    const high = Math.max(...ranks);
    shown.set(o.code, low === high ? String(low) : `${low}–${high}`);
  }
  return shown;
}

/** Findings of Bukti Dukung links Drive could not confirm (docs/SPEC.md §8), by what the office must do. */
const FAILED_EVIDENCE = {
  'evidence-unreachable': 'unreachable',
  'evidence-trashed': 'trashed',
  'evidence-empty': 'empty',
} as const satisfies Partial<Record<FindingCode, string>>;

/** Offices with links Drive could not confirm, most failures first: whom to chase about evidence. */
function failedEvidence(offices: readonly OfficeResult[], shortName: (name: string) => string) {
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

/** The provincial recap report's content: ranking, heatmap, predicates, leaders per area, peers. */
export function provinceReportModel(context: ReportContext) {
  const offices = context.offices;
  const scored = offices
    .filter((o) => o.status === 'scored')
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const unscored = offices.filter((o) => o.status === 'unscored');
  const names = new Map(offices.map((o) => [o.code, o.name]));
  const averages = provinceAreaAverages(offices);
  const predicates = Object.keys(PREDICATE_LABELS) as Predicate[];
  const shared = sharedRanks(scored);
  const shortName = (name: string) => name.replace(/^Bawaslu /, '');
  const errorCount = (o: OfficeResult) => o.findings.filter((f) => f.level === 'error').length;
  const withErrors = scored.filter((o) => errorCount(o) > 0);
  const bottom = scored.filter((o) => o.scores.index !== null).slice(-BOTTOM);
  const load = new Map<string, number>();
  for (const o of scored) for (const peer of o.peers) load.set(peer.office, (load.get(peer.office) ?? 0) + 1);

  return {
    title: 'Rekapitulasi Monitoring dan Evaluasi Kinerja Kelembagaan',
    subtitle: 'Bawaslu Kabupaten/Kota se-Jawa Timur',
    period: { id: context.period.id, label: periodLabel(context.period) },
    generatedOn: longDate(context.generatedAt),
    counts: { total: offices.length, scored: scored.length, unscored: unscored.length },
    followUp: {
      ...followUp(context),
      unscored: unscored.map((o) => ({
        name: shortName(o.name),
        reason: o.findings.find((f) => f.level === 'error')?.message ?? 'tanpa alasan tercatat',
      })),
      withErrors: withErrors.map((o) => ({
        name: shortName(o.name),
        errors: errorCount(o),
        index: score(o.scores.index),
      })),
      // Listed once any link failed; a run without Drive checks has none (issue 12).
      failedEvidence: failedEvidence(scored, shortName),
      bottom: bottom.map((o) => ({
        rank: shared.get(o.code) ?? '–',
        name: shortName(o.name),
        index: score(o.scores.index),
      })),
    },
    average: score(
      scored.length === 0 ? null : scored.reduce((sum, o) => sum + (o.scores.index ?? 0), 0) / scored.length,
    ),
    // Columns with nothing to say (no earlier period, no Drive check in this run) are left out, not printed as dashes.
    columns: {
      change: scored.some((o) => context.previousIndex.has(o.code)),
      evidence: scored.some((o) => verifiedShare(o) !== '–'),
    },
    // Unscored offices stay in the ranking, at the end and without a rank, so no office disappears.
    ranking: [...scored, ...unscored].map((o) => {
      const previous = context.previousIndex.get(o.code);
      const problems = componentProblems(o);
      return {
        rank: shared.get(o.code) ?? '–',
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
    heatmap: {
      rows: scored.map((o) => shortName(o.name)),
      columns: AREAS.map((area) => area.short),
      values: scored.map((o) => AREAS.map((area) => o.areas[area.id])),
      // Areas come from Rencana Aksi: when that tab is broken, every area's 0 is a data problem.
      marked: scored.map((o) => AREAS.map((area) => areasProblem(o) !== null && o.areas[area.id] !== null)),
      anyMarked: scored.some((o) => areasProblem(o) !== null),
    },
    anyBroken: scored.some((o) => Object.values(componentProblems(o)).some((p) => p !== null)),
    areaLegend: AREAS.map((area, i) => ({ no: area.no, name: area.name, average: score(averages[i]) })),
    predicates: {
      labels: predicates.map((p) => p),
      values: predicates.map((p) => scored.filter((o) => o.predicate === p).length),
      rows: predicates.map((p) => ({
        predicate: p,
        label: PREDICATE_LABELS[p],
        count: scored.filter((o) => o.predicate === p).length,
      })),
    },
    leaders: AREAS.map((area) => ({
      no: area.no,
      name: area.name,
      top: scored
        .filter((o) => o.areas[area.id] !== null)
        .sort((a, b) => (b.areas[area.id] as number) - (a.areas[area.id] as number) || compareCodes(a.code, b.code))
        .slice(0, 3)
        .map((o) => ({ name: o.name, value: score(o.areas[area.id]) })),
    })),
    unscored: unscored.map((o) => {
      const reason = o.findings.find((f) => f.level === 'error');
      return {
        code: o.code,
        name: o.name,
        cell: reason?.cell ?? '',
        reason: reason?.message ?? 'tanpa alasan tercatat',
      };
    }),
    rekapFindings: (context.rekapFindings ?? []).map((f) => ({ cell: f.cell, message: f.message })),
    maxMentees: context.maxMentees ?? DEFAULT_MAX_MENTEES,
    peers: scored.flatMap((o) =>
      o.peers.map((peer) => ({
        office: shortName(o.name),
        area: AREAS.find((a) => a.id === peer.area)?.name ?? peer.area,
        learnFrom: shortName(names.get(peer.office) ?? peer.office),
        load: String(load.get(peer.office) ?? 0),
      })),
    ),
  };
}

export type ProvinceReportModel = ReturnType<typeof provinceReportModel>;
