import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/config.js';
import { ConfigError } from '../../functions/shared/config-error.js';
import { ScoringPool, workerEntry } from '../../functions/worker/scoring-pool.js';

describe('workerEntry', () => {
  it.each([
    [
      'built: the .js beside the pool',
      'file:///srv/monev/dist/functions/worker/scoring-pool.js',
      'file:///srv/monev/dist/functions/worker/score-office-worker.js',
    ],
    [
      'in the deployed bundle: the compiled worker of dist/functions/',
      'file:///srv/monev/dist/bundle/choose-adapters-BGIl9H0r.js',
      'file:///srv/monev/dist/functions/worker/score-office-worker.js',
    ],
    [
      'from the sources (vitest): the built copy in dist/',
      'file:///srv/monev/functions/worker/scoring-pool.ts',
      'file:///srv/monev/dist/functions/worker/score-office-worker.js',
    ],
  ])('%s', (_name, here, expected) => expect(workerEntry(here).href).toBe(expected));
});

describe('ScoringPool', () => {
  it('rejects with the ConfigError the use case threw in the worker, and takes the next job on the same pool', async () => {
    const config = parseConfig({ MONEV_DATA_DIR: '/nonexistent/monev-data', MONEV_OUT_DIR: '/nonexistent/monev-out' });
    const pool = new ScoringPool({ clock: { now: () => new Date() } });
    const place = { kind: 'folder', dataDir: '/nonexistent/monev-data', outDir: '/nonexistent/monev-out' } as const;
    try {
      const first = pool.score({ config, place, request: { code: '3573' } });
      await expect(first).rejects.toBeInstanceOf(ConfigError);
      await expect(first).rejects.toThrow(/rekap\.xlsx/);
      await expect(pool.score({ config, place, request: { code: '3501' } })).rejects.toBeInstanceOf(ConfigError);
    } finally {
      await pool.close();
    }
    await expect(pool.score({ config, place, request: { code: '3573' } })).rejects.toThrow(/ditutup/);
  });
});
