import { SAMPLE_DEFAULTS, sampleMistakes } from './generate.js';
import type { SampleMistake } from './mistakes.js';

/** Where the mistakes are in the default sample (38 offices, seed 2025, 2025-TW3). */
export const SAMPLE_MISTAKES: readonly SampleMistake[] = sampleMistakes(SAMPLE_DEFAULTS);
