import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFunction, getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRIVATE_FUNCTIONS } from '../functions/http/access.js';
import { CLOUD_FUNCTIONS } from '../functions/http/register.js';

/**
 * The production entry point: registration only, Express in production mode (no stack traces), the
 * body guard ahead of the framework's parsers and the OIDC check on the private functions.
 */
describe('functions/index.ts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-index-'));
    vi.stubEnv('NODE_ENV', undefined);
    vi.stubEnv('MONEV_DATA_DIR', dir);
    vi.stubEnv('MONEV_OUT_DIR', dir);
    vi.stubEnv('MONEV_FUNCTIONS_URL', 'https://asia-southeast2-monev-jatim.cloudfunctions.net');
    vi.stubEnv('MONEV_TASKS_SERVICE_ACCOUNT', 'monev@monev-jatim.iam.gserviceaccount.com');
    await import('../functions/index.js');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers every cloud function and defaults NODE_ENV to production', () => {
    expect(process.env.NODE_ENV).toBe('production');
    for (const name of Object.keys(CLOUD_FUNCTIONS)) expect(getFunction(name), name).toBeTypeOf('function');
  });

  it.each(PRIVATE_FUNCTIONS)('%s refuses a caller without a Google-signed token (401)', async (name) => {
    const response = await request(getTestServer(name)).post('/').set('Content-Type', 'application/json').send('{}');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'missing-token' });
  });

  it('sheetChanged refuses a gzip body before inflating it (415)', async () => {
    const response = await request(getTestServer('sheetChanged'))
      .post('/')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'encoded-body' });
  });
});
