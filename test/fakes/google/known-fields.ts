import { invalidArgument } from './api-error.js';
import type { MaskTree } from './field-mask.js';

/**
 * The fields a `spreadsheets.get` mask may name, as Google's discovery document has them; `null` below
 * a field accepts anything under it. Google answers a mask naming a field that does not exist with
 * 400 INVALID_ARGUMENT, and so does the fake, so a typo in monev's masks (or a field Sheets does not
 * have, such as `chips`) fails in tests as it would in production.
 */
export type KnownFields = { readonly [field: string]: KnownFields | null };

const EXTENDED_VALUE: KnownFields = {
  numberValue: null,
  stringValue: null,
  boolValue: null,
  formulaValue: null,
  errorValue: { type: null, message: null },
};

const CELL_DATA: KnownFields = {
  userEnteredValue: EXTENDED_VALUE,
  effectiveValue: EXTENDED_VALUE,
  formattedValue: null,
  userEnteredFormat: null,
  effectiveFormat: null,
  hyperlink: null,
  note: null,
  textFormatRuns: { startIndex: null, format: null },
  dataValidation: null,
  pivotTable: null,
  dataSourceTable: null,
  dataSourceFormula: null,
  chipRuns: {
    startIndex: null,
    chip: { personProperties: { email: null, displayFormat: null }, richLinkProperties: { uri: null, mimeType: null } },
  },
};

export const SPREADSHEET_FIELDS: KnownFields = {
  spreadsheetId: null,
  properties: null,
  spreadsheetUrl: null,
  namedRanges: null,
  developerMetadata: null,
  dataSources: null,
  dataSourceSchedules: null,
  sheets: {
    properties: null,
    data: {
      startRow: null,
      startColumn: null,
      rowData: { values: CELL_DATA },
      rowMetadata: null,
      columnMetadata: null,
    },
    merges: null,
    conditionalFormats: null,
    filterViews: null,
    protectedRanges: null,
    basicFilter: null,
    charts: null,
    bandedRanges: null,
    developerMetadata: null,
    rowGroups: null,
    columnGroups: null,
    slicers: null,
    tables: null,
  },
};

/** Throws Google's 400 for the first field of `tree` that `known` does not have. */
export function checkKnownFields(tree: MaskTree, known: KnownFields, path = ''): void {
  for (const [field, sub] of tree) {
    if (field === '*') continue;
    if (!Object.hasOwn(known, field))
      throw invalidArgument(`Invalid field selection ${path}${field}: no such field in the response.`);
    const below = known[field];
    if (sub && below) checkKnownFields(sub, below, `${path}${field}.`);
  }
}
