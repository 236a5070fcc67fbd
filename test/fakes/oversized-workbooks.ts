import { open } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Workbooks past the limits of docs/SPEC.md §8, written without ever holding their unpacked content in
 * memory: a zip bomb (a few hundred KB that unpack to hundreds of MB), a tab of 100 000 rows, a zip that
 * lies about its sizes. Used by the tests and by `npm run bench` (the memory bound).
 */

/** An entry's content: text, or text produced in chunks (so 400 MB never sits in memory at once). */
export type ZipContent = string | { readonly chunks: () => Iterable<string> };

export interface ZipEntryInput {
  readonly name: string;
  readonly content: ZipContent;
  /** Written in the headers instead of the real size: a zip that lies. */
  readonly declaredSize?: number;
}

interface Deflated {
  readonly compressed: Buffer;
  readonly size: number;
  readonly crc: number;
}

async function deflate(content: ZipContent): Promise<Deflated> {
  const stream = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const chunks = typeof content === 'string' ? [content] : content.chunks();
  for (const text of chunks) {
    const bytes = Buffer.from(text, 'utf8');
    size += bytes.length;
    crc = crc32(bytes, crc);
    // Respect back-pressure so the input is never queued in memory.
    if (!stream.write(bytes)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
  return { compressed: Buffer.concat(out), size, crc };
}

/** Writes a zip archive of deflated entries (sizes in the local headers and the central directory). */
export async function writeZip(path: string, entries: readonly ZipEntryInput[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    let offset = 0;
    const central: Buffer[] = [];
    for (const entry of entries) {
      const { compressed, size, crc } = await deflate(entry.content);
      const declared = entry.declaredSize ?? size;
      const name = Buffer.from(entry.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(0, 10);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(compressed.length, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      await file.write(local);
      await file.write(name);
      await file.write(compressed);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt32LE(0, 12);
      header.writeUInt32LE(crc >>> 0, 16);
      header.writeUInt32LE(compressed.length, 20);
      header.writeUInt32LE(declared, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(offset, 42);
      central.push(header, name);
      offset += local.length + name.length + compressed.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await file.write(directory);
    await file.write(end);
  } finally {
    await file.close();
  }
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal .xlsx with these tabs; each tab's `sheetData` is the XML inside <sheetData>. */
export function xlsxEntries(
  sheets: readonly { readonly name: string; readonly sheetData: ZipContent; readonly declaredSize?: number }[],
): ZipEntryInput[] {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
  const tail = '</sheetData></worksheet>';
  return [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `${overrides}</Types>`,
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
        .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    },
    ...sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      content:
        typeof sheet.sheetData === 'string'
          ? head + sheet.sheetData + tail
          : { chunks: () => concat([head], (sheet.sheetData as { chunks: () => Iterable<string> }).chunks(), [tail]) },
      declaredSize: sheet.declaredSize,
    })),
  ];
}

function* concat(...parts: Iterable<string>[]): Iterable<string> {
  for (const part of parts) yield* part;
}

function text(ref: string, value: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

const PROFILE =
  `<row r="1">${text('A1', 'Kode Satker')}${text('B1', '3573')}</row>` +
  `<row r="2">${text('A2', 'Tahun')}<c r="B2"><v>2025</v></c></row>`;

/** A workbook whose Profil tab is padded with spaces until it unpacks to `unpackedBytes`. */
export function zipBombEntries(unpackedBytes: number, declaredSize?: number): ZipEntryInput[] {
  const chunk = ' '.repeat(1 << 20);
  const padding = {
    chunks: function* () {
      let left = unpackedBytes;
      while (left > 0) {
        const size = Math.min(left, chunk.length);
        yield size === chunk.length ? chunk : chunk.slice(0, size);
        left -= size;
      }
      yield PROFILE;
    },
  };
  return xlsxEntries([{ name: 'Profil', sheetData: padding, declaredSize }]);
}

/** A workbook with a Profil tab and an IKU tab of `rows` rows and `columns` columns of short values. */
export function hugeTabEntries(rows: number, columns = 10): ZipEntryInput[] {
  const letters = (c: number): string =>
    c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + letters(c % 26);
  const body = {
    chunks: function* () {
      let batch = '';
      for (let r = 1; r <= rows; r++) {
        batch += `<row r="${r}">`;
        for (let c = 0; c < columns; c++) batch += `<c r="${letters(c)}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
        batch += '</row>';
        if (r % 1000 === 0) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    },
  };
  return xlsxEntries([
    { name: 'Profil', sheetData: PROFILE },
    { name: 'IKU', sheetData: body },
  ]);
}

/** An OpenDocument spreadsheet with one tab whose single row and cell repeat `rows` × `columns` times. */
/**
 * An .ods of one tab given as runs of rows: `[count, 'value']` is a row of one number repeated `count` times,
 * `[count, 'blank']` an empty row repeated (LibreOffice ends every tab with about a million of them).
 */
export function odsEntries(tab: string, runs: readonly (readonly [number, 'value' | 'blank'])[]): ZipEntryInput[] {
  const rows = runs
    .map(([count, kind]) =>
      kind === 'value'
        ? `<table:table-row table:number-rows-repeated="${count}"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`
        : `<table:table-row table:style-name="ro1" table:number-rows-repeated="${count}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`,
    )
    .join('');
  const [mimetype, manifest, , styles] = repeatedOdsEntries(1, 1) as [
    ZipEntryInput,
    ZipEntryInput,
    ZipEntryInput,
    ZipEntryInput,
  ];
  return [
    mimetype,
    manifest,
    {
      name: 'content.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NAMESPACES}><office:body><office:spreadsheet><table:table table:name="${tab}">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
    },
    styles,
  ];
}

const ODS_NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

export function repeatedOdsEntries(rows: number, columns: number): ZipEntryInput[] {
  const ns = ODS_NAMESPACES;
  return [
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
    {
      name: 'META-INF/manifest.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      name: 'content.xml',
      content:
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:spreadsheet><table:table table:name="IKU">` +
        `<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>` +
        '</table:table></office:spreadsheet></office:body></office:document-content>',
    },
    { name: 'styles.xml', content: `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns}/>` },
  ];
}
