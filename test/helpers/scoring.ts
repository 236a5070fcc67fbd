import { expect } from 'vitest';
import type { Finding } from '../../functions/core/findings.js';
import type { OfficeResult } from '../../functions/core/scoring/office.js';
import {
  DEFAULT_TABS,
  HEADERS,
  officeWorkbook,
  scoreWorkbook,
  type CellInput,
  type ScoreOptions,
  type TabInput,
} from './workbook.js';

/**
 * Shorthands of the scoring rule tests (test/core/scoring/): the default office of
 * test/helpers/workbook.ts scores, at 2025-TW3:
 * IKU 95 · Rencana Aksi 87,5 · IKI 95 · Tahapan 70 · Kualitas Data 100 (21 valid rows) · index 90,75.
 * Weighted: IKU 35·95 = 3325, RA 30·87,5 = 2625, IKI 15·95 = 1425, Tahapan 10·70 = 700, KD 10·100 = 1000.
 */
export type Tweaks = Partial<Record<'Profil' | keyof typeof DEFAULT_TABS, TabInput>>;

export const score = (tweaks: Tweaks = {}, options: ScoreOptions = {}) =>
  scoreWorkbook(officeWorkbook(tweaks), options);
export const codes = (result: OfficeResult, tab?: string) =>
  result.findings.filter((f) => tab === undefined || f.tab === tab).map((f) => f.code);
export const where = (result: OfficeResult, code: Finding['code']) =>
  result.findings.filter((f) => f.code === code).map((f) => [f.cell, f.level]);

export function expectClose(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

export const ind = 'Indikator uji';

/** A tab of the default office with one column left out. */
export function tableRowsWithout(tab: keyof typeof DEFAULT_TABS, header: string): CellInput[][] {
  const headers = HEADERS[tab].filter((h) => h !== header);
  return [headers, ...DEFAULT_TABS[tab].map((row) => headers.map((h) => row[h]))];
}
