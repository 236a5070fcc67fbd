/**
 * Rows in use (docs/SPEC.md §2 v3): a tab's rows in use run to its last row holding a value, however many
 * blank rows come before it. SheetJS is asked for one row past the row limit, so that a runaway tab costs
 * no more memory than the limit allows; a value further down, below a blank gap, would then never be seen
 * and its row silently dropped. This scan of the unpacked sheet XML finds such a value without parsing
 * cells: it only looks at the rows past the limit, for a stored value, inline text or a formula.
 */

const decoder = new TextDecoder();

/** The first tab, in workbook order, holding a value below row `maxRows`; null when none does. */
export function tabPastRowLimit(
  files: ReadonlyMap<string, Uint8Array>,
  kind: 'xlsx' | 'ods',
  maxRows: number,
): string | null {
  // The rekap is read without a row limit (its Log grows every run): nothing to look for.
  if (!Number.isFinite(maxRows)) return null;
  if (kind === 'ods') {
    const content = files.get('content.xml');
    return content ? odsTabPastRowLimit(decoder.decode(content), maxRows) : null;
  }
  for (const { name, part } of xlsxSheetParts(files)) {
    const data = files.get(part);
    if (data && xlsxLastValueRow(data, maxRows) > maxRows) return name;
  }
  return null;
}

// SpreadsheetML may be written with a namespace prefix (`<x:row>`), as SheetJS also accepts.
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
// A stored value (`<v>1</v>`), inline text (`<is><t>x</t></is>`) or a formula (which holds a value, or is a
// formula without a saved result: formula-error, never blank).
const XLSX_VALUE = new RegExp(`<${PREFIX}(?:v|t)(?:\\s[^>]*)?>[^<]|<${PREFIX}f[\\s/>]`);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/**
 * The last row past `maxRows` that holds a value, or 0 when none does. The sheet is searched as bytes
 * (`row` found natively, then checked to be a row tag), never decoded whole: a sheet may be tens of MB,
 * and SheetJS decodes it once already. Rows up to the limit are SheetJS's to read, so only their numbers
 * are followed here (a row without `r` is the one after the previous).
 */
function xlsxLastValueRow(data: Uint8Array, maxRows: number): number {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let row = 0;
  let last = 0;
  for (let at = bytes.indexOf('row'); at >= 0; at = bytes.indexOf('row', at + 3)) {
    const tagStart = rowTagStart(bytes, at);
    if (tagStart < 0 || !endsName(bytes[at + 3])) continue;
    const tagEnd = bytes.indexOf(GT, at);
    if (tagEnd < 0) break;
    const number = ROW_NUMBER.exec(decoder.decode(bytes.subarray(at + 3, tagEnd)));
    row = number ? Number(number[1]) : row + 1;
    if (row <= maxRows || bytes[tagEnd - 1] === SLASH) continue;
    const close = closingRowTag(bytes, tagEnd);
    if (XLSX_VALUE.test(decoder.decode(bytes.subarray(tagEnd + 1, close < 0 ? bytes.length : close)))) last = row;
  }
  return last;
}

/** Where the tag holding `row` at `at` starts ("<row", "<x:row"), or -1 when it is no opening row tag. */
function rowTagStart(bytes: Buffer, at: number): number {
  if (bytes[at - 1] === LT) return at - 1;
  if (bytes[at - 1] !== COLON) return -1;
  let start = at - 2;
  while (start >= 0 && isNameByte(bytes[start])) start--;
  return start >= 0 && start < at - 2 && bytes[start] === LT ? start : -1;
}

/** The offset of the `</row>` (or `</x:row>`) closing the row whose tag ends at `from`; -1 when none. */
function closingRowTag(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf('row>', from); at >= 0; at = bytes.indexOf('row>', at + 4)) {
    let start = at - 1;
    if (bytes[start] === COLON) {
      start--;
      while (start >= 0 && isNameByte(bytes[start])) start--;
    }
    if (bytes[start] === SLASH && bytes[start - 1] === LT) return start - 1;
  }
  return -1;
}

function isNameByte(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x5f ||
      byte === 0x2d ||
      byte === 0x2e)
  );
}

/** After "row": whitespace, ">" or "/" end the element name ("rowBreaks" is another element). */
function endsName(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === GT || byte === SLASH;
}

/** Tab names in workbook order with the part each is stored in, resolved through the workbook's relationships. */
function xlsxSheetParts(files: ReadonlyMap<string, Uint8Array>): { name: string; part: string }[] {
  const rootRels = files.get('_rels/.rels');
  const workbookPart =
    (rootRels &&
      relationshipTargets(decoder.decode(rootRels), '').find((r) => /officeDocument$/.test(r.type))?.target) ??
    'xl/workbook.xml';
  const workbook = files.get(workbookPart);
  if (!workbook) return [];
  const folder = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const relsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const rels = files.get(relsPart);
  const targets = new Map(
    (rels ? relationshipTargets(decoder.decode(rels), folder) : []).map((r) => [r.id, r.target] as const),
  );
  const sheets: { name: string; part: string }[] = [];
  for (const tag of decoder.decode(workbook).matchAll(new RegExp(`<${PREFIX}sheet\\b([^>]*)>`, 'g'))) {
    const attributes = tag[1] ?? '';
    const name = /\bname\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    const id = /\b[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) sheets.push({ name: unescapeXml(name), part });
  }
  return sheets;
}

function relationshipTargets(xml: string, folder: string): { id: string; type: string; target: string }[] {
  const found: { id: string; type: string; target: string }[] = [];
  for (const tag of xml.matchAll(new RegExp(`<${PREFIX}Relationship\\b([^>]*)>`, 'g'))) {
    const attributes = tag[1] ?? '';
    const id = /\bId\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    const type = /\bType\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? '';
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    if (id !== undefined && target !== undefined)
      found.push({ id, type, target: resolvePart(folder, unescapeXml(target)) });
  }
  return found;
}

/** A relationship target as a zip entry name: absolute ("/xl/…", as openpyxl writes) or relative to `folder`. */
function resolvePart(folder: string, target: string): string {
  const steps: string[] = [];
  for (const step of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (step === '..') steps.pop();
    else if (step !== '.' && step !== '') steps.push(step);
  }
  return steps.join('/');
}

const ODS_TABLE = /<table:table(?=[\s>/])([^>]*)>|<\/table:table>|<table:table-row(?=[\s>/])([^>]*?)(\/?)>/g;
const ODS_ROW_END = /<\/table:table-row>/g;
// A typed cell, a formula, or a paragraph with text: LibreOffice writes blank cells as bare elements.
const ODS_VALUE = /office:value-type\s*=|table:formula\s*=|<text:p(?:\s[^>]*[^/])?>(?!<\/text:p>)/;

/**
 * OpenDocument keeps its rows in content.xml, a repeated row as one element with a count (already capped
 * past the limit by the reader, so the numbers here are the ones SheetJS sees).
 */
function odsTabPastRowLimit(xml: string, maxRows: number): string | null {
  let tab: string | null = null;
  let row = 0;
  ODS_TABLE.lastIndex = 0;
  for (let match = ODS_TABLE.exec(xml); match; match = ODS_TABLE.exec(xml)) {
    if (match[1] !== undefined) {
      tab = unescapeXml(/\btable:name\s*=\s*"([^"]*)"/.exec(match[1])?.[1] ?? '');
      row = 0;
      continue;
    }
    if (match[2] === undefined) continue;
    const repeated = Number(/table:number-rows-repeated\s*=\s*"(\d+)"/.exec(match[2])?.[1] ?? '1');
    row += repeated;
    if (row <= maxRows || match[3] === '/') continue;
    ODS_ROW_END.lastIndex = ODS_TABLE.lastIndex;
    const end = ODS_ROW_END.exec(xml);
    if (ODS_VALUE.test(xml.slice(ODS_TABLE.lastIndex, end ? end.index : xml.length))) return tab;
  }
  return null;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}
