import type { Finding, FindingCode, Level } from './findings.js';

/**
 * Findings as a list is read (a report, an e-mail, a terminal): the same code in the same column of
 * one tab is one entry, "IKI!A7:A12, 6 baris", instead of six lines saying the same thing. Hasil
 * Validasi keeps one row per cell, since the operator fixes cells one by one there.
 */
export interface FindingGroup<F extends Finding = Finding> {
  readonly tab: string;
  readonly code: FindingCode;
  readonly level: Level;
  /** The first finding of the group, for its message and context. */
  readonly first: F;
  readonly findings: readonly F[];
  /** "IKI!A7", "IKI!A7:A12" or "IKI!A7:A9, A12". */
  readonly cells: string;
  /** `cells`, with ", 6 baris" when the group holds more than one finding. */
  readonly label: string;
  /**
   * The first finding's message; when the rows quote different values ("NIP … 1971…" and "… 1980…"),
   * prefixed "Contoh pada IKI!A7:" so the quoted value is not read as every row's.
   */
  readonly message: string;
}

/** Ranges listed before the rest is summarised as "…": a line stays readable. */
const MAX_RANGES = 4;

/** Groups in the order of their first finding; an ungroupable cell ("Profil!A1") stays on its own. */
export function groupFindings<F extends Finding>(findings: readonly F[]): FindingGroup<F>[] {
  const groups = new Map<string, F[]>();
  findings.forEach((item, i) => {
    const at = parseCell(item.cell);
    const key = at ? `${item.tab}\u0000${item.code}\u0000${at.sheet}\u0000${at.column}` : `single\u0000${i}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  });
  return [...groups.values()].map((members) => {
    const first = members[0] as F;
    const cells = members.length === 1 ? first.cell : rangesOf(members);
    return {
      tab: first.tab,
      code: first.code,
      level: first.level,
      first,
      findings: members,
      cells,
      label: members.length === 1 ? cells : `${cells}, ${members.length} baris`,
      message: members.every((item) => item.message === first.message)
        ? first.message
        : `Contoh pada ${first.cell}: ${first.message}`,
    };
  });
}

/** "IKI!A7:A12" for a run of rows; separate runs follow as "A14" or "A16:A18". */
function rangesOf(members: readonly Finding[]): string {
  const at = parseCell(members[0]?.cell ?? '') as { sheet: string; column: string; row: number };
  return `${at.sheet}!${columnRanges(
    at.column,
    members.map((item) => (parseCell(item.cell) as { row: number }).row),
  )}`;
}

/**
 * "A7:A12, A14, A16:A18": sheet rows (1-based) of one column as runs of consecutive rows, at most
 * MAX_RANGES of them and then "…", so a tab of 5 000 broken rows still makes one short line.
 */
export function columnRanges(column: string, rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  const text = runs.map(([from, to]) => (from === to ? `${column}${from}` : `${column}${from}:${column}${to}`));
  return (text.length > MAX_RANGES ? [...text.slice(0, MAX_RANGES), '…'] : text).join(', ');
}

function parseCell(cell: string): { sheet: string; column: string; row: number } | null {
  const match = /^(.+)!([A-Z]+)(\d+)$/.exec(cell);
  return match ? { sheet: match[1] as string, column: match[2] as string, row: Number(match[3]) } : null;
}
