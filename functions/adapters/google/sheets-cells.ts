import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetValue } from '../../core/summary-rows.js';
import type { Cell, CellValue, FormatKind, Sheet, Workbook } from '../../core/workbook.js';

/**
 * Sheets grid data ⇄ the core's cell model (docs/SPEC.md §2), so that a Google sheet and an .xlsx file with the
 * same content score alike: the effective value (a formula's result), the number-format type for
 * percent and date cells (by the format's type or its pattern), formula errors as their text ("#REF!"),
 * and the links beside a cell's text (docs/SPEC.md §3): the whole-cell hyperlink, rich-text runs' links,
 * smart chips' URIs (a person chip's as mailto:) and a HYPERLINK formula's URL.
 */

/**
 * The cell fields monev reads: nothing else is transferred. The runs and the formula cost no extra
 * request: they come in the same `spreadsheets.get`, one read per well-formed office.
 */
export const CELL_FIELDS =
  'effectiveValue,formattedValue,effectiveFormat.numberFormat(type,pattern),hyperlink,' +
  'textFormatRuns.format.link.uri,chipRuns.chip.richLinkProperties.uri,chipRuns.chip.personProperties.email,' +
  'userEnteredValue.formulaValue';

/** Sheet titles and ids with the grid data of the requested ranges. */
export const GRID_FIELDS = `sheets(properties(sheetId,title),data(startRow,startColumn,rowData.values(${CELL_FIELDS})))`;

/** As GRID_FIELDS, with the grid size the rekap writer needs to know before writing below it. */
export const GRID_FIELDS_WITH_SIZE = `sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData.values(${CELL_FIELDS})))`;

const ERROR_TEXT: Record<string, string> = {
  REF: '#REF!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  N_A: '#N/A',
  VALUE: '#VALUE!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  NULL_VALUE: '#NULL!',
  ERROR: '#ERROR!',
  LOADING: '#ERROR!',
};

export function toCell(data: sheets_v4.Schema$CellData | undefined): Cell | undefined {
  const effective = data?.effectiveValue;
  const links = data ? cellLinks(data) : [];
  if (!data || (!effective && links.length === 0)) return undefined;
  let value: CellValue;
  if (!effective) value = data.formattedValue ?? '';
  else if (effective.errorValue)
    value = data.formattedValue ?? ERROR_TEXT[effective.errorValue.type ?? 'ERROR'] ?? '#ERROR!';
  else if (typeof effective.numberValue === 'number') value = effective.numberValue;
  else if (typeof effective.stringValue === 'string') value = effective.stringValue;
  else if (typeof effective.boolValue === 'boolean') value = effective.boolValue;
  else if (links.length === 0) return undefined;
  else value = data.formattedValue ?? '';
  // A whole-cell link with a label ("Bukti"): the URL stands in for the label, as in the xlsx reader,
  // so that a Sumber or any other column reads the same from both adapters.
  const link = data.hyperlink;
  if (!effective?.errorValue && typeof value === 'string' && link && EXTERNAL_LINK.test(link) && !WEB_URL.test(value))
    value = link;
  const format = formatKind(data.effectiveFormat?.numberFormat, value);
  return links.length > 0 ? { value, format, links } : { value, format };
}

const EXTERNAL_LINK = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^\s*https?:\/\//i;

// =HYPERLINK("https://…"; "Bukti") or =HYPERLINK("https://…", "Bukti"), in any letter case.
const HYPERLINK_FORMULA = /^\s*=\s*HYPERLINK\(\s*"([^"]+)"/i;

/** Links in the order of docs/SPEC.md §3, each once; the core tells http(s) links from the rest. */
function cellLinks(data: sheets_v4.Schema$CellData): string[] {
  const found: string[] = [];
  if (data.hyperlink) found.push(data.hyperlink);
  for (const run of data.textFormatRuns ?? []) if (run.format?.link?.uri) found.push(run.format.link.uri);
  for (const run of data.chipRuns ?? []) {
    const uri = run.chip?.richLinkProperties?.uri;
    if (uri) found.push(uri);
    // A person chip links to its address as a mail link would, so Satker's Email reads it (SPEC v3 §5);
    // in Bukti Dukung it is a link of another scheme, as a mailto: hyperlink is.
    const email = run.chip?.personProperties?.email;
    if (email) found.push(`mailto:${email}`);
  }
  const formula = data.userEnteredValue?.formulaValue;
  const target = formula ? HYPERLINK_FORMULA.exec(formula)?.[1] : undefined;
  if (target) found.push(target);
  return [...new Set(found.filter((link) => EXTERNAL_LINK.test(link)))];
}

function formatKind(numberFormat: sheets_v4.Schema$NumberFormat | undefined, value: CellValue): FormatKind {
  switch (numberFormat?.type) {
    case 'PERCENT':
      return 'percent';
    case 'DATE':
    case 'DATE_TIME':
    // The xlsx reader counts time formats as dates too (an "h:mm" format holds a serial).
    case 'TIME':
      return 'date';
    case 'TEXT':
      return 'text';
    default:
      // A number typed NUMBER with the pattern "0.00%" shows as a percent: reading its fraction as a
      // plain number would make 87,5 % into 0.875 (docs/SPEC.md §3).
      if (typeof value === 'number' && isPercentPattern(numberFormat?.pattern)) return 'percent';
      return typeof value === 'number' ? 'number' : 'text';
  }
}

// Parts of a pattern printed literally: quoted text ("%"), escaped characters (\%), bracketed codes.
const LITERALS = /"[^"]*"|\\.|\[[^\]]*\]/g;

/** A pattern holding % outside quotes, escapes and brackets formats a percent, as in xlsx. */
export function isPercentPattern(pattern: string | null | undefined): boolean {
  return typeof pattern === 'string' && pattern.replace(LITERALS, '').includes('%');
}

export function toSheet(sheet: sheets_v4.Schema$Sheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const block of sheet.data ?? []) {
    const top = block.startRow ?? 0;
    const left = block.startColumn ?? 0;
    (block.rowData ?? []).forEach((rowData, r) => {
      (rowData.values ?? []).forEach((cellData, c) => {
        const cell = toCell(cellData);
        if (cell) (rows[top + r] ??= [])[left + c] = cell;
      });
    });
  }
  return { name: sheet.properties?.title ?? '', rows };
}

export function toWorkbook(spreadsheet: sheets_v4.Schema$Spreadsheet): Workbook {
  return { sheets: (spreadsheet.sheets ?? []).map(toSheet) };
}

/** A value as the rekap's history sees it: plain text or number, as the xlsx writer reads back. */
export function plainValue(cell: Cell | undefined): SheetValue {
  if (!cell || cell.value === null) return null;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}

/** A value to write: typed, never parsed, so text that looks like a formula stays text. */
export function enteredValue(value: SheetValue): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { numberValue: value } : { stringValue: String(value) };
  return { stringValue: value };
}
