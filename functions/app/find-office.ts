import { labelKey } from '../core/workbook.js';
import type { RegistryOffice } from '../core/rekap-reader.js';

/**
 * By code, or by Sumber: a spreadsheet ID, its URL, or (locally) the file path the registry holds. Its own
 * module, apart from the scoring: the change webhook needs it and nothing of what scoring loads.
 */
export function findOffice(
  offices: readonly RegistryOffice[],
  request: { code?: string; source?: string },
): RegistryOffice | undefined {
  if (request.code !== undefined) return offices.find((office) => office.code === request.code);
  if (request.source === undefined) return undefined;
  const wanted = sourceKey(request.source);
  return offices.find((office) => office.source !== null && sourceKey(office.source) === wanted);
}

/** A spreadsheet URL and its bare ID name the same sheet; paths compare without "./". */
function sourceKey(source: string): string {
  const id = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(source)?.[1];
  return labelKey(id ?? source.trim().replace(/^\.\//, ''));
}
