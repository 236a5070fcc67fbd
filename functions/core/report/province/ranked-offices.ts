import type { OfficeResult } from '../../scoring/office.js';

/** What the recap's sections share: the scored offices by rank, names without "Bawaslu", the rank as printed. */

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

/** The rank as printed: ranks are shared by equal indexes already (docs/SPEC.md §4); "–" without one. */
export function rankText(office: OfficeResult): string {
  return office.rank === null ? '–' : String(office.rank);
}
