/**
 * A workbook file that cannot be read at all. `reason` is a short Indonesian phrase fit for the
 * `unreadable-workbook` finding ("bukan file Excel .xlsx yang sah"); the underlying error, if any,
 * stays in `cause` for logs and never reaches operators.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';

  constructor(
    readonly reason: string,
    options?: { cause?: unknown; fix?: string },
  ) {
    super(reason, options);
    this.fix = options?.fix ?? 'Simpan ulang sebagai Excel Workbook (.xlsx), lalu jalankan lagi.';
  }

  /** What the operator should do about it, as a sentence. */
  readonly fix: string;
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every .xlsx is a zip archive.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Compound file: old .xls, or an .xlsx encrypted with a password.

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((byte, i) => buf[i] === byte);
}

/**
 * Tells, from the first bytes, why a buffer cannot be an .xlsx file; null when it might be one.
 * Checking before parsing gives operators a reason they can act on instead of a zip library's message.
 */
export function sniffUnreadable(buf: Uint8Array): string | null {
  if (buf.length === 0) return 'file kosong (0 byte)';
  if (startsWith(buf, ZIP_MAGIC)) return null;
  if (startsWith(buf, OLE_MAGIC)) return 'file dilindungi kata sandi atau berformat Excel lama (.xls)';
  if (looksLikeText(buf))
    return 'bukan file Excel .xlsx yang sah (isinya teks biasa, mungkin CSV yang diganti namanya)';
  return 'bukan file Excel .xlsx yang sah';
}

function looksLikeText(buf: Uint8Array): boolean {
  const end = Math.min(buf.length, 512);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return false;
  return true;
}

/** The reason to give for a failed file read, by Node's error code. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file tidak ditemukan';
    case 'EISDIR':
      return 'yang ditunjuk adalah folder, bukan file';
    case 'EACCES':
    case 'EPERM':
      return 'file tidak boleh dibaca (izin akses ditolak)';
    default:
      return 'file tidak bisa dibuka';
  }
}
