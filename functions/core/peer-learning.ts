import {
  AREA_CHOICES,
  AREA_HISTORY_ROW,
  AREAS,
  areaById,
  historyRows,
  LEDGER_HISTORY_ROW,
  type AreaId,
} from '../../sheets-schema/index.js';
import { readDate } from './cells.js';
import { round2OrNull, roundHalfAway } from './numbers.js';
import { previousPeriod, type Period } from './period.js';
import { compareCodes } from './scoring/province.js';

/** A row as read from a sheet: header → value (summary-rows.ts's SheetRecord, which this module does not import). */
type SheetRecord = Readonly<Record<string, string | number | null>>;

/**
 * The peer-learning ledger (docs/SPEC.md §9, v3): the pairs of §4 written into the rekap's Pembelajaran
 * tab, the sessions the province records there, and what each pair of the period before did to its
 * mentee's area score against similar offices that were not mentored. Pure: the rows come in as records
 * read from the rekap (Rekap Bidang and Pembelajaran), nothing is recomputed from old workbooks.
 */

/** One Pembelajaran row as read back. */
export interface LedgerRow {
  readonly period: string;
  readonly area: AreaId;
  readonly mentee: string;
  readonly mentor: string | null;
  /** The mentor's area score when paired; null once the pair no longer holds (it then does not count). */
  readonly mentorScore: number | null;
  readonly menteeScore: number | null;
  /** Tanggal Sesi as an ISO date when it holds one: the pair was held. */
  readonly session: string | null;
  /** The record as read, so a pair that no longer holds is written back with the province's own spelling. */
  readonly record: SheetRecord;
}

/** What one pair of the period before did (results.json `peerLearning`, docs/SPEC.md §7 and §9). */
export interface PeerLearningEntry {
  readonly area: AreaId;
  readonly mentor: string;
  readonly held: boolean;
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
  readonly comparison: { readonly offices: number; readonly change: number | null };
  readonly effect: number | null;
}

/** Each office's area scores of one period, rounded as Rekap Bidang holds them. */
export type AreaTable = ReadonlyMap<string, Readonly<Partial<Record<AreaId, number | null>>>>;

/**
 * Pembelajaran's rows (a row whose Bidang names no area, or without Periode or Satker, is a note the
 * province typed: left out). A Tanggal Sesi holds a date when it is a date cell or a date written as text.
 */
export function ledgerRows(records: readonly SheetRecord[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const record of records) {
    const parsed = LEDGER_HISTORY_ROW.safeParse(record);
    const area = parsed.success ? AREA_CHOICES.find(parsed.data.Bidang) : undefined;
    if (!parsed.success || !area) continue;
    const row = parsed.data;
    rows.push({
      period: row.Periode,
      area: area.id as AreaId,
      mentee: row.Satker,
      mentor: row.Pembina ?? null,
      mentorScore: row['Nilai Pembina'] ?? null,
      menteeScore: row['Nilai Satker'] ?? null,
      session: sessionDate(row['Tanggal Sesi']),
      record,
    });
  }
  return rows;
}

function sessionDate(value: unknown): string | null {
  // A date cell reads back as its serial; a typed date or a script's date-time ("2025-07-15T00:00:00") as text.
  const text = typeof value === 'string' ? value.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '') : value;
  if (typeof text !== 'number' && typeof text !== 'string') return null;
  const read = readDate({ value: text, format: typeof text === 'number' ? 'date' : 'text' });
  return read.kind === 'value' ? read.value : null;
}

/** Rekap Bidang's rows as a table per period: period → office → area → score. */
export function areaTables(
  records: readonly SheetRecord[],
): Map<string, Map<string, Partial<Record<AreaId, number | null>>>> {
  const tables = new Map<string, Map<string, Partial<Record<AreaId, number | null>>>>();
  for (const row of historyRows(AREA_HISTORY_ROW, records)) {
    const scores: Partial<Record<AreaId, number | null>> = {};
    for (const area of AREAS) {
      const value = (row as Record<string, unknown>)[area.name];
      scores[area.id] = typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
    const table = tables.get(row.Periode) ?? new Map<string, Partial<Record<AreaId, number | null>>>();
    table.set(row.Kode, scores);
    tables.set(row.Periode, table);
  }
  return tables;
}

/** The period's area table with this run's offices laid over the rows of earlier runs. */
export function currentAreaTable(
  earlier: AreaTable | undefined,
  offices: readonly { readonly code: string; readonly areas: Readonly<Record<AreaId, number | null>> }[],
): AreaTable {
  const table = new Map(earlier ?? []);
  for (const office of offices) {
    const scores: Partial<Record<AreaId, number | null>> = {};
    for (const area of AREAS) scores[area.id] = round2OrNull(office.areas[area.id]);
    table.set(office.code, scores);
  }
  return table;
}

/** How close (in points) an office's area score must have been to the mentee's to compare with it. */
export const COMPARISON_WINDOW = 10;

/**
 * The `peerLearning` entries of period p (docs/SPEC.md §9), by mentee: one per pair of the period before
 * (a Pembelajaran row of p⁻ whose Nilai Pembina is set), held or not, in the order of the mentee's pairs
 * then (weakest area first, ties by area number). `before` comes from p⁻'s table, `after` from p's.
 * The comparison group is every other office with a score in that area in both periods that was no
 * mentee of a held pair in that area in p⁻ and whose p⁻ score was within COMPARISON_WINDOW of `before`.
 */
export function peerLearningEntries(
  period: Period,
  ledger: readonly LedgerRow[],
  tables: { readonly before: AreaTable; readonly after: AreaTable },
): Map<string, PeerLearningEntry[]> {
  const previous = previousPeriod(period).id;
  const pairs = ledger
    .filter((row) => row.period === previous && row.mentor !== null && row.mentorScore !== null)
    .map((row) => ({ ...row, before: tables.before.get(row.mentee)?.[row.area] ?? null }));
  const heldMentees = new Map<AreaId, Set<string>>();
  for (const pair of pairs)
    if (pair.session !== null) heldMentees.set(pair.area, (heldMentees.get(pair.area) ?? new Set()).add(pair.mentee));

  const entries = new Map<string, PeerLearningEntry[]>();
  const order = (a: (typeof pairs)[number], b: (typeof pairs)[number]) =>
    (a.before ?? a.menteeScore ?? Infinity) - (b.before ?? b.menteeScore ?? Infinity) ||
    areaById(a.area).no - areaById(b.area).no;
  for (const pair of [...pairs].sort((a, b) => compareCodes(a.mentee, b.mentee) || order(a, b))) {
    const after = tables.after.get(pair.mentee)?.[pair.area] ?? null;
    const change = difference(after, pair.before);
    const comparison = comparisonGroup(pair.mentee, pair.area, pair.before, tables, heldMentees.get(pair.area));
    entries.set(pair.mentee, [
      ...(entries.get(pair.mentee) ?? []),
      {
        area: pair.area,
        mentor: pair.mentor as string,
        held: pair.session !== null,
        before: pair.before,
        after,
        change,
        comparison,
        effect: difference(change, comparison.change),
      },
    ]);
  }
  return entries;
}

function comparisonGroup(
  mentee: string,
  area: AreaId,
  before: number | null,
  tables: { readonly before: AreaTable; readonly after: AreaTable },
  heldMentees: ReadonlySet<string> | undefined,
): { offices: number; change: number | null } {
  if (before === null) return { offices: 0, change: null };
  const changes: number[] = [];
  for (const [code, scores] of tables.before) {
    if (code === mentee || heldMentees?.has(code)) continue;
    const then = scores[area] ?? null;
    const now = tables.after.get(code)?.[area] ?? null;
    if (then === null || now === null) continue;
    if (roundHalfAway(Math.abs(then - before)) > COMPARISON_WINDOW) continue;
    changes.push(roundHalfAway(now - then));
  }
  if (changes.length === 0) return { offices: 0, change: null };
  return { offices: changes.length, change: roundHalfAway(changes.reduce((sum, c) => sum + c, 0) / changes.length) };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : roundHalfAway(a - b);
}
