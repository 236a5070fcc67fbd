import { finding, type Finding } from '../findings.js';
import type { ParsedOffice } from '../office-reader.js';
import type { ParsedTable } from '../sheet-table.js';
import { driveLink, driveTarget, evidenceKey, type DriveTarget } from './drive-link.js';

/**
 * Evidence of one office (docs/SPEC.md §8): every (cell, link) pair of the Bukti Dukung columns, the
 * outcome of its verification, and the rows whose links all failed. Verification itself happens
 * outside the core (a Drive adapter behind the EvidenceVerifier port); its answers come in as data.
 */
export type DriveStatus = 'ok' | 'unreachable' | 'trashed' | 'empty';
export type LinkOutcome = DriveStatus | 'unverified';

export interface DriveLookup {
  readonly status: DriveStatus;
  /** A folder: "empty" then means it holds no item that is not trashed. */
  readonly folder: boolean;
}

export interface EvidenceVerification {
  /** False when Drive could not be reached or verification is off: every link is then unverified. */
  readonly verified: boolean;
  /** Answers by Drive ID; an ID without an answer (Drive kept failing) stays unverified. */
  readonly lookups: ReadonlyMap<string, DriveLookup>;
  /** The service account offices share their evidence with, for "bagikan file ke …"; null when unknown. */
  readonly account: string | null;
}

export const NOT_VERIFIED: EvidenceVerification = { verified: false, lookups: new Map(), account: null };

export interface EvidenceCitation {
  readonly tab: string;
  readonly cell: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly link: string;
  /** Same key, same evidence: a Drive ID, else the URL (see drive-link.ts). */
  readonly key: string;
  readonly outcome: LinkOutcome;
  /** Other scored offices citing the same evidence ("Bawaslu Kota Malang (3573)"); filled by the province step. */
  readonly sharedWith: readonly string[];
}

export interface OfficeEvidence {
  readonly verified: boolean;
  readonly citations: readonly EvidenceCitation[];
}

/** The four tabs with a Bukti Dukung column, with what a failed link costs there. */
type EvidenceTable = ParsedTable<{ evidence: string[] }>;

const CONSEQUENCE = {
  actionPlan: 'Bila semua bukti dukung baris ini gagal diperiksa, realisasinya dihitung 0.',
  stages: 'Bila semua bukti dukung langkah berstatus Selesai gagal diperiksa, langkah itu hanya dihitung setengah.',
  indicator: 'Temuan ini tidak mengurangi nilai.',
} as const;

function evidenceTables(parsed: ParsedOffice): { table: EvidenceTable; consequence: string }[] {
  return [
    { table: parsed.actionPlan as unknown as EvidenceTable, consequence: CONSEQUENCE.actionPlan },
    { table: parsed.iku as unknown as EvidenceTable, consequence: CONSEQUENCE.indicator },
    { table: parsed.iki as unknown as EvidenceTable, consequence: CONSEQUENCE.indicator },
    { table: parsed.stages as unknown as EvidenceTable, consequence: CONSEQUENCE.stages },
  ];
}

/** The distinct Drive files and folders an office cites: what a verifier is asked about. */
export function driveTargets(parsed: ParsedOffice): DriveTarget[] {
  const targets = new Map<string, DriveTarget>();
  for (const { table } of evidenceTables(parsed)) {
    for (const row of table.rows) {
      for (const link of table.links(row.index, 'evidence')) {
        const target = driveTarget(link);
        if (target && !targets.has(target.id)) targets.set(target.id, target);
      }
    }
  }
  return [...targets.values()];
}

export function linkOutcome(link: string, verification: EvidenceVerification): LinkOutcome {
  if (!verification.verified) return 'unverified';
  const drive = driveLink(link);
  if (drive?.kind === 'malformed') return 'unreachable';
  return (drive && verification.lookups.get(drive.target.id)?.status) ?? 'unverified';
}

/**
 * Rows whose links all failed verification (docs/SPEC.md §8): a row's evidence holds when one of its links
 * is ok or unverified. Judged on the row's own valid links, so that a row put right (gains) holds.
 */
export function failedEvidenceRows(
  rows: readonly { readonly index: number; readonly values: { readonly evidence: readonly string[] } }[],
  verification: EvidenceVerification,
): ReadonlySet<number> {
  if (!verification.verified) return new Set();
  const failed = new Set<number>();
  for (const row of rows) {
    const links = row.values.evidence;
    if (links.length === 0) continue;
    if (!links.some((link) => HOLDS.has(linkOutcome(link, verification)))) failed.add(row.index);
  }
  return failed;
}

const HOLDS: ReadonlySet<LinkOutcome> = new Set(['ok', 'unverified']);

/**
 * Every (cell, link) pair of every data row, valid or not (docs/SPEC.md §8), with its outcome; a
 * warning on the cell for each failed link, and one `evidence-reused` on each Rencana Aksi cell whose
 * evidence three or more of the tab's rows cite.
 */
export function assessEvidence(
  parsed: ParsedOffice,
  verification: EvidenceVerification,
  findings: Finding[],
): OfficeEvidence {
  const citations: EvidenceCitation[] = [];
  for (const { table, consequence } of evidenceTables(parsed)) {
    for (const row of table.rows) {
      const links = table.links(row.index, 'evidence');
      if (links.length === 0) continue;
      const cell = table.ref(row.index, 'evidence');
      for (const link of links) {
        const outcome = linkOutcome(link, verification);
        citations.push({ tab: table.tab, cell, row: row.index, link, key: evidenceKey(link), outcome, sharedWith: [] });
        if (HOLDS.has(outcome)) continue;
        const folder = verification.lookups.get(driveTarget(link)?.id ?? '')?.folder ?? false;
        if (outcome === 'unreachable')
          findings.push(
            finding('evidence-unreachable', table.tab, cell, {
              link,
              account: verification.account,
              consequence,
              malformed: driveLink(link)?.kind === 'malformed',
            }),
          );
        if (outcome === 'trashed') findings.push(finding('evidence-trashed', table.tab, cell, { link, consequence }));
        if (outcome === 'empty')
          findings.push(finding('evidence-empty', table.tab, cell, { link, folder, consequence }));
      }
    }
  }
  markReused(
    citations.filter((c) => c.tab === parsed.actionPlan.tab),
    findings,
  );
  return { verified: verification.verified, citations };
}

/** Rows of Rencana Aksi citing one piece of evidence before it counts as reused (docs/SPEC.md §8). */
export const REUSED_ROWS = 3;

function markReused(citations: readonly EvidenceCitation[], findings: Finding[]): void {
  const byKey = new Map<string, EvidenceCitation[]>();
  for (const citation of citations) byKey.set(citation.key, [...(byKey.get(citation.key) ?? []), citation]);
  for (const group of byKey.values()) {
    const rows = new Set(group.map((c) => c.row));
    if (rows.size < REUSED_ROWS) continue;
    for (const citation of group) {
      const others = [...new Set(group.filter((c) => c.row !== citation.row).map((c) => bareCell(c.cell)))];
      findings.push(finding('evidence-reused', citation.tab, citation.cell, { link: citation.link, cells: others }));
    }
  }
}

/** "O7" of "'Rencana Aksi'!O7": the tab is the finding's own. */
function bareCell(ref: string): string {
  return ref.slice(ref.lastIndexOf('!') + 1);
}

export interface EvidenceCounts {
  readonly links: number;
  readonly ok: number;
  readonly failed: number;
  readonly unverified: number;
  readonly shared: number;
  readonly verified: boolean;
}

/** The counts of results.json (docs/SPEC.md §7): each (cell, link) pair once. */
export function evidenceCounts(evidence: OfficeEvidence): EvidenceCounts {
  const count = (test: (c: EvidenceCitation) => boolean) => evidence.citations.filter(test).length;
  return {
    links: evidence.citations.length,
    ok: count((c) => c.outcome === 'ok'),
    failed: count((c) => c.outcome === 'unreachable' || c.outcome === 'trashed' || c.outcome === 'empty'),
    unverified: count((c) => c.outcome === 'unverified'),
    shared: count((c) => c.sharedWith.length > 0),
    verified: evidence.verified,
  };
}
