import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../functions/core/signature.js';

/**
 * apps-script/Code.gs runs inside Google Apps Script; here it runs in a vm sandbox with the few
 * services it calls stubbed. `Utilities.computeHmacSha256Signature` is stubbed faithfully: Apps
 * Script returns the digest as signed bytes (-128…127), which is what the script's hex conversion
 * has to get right.
 */
const CODE = join(import.meta.dirname, '..', '..', 'apps-script', 'Code.gs');
const SECRET = 'monev-test-secret-0123456789abcdef';
const URL = 'https://asia-southeast2-monev-jatim.cloudfunctions.net/sheetChanged';
const SPREADSHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aa';

interface Fetched {
  url: string;
  options: {
    method: string;
    contentType: string;
    payload: string;
    headers: Record<string, string>;
    muteHttpExceptions: boolean;
  };
}

async function sandbox(
  properties: Record<string, string> = { MONEV_URL: URL, MONEV_WEBHOOK_SECRET: SECRET },
  now = Date.UTC(2025, 9, 6, 3, 0, 30),
) {
  const fetched: Fetched[] = [];
  const triggers: { handler: string; kind: string }[] = [];
  const cache = new Map<string, string>();
  const context: Record<string, unknown> = {
    Date: { now: () => now },
    JSON,
    Math,
    console: { log: () => undefined, warn: () => undefined },
    Utilities: {
      Charset: { UTF_8: 'UTF-8' },
      computeHmacSha256Signature: (value: string, key: string) =>
        [...createHmac('sha256', key).update(value, 'utf8').digest()].map((byte) => (byte > 127 ? byte - 256 : byte)),
    },
    PropertiesService: { getScriptProperties: () => ({ getProperty: (name: string) => properties[name] ?? null }) },
    CacheService: {
      getScriptCache: () => ({
        get: (key: string) => cache.get(key) ?? null,
        put: (key: string, value: string) => cache.set(key, value),
      }),
    },
    UrlFetchApp: {
      fetch: (url: string, options: Fetched['options']) => {
        fetched.push({ url, options });
        return { getResponseCode: () => 202, getContentText: () => '{"status":"queued"}' };
      },
    },
    SpreadsheetApp: { getActive: () => ({ getId: () => SPREADSHEET_ID, getName: () => 'Monev Bawaslu Kota Malang' }) },
    ScriptApp: {
      getProjectTriggers: () => [],
      deleteTrigger: () => undefined,
      newTrigger: (handler: string) => ({
        forSpreadsheet: () => ({ onChange: () => ({ create: () => triggers.push({ handler, kind: 'onChange' }) }) }),
      }),
    },
  };
  runInNewContext(await readFile(CODE, 'utf8'), context, { filename: 'Code.gs' });
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  return { fetched, triggers, call, cache };
}

describe('apps-script/Code.gs', () => {
  it('signs a known vector', async () => {
    // printf '%s' '1759719630.{"spreadsheetId":"abc"}' | openssl dgst -sha256 -hmac monev-test-secret-0123456789abcdef
    const expected = '716a636d7108c65b6318430e1c580ff761df3a70e1b3daad4c28665402a35676';
    const { call } = await sandbox();
    expect(call('monevSignature_', SECRET, 1759719630, '{"spreadsheetId":"abc"}')).toBe(expected);
    expect(signBody(SECRET, 1759719630, '{"spreadsheetId":"abc"}')).toBe(expected);
  });

  it.each([
    [SECRET, 1759719630, '{"spreadsheetId":"abc"}'],
    ['k'.repeat(16), 0, ''],
    [SECRET, 1759719630, '{"spreadsheetId":"Kab. Banyuwangi – ü"}'],
  ])('signs like core/signature.ts (secret %#)', async (secret, timestamp, body) => {
    const { call } = await sandbox();
    expect(call('monevSignature_', secret, timestamp, body)).toBe(signBody(secret, timestamp, body));
  });

  it('posts {"spreadsheetId"} with a signature the sheetChanged function accepts', async () => {
    const { fetched, call } = await sandbox();
    call('monevOnChange', { changeType: 'EDIT' });
    expect(fetched).toHaveLength(1);
    const [{ url, options }] = fetched as [Fetched];
    expect(url).toBe(URL);
    expect(options).toMatchObject({ method: 'post', contentType: 'application/json', muteHttpExceptions: true });
    expect(JSON.parse(options.payload)).toEqual({ spreadsheetId: SPREADSHEET_ID });
    const header = options.headers['X-Monev-Signature'];
    expect(header).toMatch(/^t=1759719630,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, header, options.payload, 1759719630)).toBe('ok');
  });

  it('sends a burst of changes once per ten seconds', async () => {
    const { fetched, call, cache } = await sandbox();
    for (let i = 0; i < 5; i++) call('monevOnChange', { changeType: 'EDIT' });
    expect(fetched).toHaveLength(1);
    cache.clear();
    call('monevOnChange', { changeType: 'INSERT_ROW' });
    expect(fetched).toHaveLength(2);
  });

  it('monevSetup installs one on-change trigger and sends a first notification', async () => {
    const { fetched, triggers, call } = await sandbox();
    call('monevSetup');
    expect(triggers).toEqual([{ handler: 'monevOnChange', kind: 'onChange' }]);
    expect(fetched).toHaveLength(1);
  });

  it.each([
    [{ MONEV_WEBHOOK_SECRET: SECRET }, /MONEV_URL/],
    [{ MONEV_URL: 'http://example.test/sheetChanged', MONEV_WEBHOOK_SECRET: SECRET }, /MONEV_URL/],
    [{ MONEV_URL: URL }, /MONEV_WEBHOOK_SECRET/],
  ])('refuses to set up without its script properties (%j)', async (properties, message) => {
    const { call } = await sandbox(properties);
    expect(() => call('monevSetup')).toThrow(message);
  });
});
