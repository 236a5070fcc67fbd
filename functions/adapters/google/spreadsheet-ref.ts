/**
 * A registry `Sumber` names a spreadsheet by its ID or by any URL of it (…/spreadsheets/d/<ID>/edit#gid=0).
 * Google's IDs are long runs of letters, digits, "-" and "_"; a file path from local mode is neither.
 */
const URL_ID = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{10,})/;
const BARE_ID = /^[A-Za-z0-9_-]{10,}$/;

export function spreadsheetId(source: string): string | null {
  const text = source.trim();
  if (BARE_ID.test(text)) return text;
  return URL_ID.exec(text)?.[1] ?? null;
}

export function spreadsheetLink(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}
