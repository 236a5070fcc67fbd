import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `monev` as a child process, for the tests that need a real process: one killed with SIGKILL, two at
 * once, one writing into a closed pipe. The child runs the compiled CLI (npm test builds first).
 */
export const MONEV_BIN = fileURLToPath(new URL('../../bin/monev.js', import.meta.url));

export interface MonevChild {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or the signal's name when killed. */
  readonly exited: Promise<number | string>;
}

export function spawnMonev(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[]; closeStdout?: boolean } = {},
): MonevChild {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MONEV_BIN, ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  if (options.closeStdout) child.stdout?.destroy();
  else child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
    exited,
  };
}

/** Resolves when the child's stderr contains `text` (or it exits first). */
export function whenStderrHas(run: MonevChild, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (run.stderr().includes(text)) {
        run.child.stderr?.off('data', check);
        resolve(true);
      }
    };
    run.child.stderr?.on('data', check);
    void run.exited.then(() => resolve(run.stderr().includes(text)));
    check();
  });
}

/**
 * `kill -9` of the child and of every process below it (Chromium and its helpers, which puppeteer
 * starts in a process group of their own), as a power cut or the OOM killer would end a run.
 */
export async function killHard(run: MonevChild): Promise<void> {
  const pid = run.child.pid;
  if (pid === undefined) return;
  const family = [pid, ...descendants(pid)];
  for (const id of family) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await run.exited;
}

/** Linux: every process whose parent chain leads to `pid`, from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** A small deterministic generator (mulberry32), so the moments a test kills at are the same every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
