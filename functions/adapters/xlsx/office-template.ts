import type ExcelJS from 'exceljs';
import {
  DATA_TABS,
  GUIDE_TAB,
  PROFILE_TAB,
  STAGES_TAB,
  STANDARD_STEPS,
  STAGE_STATUS,
  type ColumnSpec,
} from '../../../sheets-schema/index.js';
import { columnLetter } from '../../core/workbook.js';
import { newWorkbook } from './exceljs.js';
import {
  layoutGuide,
  layoutKeyValues,
  layoutTable,
  printSetup,
  TEMPLATE_DATA_ROWS,
  type HeaderColumn,
} from './sheet-layout.js';

/**
 * A blank office workbook (docs/SPEC.md §3) built from sheets-schema alone: Petunjuk (how to fill it; an
 * extra tab the reader ignores), Profil, then the six data tabs with headers, notes, dropdowns, formats
 * and a print setup, and Tahapan pre-filled with the standard steps.
 */
export interface OfficeTemplateOptions {
  readonly code?: string;
  readonly name?: string;
  readonly year?: number;
  /** Document created/modified date; pass a fixed date for reproducible files. */
  readonly date?: Date;
}

export function buildOfficeTemplate(options: OfficeTemplateOptions = {}): ExcelJS.Workbook {
  const workbook = newWorkbook(options.date);

  layoutGuide(workbook.addWorksheet(GUIDE_TAB.name, { properties: { tabColor: { argb: 'FF7A1F1F' } } }));
  const profile = workbook.addWorksheet(PROFILE_TAB.name);
  const values: Record<(typeof PROFILE_TAB.keys)[number]['key'], { value?: string | number; numFmt?: string }> = {
    // The code is text so that Excel never reformats it; the year is a plain number.
    officeCode: { value: options.code, numFmt: '@' },
    officeName: { value: options.name, numFmt: '@' },
    year: { value: options.year, numFmt: '0' },
  };
  layoutKeyValues(
    profile,
    PROFILE_TAB.keys.map((key) => ({ label: key.label, help: key.help, required: key.required, ...values[key.key] })),
  );

  printSetup(profile, { title: `${PROFILE_TAB.name} — monev`, orientation: 'portrait', titleRows: 0 });
  for (const tab of DATA_TABS) {
    const worksheet = workbook.addWorksheet(tab.name);
    layoutTable(worksheet, tab.columns.map(headerColumn));
    printSetup(worksheet, { title: `${tab.name} — monev` });
  }
  prefillStages(workbook.getWorksheet(STAGES_TAB.name) as ExcelJS.Worksheet);
  return workbook;
}

export function headerColumn(column: ColumnSpec): HeaderColumn {
  if (column.kind === 'choice' && column.choices)
    return { ...column, list: column.choices.choices.map((choice) => choice.label) };
  if (column.listFrom) return { ...column, listRange: sourceRange(column.listFrom) };
  return column.suggestions ? { ...column, list: column.suggestions } : column;
}

/** The template's cells of another tab's column, `'Anjab'!$A$2:$A$501`: where its dropdown takes its values. */
function sourceRange(from: NonNullable<ColumnSpec['listFrom']>): { range: string; tab: string } {
  const tab = DATA_TABS.find((candidate) => candidate.name === from.tab);
  const index = tab?.columns.findIndex((column) => column.key === from.key) ?? -1;
  if (!tab || index < 0) throw new Error(`Internal: no column ${from.key} in tab ${from.tab}`);
  const letter = columnLetter(index);
  return { range: `'${tab.name}'!$${letter}$2:$${letter}$${TEMPLATE_DATA_ROWS + 1}`, tab: tab.name };
}

function prefillStages(worksheet: ExcelJS.Worksheet): void {
  const at = (key: string) => STAGES_TAB.columns.findIndex((column) => column.key === key) + 1;
  const belum = STAGE_STATUS.choices.find((choice) => choice.id === 'belum')?.label ?? 'Belum';
  STANDARD_STEPS.forEach((step, i) => {
    const row = worksheet.getRow(i + 2);
    row.getCell(at('stage')).value = step.stage;
    row.getCell(at('step')).value = step.step;
    row.getCell(at('status')).value = belum;
  });
}
