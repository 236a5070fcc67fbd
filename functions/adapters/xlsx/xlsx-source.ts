import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../../shared/config-error.js';
import { configMessage } from '../../core/messages/config.js';
import { unreadable, unreadableFix } from '../../core/messages/unreadable.js';
import type { Workbook } from '../../core/workbook.js';
import { DEFAULT_WORKBOOK_LIMITS, WorkbookTooLargeError, type WorkbookLimits } from '../../core/workbook-limits.js';
import type { WorkbookSource } from '../../ports.js';
import { readXlsxWorkbook } from './read-workbook.js';
import { UnreadableWorkbookError } from './unreadable-workbook-error.js';

export const REKAP_FILE = 'rekap.xlsx';

/** The rekap's Log grows by a row per office per run, so only its size is bounded, not its rows. */
export function rekapLimits(limits: WorkbookLimits): WorkbookLimits {
  return { ...limits, maxRows: Number.POSITIVE_INFINITY, maxColumns: Number.POSITIVE_INFINITY };
}

const INSIDE_DATA_FOLDER = unreadableFix('source-inside-data-folder');

/**
 * Local mode: the data folder holds rekap.xlsx and the office workbooks that its Sumber column
 * names, relative to the folder. Files are only read, and only inside the folder (docs/SPEC.md §8): a
 * Sumber of `../../etc/passwd`, an absolute path or a symbolic link leading out is refused for that
 * office alone, since the rekap is edited by many hands and reports quote what they read.
 */
export class XlsxWorkbookSource implements WorkbookSource {
  constructor(
    private readonly dataDir: string,
    private readonly limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
  ) {}

  get rekapPath(): string {
    return join(this.dataDir, REKAP_FILE);
  }

  async readRekap(): Promise<Workbook> {
    try {
      return await readXlsxWorkbook(this.rekapPath, rekapLimits(this.limits));
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) {
        throw new ConfigError(
          configMessage('rekap-file-unreadable', {
            path: this.rekapPath,
            reason: error.reason,
            file: REKAP_FILE,
            dataDir: this.dataDir,
          }),
        );
      }
      if (error instanceof WorkbookTooLargeError) {
        throw new ConfigError(
          configMessage('rekap-too-large', {
            path: this.rekapPath,
            mb: Math.round(this.limits.maxUnpackedBytes / 2 ** 20),
          }),
        );
      }
      throw error;
    }
  }

  async readOffice(source: string): Promise<Workbook> {
    return readXlsxWorkbook(await this.confine(source), this.limits);
  }

  describeRekap(): string {
    return this.rekapPath;
  }

  describe(source: string): string {
    const text = source.trim();
    // A Sumber that leaves the folder is named as written, never resolved into a path of this machine.
    if (isAbsolute(text) || hasParentStep(text)) return text;
    return relative(this.dataDir, resolve(this.dataDir, text));
  }

  /**
   * The real path of an office's Sumber, after checking that it stays inside the data folder once every
   * symbolic link on the way is followed. A file that does not exist is left for the read to report.
   */
  private async confine(source: string): Promise<string> {
    const text = source.trim();
    if (isAbsolute(text)) throw new UnreadableWorkbookError(unreadable('source-absolute'), { fix: INSIDE_DATA_FOLDER });
    if (hasParentStep(text))
      throw new UnreadableWorkbookError(unreadable('source-outside'), { fix: INSIDE_DATA_FOLDER });
    const path = resolve(this.dataDir, text);
    let real: string;
    let folder: string;
    try {
      [real, folder] = await Promise.all([realpath(path), realpath(this.dataDir)]);
    } catch {
      return path;
    }
    const inside = relative(folder, real);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
      throw new UnreadableWorkbookError(unreadable('source-link-outside'), {
        fix: unreadableFix('copy-into-data-folder'),
      });
    return real;
  }
}

function hasParentStep(path: string): boolean {
  return path.split(/[\\/]+/).includes('..');
}
