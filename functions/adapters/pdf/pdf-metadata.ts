/**
 * What Chromium leaves out of an accessible PDF (issue 12 item 11): the document's language in the
 * catalog (`/Lang`; Chromium puts `lang="id"` only on the Document structure element) and an author in
 * the Info dictionary (Chromium writes Title, Creator and Producer). Both are added as an incremental
 * update (ISO 32000-1 §7.5.6): the new Catalog and Info objects, their cross-reference section and a
 * trailer pointing back at Chromium's (`/Prev`) are appended; not a byte of Chromium's output is
 * rewritten, so the cost is that of copying the buffer once, not of parsing and re-serialising it.
 * A PDF this function does not recognise (no classic trailer, objects in streams) is returned as it is.
 */
export interface PdfMetadata {
  /** BCP 47 language tag, e.g. "id". */
  readonly lang: string;
  readonly author: string;
}

/** Every report monev prints is Indonesian and published by the provincial office. */
export const REPORT_METADATA: PdfMetadata = { lang: 'id', author: 'Bawaslu Provinsi Jawa Timur' };

export function withPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = text.slice(Math.max(0, text.length - 2048));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return pdf;
  const dict = trailer[1] as string;
  const size = /\/Size\s+(\d+)/.exec(dict)?.[1];
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  if (!size || !root) return pdf;

  const updates: { number: number; generation: number; body: string }[] = [];
  const catalog = objectDict(text, Number(root[1]), Number(root[2]));
  if (catalog === null) return pdf;
  if (!/\/Lang\b/.test(catalog))
    updates.push({
      number: Number(root[1]),
      generation: Number(root[2]),
      body: addKey(catalog, `/Lang ${pdfString(metadata.lang)}`),
    });
  const infoDict = info ? objectDict(text, Number(info[1]), Number(info[2])) : '<<>>';
  if (infoDict === null) return pdf;
  const infoRef = info
    ? { number: Number(info[1]), generation: Number(info[2]) }
    : { number: Number(size), generation: 0 };
  if (!/\/Author\b/.test(infoDict))
    updates.push({ ...infoRef, body: addKey(infoDict, `/Author ${pdfString(metadata.author)}`) });
  if (updates.length === 0) return pdf;

  const previous = Number(trailer[2]);
  let appended = text.endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const update of updates.sort((a, b) => a.number - b.number)) {
    offsets.set(update.number, text.length + appended.length);
    appended += `${update.number} ${update.generation} obj\n${update.body}\nendobj\n`;
  }
  const xrefAt = text.length + appended.length;
  appended += 'xref\n';
  for (const update of updates) {
    // One subsection per object keeps this simple; each entry is exactly 20 bytes.
    appended += `${update.number} 1\n${String(offsets.get(update.number)).padStart(10, '0')} ${String(update.generation).padStart(5, '0')} n \n`;
  }
  const newSize = Math.max(Number(size), ...updates.map((update) => update.number + 1));
  appended += `trailer\n<</Size ${newSize}\n/Root ${root[1]} ${root[2]} R\n/Info ${infoRef.number} ${infoRef.generation} R\n/Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;

  const out = new Uint8Array(pdf.byteLength + appended.length);
  out.set(pdf, 0);
  out.set(Buffer.from(appended, 'latin1'), pdf.byteLength);
  return out;
}

/** The dictionary of "N G obj << … >> endobj"; null when the object is not a plain dictionary. */
function objectDict(text: string, number: number, generation: number): string | null {
  const start = new RegExp(`(?:^|[\\r\\n])${number}\\s+${generation}\\s+obj\\s*`, 'g');
  let match: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  // The last definition wins, as in a PDF that was already updated.
  while ((match = start.exec(text)) !== null) last = match;
  if (!last) return null;
  const from = last.index + last[0].length;
  const end = text.indexOf('endobj', from);
  if (end < 0) return null;
  const body = text.slice(from, end).trim();
  return body.startsWith('<<') && body.endsWith('>>') && !/\bstream\b/.test(body) ? body : null;
}

function addKey(dict: string, entry: string): string {
  return `<<${entry}\n${dict.slice(2)}`;
}

/** A PDF text string: ASCII as a literal string, anything else as UTF-16BE with its byte-order mark. */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}
