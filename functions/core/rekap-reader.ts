import {
  COMPONENTS,
  OFFICE_KIND,
  REGISTRY_TAB,
  SETTINGS_TAB,
  SETTING_DEFAULTS,
  WEIGHTS_TAB,
  YES_NO,
  labelOf,
  type ComponentKey,
} from '../../sheets-schema/index.js';
import { cellText, isBlank, isHttpUrl, readDate, readNumber, readText } from './cells.js';
import { finding, type Finding } from './findings.js';
import { rekapMessage } from './messages/rekap.js';
import { formatId, settle } from './numbers.js';
import { parsePeriod, type Period } from './period.js';
import type { ComponentWeights } from './scoring/province.js';
import { locateHeader } from './sheet-table.js';
import { cellRef, findSheet, sameLabel, type Cell, type Sheet, type Workbook } from './workbook.js';

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
    problems.push(rekapMessage('registry-tab-missing'));
    return [];
  }
  const { headerIndex, columnIndex, missing } = locateHeader(sheet, REGISTRY_TAB.columns);
  if (missing.length > 0) {
    problems.push(
      rekapMessage('registry-columns-missing', {
        at: cellRef(tab, headerIndex, 0),
        columns: missing.map((c) => c.header),
      }),
    );
    return [];
  }
  const at = (key: string) => columnIndex.get(key);
  const offices: RegistryOffice[] = [];
  const seen = new Map<string, string>();
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const cell = (key: string) => {
      const index = at(key);
      return index === undefined ? undefined : row[index];
    };
    const text = (key: string) => {
      const read = readText(cell(key));
      return read.kind === 'value' ? read.value : null;
    };
    const code = text('code');
    if (code === null) continue;
    const ref = cellRef(tab, r, 0);
    const active = text('active');
    if (active !== null) {
      const choice = YES_NO.find(active);
      if (!choice) {
        problems.push(rekapMessage('invalid-active', { at: cellRef(tab, r, at('active') ?? 0), value: active }));
        continue;
      }
      if (choice.id === 'tidak') continue;
    }
    if (!OFFICE_CODE.test(code)) {
      problems.push(rekapMessage('invalid-office-code', { at: ref, ...describeCode(code) }));
      continue;
    }
    const earlier = seen.get(code);
    if (earlier) {
      problems.push(rekapMessage('duplicate-office', { at: ref, code, earlier }));
      continue;
    }
    seen.set(code, ref);
    const kindText = text('kind');
    const name = text('name');
    if (name === null) skipped.push(rekapMessage('office-without-name', { at: ref, code }));
    offices.push({
      code,
      name: name ?? code,
      kind: kindText === null ? null : (OFFICE_KIND.find(kindText)?.label ?? kindText),
      source: linkedSource(cell('source')),
      emails: validEmails(cell('email'), tab, cellRef(tab, r, at('email') ?? 0), findings),
      ref,
    });
  }
  if (offices.length === 0 && problems.length === 0) problems.push(rekapMessage('no-active-office'));
  return offices;
}

export function splitEmails(text: string | null): string[] {
  return text === null ? [] : text.split(/[\s,;]+/).filter((part) => part !== '');
}

// Deliberately plain: one @, a dot in the domain, no spaces or brackets. Mail servers judge the rest.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}$/;

/**
 * The addresses of an Email cell that look deliverable; each one that does not is a finding on that cell.
 * Addresses come in every form a link takes (SPEC v3 §5): typed, or as person chips and mailto: links
 * beside the text. When such links are there, the text is their label (a chip shows as "@", a linked
 * name as the name): its words that are not addresses are not mistakes.
 */
function validEmails(cell: Cell | undefined, tab: string, ref: string, findings: Finding[]): string[] {
  const read = readText(cell);
  const linked = (cell?.links ?? []).flatMap(mailtoAddresses);
  const valid: string[] = [];
  // A formula error is quoted as the address it fails to be, so the province sees it.
  const typed = read.kind === 'value' ? read.value : read.kind === 'invalid' ? read.text : null;
  for (const address of splitEmails(typed)) {
    if (EMAIL.test(address)) valid.push(address);
    else if (linked.length === 0) findings.push(finding('invalid-email', tab, ref, { value: address }));
  }
  for (const address of linked) {
    if (EMAIL.test(address)) valid.push(address);
    else findings.push(finding('invalid-email', tab, ref, { value: address }));
  }
  return [...new Set(valid)];
}

/** "mailto:a@x.go.id,b@x.go.id?subject=…" → its addresses; any other link gives none. */
function mailtoAddresses(link: string): string[] {
  const match = /^mailto:([^?]*)/i.exec(link.trim());
  if (!match) return [];
  let addresses = match[1] ?? '';
  try {
    addresses = decodeURIComponent(addresses);
  } catch {
    // A malformed escape is kept as written, and the address check below reports it.
  }
  return splitEmails(addresses);
}

/**
 * A Sumber in every form a link takes (SPEC v3 §5): a spreadsheet pasted as a smart chip (whose text is
 * only "@"), linked text or a HYPERLINK formula names the spreadsheet it links to; otherwise the text
 * itself is the ID, URL or (locally) the file's path.
 */
function linkedSource(cell: Cell | undefined): string | null {
  const link = (cell?.links ?? []).map((l) => l.trim()).find(isHttpUrl);
  if (link !== undefined) return link;
  const read = readText(cell);
  return read.kind === 'value' ? read.value : null;
}

// Kemendagri codes a regency or city with four digits: 35 for Jawa Timur, then the regency (3573 Kota Malang).
const OFFICE_CODE = /^[0-9]{4}$/;

/** What makes a Kode wrong that the eye cannot see: characters without width, full-width digits. */
function describeCode(code: string): { value: string; invisible: string[]; wide: boolean } {
  const invisible = new Set<string>();
  const value = code.replace(/[\p{Cf}\p{Cc}\p{Z}]/gu, (char) => {
    const name = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    invisible.add(name);
    return `[${name}]`;
  });
  return { value, invisible: [...invisible], wide: /[\uFF10-\uFF19]/.test(code) };
}

function readWeights(sheet: Sheet | undefined, problems: string[]): ComponentWeights {
  const defaults = Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<ComponentKey, number>;
  if (!sheet) return defaults;
  const tab = WEIGHTS_TAB.name;
  const { headerIndex, columnIndex, missing } = locateHeader(sheet, WEIGHTS_TAB.columns);
  if (missing.length > 0) {
    problems.push(
      rekapMessage('weights-columns-missing', {
        at: cellRef(tab, headerIndex, 0),
        columns: missing.map((c) => c.header),
      }),
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
      problems.push(rekapMessage('unknown-component', { at: cellRef(tab, r, componentAt), value: label }));
      continue;
    }
    const read = readNumber(row[weightAt]);
    if (read.kind !== 'value' || read.value < 0) {
      problems.push(
        rekapMessage('invalid-component-weight', {
          at: cellRef(tab, r, weightAt),
          component: component.label,
          value: cellText(row[weightAt]),
        }),
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
      rekapMessage('weights-not-100', {
        sum: formatId(sum),
        parts: COMPONENTS.map((c) => `${c.label} ${formatId(complete[c.key])}`),
      }),
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
      rekapMessage('invalid-setting-number', {
        at: entry.ref,
        label,
        value: cellText(entry.cell),
        min: formatId(min),
        fallback: formatId(fallback),
      }),
    );
    return fallback;
  };
  const periodEntry = value(labelOf(SETTINGS_TAB, 'period'));
  let period: Period | null = null;
  let periodProblem: string | null = null;
  if (periodEntry && !isBlank(periodEntry.cell)) {
    const text = cellText(periodEntry.cell).trim();
    period = parsePeriod(text);
    if (!period) periodProblem = rekapMessage('invalid-period-setting', { at: periodEntry.ref, value: text });
  }
  const emailEntry = value(labelOf(SETTINGS_TAB, 'provinceEmail'));
  const menteesLabel = labelOf(SETTINGS_TAB, 'maxMentees');
  const maxMentees = number(menteesLabel, SETTING_DEFAULTS.maxMentees, 0);
  const menteesEntry = value(menteesLabel);
  if (!Number.isInteger(maxMentees) && menteesEntry)
    problems.push(rekapMessage('invalid-max-mentees', { at: menteesEntry.ref, value: cellText(menteesEntry.cell) }));
  let repairDeadline: string | null = null;
  const deadlineEntry = value(labelOf(SETTINGS_TAB, 'repairDeadline'));
  if (deadlineEntry && !isBlank(deadlineEntry.cell)) {
    const read = readDate(deadlineEntry.cell);
    if (read.kind === 'value') repairDeadline = read.value;
    else
      problems.push(
        rekapMessage('invalid-repair-deadline', {
          at: deadlineEntry.ref,
          value: cellText(deadlineEntry.cell).trim(),
        }),
      );
  }
  const contactEntry = value(labelOf(SETTINGS_TAB, 'contact'));
  const contact = contactEntry ? readText(contactEntry.cell) : null;
  return {
    period,
    periodProblem,
    cap: number(labelOf(SETTINGS_TAB, 'cap'), SETTING_DEFAULTS.cap, 0),
    effectiveMinutes: number(labelOf(SETTINGS_TAB, 'effectiveMinutes'), SETTING_DEFAULTS.effectiveMinutes, 0),
    provinceEmails: emailEntry ? validEmails(emailEntry.cell, tab, emailEntry.ref, findings) : [],
    maxMentees,
    repairDeadline,
    contact: contact?.kind === 'value' ? contact.value : null,
  };
}
