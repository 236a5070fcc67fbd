import { ACTION_PLAN_TAB, IKI_TAB, IKU_TAB, JOBS_TAB, WORKLOAD_TAB } from '../../sheets-schema/index.js';
import type { FindingCode } from '../core/findings.js';
import { cellRef, columnLetter } from '../core/workbook.js';
import {
  columnOf,
  findTable,
  indonesianDecimal,
  type OfficeContent,
  type OfficeStyle,
  type SampleCell,
  type SampleTable,
} from './content.js';
import { Random } from './random.js';
import { PILOT_OFFICE } from './sample-offices.js';

/**
 * The mistakes real operators make, put into a few offices of the sample so that every finding the
 * validator knows has a live example. Which offices get which mistakes depends only on the seed and
 * the office list; each office gets at most two kinds, and the pilot office none.
 */
export type MistakeKind =
  | 'formula-error'
  | 'decimal-comma'
  | 'nip-as-number'
  | 'ambiguous-number'
  | 'unknown-iku'
  | 'mixed-percent'
  | 'word-in-number'
  | 'missing-evidence'
  | 'missing-column'
  | 'extra-holder'
  | 'unreadable';

/** What the validator should report for each kind; null for spellings that are valid as typed. */
export const EXPECTED_FINDING: Readonly<Record<MistakeKind, FindingCode | null>> = {
  'formula-error': 'formula-error',
  'decimal-comma': null,
  'nip-as-number': 'nip-not-text',
  'ambiguous-number': 'ambiguous-number',
  'unknown-iku': 'unknown-iku',
  'mixed-percent': null,
  'word-in-number': 'invalid-number',
  'missing-evidence': 'missing-evidence',
  'missing-column': 'missing-column',
  'extra-holder': 'staff-count-mismatch',
  unreadable: 'unreadable-workbook',
};

/**
 * One round spreads all kinds over seven offices. Kinds that touch the same cells are never
 * paired, and the most telling ones come first, for samples with only a few offices.
 */
const ROUND: readonly (readonly MistakeKind[])[] = [
  ['formula-error', 'decimal-comma'],
  ['nip-as-number', 'ambiguous-number'],
  ['unknown-iku', 'mixed-percent'],
  ['word-in-number', 'extra-holder'],
  ['missing-evidence'],
  ['missing-column'],
  ['unreadable'],
];

/** Offices per round: a province of 38 has one round, one of 5 520 has 145. */
const OFFICES_PER_ROUND = 38;

export function planMistakes(codes: readonly string[], seed: number): Map<string, MistakeKind[]> {
  const candidates = Random.for(seed, 'mistakes').shuffle(codes.filter((code) => code !== PILOT_OFFICE));
  const rounds = Math.max(1, Math.floor(codes.length / OFFICES_PER_ROUND));
  const plan = new Map<string, MistakeKind[]>();
  for (let slot = 0; slot < Math.min(candidates.length, rounds * ROUND.length); slot++) {
    plan.set(candidates[slot] as string, [...(ROUND[slot % ROUND.length] as MistakeKind[])]);
  }
  return plan;
}

/** Style an office must have for its planned mistakes to make sense. */
export function styleForMistakes(kinds: readonly MistakeKind[]): Partial<OfficeStyle> {
  return kinds.includes('mixed-percent') ? { percent: 'cell' } : {};
}

export interface SampleMistake {
  readonly office: string;
  readonly kind: MistakeKind;
  /** The tab the mistake is in; null when the whole file is unreadable. */
  readonly tab: string | null;
  /** Where the validator's finding points ("IKU!N5"); for a missing column, the tab's A1. */
  readonly cells: readonly string[];
  readonly finding: FindingCode | null;
}

/** Applies one mistake to freshly generated content (changing it in place) and says where it is. */
export function applyMistake(content: OfficeContent, kind: MistakeKind, seed: number, quarter: number): SampleMistake {
  const rng = Random.for(seed, content.office.code, 'mistake', kind);
  const at = (tab: string, cells: string[]): SampleMistake => ({
    office: content.office.code,
    kind,
    tab,
    cells,
    finding: EXPECTED_FINDING[kind],
  });
  const realizationHeader = `Realisasi TW ${['I', 'II', 'III', 'IV'][quarter - 1]}`;
  const targetHeader = `Target TW ${['I', 'II', 'III', 'IV'][quarter - 1]}`;

  switch (kind) {
    case 'unreadable':
      return { office: content.office.code, kind, tab: null, cells: [], finding: EXPECTED_FINDING[kind] };
    case 'missing-column': {
      const table = findTable(content, ACTION_PLAN_TAB.name);
      removeColumn(table, columnOf(table, 'Bukti Dukung'));
      return at(table.tab, [cellRef(table.tab, 0, 0)]);
    }
    case 'formula-error': {
      const table = findTable(content, ACTION_PLAN_TAB.name);
      const column = columnOf(table, realizationHeader);
      const target = columnOf(table, targetHeader);
      const due = rowsWhere(table, (row) => amount(row[target]) > 0);
      const r = rng.pick(due.length > 0 ? due : table.rows.map((_, i) => i));
      set(table, r, column, { formula: `${columnLetter(target)}${r + 2}/0`, error: '#DIV/0!' });
      return at(table.tab, [cellRef(table.tab, r + 1, column)]);
    }
    case 'word-in-number': {
      const table = findTable(content, IKU_TAB.name);
      const column = columnOf(table, realizationHeader);
      const unit = columnOf(table, 'Satuan');
      const r = rng.pick(rowsWhere(table, (row) => row[column] !== null && row[unit] === 'persen'));
      set(table, r, column, 'delapan puluh');
      return at(table.tab, [cellRef(table.tab, r + 1, column)]);
    }
    case 'decimal-comma': {
      const table = findTable(content, IKU_TAB.name);
      const column = columnOf(table, realizationHeader);
      const unit = columnOf(table, 'Satuan');
      const rows = rng.sample(
        rowsWhere(table, (row) => row[column] !== null && row[unit] === 'persen'),
        2,
      );
      for (const r of rows) set(table, r, column, indonesianDecimal(Math.floor(amount(table.rows[r]?.[column])) - 0.5));
      return at(
        table.tab,
        rows.map((r) => cellRef(table.tab, r + 1, column)),
      );
    }
    case 'mixed-percent': {
      const table = findTable(content, IKU_TAB.name);
      const cells: string[] = [];
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (
            typeof cell === 'object' &&
            cell !== null &&
            'numFmt' in cell &&
            cell.numFmt.includes('%') &&
            (r + c) % 2 === 0
          ) {
            row[c] = `${indonesianDecimal(cell.value * 100)}%`;
            cells.push(cellRef(table.tab, r + 1, c));
          }
        }),
      );
      return at(table.tab, cells);
    }
    case 'nip-as-number': {
      const table = findTable(content, IKI_TAB.name);
      const column = columnOf(table, 'NIP');
      const digits = String(rng.pick(table.rows)[column]).replace(/\s+/g, '');
      const rows = rowsWhere(table, (row) => String(row[column]).replace(/\s+/g, '') === digits);
      // Excel keeps 15 significant digits: the NIP is stored rounded and shown as 1,98703E+17.
      for (const r of rows) set(table, r, column, { value: Number(digits), numFmt: 'General' });
      return at(
        table.tab,
        rows.map((r) => cellRef(table.tab, r + 1, column)),
      );
    }
    case 'unknown-iku': {
      const table = findTable(content, IKI_TAB.name);
      const column = columnOf(table, 'Kode IKU');
      const ikuCount = findTable(content, IKU_TAB.name).rows.length;
      const shared = rowsWhere(table, (row, r) =>
        table.rows.some((other, o) => o !== r && other[column] === row[column]),
      );
      const r = rng.pick(shared.length > 0 ? shared : table.rows.map((_, i) => i));
      // A code that was renumbered away: the next one after the last IKU.
      set(table, r, column, `IKU-${String(ikuCount + 1).padStart(2, '0')}`);
      return at(table.tab, [cellRef(table.tab, r + 1, column)]);
    }
    case 'ambiguous-number': {
      const table = findTable(content, WORKLOAD_TAB.name);
      const column = columnOf(table, 'Beban Kerja');
      const large = rowsWhere(table, (row) => amount(row[column]) >= 1000 && amount(row[column]) < 10_000);
      const r = rng.pick(large.length > 0 ? large : table.rows.map((_, i) => i));
      const volume = large.length > 0 ? amount(table.rows[r]?.[column]) : 1250;
      // "1.250" is what Excel shows for 1250 with a thousands format; typed as text it is ambiguous.
      set(table, r, column, `${Math.floor(volume / 1000)}.${String(volume % 1000).padStart(3, '0')}`);
      return at(table.tab, [cellRef(table.tab, r + 1, column)]);
    }
    case 'extra-holder': {
      // A job Anjab counts one holder for, written in IKI for more people: the treasurer's Jabatan copied
      // down to the rows of colleagues who only help with its work.
      const anjab = findTable(content, JOBS_TAB.name);
      const iki = findTable(content, IKI_TAB.name);
      const [jobColumn, staffColumn] = [columnOf(anjab, 'Jabatan'), columnOf(anjab, 'Pegawai Ada')];
      const [position, nip] = [columnOf(iki, 'Jabatan'), columnOf(iki, 'NIP')];
      const single = rowsWhere(anjab, (row, r) => r > 0 && row[staffColumn] === 1);
      const r = rng.pick(single.length > 0 ? single : [anjab.rows.length - 1]);
      const job = anjab.rows[r]?.[jobColumn];
      const staff = amount(anjab.rows[r]?.[staffColumn]);
      const people = [...new Set(iki.rows.map((row) => String(row[nip])))];
      const holders = new Set(iki.rows.filter((row) => row[position] === job).map((row) => String(row[nip])));
      // Never the head of the secretariat (the first person): that row names who signs.
      const others = people.slice(1).filter((person) => !holders.has(person));
      for (const person of rng.sample(others, Math.max(0, staff + 2 - holders.size)))
        rowsWhere(iki, (row) => String(row[nip]) === person).forEach((i) => set(iki, i, position, job ?? null));
      return at(anjab.tab, [cellRef(anjab.tab, r + 1, staffColumn)]);
    }
    case 'missing-evidence': {
      const table = findTable(content, ACTION_PLAN_TAB.name);
      const evidence = columnOf(table, 'Bukti Dukung');
      const targets = [1, 2, 3, 4]
        .filter((q) => q <= quarter)
        .map((q) => columnOf(table, `Target TW ${['I', 'II', 'III', 'IV'][q - 1]}`));
      const realizations = targets.map((c) => c + 4);
      const due = rowsWhere(
        table,
        (row) => targets.some((c) => amount(row[c]) > 0) && realizations.some((c) => amount(row[c]) > 0),
      );
      const rows = rng.sample(due, 2);
      for (const r of rows) set(table, r, evidence, null);
      return at(
        table.tab,
        rows.map((r) => cellRef(table.tab, r + 1, evidence)),
      );
    }
  }
}

function rowsWhere(table: SampleTable, test: (row: SampleCell[], r: number) => boolean): number[] {
  const rows: number[] = [];
  table.rows.forEach((row, r) => test(row, r) && rows.push(r));
  return rows;
}

function set(table: SampleTable, r: number, c: number, cell: SampleCell): void {
  const row = table.rows[r];
  if (row) row[c] = cell;
}

function removeColumn(table: SampleTable, c: number): void {
  table.headers.splice(c, 1);
  for (const row of table.rows) row.splice(c, 1);
}

/** The number a generated cell stands for, in percent units; 0 for anything else. */
function amount(cell: SampleCell | undefined): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return Number(cell.replace('%', '').replace(',', '.')) || 0;
  if (cell && 'numFmt' in cell) return cell.numFmt.includes('%') ? cell.value * 100 : cell.value;
  return 0;
}
