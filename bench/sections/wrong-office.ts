import { join } from 'node:path';
import { repoRoot, runChild } from '../lib/child.js';
import { spread, type Spread } from '../lib/stats.js';

export interface WrongOfficeRun {
  /** Rows in each of the six data tabs, every one wrong. */
  readonly rows: number;
  readonly findings: number;
  /** Reading the in-memory workbook into typed rows. */
  readonly readMs: Spread;
  /** Scoring, gains included (issue 17: gains by rescoring made this quadratic). */
  readonly scoreMs: Spread;
  readonly peakRssBytes: Spread;
}

/**
 * Issue 17 item 2: an office whose six tabs hold N rows each, every row wrong. Scoring took 4,9 s at
 * 250 rows, 16 s at 500, 70 s at 1 000 and 32 minutes and 1,1 GiB at 4 999, because each finding's
 * gain rescored the whole office. Each size runs in a fresh process (bench/lib/score-wrong-office.ts),
 * so the peak RSS is that office's alone. 4 999 rows plus the header is the most a tab may hold.
 */
export async function benchWrongOffice(options: {
  sizes: readonly number[];
  repetitions: number;
  log: (line: string) => void;
}): Promise<WrongOfficeRun[]> {
  const runs: WrongOfficeRun[] = [];
  for (const rows of options.sizes) {
    const read: number[] = [];
    const score: number[] = [];
    const rss: number[] = [];
    let findings = 0;
    for (let rep = 0; rep < options.repetitions; rep++) {
      const run = await runChild(
        process.execPath,
        [join(repoRoot, 'dist/bench/lib/score-wrong-office.js'), String(rows)],
        {
          sampleMemory: true,
        },
      );
      if (run.exitCode !== 0)
        throw new Error(`score-wrong-office ${rows} exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
      const figures = JSON.parse(run.stdout) as { readMs: number; scoreMs: number; findings: number };
      read.push(figures.readMs);
      score.push(figures.scoreMs);
      rss.push(run.peakRssBytes);
      findings = figures.findings;
      options.log(
        `  ${rows} rows a tab, run ${rep + 1}: read ${(figures.readMs / 1000).toFixed(2)} s, scored ${(figures.scoreMs / 1000).toFixed(2)} s (${findings} findings), peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
    }
    runs.push({ rows, findings, readMs: spread(read), scoreMs: spread(score), peakRssBytes: spread(rss) });
  }
  return runs;
}
