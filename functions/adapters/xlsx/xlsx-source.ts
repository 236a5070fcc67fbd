import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../app/errors.js';
import type { Workbook } from '../../core/workbook.js';
import type { WorkbookSource } from '../../ports.js';
import { readXlsxWorkbook } from './read-workbook.js';
import { UnreadableWorkbookError } from './unreadable-workbook-error.js';

export const REKAP_FILE = 'rekap.xlsx';

/**
 * Local mode: the data folder holds rekap.xlsx and the office workbooks that its Sumber column
 * names, relative to the folder. Files are only read.
 */
export class XlsxWorkbookSource implements WorkbookSource {
  constructor(private readonly dataDir: string) {}

  get rekapPath(): string {
    return join(this.dataDir, REKAP_FILE);
  }

  async readRekap(): Promise<Workbook> {
    try {
      return await readXlsxWorkbook(this.rekapPath);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) {
        throw new ConfigError(
          `${this.rekapPath}: ${error.reason}. Folder data harus berisi ${REKAP_FILE} (buat contoh dengan: monev sample --out ${this.dataDir}).`,
        );
      }
      throw error;
    }
  }

  readOffice(source: string): Promise<Workbook> {
    return readXlsxWorkbook(this.resolve(source));
  }

  describeRekap(): string {
    return this.rekapPath;
  }

  describe(source: string): string {
    const path = this.resolve(source);
    const inside = relative(this.dataDir, path);
    return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  }

  private resolve(source: string): string {
    return resolve(this.dataDir, source.trim());
  }
}
