import { describe, expect, it } from 'vitest';
import { tableLayout } from '../../../functions/adapters/google/layout-requests.js';
import { headerColumn } from '../../../functions/adapters/xlsx/office-template.js';
import { IKI_TAB, WORKLOAD_TAB } from '../../../sheets-schema/index.js';

/** Google provisioning gives IKI and ABK Jabatan a dropdown of Anjab's jobs, IKI Kode IKU of IKU's codes (issue 20). */
describe('dropdowns from another tab in a provisioned spreadsheet', () => {
  const rangeRules = (requests: ReturnType<typeof tableLayout>) =>
    requests.flatMap((request) => {
      const rule = (
        request as {
          setDataValidation?: {
            range: { startColumnIndex: number };
            rule: { condition: { type: string; values: { userEnteredValue: string }[] }; strict: boolean };
          };
        }
      ).setDataValidation;
      return rule?.rule.condition.type === 'ONE_OF_RANGE'
        ? [[rule.range.startColumnIndex, rule.rule.condition.values[0]?.userEnteredValue, rule.rule.strict]]
        : [];
    });

  it('IKI: Jabatan from Anjab, Kode IKU from IKU, neither strict', () => {
    expect(rangeRules(tableLayout(7, IKI_TAB.columns.map(headerColumn), IKI_TAB.name))).toEqual([
      [2, "='Anjab'!$A$2:$A$501", false],
      [3, "='IKU'!$A$2:$A$501", false],
    ]);
  });

  it('ABK: Jabatan from Anjab', () => {
    expect(rangeRules(tableLayout(8, WORKLOAD_TAB.columns.map(headerColumn), WORKLOAD_TAB.name))).toEqual([
      [0, "='Anjab'!$A$2:$A$501", false],
    ]);
  });
});
