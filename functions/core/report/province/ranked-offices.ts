import { settle } from '../../numbers.js';
import type { OfficeResult } from '../../scoring/office.js';

/** What the recap's sections share: the scored offices by rank, names without "Bawaslu", ranks shared by ties. */

/** The scored offices, best rank first. */
export function scoredByRank(offices: readonly OfficeResult[]): OfficeResult[] {
  return offices.filter((o) => o.status === 'scored').sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** "Kota Malang" from "Bawaslu Kota Malang": every row of the recap is a Bawaslu office. */
export function shortName(name: string): string {
  return name.replace(/^Bawaslu /, '');
}

export function errorCount(office: OfficeResult): number {
  return office.findings.filter((f) => f.level === 'error').length;
}

/**
 * Positions shared by equal indexes: offices whose index is the same to two decimals share "3–4", so a
 * tie is shown as a tie; the official rank (results.json) still orders them by code.
 */
export function sharedRanks(offices: readonly OfficeResult[]): Map<string, string> {
  const byIndex = new Map<number, number[]>();
  for (const o of offices) {
    if (o.rank === null || o.scores.index === null) continue;
    const key = Math.round(settle(o.scores.index) * 100);
    byIndex.set(key, [...(byIndex.get(key) ?? []), o.rank]);
  }
  const shown = new Map<string, string>();
  for (const o of offices) {
    if (o.rank === null || o.scores.index === null) continue;
    const ranks = byIndex.get(Math.round(settle(o.scores.index) * 100)) ?? [o.rank];
    const low = Math.min(...ranks);
    const high = Math.max(...ranks);
    shown.set(o.code, low === high ? String(low) : `${low}–${high}`);
  }
  return shown;
}
