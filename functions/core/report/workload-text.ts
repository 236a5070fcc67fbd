import type { JobCategory } from '../scoring/workload.js';

/**
 * ABK figures in words (docs/SPEC.md §4, v3). A bare "+1" beside a single Bendahara read as one treasurer
 * too many, and a lone "A" told a head of office nothing: reports, the kartu jabatan and the recap say
 * what the sign and the letter mean.
 */
export const JOB_CATEGORY_MEANING: Readonly<Record<JobCategory, string>> = {
  A: 'beban melebihi jam kerja efektif',
  B: 'beban sesuai',
  C: 'beban cukup',
  D: 'beban kurang',
  E: 'beban sangat kurang',
};

/** "A — beban melebihi jam kerja efektif"; a job without staff has no EJ and no category. */
export function jobCategoryText(category: JobCategory | null): string {
  return category === null
    ? 'tidak dapat dihitung (tidak ada pegawai)'
    : `${category} — ${JOB_CATEGORY_MEANING[category]}`;
}

/** Staff minus need, in words: "kurang 2 pegawai", "lebih 1 pegawai", "sesuai kebutuhan". */
export function staffGapText(gap: number): string {
  if (gap < 0) return `kurang ${-gap} pegawai`;
  if (gap > 0) return `lebih ${gap} pegawai`;
  return 'sesuai kebutuhan';
}
