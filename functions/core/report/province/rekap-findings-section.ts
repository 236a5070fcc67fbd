import type { ReportContext } from '../report-context.js';

/** *Temuan pada rekap*: findings on the rekap's own cells (e.g. invalid e-mail addresses in Satker); null when none. */
export function rekapFindingsSection(context: ReportContext) {
  const findings = context.rekapFindings ?? [];
  return findings.length === 0 ? null : { rows: findings.map((f) => ({ cell: f.cell, message: f.message })) };
}
