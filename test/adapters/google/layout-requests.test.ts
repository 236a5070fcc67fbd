import { describe, expect, it } from 'vitest';
import { tableLayout } from '../../../functions/adapters/google/layout-requests.js';
import { officeLayout } from '../../../functions/adapters/google/provisioning.js';
import { headerColumn } from '../../../functions/adapters/xlsx/office-template.js';
import { ACTION_PLAN_TAB, DATA_TABS, IKI_TAB, PROFILE_TAB, WORKLOAD_TAB } from '../../../sheets-schema/index.js';

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

/**
 * Issue 18 item 7 in Google provisioning, as in the xlsx template: Profil's three keys in the required
 * colour (Petunjuk: orange is required, blue optional), long text wrapped within its column, every data
 * cell at the top of its row.
 */
describe('required Profil keys and wrapped long text in a provisioned office spreadsheet', () => {
  type Cell = { note?: string; userEnteredFormat?: { backgroundColor?: unknown } };
  const requests = officeLayout({ code: '3573', name: 'Bawaslu Kota Malang', year: 2025 });
  const cellsOf = (sheetId: number) =>
    requests.flatMap((request) =>
      request.updateCells?.start?.sheetId === sheetId ? ((request.updateCells.rows ?? []) as { values: Cell[] }[]) : [],
    );

  it('colours Profil’s keys like a required header, not like an optional one', () => {
    const actionPlan = cellsOf(1 + DATA_TABS.indexOf(ACTION_PLAN_TAB))[0]?.values ?? [];
    const fillOf = (key: string) =>
      actionPlan[ACTION_PLAN_TAB.columns.findIndex((column) => column.key === key)]?.userEnteredFormat?.backgroundColor;
    const keys = cellsOf(0).map((row) => row.values[0]);
    expect(keys).toHaveLength(PROFILE_TAB.keys.length);
    for (const key of keys) {
      expect(key?.userEnteredFormat?.backgroundColor).toEqual(fillOf('activity'));
      expect(key?.userEnteredFormat?.backgroundColor).not.toEqual(fillOf('output'));
      expect(key?.note).toMatch(/Wajib diisi\.$/);
    }
  });

  it('wraps the data cells of exactly the long-text columns', () => {
    const wrapped = (tab: (typeof DATA_TABS)[number]) =>
      tableLayout(9, tab.columns.map(headerColumn), tab.name).flatMap((request) =>
        request.repeatCell?.cell?.userEnteredFormat?.wrapStrategy === 'WRAP'
          ? [request.repeatCell.range?.startColumnIndex]
          : [],
      );
    for (const tab of DATA_TABS)
      expect(wrapped(tab), tab.name).toEqual(tab.columns.flatMap((column, i) => (column.wrap ? [i] : [])));
    expect(wrapped(ACTION_PLAN_TAB).length).toBeGreaterThan(0);
    const top = tableLayout(9, ACTION_PLAN_TAB.columns.map(headerColumn), ACTION_PLAN_TAB.name).find(
      (request) => request.repeatCell?.cell?.userEnteredFormat?.verticalAlignment === 'TOP',
    );
    expect(top?.repeatCell?.range).toMatchObject({
      startRowIndex: 1,
      startColumnIndex: 0,
      endColumnIndex: ACTION_PLAN_TAB.columns.length,
    });
  });
});
