import type { OfficeContent, OfficeStyle, SampleOffice } from './content.js';
import { Random } from './random.js';
import { PILOT_OFFICE } from './sample-offices.js';
import { generateActionPlan } from './tabs/action-plan.js';
import { generateIndicators } from './tabs/indicators.js';
import { generateStages } from './tabs/stages.js';
import { generateWorkload } from './tabs/workload.js';

/**
 * One office's clean workbook content. Each tab draws from its own stream (seed, office, tab), so
 * changing how one tab is generated leaves the others as they were.
 */
export interface OfficeContentOptions {
  readonly seed: number;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** Style choices a planned mistake depends on (e.g. percent cells for "mixed percent"). */
  readonly style?: Partial<OfficeStyle>;
}

export function generateOfficeContent(office: SampleOffice, options: OfficeContentOptions): OfficeContent {
  const stream = (tab: string) => Random.for(options.seed, office.code, tab);
  const style = { ...drawStyle(stream('style'), office), ...options.style };
  const workload = generateWorkload(stream('workload'));
  const indicators = generateIndicators(stream('indicators'), office, style, options.quarter, workload.jobs);
  return {
    office,
    year: options.year,
    tables: [
      generateActionPlan(stream('action-plan'), office, style, options.quarter),
      indicators.iku,
      indicators.iki,
      workload.anjab,
      workload.abk,
      generateStages(stream('stages'), office, style, options.year, options.quarter),
    ],
  };
}

function drawStyle(rng: Random, office: SampleOffice): OfficeStyle {
  const drawn: OfficeStyle = {
    quality: rng.chance(0.25) ? rng.between(0.4, 0.65) : rng.between(0.7, 0.97),
    percent: rng.pick(['cell', 'text', 'plain'] as const),
    area: rng.chance(0.75) ? 'name' : 'number',
    nip: rng.chance(0.3) ? 'spaced' : 'plain',
    date: rng.pick(['cell', 'cell', 'slash', 'long'] as const),
    blankEmptyQuarters: rng.chance(0.5),
    ikuWeights: rng.chance(0.7),
    ikiWeights: rng.chance(0.3),
  };
  // The 2025 pilot keeps a tidy, complete workbook: it is the example other offices learn from.
  return office.code === PILOT_OFFICE
    ? { ...drawn, quality: 0.98, percent: 'cell', area: 'name', date: 'cell', ikuWeights: true }
    : drawn;
}
