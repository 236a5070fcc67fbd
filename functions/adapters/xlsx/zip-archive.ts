import { inflateRawSync } from 'node:zlib';

/**
 * A zip reader that never unpacks more than it was allowed to (docs/SPEC.md §8 limits). The central
 * directory's declared sizes are added up before anything is inflated, and each entry is then inflated with
 * its declared size as a hard cap, so an archive whose declarations lie cannot grow past them either (it is
 * refused as damaged: ZipFormatError with fault `size-mismatch`).
 * Workbooks (.xlsx, .ods) are zip archives; a zip bomb is the cheapest way to exhaust a scoring function.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Why an archive is refused; the caller turns it into `unreadable-workbook` or `workbook-too-large`. */
export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
  constructor(
    /** What the archive declares it unpacks to, in bytes. */
    readonly unpackedBytes: number,
  ) {
    super(`archive unpacks to more than allowed (${unpackedBytes} bytes)`);
  }
}

/**
 * Why an archive cannot be unpacked: `broken` (not a zip monev can trust), `encrypted` (an entry encrypted
 * with a password, which zip allows), `size-mismatch` (an entry unpacks to other than its declared size:
 * the archive is damaged or was tampered with, and is refused as such, not as too large).
 */
export type ZipFault = 'broken' | 'encrypted' | 'size-mismatch';

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  constructor(
    message: string,
    readonly fault: ZipFault = 'broken',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

/** The entries of the central directory. Throws ZipFormatError when there is none to be found. */
export function listZipEntries(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw new ZipFormatError('central directory entry out of place');
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > buf.length) throw new ZipFormatError('central directory truncated');
    const name = new TextDecoder().decode(buf.subarray(nameStart, nameStart + nameLength));
    // ZIP64 keeps the real sizes in extra field 0x0001, in this order, for the fields marked 0xFFFFFFFF.
    if (uncompressedSize === ZIP64_MARK || compressedSize === ZIP64_MARK || localHeaderOffset === ZIP64_MARK) {
      const zip64 = findExtraField(view, nameStart + nameLength, extraLength, 0x0001);
      if (!zip64) throw new ZipFormatError('zip64 sizes missing');
      let field = zip64.start;
      const next = (): number => {
        if (field + 8 > zip64.end) throw new ZipFormatError('zip64 field truncated');
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (uncompressedSize === ZIP64_MARK) uncompressedSize = next();
      if (compressedSize === ZIP64_MARK) compressedSize = next();
      if (localHeaderOffset === ZIP64_MARK) localHeaderOffset = next();
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sum of the declared uncompressed sizes: what the archive says it unpacks to. */
export function declaredUnpackedBytes(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
}

/**
 * Unpacks the entries `wanted` selects, refusing (ZipLimitError) when the declared total exceeds
 * `maxUnpackedBytes` and never letting one entry inflate past its declared size.
 */
export function unpackZip(
  buf: Uint8Array,
  maxUnpackedBytes: number,
  wanted: (name: string) => boolean,
): Map<string, Uint8Array> {
  const entries = listZipEntries(buf);
  const declared = declaredUnpackedBytes(entries);
  if (declared > maxUnpackedBytes) throw new ZipLimitError(declared);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || !wanted(entry.name)) continue;
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || view.getUint32(at, true) !== LOCAL_SIGNATURE)
      throw new ZipFormatError('local header out of place');
    if ((view.getUint16(at + 6, true) & 0x1) !== 0) throw new ZipFormatError('encrypted entry', 'encrypted');
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > buf.length) throw new ZipFormatError('entry data truncated');
    const data = buf.subarray(dataStart, dataEnd);
    files.set(entry.name, inflateEntry(entry, data));
  }
  return files;
}

function inflateEntry(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new ZipFormatError('stored entry size differs', 'size-mismatch');
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  try {
    // maxOutputLength makes zlib stop (and throw) as soon as the output would pass the declared size, so
    // a lying header costs at most its own declaration in memory.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (out.length !== entry.uncompressedSize)
      throw new ZipFormatError('entry size differs from its declaration', 'size-mismatch');
    return out;
  } catch (error) {
    // An entry growing past its declaration is a damaged or forged archive: the declared total already
    // passed the limit check, so what is wrong is the declaration, not the size.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipFormatError('entry inflates past its declaration', 'size-mismatch', { cause: error });
    if (error instanceof ZipFormatError) throw error;
    throw new ZipFormatError('entry does not inflate', 'broken', { cause: error });
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - EOCD_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('no end of central directory');
}

function findExtraField(
  view: DataView,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | undefined {
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const fieldId = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (fieldId === id) return { start: at + 4, end: Math.min(end, at + 4 + size) };
    at += 4 + size;
  }
  return undefined;
}
