import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runChild } from '../lib/child.js';
import { pairedRatios, spread, type Spread } from '../lib/stats.js';
import { chromiumPath, floorPrinter, type Printer } from './printers.js';
import { reportDocuments } from './report-documents.js';

export interface ProcessRunResult {
  readonly wallMs: Spread;
  /** Peak of the summed RSS of the process and all its children (Chromium included). */
  readonly peakRssBytes: Spread;
  readonly peakPssBytes: Spread;
  readonly peakProcesses: number;
}

export interface CycleResult extends ProcessRunResult {
  readonly offices: number;
  /** PDFs the cycle wrote into OUT/laporan: every office report, every kartu jabatan and the recap. */
  readonly pdfs: number;
  readonly mails: number;
  /**
   * The summed Chromium floor of exactly the documents the cycle prints, by kind; absent in results
   * written before the cycle section measured its own floor (the PDF section's floor was used then).
   */
  readonly floor?: {
    readonly reports: number;
    readonly cards: number;
    readonly recaps: number;
    /** All of them printed one at a time in a warm tab (the floor printer at concurrency 1), per repetition. */
    readonly summedMs: Spread;
    /** Each cycle run ÷ the summed floor measured just before it. */
    readonly ratio: Spread;
  };
}

/**
 * The whole cycle as `npm start` runs it: a fresh Node process of `monev run` reading the xlsx sample,
 * scoring, writing the rekap and Hasil Validasi files, printing every PDF and writing the outbox.
 * Each run gets an empty output folder, so nothing is skipped as already sent.
 *
 * Its baseline is the summed floor of the documents it prints: the same documents, captured as the
 * cycle hands them to its renderer (office reports, kartu jabatan, the recap), printed one at a time
 * in a browser that is already up. Floor and cycle alternate, a floor batch before each run, so that
 * each ratio pairs two figures taken moments apart on a machine whose speed drifts.
 */
export async function benchCycle(
  dataDir: string,
  options: { repetitions: number; offices: number; warmUp: boolean; log: (line: string) => void },
): Promise<CycleResult> {
  const documents = await reportDocuments(dataDir);
  const kinds = {
    cards: documents.filter((document) => document.id.startsWith('kartu-jabatan-')).length,
    recaps: documents.filter((document) => document.id.startsWith('rekap-')).length,
  };
  const reports = documents.length - kinds.cards - kinds.recaps;
  options.log(
    `  floor: ${documents.length} documents (${reports} office reports, ${kinds.cards} kartu jabatan, ${kinds.recaps} recap), one at a time`,
  );
  const floor: Printer = floorPrinter(await chromiumPath(), 1);
  const walls: number[] = [];
  const floors: number[] = [];
  const rss: number[] = [];
  const pss: number[] = [];
  let processes = 0;
  let pdfs = 0;
  let mails = 0;
  await floor.start();
  try {
    for (let rep = options.warmUp ? -1 : 0; rep < options.repetitions; rep++) {
      const started = performance.now();
      await floor.printAll(documents);
      const floorMs = performance.now() - started;
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
        // The floor must count what the cycle printed, no more and no less.
        if (pdfs !== documents.length)
          throw new Error(`the cycle wrote ${pdfs} PDFs, the floor printed ${documents.length} documents`);
        if (rep < 0) continue; // the warm-up: Chromium unpacked, files in the page cache
        walls.push(run.wallMs);
        floors.push(floorMs);
        rss.push(run.peakRssBytes);
        pss.push(run.peakPssBytes);
        processes = Math.max(processes, run.peakProcesses);
        options.log(
          `  run ${rep + 1}: ${(run.wallMs / 1000).toFixed(2)} s, summed floor ${(floorMs / 1000).toFixed(2)} s (×${(run.wallMs / floorMs).toFixed(2)}), peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB over ${run.peakProcesses} processes`,
        );
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    }
  } finally {
    await floor.close();
  }
  return {
    offices: options.offices,
    pdfs,
    mails,
    wallMs: spread(walls),
    peakRssBytes: spread(rss),
    peakPssBytes: spread(pss),
    peakProcesses: processes,
    floor: { reports, ...kinds, summedMs: spread(floors), ratio: spread(pairedRatios(walls, floors)) },
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
