import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The lock's file name in the output folder. */
export const LOCK_FILE = '.monev.lock';

const HOLDER = z.object({ pid: z.number(), host: z.string(), since: z.string(), token: z.string() });
export type LockHolder = z.infer<typeof HOLDER>;

export interface LockTiming {
  /** How long a second run waits for the first before it gives up. */
  readonly waitMs: number;
  readonly pollMs: number;
}

/** Another monev holds the output folder and did not let go within the wait. */
export class OutFolderBusyError extends Error {
  override readonly name = 'OutFolderBusyError';

  constructor(
    readonly path: string,
    readonly holder: LockHolder | null,
  ) {
    super(`${path} is held by ${holder ? `pid ${holder.pid} on ${holder.host} since ${holder.since}` : 'another run'}`);
  }
}

export interface OutLock {
  release(): Promise<void>;
}

/**
 * One run at a time per output folder: two runs at once would each read OUT/rekap.xlsx and the send
 * log, both send every report, and the later write would drop the earlier run's Log rows. The lock is
 * a file created exclusively (O_EXCL) holding the owner's process ID, host and a random token. A lock
 * whose owner is gone (killed with `kill -9`, the machine restarted) is taken over: on the same host
 * when its process no longer exists; from another host (a shared folder) only after the wait, since
 * monev cannot see that host's processes.
 */
export async function lockOutFolder(outDir: string, timing: LockTiming): Promise<OutLock> {
  await makeFolder(outDir);
  const path = join(outDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    if (await tryCreate(path, me)) return { release: () => release(path, me.token) };
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === null || (holder.host === me.host && !alive(holder.pid))) {
      await takeOver(path, holder?.token ?? null);
      continue;
    }
    if (Date.now() >= deadline) throw new OutFolderBusyError(path, holder);
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
}

async function tryCreate(path: string, me: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(me)}\n`);
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/** The holder, null when the file cannot be read as one (a run killed between creating and writing it), 'gone' when released meanwhile. */
async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = HOLDER.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Empty or cut short: its creator died between creating and writing it, or is writing it right now.
    // Give a live creator a moment before calling the lock abandoned.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await readFile(path, 'utf8').catch(() => null);
    if (again === null) return 'gone';
    if (again !== text) return readHolder(path);
    return null;
  }
}

/**
 * Moves the abandoned lock aside under a unique name before removing it: when two runs find the same
 * abandoned lock, only one rename succeeds. If what was moved turns out to be a fresh lock (another run
 * took over and locked in between), it is put back.
 */
async function takeOver(path: string, abandoned: string | null): Promise<void> {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside).catch(() => null);
  const fresh = moved !== null && moved !== 'gone' && moved.token !== abandoned;
  if (fresh) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

async function release(path: string, token: string): Promise<void> {
  const holder = await readHolder(path).catch(() => null);
  if (holder !== null && holder !== 'gone' && holder.token === token) await rm(path, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
