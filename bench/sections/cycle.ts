import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runChild } from '../lib/child.js';
import { spread, type Spread } from '../lib/stats.js';

export interface ProcessRunResult {
  readonly wallMs: Spread;
  /** Peak of the summed RSS of the process and all its children (Chromium included). */
  readonly peakRssBytes: Spread;
  readonly peakPssBytes: Spread;
  readonly peakProcesses: number;
}

export interface CycleResult extends ProcessRunResult {
  readonly offices: number;
  readonly pdfs: number;
  readonly mails: number;
}

/**
 * The whole cycle as `npm start` runs it: a fresh Node process of `monev run` reading the xlsx sample,
 * scoring, writing the rekap and Hasil Validasi files, printing every PDF and writing the outbox.
 * Each run gets an empty output folder, so nothing is skipped as already sent.
 */
export async function benchCycle(
  dataDir: string,
  options: { repetitions: number; offices: number; warmUp: boolean; log: (line: string) => void },
): Promise<CycleResult> {
  const walls: number[] = [];
  const rss: number[] = [];
  const pss: number[] = [];
  let processes = 0;
  let pdfs = 0;
  let mails = 0;
  for (let rep = options.warmUp ? -1 : 0; rep < options.repetitions; rep++) {
    const out = await mkdtemp(join(tmpdir(), 'monev-bench-cycle-'));
    try {
      const run = await runChild(
        process.execPath,
        [join(repoRoot, 'bin/monev.js'), 'run', '--data', dataDir, '--out', out],
        { sampleMemory: true },
      );
      if (run.exitCode !== 0 && run.exitCode !== 1)
        throw new Error(`monev run exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
      pdfs = (await readdir(join(out, 'laporan'))).length;
      mails = (await readdir(join(out, 'outbox'))).length;
      if (rep < 0) continue; // the warm-up run: Chromium unpacked, files in the page cache
      walls.push(run.wallMs);
      rss.push(run.peakRssBytes);
      pss.push(run.peakPssBytes);
      processes = Math.max(processes, run.peakProcesses);
      options.log(
        `  run ${rep + 1}: ${(run.wallMs / 1000).toFixed(2)} s, peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB over ${run.peakProcesses} processes`,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  return {
    offices: options.offices,
    pdfs,
    mails,
    wallMs: spread(walls),
    peakRssBytes: spread(rss),
    peakPssBytes: spread(pss),
    peakProcesses: processes,
  };
}

export interface ScoringResult extends ProcessRunResult {
  readonly offices: number;
  readonly officesPerSecond: number;
}

/** Scoring only (`--no-pdf --no-email`) of a generated province, from a fresh process. */
export async function benchScoring(
  dataDir: string,
  options: { repetitions: number; offices: number; log: (line: string) => void },
): Promise<ScoringResult> {
  const walls: number[] = [];
  const rss: number[] = [];
  const pss: number[] = [];
  let processes = 0;
  for (let rep = 0; rep < options.repetitions; rep++) {
    const out = await mkdtemp(join(tmpdir(), 'monev-bench-score-'));
    try {
      const run = await runChild(
        process.execPath,
        [join(repoRoot, 'bin/monev.js'), 'run', '--data', dataDir, '--out', out, '--no-pdf', '--no-email'],
        { sampleMemory: true },
      );
      if (run.exitCode !== 0 && run.exitCode !== 1)
        throw new Error(`monev run --no-pdf exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
      walls.push(run.wallMs);
      rss.push(run.peakRssBytes);
      pss.push(run.peakPssBytes);
      processes = Math.max(processes, run.peakProcesses);
      options.log(
        `  ${options.offices} offices, run ${rep + 1}: ${(run.wallMs / 1000).toFixed(2)} s, peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  const wallMs = spread(walls);
  return {
    offices: options.offices,
    officesPerSecond: options.offices / (wallMs.median / 1000),
    wallMs,
    peakRssBytes: spread(rss),
    peakPssBytes: spread(pss),
    peakProcesses: processes,
  };
}
