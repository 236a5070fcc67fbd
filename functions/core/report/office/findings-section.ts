import { groupFindings, type FindingGroup } from '../../group-findings.js';
import { roundHalfAway } from '../../numbers.js';
import { findingGroupKey } from '../../scoring/gains.js';
import type { OfficeFinding, OfficeResult } from '../../scoring/office.js';
import { fixedId } from '../format.js';
import type { ReportContext } from '../report-context.js';
import { unscoredReason } from './unscored-section.js';

/**
 * *Temuan validasi* (for an unscored office *Temuan lain*, unnumbered): the findings as the report lists
 * them. The same mistake in one column of a tab is one entry ("IKI!A7:A12, 6 baris"), errors in full,
 * warnings up to the context's `warningLimit` entries with the rest counted; Hasil Validasi keeps one
 * row per cell. The reason an office is unscored is stated above and not listed again, so an unscored
 * office with nothing else found has no such section (null).
 */
export function findingsSection(office: OfficeResult, context: ReportContext) {
  const reason = unscoredReason(office);
  const others = reason ? office.findings.filter((f) => f !== reason) : office.findings;
  const scored = office.status === 'scored';
  if (!scored && others.length === 0) return null;
  const warningLimit = context.warningLimit ?? 25;
  const errors = groupFindings(others.filter((f) => f.level === 'error'));
  const warnings = groupFindings(others.filter((f) => f.level === 'warning'));
  return {
    scored,
    /** Findings, not entries: the heading counts what Hasil Validasi lists. */
    errorCount: errors.reduce((sum, group) => sum + group.findings.length, 0),
    errors: errors.map((group) => findingRow(group, office)),
    warnings: warnings.slice(0, warningLimit).map((group) => findingRow(group, office)),
    moreWarnings: warnings.slice(warningLimit).reduce((sum, group) => sum + group.findings.length, 0),
  };
}

function findingRow(group: FindingGroup<OfficeFinding>, office: OfficeResult) {
  const f = group.first;
  return {
    cell: group.label,
    level: f.level === 'error' ? 'Kesalahan' : 'Peringatan',
    code: f.code,
    message: group.message,
    gain: groupGain(group.findings, office.groupGains?.[findingGroupKey(f)]),
  };
}

/**
 * A group's Tambahan nilai (issue 18): one row "+1,35"; several rows their total, the gain of putting all
 * of them right at once ("+8,13 bila semua diperbaiki"), never a per-row figure for the reader to
 * multiply, and when the rows' own gains differ the largest one with "hingga". Without a total (a result
 * stored by an older monev) the largest row's gain, "hingga" when they differ.
 */
export function groupGain(findings: readonly OfficeFinding[], total?: number): string {
  const gains = findings.flatMap((f) => (f.gain === null || roundHalfAway(f.gain, 2) <= 0 ? [] : [f.gain]));
  if (gains.length === 0) return '';
  const best = Math.max(...gains);
  if (findings.length === 1) return `+${fixedId(best, 2)}`;
  const equal = gains.length === findings.length && gains.every((g) => roundHalfAway(g, 2) === roundHalfAway(best, 2));
  if (total === undefined || roundHalfAway(total, 2) <= 0)
    return equal ? `+${fixedId(best, 2)} per baris` : `hingga +${fixedId(best, 2)} per baris`;
  const all = `+${fixedId(total, 2)} bila semua diperbaiki`;
  return equal ? all : `${all}; satu baris hingga +${fixedId(best, 2)}`;
}
