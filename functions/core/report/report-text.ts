import {
  ACTION_PLAN_TAB,
  COMPONENTS,
  IKI_TAB,
  IKU_TAB,
  STAGES_TAB,
  type ComponentKey,
} from '../../../sheets-schema/index.js';
import { TAB_PROBLEMS } from '../findings.js';
import { columnRanges } from '../group-findings.js';
import { findingGroupKey } from '../scoring/gains.js';
import type { OfficeFinding, OfficeResult } from '../scoring/office.js';
import { fixedId } from './format.js';

/**
 * What a report says about findings: the largest gains as things to do, and the tab problems that make a
 * component 0 (data problems, not performance). Shared by the office report and its e-mail, so both say
 * the same thing in the same words.
 */
export interface GainAction {
  /** "+7,50 poin". */
  readonly gain: string;
  /** "bila bukti dukung Rencana Aksi sel O5 (Rekonsiliasi laporan keuangan) dilengkapi". */
  readonly action: string;
  readonly cell: string;
}

/** "Rencana Aksi sel O5" from "'Rencana Aksi'!O5": how a person names a cell. */
export function cellName(cell: string): string {
  const match = /^'?(.*?)'?!([A-Z0-9:, ]+)$/.exec(cell);
  return match ? `${(match[1] as string).replace(/''/g, "'")} sel ${match[2] as string}` : cell;
}

/** "+7,50 poin": gains are index points, shown to two decimals like every score. */
export function gainText(gain: number): string {
  return `+${fixedId(gain, 2)} poin`;
}

function rowKey(f: OfficeFinding): string {
  return `${f.tab}|${/(\d+)$/.exec(f.cell)?.[1] ?? f.cell}`;
}

/**
 * Up to `limit` things to do with the largest gain. A row put right counts once; the same mistake on
 * several rows of one column (six NIPs typed as numbers) is one thing to do, with the gain of putting
 * all of them right at once (core/scoring/gains.ts `groupGains`), never a per-row figure for the reader
 * to multiply (issue 18).
 */
export function largestGains(office: OfficeResult, limit = 3): GainAction[] {
  const best = new Map<string, OfficeFinding>();
  for (const f of office.findings) {
    if (f.gain === null || Math.round(f.gain * 100) <= 0) continue;
    const key = rowKey(f);
    const seen = best.get(key);
    // One row, several findings: name the error rather than a warning on the same row.
    if (!seen || (seen.level === 'warning' && f.level === 'error')) best.set(key, f);
  }
  const groups = new Map<string, OfficeFinding[]>();
  for (const f of best.values()) {
    const key = findingGroupKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ group, total: groupTotal(office, key, group) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, limit)
    .map(({ group, total }) => {
      const f = group[0] as OfficeFinding;
      if (group.length === 1)
        return { gain: gainText(total), action: `bila ${fixPhrase(f, context(office, f))}`, cell: f.cell };
      const column = /!\$?([A-Z]+)/.exec(f.cell)?.[1] ?? 'A';
      const rows = group.map((x) => Number(/(\d+)$/.exec(x.cell)?.[1] ?? 1) - 1);
      const where = `${cellName(rowRanges(f.tab, column, rows))} (${group.length} baris)`;
      return {
        gain: gainText(total),
        action: `bila ${fixPhrase({ ...f, cell: where }, null, true)} semuanya`,
        cell: f.cell,
      };
    });
}

/**
 * A group's gain: the joint gain of its rows when scoring computed one; else (a result stored by an older
 * monev) the largest single gain, which is what the group is worth at least.
 */
function groupTotal(office: OfficeResult, key: string, group: readonly OfficeFinding[]): number {
  const single = Math.max(...group.map((f) => f.gain as number));
  if (group.length === 1) return single;
  return office.groupGains?.[key] ?? single;
}

/** The row's activity or indicator code, so an operator finds the row without counting. Never a person's name. */
function context(office: OfficeResult, f: OfficeFinding): string | null {
  const row = Number(/(\d+)$/.exec(f.cell)?.[1] ?? 0) - 1;
  if (f.tab === 'Rencana Aksi') return office.details.actionPlan.find((item) => item.row === row)?.activity ?? null;
  if (f.tab === 'IKU') return office.details.iku.find((item) => item.row === row)?.code ?? null;
  return null;
}

function fixPhrase(f: OfficeFinding, about: string | null, named = false): string {
  const where = `${named ? f.cell : cellName(f.cell)}${about === null ? '' : ` (${shorten(about)})`}`;
  if (f.code === 'missing-evidence' || f.code.startsWith('evidence-')) return `bukti dukung ${where} dilengkapi`;
  switch (f.code) {
    // The one tab finding with a gain (docs/SPEC.md §8 v3): Rencana Aksi without its Bukti Dukung column.
    case 'missing-column':
      return `kolom Bukti Dukung ditambahkan di tab ${f.tab} dan bukti dukung setiap kegiatan dilengkapi (paling banyak)`;
    case 'missing-value':
      return `${where} diisi`;
    case 'nip-not-text':
    case 'invalid-nip':
      return `NIP di ${where} diperbaiki`;
    case 'missing-target':
      return `target kegiatan di ${where} diisi`;
    case 'unknown-iku':
      return `Kode IKU di ${where} dibetulkan`;
    case 'duplicate-code':
      return `kode ganda di ${where} diganti`;
    case 'invalid-weight':
      return `Bobot di ${where} diisi`;
    case 'invalid-url':
      return `tautan di ${where} dibetulkan`;
    default:
      return `isi ${where} dibetulkan`;
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 47)}…` : flat;
}

/**
 * Tab problems (a missing tab or column, an empty tab) zero a whole component: the first things to do,
 * although no gain is computed for them (docs/SPEC.md §8: not about one row).
 */
export function tabActions(office: OfficeResult): { tab: string; message: string; cell: string }[] {
  return office.findings
    .filter((f) => TAB_PROBLEMS.has(f.code))
    .map((f) => ({ tab: f.tab, message: f.message, cell: f.cell }));
}

/** Why a tab's component is 0 when the tab itself is broken, in words for the number's side. */
export function tabProblem(office: OfficeResult, tab: string): string | null {
  const f = office.findings.find((x) => x.tab === tab && TAB_PROBLEMS.has(x.code));
  if (!f) return null;
  switch (f.code) {
    case 'missing-tab':
      return `tab ${tab} tidak ditemukan`;
    case 'empty-tab':
      return `tab ${tab} belum berisi data`;
    default:
      return `kolom wajib di tab ${tab} tidak lengkap`;
  }
}

/** Component → the tab it is computed from; Kualitas Data spans all six, so no one tab zeroes it. */
const COMPONENT_TABS: Partial<Record<ComponentKey, string>> = {
  iku: IKU_TAB.name,
  actionPlan: ACTION_PLAN_TAB.name,
  iki: IKI_TAB.name,
  stages: STAGES_TAB.name,
};

/** Each component's tab problem (see `tabProblem`), null when its tab reads; Kualitas Data is never null-tabbed. */
export function componentProblems(office: OfficeResult): Record<ComponentKey, string | null> {
  return Object.fromEntries(
    COMPONENTS.map((c) => {
      const tab = COMPONENT_TABS[c.key];
      return [c.key, tab === undefined || office.status !== 'scored' ? null : tabProblem(office, tab)];
    }),
  ) as Record<ComponentKey, string | null>;
}

/** Why every area is 0 when the tab areas are computed from (Rencana Aksi) is broken; null when it reads. */
export function areasProblem(office: OfficeResult): string | null {
  return office.status === 'scored' ? tabProblem(office, ACTION_PLAN_TAB.name) : null;
}

/** "IKI!A7:A12, A15" for sheet rows (0-based indexes): consecutive rows as one range, long lists cut short. */
export function rowRanges(tab: string, column: string, rows: readonly number[]): string {
  return `${tab}!${columnRanges(
    column,
    rows.map((row) => row + 1),
  )}`;
}
