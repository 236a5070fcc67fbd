import { STAGES_TAB, STANDARD_STEPS } from '../../../sheets-schema/index.js';
import { dateCell, tableOf, type OfficeStyle, type RowFor, type SampleOffice, type SampleTable } from '../content.js';
import { evidenceLinks } from '../evidence.js';
import type { Random } from '../random.js';

/**
 * Tahapan: the standard steps with statuses that follow the calendar. Stages before the period's
 * quarter are done (with a date in their own quarter and evidence), the current one is in progress,
 * later ones have not started. Strong offices finish a step of the current stage early; weak ones
 * still have the last step of the previous stage open.
 */
export function generateStages(
  rng: Random,
  office: SampleOffice,
  style: OfficeStyle,
  year: number,
  quarter: number,
): SampleTable {
  const strong = style.quality >= 0.9;
  const weak = style.quality < 0.7;
  const rows = STANDARD_STEPS.map((step, i): RowFor<typeof STAGES_TAB> => {
    const next = STANDARD_STEPS[i + 1];
    const firstOfStage = STANDARD_STEPS[i - 1]?.stage !== step.stage;
    const lastOfStage = next?.stage !== step.stage;
    let done = step.stage < quarter || (step.stage === quarter && strong && firstOfStage);
    if (weak && step.stage === quarter - 1 && lastOfStage) done = false;
    const status = done ? 'Selesai' : step.stage <= quarter ? 'Proses' : 'Belum';
    return {
      stage: step.stage,
      step: step.step,
      status,
      finishedOn: done ? dateCell(dayInQuarter(rng, year, step.stage), style.date) : null,
      evidence: done ? evidenceLinks(rng, office, step.step, step.stage) : null,
    };
  });
  return tableOf(STAGES_TAB, rows);
}

/** A working day (Monday–Friday) in the given quarter, as UTC milliseconds. */
function dayInQuarter(rng: Random, year: number, quarter: number): number {
  const start = Date.UTC(year, (quarter - 1) * 3, 1);
  const days = (Date.UTC(year, quarter * 3, 1) - start) / 86_400_000;
  let ms = start + rng.int(0, days - 1) * 86_400_000;
  while ([0, 6].includes(new Date(ms).getUTCDay())) ms -= 86_400_000;
  return Math.max(ms, start);
}
