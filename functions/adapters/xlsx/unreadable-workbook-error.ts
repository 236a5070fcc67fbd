import { unreadable, unreadableFix, type OfficeNotice, type UnreadableText } from '../../core/messages/unreadable.js';
import { quietly, sheetjs } from './sheetjs.js';

/**
 * A workbook file that cannot be read at all. `reason` is a short Indonesian phrase fit for the
 * `unreadable-workbook` finding ("bukan file Excel .xlsx yang sah"); the underlying error, if any,
 * stays in `cause` for logs and never reaches operators.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';

  constructor(text: UnreadableText, options?: { cause?: unknown; fix?: string }) {
    super(text.reason, options);
    this.reason = text.reason;
    this.office = text.office;
    this.fix = options?.fix ?? unreadableFix('resave-as-xlsx');
  }

  readonly reason: string;
  /** What the operator should do about it, as a sentence. */
  readonly fix: string;
  /** The reason and what to do in the office's terms, for the report a head of office reads. */
  readonly office: OfficeNotice;
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every .xlsx and .ods is a zip archive.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Compound file: old .xls, or an .xlsx encrypted with a password.

const SAVE_AS_XLSX = unreadableFix('save-as-xlsx');

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((byte, i) => buf[i] === byte);
}

/**
 * Tells, from the first bytes, why a buffer cannot be a workbook monev reads; null when it might be one.
 * Checking before parsing gives operators a reason they can act on instead of a zip library's message.
 */
export function sniffUnreadable(buf: Uint8Array): UnreadableWorkbookError | null {
  if (buf.length === 0) return new UnreadableWorkbookError(unreadable('empty-file'));
  if (startsWith(buf, ZIP_MAGIC)) return null;
  if (startsWith(buf, OLE_MAGIC)) return compoundFileError(buf);
  if (looksLikeText(buf)) return new UnreadableWorkbookError(unreadable('text-not-xlsx'), { fix: SAVE_AS_XLSX });
  return new UnreadableWorkbookError(unreadable('not-xlsx'), { fix: SAVE_AS_XLSX });
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
      return new UnreadableWorkbookError(unreadable('password-protected'), {
        fix: unreadableFix('remove-password'),
      });
    if (cfb.find(container, 'Workbook') || cfb.find(container, 'Book'))
      return new UnreadableWorkbookError(unreadable('old-xls'), { fix: SAVE_AS_XLSX });
  } catch {
    // A damaged compound file: the general reason below still says what to do.
  }
  return new UnreadableWorkbookError(unreadable('password-or-xls'), {
    fix: unreadableFix('remove-password-or-save-as-xlsx'),
  });
}

function looksLikeText(buf: Uint8Array): boolean {
  const end = Math.min(buf.length, 512);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return false;
  return true;
}

/** The reason to give for a failed file read, by Node's error code. */
export function fileErrorReason(error: unknown): UnreadableText {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return unreadable('file-not-found');
    case 'EISDIR':
      return unreadable('is-directory');
    case 'EACCES':
    case 'EPERM':
      return unreadable('access-denied');
    default:
      return unreadable('cannot-open');
  }
}
