import { quietly, sheetjs } from './sheetjs.js';

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

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every .xlsx and .ods is a zip archive.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Compound file: old .xls, or an .xlsx encrypted with a password.

const SAVE_AS_XLSX =
  'Buka file itu di Excel atau LibreOffice, pilih Simpan Sebagai (Save As) dengan jenis "Excel Workbook (.xlsx)", sesuaikan nama file di kolom Sumber rekap bila berubah, lalu jalankan lagi.';
const REMOVE_PASSWORD =
  'Buka file itu, hapus kata sandinya (Excel: File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan isiannya), simpan, lalu jalankan lagi.';

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((byte, i) => buf[i] === byte);
}

/**
 * Tells, from the first bytes, why a buffer cannot be a workbook monev reads; null when it might be one.
 * Checking before parsing gives operators a reason they can act on instead of a zip library's message.
 */
export function sniffUnreadable(buf: Uint8Array): UnreadableWorkbookError | null {
  if (buf.length === 0) return new UnreadableWorkbookError('file kosong (0 byte)');
  if (startsWith(buf, ZIP_MAGIC)) return null;
  if (startsWith(buf, OLE_MAGIC)) return compoundFileError(buf);
  if (looksLikeText(buf))
    return new UnreadableWorkbookError(
      'bukan file Excel .xlsx yang sah (isinya teks biasa, mungkin CSV yang diganti namanya)',
      { fix: SAVE_AS_XLSX },
    );
  return new UnreadableWorkbookError('bukan file Excel .xlsx yang sah', { fix: SAVE_AS_XLSX });
}

/**
 * A compound file is either an old .xls workbook or an .xlsx encrypted with a password; its directory tells
 * which (an encrypted package holds EncryptionInfo, an .xls a Workbook or Book stream), so the operator is
 * told the one thing to do. monev reads neither: an .xls has none of the limits an .xlsx archive declares,
 * and re-saving is one step in any spreadsheet program.
 */
function compoundFileError(buf: Uint8Array): UnreadableWorkbookError {
  try {
    const cfb = sheetjs().CFB;
    const container = quietly(() => cfb.read(buf, { type: 'buffer' }));
    if (cfb.find(container, 'EncryptionInfo'))
      return new UnreadableWorkbookError('file dilindungi kata sandi', { fix: REMOVE_PASSWORD });
    if (cfb.find(container, 'Workbook') || cfb.find(container, 'Book'))
      return new UnreadableWorkbookError('berformat Excel lama (.xls), yang tidak dibaca monev', { fix: SAVE_AS_XLSX });
  } catch {
    // A damaged compound file: the general reason below still says what to do.
  }
  return new UnreadableWorkbookError('file dilindungi kata sandi atau berformat Excel lama (.xls)', {
    fix: `Bila file berkata sandi, hapus kata sandinya. ${SAVE_AS_XLSX}`,
  });
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
