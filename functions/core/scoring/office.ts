import { AREA_IDS, type AreaId } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import type { ParsedOffice } from '../office-reader.js';
import type { Period } from '../period.js';
import { sortFindings } from '../sort-findings.js';
import { scoreActionPlan, type ActionItemResult } from './action-plan.js';
import { scoreDataQuality } from './data-quality.js';
import { scoreIki, type PersonResult } from './iki.js';
import { scoreIku, type IndicatorResult } from './iku.js';
import {
  DEFAULT_MAX_MENTEES,
  indexScore,
  peerPairs,
  predicate,
  rankOffices,
  type ComponentScores,
  type ComponentWeights,
  type PeerPair,
  type Predicate,
} from './province.js';
import { scoreStages, type StageProgress } from './stages.js';
import { assessWorkload, type WorkloadResult } from './workload.js';

export interface ScoringSettings {
  readonly cap: number;
  readonly effectiveMinutes: number;
  readonly weights: ComponentWeights;
}

export interface OfficeIdentity {
  readonly code: string;
  readonly name: string;
}

/** What reports need beyond the summary: the rows behind each component. */
export interface OfficeDetails {
  readonly iku: readonly (IndicatorResult & { code: string | null; indicator: string | null; unit: string | null })[];
  readonly actionPlan: readonly ActionItemResult[];
  readonly iki: readonly PersonResult[];
  readonly stages: readonly StageProgress[];
}

export interface OfficeResult extends OfficeIdentity {
  readonly status: 'scored' | 'unscored';
  readonly scores: ComponentScores & { readonly index: number | null };
  readonly predicate: Predicate | null;
  readonly rank: number | null;
  readonly areas: Readonly<Record<AreaId, number | null>>;
  readonly workload: WorkloadResult;
  readonly ikiCoverage: number | null;
  readonly peers: readonly PeerPair[];
  readonly findings: readonly Finding[];
  readonly details: OfficeDetails;
}

const NO_AREAS = Object.fromEntries(AREA_IDS.map((id) => [id, null])) as Record<AreaId, null>;
const NO_SCORES = { iku: null, actionPlan: null, iki: null, stages: null, dataQuality: null, index: null };
const NO_DETAILS: OfficeDetails = { iku: [], actionPlan: [], iki: [], stages: [] };

/** Scores one office from its parsed workbook. Rank and peers come later, from the whole province. */
export function scoreOffice(
  office: OfficeIdentity,
  parsed: ParsedOffice,
  period: Period,
  settings: ScoringSettings,
): OfficeResult {
  const findings: Finding[] = [...parsed.findings];
  if (!parsed.identified) return unscoredOffice(office, findings);

  const iku = scoreIku(parsed.iku, period, settings.cap, findings);
  const actionPlan = scoreActionPlan(parsed.actionPlan, period, findings);
  const iki = scoreIki(parsed.iki, parsed.iku, period, settings.cap, findings);
  const stages = scoreStages(parsed.stages, findings);
  const workload = assessWorkload(parsed.jobs, parsed.workload, settings.effectiveMinutes, findings);
  const dataQuality = scoreDataQuality([
    parsed.actionPlan,
    parsed.iku,
    parsed.iki,
    parsed.jobs,
    parsed.workload,
    parsed.stages,
  ]);
  const components: ComponentScores = {
    iku: iku.score,
    actionPlan: actionPlan.score,
    iki: iki.score,
    stages: stages.score,
    dataQuality,
  };
  const index = indexScore(components, settings.weights);

  const ikuRows = parsed.iku.rows;
  return {
    ...office,
    status: 'scored',
    scores: { ...components, index },
    predicate: index === null ? null : predicate(index),
    rank: null,
    areas: actionPlan.areas,
    workload,
    ikiCoverage: iki.coverage,
    peers: [],
    findings: sortFindings(findings),
    details: {
      iku: iku.rows.map((row, i) => {
        const values = ikuRows[i]?.values;
        return { ...row, code: values?.code ?? null, indicator: values?.indicator ?? null, unit: values?.unit ?? null };
      }),
      actionPlan: actionPlan.items,
      iki: iki.persons,
      stages: stages.stages,
    },
  };
}

/** An office whose workbook could not be read or belongs to another office: its reason is among its findings. */
export function unscoredOffice(office: OfficeIdentity, findings: readonly Finding[]): OfficeResult {
  return {
    ...office,
    status: 'unscored',
    scores: NO_SCORES,
    predicate: null,
    rank: null,
    areas: NO_AREAS,
    workload: { ej: null, jobs: [] },
    ikiCoverage: null,
    peers: [],
    findings: sortFindings(findings),
    details: NO_DETAILS,
  };
}

export function unreadableOffice(office: OfficeIdentity, file: string, reason: string, fix?: string): OfficeResult {
  return unscoredOffice(office, [finding('unreadable-workbook', 'Profil', 'Profil!A1', { file, reason, fix })]);
}

/**
 * Adds rank and peer-learning pairs, which depend on every office of the province; `maxMentees` is the
 * rekap's Maks Binaan.
 */
export function rankProvince(
  offices: readonly OfficeResult[],
  maxMentees: number = DEFAULT_MAX_MENTEES,
): OfficeResult[] {
  const scored = offices.filter((office) => office.status === 'scored');
  const ranks = rankOffices(scored.map((office) => ({ code: office.code, index: office.scores.index })));
  const peers = peerPairs(
    scored.map((office) => ({ code: office.code, areas: office.areas })),
    maxMentees,
  );
  return offices.map((office) => ({
    ...office,
    rank: ranks.get(office.code) ?? null,
    peers: peers.get(office.code) ?? [],
  }));
}
