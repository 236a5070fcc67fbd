import { failedEvidenceRows, type EvidenceVerification } from '../evidence/office-evidence.js';
import type { Finding } from '../findings.js';
import type { ParsedOffice } from '../office-reader.js';
import type { Period } from '../period.js';
import { scoreActionPlan, type ActionPlanScore } from './action-plan.js';
import { scoreDataQuality } from './data-quality.js';
import { scoreIki, type IkiScore } from './iki.js';
import { scoreIku, type IkuScore } from './iku.js';
import { indexScore, type ComponentScores, type ComponentWeights } from './province.js';
import { scoreStages, type StagesScore } from './stages.js';

export interface ScoringSettings {
  readonly cap: number;
  readonly effectiveMinutes: number;
  readonly weights: ComponentWeights;
}

/** The five index components of one office, the rows behind them, and the index. */
export interface ScoredComponents {
  readonly iku: IkuScore;
  readonly actionPlan: ActionPlanScore;
  readonly iki: IkiScore;
  readonly stages: StagesScore;
  readonly components: ComponentScores;
  readonly index: number | null;
}

/**
 * The five index components and the index (docs/SPEC.md §4); findings of the period-dependent rules go
 * to `findings`. Failed evidence is judged on the rows' own links, so a row put right with fixed links
 * holds (core/scoring/row-fixes.ts).
 */
export function scoreComponents(
  parsed: ParsedOffice,
  period: Period,
  settings: ScoringSettings,
  verification: EvidenceVerification,
  findings: Finding[],
): ScoredComponents {
  const iku = scoreIku(parsed.iku, period, settings.cap, findings);
  const actionPlan = scoreActionPlan(
    parsed.actionPlan,
    period,
    findings,
    failedEvidenceRows(parsed.actionPlan.rows, verification),
  );
  const iki = scoreIki(parsed.iki, parsed.iku, period, settings.cap, findings);
  const stages = scoreStages(parsed.stages, findings, failedEvidenceRows(parsed.stages.rows, verification));
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
  return { iku, actionPlan, iki, stages, components, index: indexScore(components, settings.weights) };
}
