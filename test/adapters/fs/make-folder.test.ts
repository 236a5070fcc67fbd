import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../../functions/adapters/fs/make-folder.js';
import { spawnMonev } from '../../e2e/child-process.js';

describe('makeFolder', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'monev-make-folder-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('makes every missing folder, and leaves an existing one alone', async () => {
    const deep = join(root, 'a', 'b', 'c');
    await makeFolder(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
    await makeFolder(deep);
    await makeFolder(join(root, 'a'));
  });

  it('makes the same folders from many callers at once', async () => {
    const deep = join(root, 'many', 'x', 'y');
    await Promise.all(Array.from({ length: 8 }, () => makeFolder(deep)));
    expect((await stat(deep)).isDirectory()).toBe(true);
  });

  it('refuses a file where a folder should be', async () => {
    await writeFile(join(root, 'file'), 'x');
    await expect(makeFolder(join(root, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolder(join(root, 'file', 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(process.platform === 'linux')(
    'ends with ENOENT under /proc, where Node’s recursive mkdir never settles',
    async () => {
      await expect(makeFolder('/proc/monev-make-folder/x')).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it.runIf(process.platform === 'linux')(
    '`monev run --out /proc/x` stops with exit 2 and names the folder',
    async () => {
      const child = spawnMonev(['run', '--data', root, '--out', '/proc/monev-out', '--no-pdf', '--no-email']);
      expect(await child.exited).toBe(2);
      expect(child.stderr()).toContain('/proc/monev-out');
      expect(child.stderr()).not.toContain('Kesalahan internal');
    },
  );
});
