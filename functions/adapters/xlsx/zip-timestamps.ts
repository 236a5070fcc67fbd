/**
 * exceljs zips each part with the current time, so two writes of the same workbook differ in a few
 * bytes. Stamping every entry with one given instant makes the file a pure function of its content
 * (reproducible samples and fixtures). Only the DOS time/date fields of the local and central
 * headers change; an archive this code does not understand is returned untouched.
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export function stampZipEntries(zip: Uint8Array, instant: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) return zip;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const { time, date } = dosDateTime(instant);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) return zip;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) return zip;
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end of the archive.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** DOS fields from the UTC calendar, so the bytes do not depend on the machine's time zone. */
function dosDateTime(instant: Date): { time: number; date: number } {
  const year = Math.min(Math.max(instant.getUTCFullYear(), 1980), 2107);
  return {
    time: (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | (instant.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((instant.getUTCMonth() + 1) << 5) | instant.getUTCDate(),
  };
}
