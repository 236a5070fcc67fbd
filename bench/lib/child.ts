import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TreeSampler } from './process-tree.js';

/** The repository root: this file runs from dist/bench/lib/. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ChildRun {
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peaks over the child's whole process tree, when sampled. */
  readonly peakRssBytes: number;
  readonly peakPssBytes: number;
  readonly peakProcesses: number;
}

/**
 * Runs a command as a fresh process and times it from spawn to exit, as a person starting it would
 * see it. With `sampleMemory` the process tree is read from /proc every 50 ms.
 */
export function runChild(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; sampleMemory?: boolean; timeoutMs?: number } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = options.sampleMemory && child.pid !== undefined ? new TreeSampler(child.pid).start() : undefined;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (error) => {
      sampler?.stop();
      clearTimeout(timer);
      reject(error);
    });
    let wallMs = 0;
    child.on('exit', () => {
      wallMs = performance.now() - started;
      sampler?.stop();
      clearTimeout(timer);
    });
    // 'close' comes after 'exit', once the output streams have ended.
    child.on('close', (exitCode) =>
      resolve({
        wallMs: wallMs || performance.now() - started,
        exitCode,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        peakRssBytes: sampler?.peakRss ?? 0,
        peakPssBytes: sampler?.peakPss ?? 0,
        peakProcesses: sampler?.peakProcesses ?? 0,
      }),
    );
  });
}
