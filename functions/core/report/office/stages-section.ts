import { STAGE_NAMES } from '../../../../sheets-schema/index.js';
import type { OfficeResult } from '../../scoring/office.js';
import { fixedId } from '../format.js';

/** *Tahapan penguatan kelembagaan*: each stage's progress as a bar and its steps done. Null for an unscored office. */
export function stagesSection(office: OfficeResult) {
  if (office.status !== 'scored') return null;
  return {
    rows: office.details.stages.map((stage) => ({
      stage: stage.stage,
      name: STAGE_NAMES[stage.stage],
      progress: stage.progress === null ? '–' : fixedId(stage.progress, 0),
      width: stage.progress === null ? 0 : Math.round(stage.progress),
      steps: `${stage.done} dari ${stage.steps} langkah selesai`,
    })),
  };
}
