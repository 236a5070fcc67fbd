import { ACTION_PLAN_TAB, AREA_IDS, PROFILE_TAB, type AreaId } from '../../../sheets-schema/index.js';
import {
  assessEvidence,
  NOT_VERIFIED,
  type EvidenceVerification,
  type OfficeEvidence,
} from '../evidence/office-evidence.js';
import { finding, tabIsBroken, type Finding } from '../findings.js';
import type { UnreadableText } from '../messages/unreadable.js';
import { withRowContext } from '../finding-context.js';
import type { ParsedOffice } from '../office-reader.js';
import type { PeerLearningEntry } from '../peer-learning.js';
import type { Period } from '../period.js';
import { sortFindings } from '../sort-findings.js';
import type { ActionItemResult } from './action-plan.js';
import { scoreComponents, type ScoringSettings } from './components.js';
import { groupGains, officeGains } from './gains.js';
import { goodPractices, type GoodPractice } from './good-practices.js';
import type { PersonResult } from './iki.js';
import { indexWithFixes } from './index-with-fixes.js';
import type { IndicatorResult } from './indicator.js';
import { projectOutlook, type OutlookRow } from './outlook.js';
import {
  DEFAULT_MAX_MENTEES,
  peerPairs,
  predicate,
  rankOffices,
  type ComponentScores,
  type PeerCandidate,
  type PeerPair,
  type Predicate,
} from './province.js';
import type { StageProgress, StepResult } from './stages.js';
import { assessWorkload, type WorkloadResult } from './workload.js';

export type { ScoringSettings } from './components.js';

export interface OfficeIdentity {
  readonly code: string;
  readonly name: string;
}

/** What reports need beyond the summary: the rows behind each component. */
export interface OfficeDetails {
  readonly iku: readonly (IndicatorResult & { code: string | null; indicator: string | null; unit: string | null })[];
  readonly actionPlan: readonly ActionItemResult[];
  readonly iki: readonly PersonDetails[];
  readonly stages: readonly StageProgress[];
  /**
   * Each Tahapan step in the tab's order, so a report can name the next one to finish. Optional only for
   * results stored by an older monev.
   */
  readonly steps?: readonly StepDetails[];
}

/** One Tahapan step: its Langkah and Status as read, and what it adds to the component (1, ½ or 0). */
export interface StepDetails extends StepResult {
  readonly row: number;
  readonly name: string | null;
  readonly status: 'belum' | 'proses' | 'selesai' | null;
  readonly hasError: boolean;
}

/** An IKI person with what each of their rows is about, for the report and the kartu jabatan. */
export interface PersonDetails extends PersonResult {
  readonly rows: readonly (IndicatorResult & { ikuCode: string | null; indicator: string | null })[];
}

/**
 * A finding with its gain (docs/SPEC.md §8): the index points the office would gain if only that finding's
 * row were put right; null for findings not about one row and for offices without an index.
 */
export interface OfficeFinding extends Finding {
  readonly gain: number | null;
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
  /** IKU rows projected to year end (docs/SPEC.md §8); empty at TW IV and for unscored offices. */
  readonly outlook: readonly OutlookRow[];
  /** Bukti Dukung links and their outcomes (docs/SPEC.md §8); null for an unscored office. */
  readonly evidence: OfficeEvidence | null;
  readonly findings: readonly OfficeFinding[];
  /**
   * The index points gained if every finding with a gain were put right at once (docs/SPEC.md §8, v3);
   * null for an unscored office. Optional only for results stored by an older monev.
   */
  readonly potentialGain?: number | null;
  /**
   * What each pair of the period before did to this office as a mentee (docs/SPEC.md §9); filled by the
   * province step from the rekap's ledger, empty for an unscored office. Optional for stored results.
   */
  readonly peerLearning?: readonly PeerLearningEntry[];
  /** *Praktik baik* this office can show a mentee, per area (docs/SPEC.md §9). Optional for stored results. */
  readonly goodPractices?: readonly GoodPractice[];
  /**
   * The joint gain of each group of alike findings of two or more rows (core/scoring/gains.ts
   * `groupGains`), keyed by `findingGroupKey`; reports state it as the group's total. Optional only for
   * results stored by an older monev.
   */
  readonly groupGains?: Readonly<Record<string, number>>;
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
  verification: EvidenceVerification = NOT_VERIFIED,
): OfficeResult {
  const findings: Finding[] = [...parsed.findings];
  if (!parsed.identified) return unscoredOffice(office, withRowContext(findings, parsed));

  const evidence = assessEvidence(parsed, verification, findings);
  const scored = scoreComponents(parsed, period, settings, verification, findings);
  const { iku, actionPlan, iki, stages, components, index } = scored;
  const workload = assessWorkload(parsed.jobs, parsed.workload, settings.effectiveMinutes, findings);
  const sorted = sortFindings(withRowContext(findings, parsed));
  const indexWith = indexWithFixes(parsed, scored, period, settings, verification);
  const { gains, potential } = officeGains(
    parsed,
    sorted,
    index,
    indexWith,
    (fixed) => scoreComponents(fixed, period, settings, verification, []).index,
  );

  const ikuRows = parsed.iku.rows;
  const ikiRows = new Map(parsed.iki.rows.map((row) => [row.index, row]));
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
    outlook: projectOutlook(parsed.iku, period, settings.cap),
    evidence,
    findings: sorted.map((f, i) => ({ ...f, gain: gains[i] ?? null })),
    potentialGain: potential,
    peerLearning: [],
    goodPractices: goodPractices(parsed.actionPlan, actionPlan.items, evidence),
    groupGains: groupGains(parsed, sorted, index, indexWith),
    details: {
      iku: iku.rows.map((row, i) => {
        const values = ikuRows[i]?.values;
        return { ...row, code: values?.code ?? null, indicator: values?.indicator ?? null, unit: values?.unit ?? null };
      }),
      actionPlan: actionPlan.items,
      iki: iki.persons.map((person) => ({
        ...person,
        rows: person.rows.map((row) => {
          const values = ikiRows.get(row.row)?.values;
          return { ...row, ikuCode: values?.ikuCode ?? null, indicator: values?.indicator ?? null };
        }),
      })),
      stages: stages.stages,
      steps: stages.steps.map((step, i) => {
        const row = parsed.stages.rows[i];
        return {
          ...step,
          row: row?.index ?? -1,
          name: row?.values.step ?? null,
          status: row?.values.status ?? null,
          hasError: row?.hasError ?? false,
        };
      }),
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
    workload: { ej: null, jobs: [], effectiveMinutes: null },
    ikiCoverage: null,
    peers: [],
    outlook: [],
    evidence: null,
    findings: sortFindings(findings).map((f) => ({ ...f, gain: null })),
    peerLearning: [],
    goodPractices: [],
    details: NO_DETAILS,
  };
}

/** `text` gives the reason for the operator and, in the office's terms, for the office's report. */
export function unreadableOffice(
  office: OfficeIdentity,
  file: string,
  text: Pick<UnreadableText, 'reason'> & Partial<Pick<UnreadableText, 'office'>>,
  fix?: string,
): OfficeResult {
  const tab = PROFILE_TAB.name;
  return unscoredOffice(office, [
    finding('unreadable-workbook', tab, `${tab}!A1`, { file, reason: text.reason, fix, office: text.office }),
  ]);
}

/** An office as peer learning sees it: its areas, and whether it may ask for a mentor (docs/SPEC.md §4). */
export function peerCandidate(office: OfficeResult): PeerCandidate {
  return {
    code: office.code,
    areas: office.areas,
    asksForMentor: !tabIsBroken(office.findings, ACTION_PLAN_TAB.name),
  };
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
  const peers = peerPairs(scored.map(peerCandidate), maxMentees);
  return offices.map((office) => ({
    ...office,
    rank: ranks.get(office.code) ?? null,
    peers: peers.get(office.code) ?? [],
  }));
}
