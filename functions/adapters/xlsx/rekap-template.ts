import type ExcelJS from 'exceljs';
import {
  COMPONENTS,
  REGISTRY_TAB,
  SETTINGS_TAB,
  SETTING_DEFAULTS,
  WEIGHTS_TAB,
  type RegistryRow,
} from '../../../sheets-schema/index.js';
import { headerColumn } from './office-template.js';
import { newWorkbook } from './exceljs.js';
import { layoutKeyValues, layoutTable, printSetup } from './sheet-layout.js';
import { addLedgerTab } from './summary-writer.js';

/**
 * The input tabs of the provincial rekap workbook (docs/SPEC.md §5): Satker, Bobot with the default
 * component weights, and Pengaturan; and Pembelajaran (docs/SPEC.md §9), whose session columns the province
 * fills, laid out from the start. The other output tabs (Rekap, Rekap Bidang, Tren, Log) are created by the
 * rekap writer when it first writes them.
 */
export interface RekapTemplateOptions {
  /** Registry rows, in the order they should appear. */
  readonly offices?: readonly RekapOffice[];
  readonly period?: string;
  readonly provinceEmail?: string;
  /** Batas Perbaikan, an ISO date ("2025-10-15"), written as a date cell. */
  readonly repairDeadline?: string;
  /** Kontak: whom operators ask. */
  readonly contact?: string;
  /** Document created/modified date; pass a fixed date for reproducible files. */
  readonly date?: Date;
}

export type RekapOffice = Pick<RegistryRow, 'code' | 'name' | 'source'> & {
  readonly kind?: string | null;
  readonly email?: string | null;
  readonly active?: string | null;
};

export function buildRekapTemplate(options: RekapTemplateOptions = {}): ExcelJS.Workbook {
  const workbook = newWorkbook(options.date);

  const registry = workbook.addWorksheet(REGISTRY_TAB.name);
  layoutTable(registry, REGISTRY_TAB.columns.map(headerColumn));
  (options.offices ?? []).forEach((office, i) => {
    const row = registry.getRow(i + 2);
    REGISTRY_TAB.columns.forEach((column, c) => {
      const value = office[column.key];
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value;
    });
  });

  printSetup(registry, { title: `${REGISTRY_TAB.name} — monev` });

  const weights = workbook.addWorksheet(WEIGHTS_TAB.name);
  layoutTable(weights, WEIGHTS_TAB.columns.map(headerColumn));
  COMPONENTS.forEach((component, i) => {
    weights.getCell(i + 2, 1).value = component.label;
    weights.getCell(i + 2, 2).value = component.defaultWeight;
  });

  printSetup(weights, { title: `${WEIGHTS_TAB.name} — monev`, orientation: 'portrait' });

  const settings = workbook.addWorksheet(SETTINGS_TAB.name);
  const values: Record<(typeof SETTINGS_TAB.keys)[number]['key'], string | number | Date | undefined> = {
    period: options.period,
    cap: SETTING_DEFAULTS.cap,
    effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes,
    provinceEmail: options.provinceEmail,
    maxMentees: SETTING_DEFAULTS.maxMentees,
    repairDeadline: options.repairDeadline === undefined ? undefined : new Date(`${options.repairDeadline}T00:00:00Z`),
    contact: options.contact,
  };
  layoutKeyValues(
    settings,
    SETTINGS_TAB.keys.map((key) => ({
      label: key.label,
      help: key.help,
      value: values[key.key],
      numFmt: key.key === 'period' ? '@' : key.key === 'repairDeadline' ? 'dd/mm/yyyy' : undefined,
    })),
  );
  printSetup(settings, { title: `${SETTINGS_TAB.name} — monev`, orientation: 'portrait', titleRows: 0 });
  addLedgerTab(workbook);
  return workbook;
}
