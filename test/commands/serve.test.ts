import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../functions/adapters/fs/out-lock.js';
import { isLoopback, serveCommand } from '../../functions/commands/serve.js';
import { UsageError } from '../../functions/commands/io.js';
import { spawnMonev, type MonevChild } from '../e2e/child-process.js';

/** `monev serve` listens on 127.0.0.1 unless told otherwise; away from loopback it checks OIDC tokens. */
const io = { out: () => undefined, err: () => undefined, interactive: false };

describe('loopback addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['monev.local', false],
  ] as const)('%s → %s', (host, loopback) => expect(isLoopback(host)).toBe(loopback));
});

describe('--host away from loopback', () => {
  it('needs the OIDC settings, since the check is on by default there', async () => {
    const serving = serveCommand({ data: 'data', out: 'out', port: 0, host: '0.0.0.0' }, io, {});
    await expect(serving).rejects.toBeInstanceOf(UsageError);
    await expect(serving).rejects.toThrow(/MONEV_FUNCTIONS_URL.*MONEV_TASKS_SERVICE_ACCOUNT/);
  });

  it('also with --oidc on at loopback', async () => {
    await expect(serveCommand({ data: 'data', out: 'out', port: 0, oidc: true }, io, {})).rejects.toThrow(/--oidc on/);
  });
});

describe('one monev per output folder', () => {
  it('serve holds OUT’s lock while it serves: a run on the same folder stops, and the lock goes when serve does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'monev-serve-lock-'));
    const out = join(root, 'out');
    const serving = spawnMonev(['serve', '--data', root, '--out', out, '--port', '0']);
    try {
      await whenStdoutHas(serving, 'monev serve: http://127.0.0.1:');
      const run = spawnMonev(['run', '--data', root, '--out', out, '--no-pdf'], { env: { MONEV_LOCK_WAIT_MS: '300' } });
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toMatch(/Folder keluaran sedang dipakai oleh monev lain \(proses \d+/);
    } finally {
      serving.child.kill('SIGTERM');
    }
    expect(await serving.exited).toBe(0);
    expect(await readdir(out)).not.toContain(LOCK_FILE);
    await rm(root, { recursive: true, force: true });
  }, 60_000);
});

function whenStdoutHas(child: MonevChild, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (child.stdout().includes(text)) resolve();
      else if (child.child.exitCode !== null) reject(new Error(`serve ended: ${child.stderr()}`));
      else setTimeout(check, 50);
    };
    check();
  });
}
