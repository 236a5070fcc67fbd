import type { Machine } from './lib/machine.js';
import type { ColdStartResult } from './sections/cold-start.js';
import type { CycleResult, ScoringResult } from './sections/cycle.js';
import type { DriveStormResult } from './sections/drive-storm.js';
import type { EvidenceResult } from './sections/evidence.js';
import type { FeedbackLatencyResult } from './sections/feedback-latency.js';
import type { GoogleResult } from './sections/google.js';
import type { PdfBenchResult } from './sections/pdf.js';
import type { ReadingResult } from './sections/reading.js';
import type { WrongOfficeRun } from './sections/wrong-office.js';

export type SectionName =
  | 'pdf'
  | 'cycle'
  | 'scoring'
  | 'google'
  | 'evidence'
  | 'cold-start'
  | 'reading'
  | 'wrong-office'
  | 'drive-storm'
  | 'feedback-latency';

/** Everything one bench run measured; written as JSON and rendered into BENCHMARKS.md. */
export interface BenchResults {
  readonly machine: Machine;
  readonly quick: boolean;
  readonly loadBefore: number;
  loadAfter: number;
  totalSeconds?: number;
  /** Sections measured again after the full run (`--only … --write`), each with its own time in `loads`. */
  remeasured?: SectionName[];
  /** Load average around each section, and the share of the cores other processes used during it. */
  readonly loads: Partial<Record<SectionName, { before: number; after: number; at?: string; others?: number }>>;
  readonly sections: {
    pdf?: PdfBenchResult;
    cycle?: CycleResult;
    scoring?: (ScoringResult & { generatedMs: number | null })[];
    google?: GoogleResult;
    evidence?: EvidenceResult;
    driveStorm?: DriveStormResult;
    coldStart?: ColdStartResult[];
    reading?: ReadingResult;
    wrongOffice?: WrongOfficeRun[];
    feedbackLatency?: FeedbackLatencyResult[];
  };
}
