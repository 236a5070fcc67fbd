import { describe, expect, it } from 'vitest';
import { DEFAULT_TABS, officeWorkbook, realizations, scoreWorkbook, targets } from '../helpers/workbook.js';

/** A pasted number near the largest double must not overflow into NaN scores (docs/SPEC.md §6: bad input never breaks a run). */
describe('numbers beyond any real quantity', () => {
  it('are invalid-number findings, and every score stays a finite number', () => {
    const [first, second] = DEFAULT_TABS.IKU;
    const office = scoreWorkbook(
      officeWorkbook({
        IKU: [{ ...first, ...targets(1e308, 1e308, 1e308, 1e308), ...realizations(1e308, 1e308, 1e308) }, second ?? {}],
        ABK: [{ ...DEFAULT_TABS.ABK[0], 'Beban Kerja': 9e307 }, DEFAULT_TABS.ABK[1] ?? {}],
      }),
    );
    expect(office.findings.filter((f) => f.code === 'invalid-number').map((f) => f.cell)).toEqual(
      expect.arrayContaining(['IKU!H2', 'IKU!I2', 'IKU!J2', 'IKU!K2', 'IKU!L2', 'IKU!M2', 'IKU!N2', 'ABK!D2']),
    );
    for (const value of Object.values(office.scores)) expect(Number.isFinite(value)).toBe(true);
    expect(Number.isFinite(office.workload.ej)).toBe(true);
  });
});
