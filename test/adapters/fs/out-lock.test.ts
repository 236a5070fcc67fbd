import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutFolder, OutFolderBusyError } from '../../../functions/adapters/fs/out-lock.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'monev-lock-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The ID of a process that has exited: what a run killed with kill -9 leaves in its lock. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid as number;
}

describe('lockOutFolder', () => {
  it('lets one run in; a second waits, then stops naming the holder', async () => {
    const first = await lockOutFolder(out, { waitMs: 0, pollMs: 10 });
    const started = Date.now();
    const second = lockOutFolder(out, { waitMs: 300, pollMs: 50 });
    await expect(second).rejects.toBeInstanceOf(OutFolderBusyError);
    await expect(second).rejects.toMatchObject({ holder: { pid: process.pid, host: hostname() } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await first.release();
    const third = await lockOutFolder(out, { waitMs: 0, pollMs: 10 });
    await third.release();
  });

  it('a waiting run gets the folder as soon as the first lets go', async () => {
    const first = await lockOutFolder(out, { waitMs: 0, pollMs: 10 });
    const second = lockOutFolder(out, { waitMs: 5_000, pollMs: 20 });
    setTimeout(() => void first.release(), 100);
    const lock = await second;
    expect(JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.each([
    [
      'left by a process that no longer exists',
      () => JSON.stringify({ pid: deadPid(), host: hostname(), since: 'x', token: 't' }),
    ],
    ['cut short before its holder was written', () => ''],
  ])('takes over a lock %s', async (_name, content) => {
    await writeFile(join(out, LOCK_FILE), content());
    const lock = await lockOutFolder(out, { waitMs: 0, pollMs: 10 });
    expect(JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('waits for a lock held on another host, which it cannot check', async () => {
    await writeFile(
      join(out, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: `${hostname()}-lain`, since: 'x', token: 't' }),
    );
    await expect(lockOutFolder(out, { waitMs: 100, pollMs: 20 })).rejects.toBeInstanceOf(OutFolderBusyError);
  });

  it('releasing removes only its own lock', async () => {
    const lock = await lockOutFolder(out, { waitMs: 0, pollMs: 10 });
    const other = JSON.stringify({ pid: process.pid, host: hostname(), since: 'x', token: 'someone-else' });
    await writeFile(join(out, LOCK_FILE), other);
    await lock.release();
    expect(await readFile(join(out, LOCK_FILE), 'utf8')).toBe(other);
  });
});
