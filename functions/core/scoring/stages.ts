import type { StageRow } from '../../../sheets-schema/index.js';
import { finding, type Finding } from '../findings.js';
import type { ParsedTable } from '../sheet-table.js';
import { mean } from './indicator.js';

export interface StageProgress {
  readonly stage: 1 | 2 | 3 | 4;
  /** Percent of the stage's steps done, with Proses counting half; null without steps. */
  readonly progress: number | null;
  readonly steps: number;
  readonly done: number;
}

export interface StagesScore {
  readonly score: number | null;
  readonly stages: readonly StageProgress[];
}

const STATUS_VALUE = { belum: 0, proses: 0.5, selesai: 1 } as const;

/**
 * Tahapan (docs/SPEC.md §4): Selesai 1, Proses ½, Belum 0. A step marked Selesai without evidence counts
 * only half: finished on paper is not yet finished. So does a step whose evidence links all failed
 * verification (docs/SPEC.md §8).
 */
export function scoreStages(
  table: ParsedTable<StageRow>,
  findings: Finding[],
  failedEvidence: ReadonlySet<number> = new Set(),
): StagesScore {
  const values = table.rows.map((row) => {
    const v = row.values;
    if (row.hasError || v.status === null) return { stage: v.stage, value: 0, done: false };
    if (v.status !== 'selesai') return { stage: v.stage, value: STATUS_VALUE[v.status], done: false };
    if (v.finishedOn === null)
      findings.push(finding('missing-date', table.tab, table.ref(row.index, 'finishedOn'), {}));
    if (v.evidence.length === 0) {
      findings.push(
        finding('missing-evidence', table.tab, table.ref(row.index, 'evidence'), { subject: 'stage', value: '' }),
      );
      return { stage: v.stage, value: 0.5, done: false };
    }
    // Every link failed verification: the cell's evidence-* warnings say why; it counts as without evidence.
    if (failedEvidence.has(row.index)) return { stage: v.stage, value: 0.5, done: false };
    return { stage: v.stage, value: 1, done: true };
  });
  const stages = ([1, 2, 3, 4] as const).map((stage): StageProgress => {
    const own = values.filter((entry) => entry.stage === String(stage));
    const progress = mean(own.map((entry) => entry.value));
    return {
      stage,
      progress: progress === null ? null : 100 * progress,
      steps: own.length,
      done: own.filter((entry) => entry.done).length,
    };
  });
  if (table.status !== 'ok') return { score: 0, stages };
  const overall = mean(values.map((entry) => entry.value));
  return { score: overall === null ? null : 100 * overall, stages };
}
