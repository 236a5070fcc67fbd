import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFieldMask, parseFieldMask } from '../../fakes/google/field-mask.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { pct, sheet, workbook } from '../../helpers/workbook.js';

/** The fake answers like the Sheets API where monev depends on it. */
describe('fake Google API', () => {
  let google: FakeGoogleApi;
  let id: string;
  const client = () => sheets({ version: 'v4', rootUrl: google.url, retry: false });

  beforeAll(async () => {
    google = await startFakeGoogleApi();
    id = google.addSpreadsheet(
      workbook(
        sheet('Profil', [['Kode Satker', '3573']]),
        sheet('IKU', [
          ['Kode', 'Target TW I'],
          ['IKU-01', pct(0.9)],
        ]),
        sheet('Catatan', [['bebas']]),
      ),
    );
  });

  afterAll(async () => {
    await google.close();
  });

  it('applies field masks with nested selections', () => {
    const value = {
      sheets: [
        {
          properties: { sheetId: 1, title: 'A', index: 0 },
          data: [
            { rowData: [{ values: [{ effectiveValue: { numberValue: 1 }, userEnteredValue: { numberValue: 1 } }] }] },
          ],
        },
      ],
    };
    expect(
      applyFieldMask(value, parseFieldMask('sheets(properties(sheetId,title),data.rowData.values(effectiveValue))')),
    ).toEqual({
      sheets: [
        {
          properties: { sheetId: 1, title: 'A' },
          data: [{ rowData: [{ values: [{ effectiveValue: { numberValue: 1 } }] }] }],
        },
      ],
    });
    expect(applyFieldMask(value, parseFieldMask('sheets.properties.title'))).toEqual({
      sheets: [{ properties: { title: 'A' } }],
    });
  });

  it('returns only the sheets the ranges touch, with grid data under a mask', async () => {
    const { data } = await client().spreadsheets.get({
      spreadsheetId: id,
      ranges: ["'IKU'"],
      fields: 'sheets(properties.title,data.rowData.values(effectiveValue,effectiveFormat.numberFormat.type))',
    });
    expect(data.sheets?.map((s) => s.properties?.title)).toEqual(['IKU']);
    expect(data.sheets?.[0]?.data?.[0]?.rowData?.[1]?.values?.[1]).toEqual({
      effectiveValue: { numberValue: 0.9 },
      effectiveFormat: { numberFormat: { type: 'PERCENT' } },
    });
  });

  it('fails the whole read when a range names a missing tab', async () => {
    await expect(client().spreadsheets.get({ spreadsheetId: id, ranges: ["'IKU'", "'IKI'"] })).rejects.toMatchObject({
      status: 400,
      response: { data: { error: { code: 400, status: 'INVALID_ARGUMENT', message: "Unable to parse range: 'IKI'" } } },
    });
  });

  it('answers 403 PERMISSION_DENIED for an unshared spreadsheet and 404 for an unknown one', async () => {
    google.unshare(id);
    await expect(client().spreadsheets.get({ spreadsheetId: id })).rejects.toMatchObject({
      status: 403,
      response: { data: { error: { status: 'PERMISSION_DENIED' } } },
    });
    google.share(id);
    await expect(client().spreadsheets.get({ spreadsheetId: 'x'.repeat(44) })).rejects.toMatchObject({
      status: 404,
      response: { data: { error: { status: 'NOT_FOUND' } } },
    });
  });

  it('applies a batch atomically', async () => {
    const before = google.spreadsheet(id);
    await expect(
      client().spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [{ addSheet: { properties: { title: 'Baru' } } }, { addSheet: { properties: { title: 'IKU' } } }],
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(google.spreadsheet(id)).toEqual(before);
  });

  it('counts a per-window quota and answers 429 RESOURCE_EXHAUSTED beyond it', async () => {
    google.setQuota({ reads: 2, windowMs: 60_000 });
    google.resetCounts();
    const read = () => client().spreadsheets.get({ spreadsheetId: id, fields: 'spreadsheetId' });
    await read();
    await read();
    await expect(read()).rejects.toMatchObject({
      status: 429,
      response: { data: { error: { status: 'RESOURCE_EXHAUSTED' } } },
    });
    expect(google.count('sheets.spreadsheets.get')).toBe(3);
    expect(google.count('sheets.spreadsheets.get', { status: 429 })).toBe(1);
    google.setQuota({});
  });

  it('writes RAW values as typed and USER_ENTERED formulas as formulas', async () => {
    await client().spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: "'Catatan'!A2:B2", values: [['=1+1', 5]] }] },
    });
    await client().spreadsheets.values.append({
      spreadsheetId: id,
      range: "'Catatan'!A1",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=1+1']] },
    });
    const cells = google.spreadsheet(id)?.sheets.find((s) => s.properties.title === 'Catatan')?.rows;
    expect(cells?.[1]?.[0]?.userEnteredValue).toEqual({ stringValue: '=1+1' });
    expect(cells?.[1]?.[1]?.userEnteredValue).toEqual({ numberValue: 5 });
    expect(cells?.[2]?.[0]?.userEnteredValue).toEqual({ formulaValue: '=1+1' });
  });
});
