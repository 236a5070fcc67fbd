import { getFunction } from '@google-cloud/functions-framework/testing';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CLOUD_FUNCTIONS } from '../functions/http/register.js';

/** The production entry point: registration only, and Express in production mode (no stack traces). */
describe('functions/index.ts', () => {
  afterAll(() => vi.unstubAllEnvs());

  it('registers every cloud function and defaults NODE_ENV to production', async () => {
    vi.stubEnv('NODE_ENV', undefined);
    await import('../functions/index.js');
    expect(process.env.NODE_ENV).toBe('production');
    for (const name of Object.keys(CLOUD_FUNCTIONS)) expect(getFunction(name), name).toBeTypeOf('function');
  });
});
