import {
  COMPONENTS,
  OFFICE_KIND,
  REGISTRY_TAB,
  SETTINGS_TAB,
  SETTING_DEFAULTS,
  WEIGHTS_TAB,
  YES_NO,
  type ComponentKey,
} from '../../sheets-schema/index.js';
import { cellText, isBlank, readDate, readNumber, readText } from './cells.js';
import { finding, type Finding } from './findings.js';
import { formatId, settle } from './numbers.js';
import { parsePeriod, type Period } from './period.js';
import type { ComponentWeights } from './scoring/province.js';
import { locateHeader } from './table.js';
import { cellRef, findSheet, sameLabel, type Sheet, type Workbook } from './workbook.js';

/**
 * Reads the rekap workbook's inputs (docs/SPEC.md §5): the registry of offices, the component weights and
 * the settings. Anything that would make the whole run wrong is a problem that stops the run before
 * anything is written; a bad registry row only affects its own office.
 */
export interface RegistryOffice {
  readonly code: string;
  readonly name: string;
  readonly kind: string | null;
  readonly source: string | null;
  readonly emails: readonly string[];
  /** "Satker!A5": where the office is registered, for messages about this row. */
  readonly ref: string;
}

export interface RekapInputs {
  readonly offices: readonly RegistryOffice[];
  readonly weights: ComponentWeights;
  readonly period: Period | null;
  /** Set when Pengaturan's Periode cannot be read; it stops the run only when no --period is given. */
  readonly periodProblem: string | null;
  readonly cap: number;
  readonly effectiveMinutes: number;
  readonly provinceEmails: readonly string[];
  /** Maks Binaan: requests one office may mentor in a period (docs/SPEC.md §4). */
  readonly maxMentees: number;
  /** Batas Perbaikan as an ISO date ("2025-10-15"): when offices must have fixed their findings. */
  readonly repairDeadline: string | null;
  /** Kontak: whom operators ask, as the province wrote it. */
  readonly contact: string | null;
  /** Problems that stop the run, each naming its tab and cell and saying what to do. */
  readonly problems: readonly string[];
  /** Registry rows left out, with the reason (inactive rows are left out silently). */
  readonly skipped: readonly string[];
  /** Findings on the rekap's own cells (invalid e-mail addresses), which do not stop the run. */
  readonly findings: readonly Finding[];
}

export function readRekap(workbook: Workbook): RekapInputs {
  const problems: string[] = [];
  const skipped: string[] = [];
  const findings: Finding[] = [];
  const offices = readRegistry(findSheet(workbook, REGISTRY_TAB.name), problems, skipped, findings);
  const weights = readWeights(findSheet(workbook, WEIGHTS_TAB.name), problems);
  const settings = readSettings(findSheet(workbook, SETTINGS_TAB.name), problems, findings);
  return { offices, weights, ...settings, problems, skipped, findings };
}

function readRegistry(
  sheet: Sheet | undefined,
  problems: string[],
  skipped: string[],
  findings: Finding[],
): RegistryOffice[] {
  const tab = REGISTRY_TAB.name;
  if (!sheet) {
    problems.push(
      `Tab "${tab}" tidak ditemukan. Tab ini memuat daftar satker yang dinilai; tambahkan tab "${tab}" dengan kolom Kode, Nama, Jenis, Sumber, Email, Aktif.`,
    );
    return [];
  }
  const { headerIndex, columnIndex, missing } = locateHeader(sheet, REGISTRY_TAB.columns);
  if (missing.length > 0) {
    problems.push(
      `${cellRef(tab, headerIndex, 0)}: kolom ${missing.map((c) => `"${c.header}"`).join(', ')} tidak ditemukan di tab ${tab}. Tambahkan kolom tersebut di baris judul.`,
    );
    return [];
  }
  const at = (key: string) => columnIndex.get(key);
  const offices: RegistryOffice[] = [];
  const seen = new Map<string, string>();
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const text = (key: string) => {
      const index = at(key);
      const read = index === undefined ? ({ kind: 'blank' } as const) : readText(row[index]);
      return read.kind === 'value' ? read.value : null;
    };
    const code = text('code');
    if (code === null) continue;
    const ref = cellRef(tab, r, 0);
    const active = text('active');
    if (active !== null) {
      const choice = YES_NO.find(active);
      if (!choice) {
        problems.push(`${cellRef(tab, r, at('active') ?? 0)}: Aktif berisi "${active}". Isi dengan Ya atau Tidak.`);
        continue;
      }
      if (choice.id === 'tidak') continue;
    }
    const earlier = seen.get(code);
    if (earlier) {
      problems.push(
        `${ref}: Kode ${code} sudah terdaftar di ${earlier}. Setiap satker hanya boleh terdaftar sekali; hapus atau perbaiki salah satunya.`,
      );
      continue;
    }
    seen.set(code, ref);
    const kindText = text('kind');
    const name = text('name');
    if (name === null) skipped.push(`${ref}: satker ${code} tidak punya Nama; dinilai dengan nama "${code}".`);
    offices.push({
      code,
      name: name ?? code,
      kind: kindText === null ? null : (OFFICE_KIND.find(kindText)?.label ?? kindText),
      source: text('source'),
      emails: validEmails(text('email'), tab, cellRef(tab, r, at('email') ?? 0), findings),
      ref,
    });
  }
  if (offices.length === 0 && problems.length === 0)
    problems.push(`Tab ${tab} tidak memuat satker aktif. Isi minimal satu baris dengan Kode dan Sumber.`);
  return offices;
}

export function splitEmails(text: string | null): string[] {
  return text === null ? [] : text.split(/[\s,;]+/).filter((part) => part !== '');
}

// Deliberately plain: one @, a dot in the domain, no spaces or brackets. Mail servers judge the rest.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}$/;

/** The addresses of a cell that look deliverable; each one that does not is a finding on that cell. */
function validEmails(text: string | null, tab: string, ref: string, findings: Finding[]): string[] {
  const valid: string[] = [];
  for (const address of splitEmails(text)) {
    if (EMAIL.test(address)) valid.push(address);
    else findings.push(finding('invalid-email', tab, ref, { value: address }));
  }
  return valid;
}

function readWeights(sheet: Sheet | undefined, problems: string[]): ComponentWeights {
  const defaults = Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<ComponentKey, number>;
  if (!sheet) return defaults;
  const tab = WEIGHTS_TAB.name;
  const { headerIndex, columnIndex, missing } = locateHeader(sheet, WEIGHTS_TAB.columns);
  if (missing.length > 0) {
    problems.push(
      `${cellRef(tab, headerIndex, 0)}: tab ${tab} tidak memiliki kolom ${missing.map((c) => `"${c.header}"`).join(' dan ')}. Tambahkan kolomnya, atau hapus tab ${tab} untuk memakai bobot bawaan.`,
    );
    return defaults;
  }
  const weights: Partial<Record<ComponentKey, number>> = {};
  const componentAt = columnIndex.get('component') as number;
  const weightAt = columnIndex.get('weight') as number;
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (isBlank(row[componentAt]) && isBlank(row[weightAt])) continue;
    const label = cellText(row[componentAt]).trim();
    const component = COMPONENTS.find((c) => sameLabel(c.label, label));
    if (!component) {
      problems.push(
        `${cellRef(tab, r, componentAt)}: komponen "${label}" tidak dikenal. Gunakan salah satu: ${COMPONENTS.map((c) => c.label).join(', ')}.`,
      );
      continue;
    }
    const read = readNumber(row[weightAt]);
    if (read.kind !== 'value' || read.value < 0) {
      problems.push(
        `${cellRef(tab, r, weightAt)}: bobot ${component.label} berisi "${cellText(row[weightAt])}". Isi dengan angka 0 atau lebih.`,
      );
      continue;
    }
    weights[component.key] = read.value;
  }
  const complete = Object.fromEntries(COMPONENTS.map((c) => [c.key, weights[c.key] ?? 0])) as Record<
    ComponentKey,
    number
  >;
  const sum = settle(Object.values(complete).reduce((total, weight) => total + weight, 0));
  if (sum !== 100) {
    problems.push(
      `Tab ${tab}: jumlah bobot komponen ${formatId(sum)}, bukan 100 (${COMPONENTS.map((c) => `${c.label} ${formatId(complete[c.key])}`).join(', ')}). Sesuaikan agar jumlahnya 100; tidak ada hasil yang ditulis sebelum bobot benar.`,
    );
  }
  return complete;
}

function readSettings(sheet: Sheet | undefined, problems: string[], findings: Finding[]) {
  const tab = SETTINGS_TAB.name;
  const value = (label: string) => {
    const r =
      sheet?.rows.findIndex((row) => typeof row?.[0]?.value === 'string' && sameLabel(row[0].value, label)) ?? -1;
    return r < 0 ? null : { ref: cellRef(tab, r, 1), cell: sheet?.rows[r]?.[1] };
  };
  const number = (label: string, fallback: number, min: number) => {
    const entry = value(label);
    if (!entry || isBlank(entry.cell)) return fallback;
    const read = readNumber(entry.cell);
    if (read.kind === 'value' && read.value > min) return read.value;
    problems.push(
      `${entry.ref}: ${label} berisi "${cellText(entry.cell)}". Isi dengan angka lebih dari ${formatId(min)}, atau kosongkan untuk nilai bawaan ${formatId(fallback)}.`,
    );
    return fallback;
  };
  const periodEntry = value('Periode');
  let period: Period | null = null;
  let periodProblem: string | null = null;
  if (periodEntry && !isBlank(periodEntry.cell)) {
    const text = cellText(periodEntry.cell).trim();
    period = parsePeriod(text);
    if (!period)
      periodProblem = `${periodEntry.ref}: Periode berisi "${text}". Tulis seperti 2025-TW3 (tahun, tanda hubung, TW dan nomor triwulan 1–4).`;
  }
  const emailEntry = value('Email Provinsi');
  const maxMentees = number('Maks Binaan', SETTING_DEFAULTS.maxMentees, 0);
  const menteesEntry = value('Maks Binaan');
  if (!Number.isInteger(maxMentees) && menteesEntry)
    problems.push(
      `${menteesEntry.ref}: Maks Binaan berisi "${cellText(menteesEntry.cell)}". Isi dengan bilangan bulat 1 atau lebih, misalnya 3.`,
    );
  let repairDeadline: string | null = null;
  const deadlineEntry = value('Batas Perbaikan');
  if (deadlineEntry && !isBlank(deadlineEntry.cell)) {
    const read = readDate(deadlineEntry.cell);
    if (read.kind === 'value') repairDeadline = read.value;
    else
      problems.push(
        `${deadlineEntry.ref}: Batas Perbaikan berisi "${cellText(deadlineEntry.cell).trim()}", bukan tanggal. Tulis seperti 15/10/2025 atau 15 Oktober 2025, atau kosongkan.`,
      );
  }
  const contactEntry = value('Kontak');
  const contact = contactEntry ? readText(contactEntry.cell) : null;
  return {
    period,
    periodProblem,
    cap: number('Batas Capaian', SETTING_DEFAULTS.cap, 0),
    effectiveMinutes: number('WKE', SETTING_DEFAULTS.effectiveMinutes, 0),
    provinceEmails: emailEntry ? validEmails(cellText(emailEntry.cell), tab, emailEntry.ref, findings) : [],
    maxMentees,
    repairDeadline,
    contact: contact?.kind === 'value' ? contact.value : null,
  };
}
