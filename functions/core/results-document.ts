import type { AreaId } from '../../sheets-schema/index.js';
import { evidenceCounts, type EvidenceCounts } from './evidence/office-evidence.js';
import type { Finding } from './findings.js';
import { round2OrNull } from './numbers.js';
import type { Period } from './period.js';
import type { OfficeResult } from './scoring/office.js';
import type { Predicate } from './scoring/province.js';

/** results.json (docs/SPEC.md §7): the machine interface, rounded to 2 decimals, without personal details. */
export interface ResultsDocument {
  period: string;
  generatedAt: string;
  offices: OfficeSummary[];
}

export interface OfficeSummary {
  code: string;
  name: string;
  status: 'scored' | 'unscored';
  scores: {
    iku: number | null;
    actionPlan: number | null;
    iki: number | null;
    stages: number | null;
    dataQuality: number | null;
    index: number | null;
  };
  predicate: Predicate | null;
  rank: number | null;
  areas: Record<AreaId, number | null>;
  workload: {
    ej: number | null;
    jobs: { job: string; staff: number; need: number; gap: number; ej: number | null; category: string | null }[];
  };
  ikiCoverage: number | null;
  peers: { area: AreaId; office: string }[];
  /** Bukti Dukung links by outcome (docs/SPEC.md §8); null for an unscored office. */
  evidence: EvidenceCounts | null;
  outlook: { code: string; projected: number; atRisk: boolean; needed: number }[];
  /** What putting every finding with a gain right at once adds to the index (SPEC §8 v3); null when unscored. */
  potentialGain: number | null;
  /** What last period's pairs did to this office as a mentee (docs/SPEC.md §9); empty when unscored. */
  peerLearning: {
    area: AreaId;
    mentor: string;
    held: boolean;
    before: number | null;
    after: number | null;
    change: number | null;
    comparison: { offices: number; change: number | null };
    effect: number | null;
  }[];
  findings: (Finding & { gain: number | null })[];
}

export function resultsDocument(period: Period, generatedAt: Date, offices: readonly OfficeResult[]): ResultsDocument {
  return { period: period.id, generatedAt: generatedAt.toISOString(), offices: offices.map(officeSummary) };
}

/** One office's entry of results.json; also what the report fingerprint (core/report/report-fingerprint.ts) counts. */
export function officeSummary(office: OfficeResult): OfficeSummary {
  const s = office.scores;
  return {
    code: office.code,
    name: office.name,
    status: office.status,
    scores: {
      iku: round2OrNull(s.iku),
      actionPlan: round2OrNull(s.actionPlan),
      iki: round2OrNull(s.iki),
      stages: round2OrNull(s.stages),
      dataQuality: round2OrNull(s.dataQuality),
      index: round2OrNull(s.index),
    },
    predicate: office.predicate,
    rank: office.rank,
    areas: Object.fromEntries(Object.entries(office.areas).map(([id, value]) => [id, round2OrNull(value)])) as Record<
      AreaId,
      number | null
    >,
    workload: {
      ej: round2OrNull(office.workload.ej),
      jobs: office.workload.jobs.map((job) => ({
        job: job.job,
        staff: job.staff,
        need: round2OrNull(job.need) as number,
        gap: job.gap,
        ej: round2OrNull(job.ej),
        category: job.category,
      })),
    },
    ikiCoverage: round2OrNull(office.ikiCoverage),
    peers: office.peers.map((peer) => ({ area: peer.area, office: peer.office })),
    // A result stored by an older monev (a cycle that started before an upgrade) has no evidence.
    evidence: office.status === 'scored' && office.evidence ? evidenceCounts(office.evidence) : null,
    outlook: office.outlook.map((row) => ({
      code: row.code,
      projected: round2OrNull(row.projected) as number,
      atRisk: row.atRisk,
      needed: round2OrNull(row.needed) as number,
    })),
    potentialGain: office.status === 'scored' ? round2OrNull(office.potentialGain ?? null) : null,
    peerLearning:
      office.status === 'scored'
        ? (office.peerLearning ?? []).map((entry) => ({
            area: entry.area,
            mentor: entry.mentor,
            held: entry.held,
            before: round2OrNull(entry.before),
            after: round2OrNull(entry.after),
            change: round2OrNull(entry.change),
            comparison: { offices: entry.comparison.offices, change: round2OrNull(entry.comparison.change) },
            effect: round2OrNull(entry.effect),
          }))
        : [],
    findings: office.findings.map((f) => ({
      tab: f.tab,
      cell: f.cell,
      level: f.level,
      code: f.code,
      message: f.message,
      gain: round2OrNull(f.gain),
    })),
  };
}
