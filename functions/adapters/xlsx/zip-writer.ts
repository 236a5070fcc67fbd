import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A zip archive of deflated entries, built in memory: the writing half of zip-archive.ts, for the files
 * monev makes without exceljs (OUT/validasi/<kode>.xlsx, issue 17 item 2). It needs nothing but zlib. A
 * large entry is deflated as it is produced (`deflateChunks`), so only its compressed bytes are ever held
 * whole, never the text it unpacks to. Every entry carries
 * the same DOS time (1 January 1980, the format's epoch), so the same content gives the same bytes.
 * Archives stay below 4 GiB and 65 535 entries (no zip64): far more than a sheet within the limits needs.
 */
export type ZipInput =
  { readonly name: string; readonly data: Uint8Array } | { readonly name: string; readonly deflated: DeflatedEntry };

/** An entry's content already deflated, with what the zip headers need to know of the original. */
export interface DeflatedEntry {
  readonly compressed: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** Deflates text as it comes, chunk by chunk, keeping only the compressed output. */
export async function deflateChunks(chunks: Iterable<string>): Promise<DeflatedEntry> {
  const stream = createDeflateRaw();
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = once(stream, 'end');
  let crc = 0;
  let size = 0;
  for (const text of chunks) {
    const bytes = Buffer.from(text, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    // Respect back-pressure, so the text is never queued whole inside the stream.
    if (!stream.write(bytes)) await once(stream, 'drain');
  }
  stream.end();
  await ended;
  return { compressed: Buffer.concat(out), crc: crc >>> 0, size };
}

function deflated(entry: ZipInput): DeflatedEntry {
  if ('deflated' in entry) return entry.deflated;
  return { compressed: deflateRawSync(entry.data), crc: crc32(entry.data) >>> 0, size: entry.data.byteLength };
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const DEFLATE = 8;
const VERSION = 20;
// 1 January 1980 00:00 in DOS date and time fields.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function zipArchive(entries: readonly ZipInput[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { compressed, crc, size } = deflated(entry);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, compressed);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
