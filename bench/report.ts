import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './lib/child.js';
import type { Spread } from './lib/stats.js';
import type { BenchResults } from './results.js';
import { feedbackLatencyDetails, feedbackLatencySummary } from './sections/feedback-latency.js';
import type { ColdStartResult } from './sections/cold-start.js';
import type { ReadingResult } from './sections/reading.js';
import type { WrongOfficeRun } from './sections/wrong-office.js';
import { FLOOR, JSREPORT, LAUNCH, MONEV, floorPerDocument, type PdfBenchResult } from './sections/pdf.js';

/**
 * Renders a run's figures as Markdown and, for a full run, puts them into BENCHMARKS.md between the
 * two markers; the prose around them (method, analysis) is written by hand and kept.
 */
export const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
export const END = '<!-- bench:results:end -->';

const GIB = 2 ** 30;
const MIB = 2 ** 20;

export async function writeBenchmarksFile(results: BenchResults, options: { write: boolean }): Promise<string> {
  const block = renderResults(results);
  if (!options.write) return block;
  const path = join(repoRoot, 'BENCHMARKS.md');
  const current = existsSync(path) ? await readFile(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${START}\n${block}\n${current.slice(to)}`
      : `${current.trimEnd()}\n\n${START}\n${block}\n${END}\n`;
  await writeFile(path, next);
  return block;
}

export function renderResults(results: BenchResults): string {
  const { machine, sections } = results;
  const lines: string[] = [];
  const pdf = sections.pdf;
  lines.push(
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC (${results.quick ? 'quick run: one repetition, a subset, not for quoting' : 'full run'}), ` +
      `${results.totalSeconds !== undefined ? `${Math.round(results.totalSeconds)} s in all` : ''}` +
      `${results.remeasured?.length ? `; measured again since: ${results.remeasured.join(', ')} (times below)` : ''}.`,
    '',
    `**Machine:** ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB memory, ${machine.kernel}, Node ${machine.node}` +
      `${pdf ? `, ${pdf.chromium} (the headless shell inside @sparticuz/chromium)` : ''}.`,
    `**How quiet:** 1-minute load average ${results.loadBefore.toFixed(2)} at the start of the run on ${machine.cores} cores. ` +
      `Per section, the share of the cores that processes other than the bench's own used while it ran (from /proc/stat), and the load average at its start: ` +
      `${Object.entries(results.loads)
        .map(
          ([name, load]) =>
            `${name} ${load.others === undefined ? 'n/a' : `${(load.others * 100).toFixed(1)} %`}, load ${load.before.toFixed(2)}${load.at ? ` (ended ${load.at.slice(11, 16)} UTC)` : ''}`,
        )
        .join('; ')}.`,
    '',
    '### Summary',
    '',
    '| # | figure | monev | baseline | ratio: median (min–max) | target | met |',
    '|---|---|---|---|---|---|---|',
    ...summaryRows(results),
    '',
  );
  if (pdf) lines.push(...pdfDetails(pdf));
  if (sections.cycle) {
    const c = sections.cycle;
    lines.push(
      '### 3, 6. Whole cycle, 38 offices',
      '',
      `\`node bin/monev.js run --data <sample 38> --out <empty folder>\` from a fresh process: ${c.pdfs} PDFs and ${c.mails} e-mails in the outbox per run. ` +
        `${c.wallMs.runs} counted runs${results.quick ? '' : ' after one warm-up run'}` +
        (c.floor
          ? `, each after a batch of the floor: the same ${c.pdfs} documents (${c.floor.reports} office reports, ${c.floor.cards} kartu jabatan, ${c.floor.recaps} recap) captured as the cycle hands them to its renderer and printed one at a time in a warm tab.`
          : '.'),
      '',
      ...(c.floor
        ? [
            '| wall time (min · median · max) | summed floor (min · median · max) | ÷ floor, paired (median, min–max) | peak RSS of the process tree | peak PSS of the tree | processes at the peak |',
            '|---|---|---|---|---|---|',
            `| ${triple(c.wallMs, seconds)} | ${triple(c.floor.summedMs, seconds)} | ${ratio(c.floor.ratio)} | ${triple(c.peakRssBytes, mib)} | ${triple(c.peakPssBytes, mib)} | ${c.peakProcesses} |`,
          ]
        : [
            '| wall time (min · median · max) | peak RSS of the process tree | peak PSS of the tree | processes at the peak |',
            '|---|---|---|---|',
            `| ${triple(c.wallMs, seconds)} | ${triple(c.peakRssBytes, mib)} | ${triple(c.peakPssBytes, mib)} | ${c.peakProcesses} |`,
          ]),
      '',
    );
  }
  if (sections.scoring) {
    lines.push(
      '### 4, 6. Scoring only (`--no-pdf --no-email`)',
      '',
      '| offices | runs | wall time (min · median · max) | offices per second | peak RSS | sample generation (once, cached) |',
      '|---|---|---|---|---|---|',
      ...sections.scoring.map(
        (row) =>
          `| ${row.offices} | ${row.wallMs.runs} | ${triple(row.wallMs, seconds)} | ${row.officesPerSecond.toFixed(0)} | ${mib(row.peakRssBytes.median)} | ${row.generatedMs === null ? 'from the cache' : seconds(row.generatedMs)} |`,
      ),
      '',
    );
  }
  if (sections.google) {
    const g = sections.google;
    const s = g.settings;
    lines.push(
      `### 5. Google mode, ${g.offices} offices against the fake Google API`,
      '',
      `Latency ${s.latencyMs} ms on every request; quota ${s.perWindow} reads and ${s.perWindow} writes per ${s.windowMs} ms window (Google: 60 per 60 000 ms), ` +
        `MONEV_GOOGLE_CONCURRENCY=${s.concurrency}. Loading the sample into the fake took ${seconds(g.loadMs)}. ` +
        `Quota minimum for these requests: ${seconds(g.quotaMinimumMs)}.`,
      '',
      '| run | wall (process) | API span (first request → last answer) | ÷ quota minimum | office reads | office writes | rekap reads / writes | 429 answers (retried) |',
      '|---|---|---|---|---|---|---|---|',
      ...g.runs.map(
        (run, i) =>
          `| ${i + 1}${i === 0 ? ' (creates Hasil Validasi)' : ''} | ${seconds(run.wallMs)} | ${seconds(run.apiSpanMs)} | ×${(run.apiSpanMs / g.quotaMinimumMs).toFixed(2)} | ${run.officeReads} | ${run.officeWrites} | ${run.rekapReads} / ${run.rekapWrites} | ${run.throttled} |`,
      ),
      '',
    );
  }
  if (sections.evidence) {
    const e = sections.evidence;
    const s = e.settings;
    lines.push(
      `### 5b. Evidence verification, ${e.offices} offices against the fake Drive`,
      '',
      `Latency ${s.latencyMs} ms on every request; quota ${s.perWindow} Drive requests per ${s.windowMs} ms window (the default MONEV_DRIVE_REQUESTS_PER_MINUTE, 12 000 a minute, at its own rate), ` +
        `MONEV_DRIVE_CONCURRENCY=${s.concurrency}. The offices cite ${e.citedTargets} Drive links, ${e.distinctFiles} distinct files. ` +
        `Quota minimum for these requests: ${seconds(e.quotaMinimumMs)}.`,
      '',
      '| run | wall | ÷ quota minimum | files.get (lookups + retried) | files.list (folders) | quota answers (retried) |',
      '|---|---|---|---|---|---|',
      ...e.runs.map(
        (run, i) =>
          `| ${i + 1} | ${seconds(run.wallMs)} | ×${(run.wallMs / e.quotaMinimumMs).toFixed(2)} | ${run.getLookups ?? run.getRequests} + ${run.getRequests - (run.getLookups ?? run.getRequests)} | ${run.listRequests} | ${run.throttled} |`,
      ),
      '',
    );
  }
  if (sections.driveStorm) {
    const d = sections.driveStorm;
    const s = d.settings;
    lines.push(
      `### 5c. Drive quota storm: ${s.lookups} lookups at ${s.perWindow} requests per ${s.windowMs} ms`,
      '',
      `The fake Drive grants ${s.perWindow} requests per ${s.windowMs} ms window and answers 403 \`userRateLimitExceeded\` beyond; latency ${s.latencyMs} ms. ` +
        `${s.lookups} distinct files (ok, empty, trashed, not shared), ${s.perOffice} per office, ${s.officesAtOnce} offices verified at a time, monev's production settings. ` +
        `Calm run (no quota): ${seconds(d.calmMs)}. Quota minimum: ${seconds(d.quotaMinimumMs)}.`,
      '',
      '| run | wall | ÷ quota minimum | files.get sent | quota answers | unverified | outcomes differing from the calm run |',
      '|---|---|---|---|---|---|---|',
      ...d.runs.map(
        (run, i) =>
          `| ${i + 1} | ${seconds(run.wallMs)} | ×${(run.wallMs / d.quotaMinimumMs).toFixed(2)} | ${run.requests} | ${run.quotaAnswers} | ${run.unverified} | ${run.differing} |`,
      ),
      '',
    );
  }
  if (sections.coldStart) {
    lines.push(
      '### 7. Cold start under the Functions Framework',
      '',
      '| Node | registry from | sheetChanged: spawn → first answer | hello world | ratio (paired) | sheetChanged answered |',
      '|---|---|---|---|---|---|',
      ...sections.coldStart.map(
        (run) =>
          `| ${run.nodeVersion} | ${coldMode(run)} | ${triple(run.sheetChangedMs, ms)} | ${triple(run.helloMs, ms)} | ${ratio(run.ratio)} | HTTP ${run.sheetChangedStatus} |`,
      ),
      '',
    );
    const cpu = sections.coldStart.filter((run) => run.sheetChangedCpuMs && run.helloCpuMs && run.cpuRatio);
    if (cpu.length > 0)
      lines.push(
        "The same starts in CPU time (user + system of the framework's process at its first answer, from /proc, 10 ms ticks): on a busy machine wall time is mostly waiting for a core.",
        '',
        '| Node | registry from | sheetChanged: CPU to first answer | hello world | ratio (paired) |',
        '|---|---|---|---|---|',
        ...cpu.map(
          (run) =>
            `| ${run.nodeVersion} | ${coldMode(run)} | ${triple(run.sheetChangedCpuMs!, ms)} | ${triple(run.helloCpuMs!, ms)} | ${ratio(run.cpuRatio!)} |`,
        ),
        '',
      );
  }
  if (sections.reading) lines.push(...readingDetails(sections.reading));
  if (sections.wrongOffice) lines.push(...wrongOfficeDetails(sections.wrongOffice));
  if (sections.feedbackLatency) lines.push(...feedbackLatencyDetails(sections.feedbackLatency));
  return lines.join('\n');
}

/** A cold-start row's registry, and which build when it is not this checkout's. */
function coldMode(run: ColdStartResult): string {
  return run.source ? `${run.mode}, before (${run.source})` : run.mode;
}

function wrongOfficeDetails(runs: readonly WrongOfficeRun[]): string[] {
  const first = runs[0];
  return [
    '### 9. One office with every row wrong',
    '',
    'An office whose six data tabs hold N rows each, every row in error (test/fakes/wrong-office.ts), read and scored with its gains in a fresh process ' +
      '(bench/lib/score-wrong-office.ts). Issue 17 measured 4,9 s at 250 rows, 16 s at 500, 70 s at 1 000 and 32 minutes and 1,1 GiB at 4 999. ' +
      'Linear scoring keeps the time per row flat.',
    '',
    '| rows a tab | findings | read (min · median · max) | score, gains included (min · median · max) | score per 1 000 rows | peak RSS |',
    '|---|---|---|---|---|---|',
    ...runs.map(
      (run) =>
        `| ${run.rows} | ${run.findings} | ${triple(run.readMs, seconds)} | ${triple(run.scoreMs, seconds)} | ${ms((run.scoreMs.median / run.rows) * 1000)} | ${mib(run.peakRssBytes.median)} |`,
    ),
    '',
    first
      ? `Growth: ${runs.map((run) => `×${(run.scoreMs.median / first.scoreMs.median).toFixed(1)} at ${run.rows}`).join(', ')} (rows ×${runs.map((run) => (run.rows / first.rows).toFixed(0)).join(', ×')}).`
      : '',
    '',
  ];
}

function readingDetails(r: ReadingResult): string[] {
  const files = r.libraries[0]?.fixtures.map((f) => f.file) ?? [];
  return [
    '### 8. Reading workbooks: library and memory bound',
    '',
    `Reading all ${r.sampleOffices} office workbooks of the 552-office sample from memory, one after another (median of ${r.libraries[0]?.sampleMs.runs ?? 0} after a warm-up), ` +
      'and the fixtures of test/fixtures/workbooks/ (five probe cells: text, number, percent, NIP).',
    '',
    `| library | version | install size (with dependencies) | ${r.sampleOffices} workbooks (min · median · max) | per workbook | ${files.join(' | ')} |`,
    `|---|---|---|---|---|${files.map(() => '---|').join('')}`,
    ...r.libraries.map(
      (lib) =>
        `| ${lib.name} | ${lib.version} | ${mib(lib.installBytes)} | ${triple(lib.sampleMs, seconds)} | ${ms(lib.sampleMs.median / r.sampleOffices)} | ${lib.fixtures.map((f) => f.outcome).join(' | ')} |`,
    ),
    '',
    `Memory bound (target: peak RSS of the process tree under ${mib(r.limitBytes)}):`,
    '',
    '| run | wall time | peak RSS | under the bound | exit | outcome |',
    '|---|---|---|---|---|---|',
    ...r.memory.map(
      (m) =>
        `| ${m.name} | ${seconds(m.wallMs)} | ${mib(m.peakRssBytes)} | ${m.peakRssBytes < r.limitBytes ? 'yes' : '**no**'} | ${m.exitCode} | ${m.outcome} |`,
    ),
    '',
  ];
}

function summaryRows(results: BenchResults): string[] {
  const { pdf, cycle, scoring, google, evidence, driveStorm, coldStart, feedbackLatency } = results.sections;
  const rows: string[] = [];
  const row = (
    id: string,
    figure: string,
    monev: string,
    baseline: string,
    r: string,
    target: string,
    met: boolean | null,
  ) =>
    rows.push(
      `| ${id} | ${figure} | ${monev} | ${baseline} | ${r} | ${target} | ${met === null ? '—' : met ? 'yes' : '**no**'} |`,
    );
  if (pdf) {
    for (const level of pdf.byConcurrency) {
      const get = (key: string) => level.methods.find((method) => method.key === key);
      const floor = get(FLOOR);
      const monev = get(MONEV);
      const jsreport = get(JSREPORT);
      const launch = get(LAUNCH);
      if (!floor || !monev || !jsreport || !launch) continue;
      const c = `${level.concurrency} at once`;
      row(
        '1',
        `PDF per document, ${c}: monev's renderer vs the floor`,
        ms(monev.perDocumentMs.median),
        `floor ${ms(floor.perDocumentMs.median)}`,
        ratio(monev.ratioToFloor),
        '≤ 1.15×',
        (monev.ratioToFloor?.median ?? Infinity) <= 1.15,
      );
      row(
        '2',
        `PDF per document, ${c}: jsreport vs the floor`,
        ms(jsreport.perDocumentMs.median),
        `floor ${ms(floor.perDocumentMs.median)}`,
        ratio(jsreport.ratioToFloor),
        'issue: 1.3–1.5×',
        null,
      );
      const ahead = monev.perDocumentMs.median / jsreport.perDocumentMs.median;
      row(
        '2',
        `PDF per document, ${c}: monev vs jsreport`,
        ms(monev.perDocumentMs.median),
        `jsreport ${ms(jsreport.perDocumentMs.median)}`,
        `×${ahead.toFixed(2)}`,
        '< 1× (ahead)',
        ahead < 1,
      );
      row(
        '2',
        `PDF per document, ${c}: new browser per document vs the floor`,
        ms(launch.perDocumentMs.median),
        `floor ${ms(floor.perDocumentMs.median)}`,
        ratio(launch.ratioToFloor),
        'issue: about 2×',
        null,
      );
    }
  }
  if (cycle?.floor) {
    const f = cycle.floor;
    row(
      '3',
      `Whole cycle, 38 offices, cold process (${cycle.pdfs} PDFs: ${f.reports} reports, ${f.cards} kartu jabatan, ${f.recaps} recap; outbox)`,
      seconds(cycle.wallMs.median),
      `summed floor of the ${cycle.pdfs} PDFs ${seconds(f.summedMs.median)}`,
      ratio(f.ratio),
      '≤ 1.5×',
      f.ratio.median <= 1.5,
    );
  } else if (cycle) {
    // Results written before the cycle measured its own floor: the PDF section's, per document.
    const floor = pdf ? (floorPerDocument(pdf, 1) ?? floorPerDocument(pdf, 2)) : null;
    const documents = cycle.pdfs;
    if (floor !== null) {
      const summed = floor * documents;
      const r = cycle.wallMs.median / summed;
      row(
        '3',
        `Whole cycle, 38 offices, cold process (${documents} PDFs, outbox)`,
        seconds(cycle.wallMs.median),
        `summed floor of ${documents} PDFs ${seconds(summed)}`,
        `×${r.toFixed(2)}`,
        '≤ 1.5×',
        r <= 1.5,
      );
    } else {
      row(
        '3',
        'Whole cycle, 38 offices, cold process',
        seconds(cycle.wallMs.median),
        'PDF floor not measured in this run',
        '—',
        '≤ 1.5×',
        null,
      );
    }
  }
  if (scoring) {
    for (const entry of scoring)
      row(
        '4',
        `Scoring only, ${entry.offices} offices`,
        `${entry.officesPerSecond.toFixed(0)} offices/s`,
        '',
        seconds(entry.wallMs.median),
        '',
        null,
      );
    const small = scoring.find((entry) => entry.offices === 552);
    const large = scoring.find((entry) => entry.offices === 5520);
    if (small && large) {
      const r = large.wallMs.median / small.wallMs.median;
      row(
        '4',
        'Scoring time, 5 520 vs 552 offices',
        seconds(large.wallMs.median),
        seconds(small.wallMs.median),
        `×${r.toFixed(2)}`,
        '≤ 11×',
        r <= 11,
      );
    }
  }
  if (google) {
    const last = google.runs[google.runs.length - 1];
    const offices = google.offices;
    if (last) {
      const reads = Math.max(...google.runs.map((run) => run.officeReads)) / offices;
      const writes = Math.max(...google.runs.map((run) => run.officeWrites)) / offices;
      row(
        '5',
        `Google mode, ${offices} offices: reads per office`,
        reads.toFixed(3),
        '',
        '',
        '= 1',
        Math.abs(reads - 1) < 1e-9,
      );
      row('5', `Google mode, ${offices} offices: writes per office`, writes.toFixed(3), '', '', '≤ 1', writes <= 1);
      row(
        '5',
        `Google mode, ${offices} offices: rekap requests per run`,
        `${last.rekapReads} read, ${last.rekapWrites} writes`,
        '',
        '',
        '',
        null,
      );
      const r = google.apiSpanMs.median / google.quotaMinimumMs;
      row(
        '5',
        `Google mode, ${offices} offices: API time vs the quota's minimum`,
        seconds(google.apiSpanMs.median),
        `minimum ${seconds(google.quotaMinimumMs)}`,
        `×${r.toFixed(2)}`,
        '≤ 1.15×',
        r <= 1.15,
      );
      row(
        '5',
        `Google mode, ${offices} offices: whole process vs the quota's minimum`,
        seconds(google.wallMs.median),
        `minimum ${seconds(google.quotaMinimumMs)}`,
        `×${(google.wallMs.median / google.quotaMinimumMs).toFixed(2)}`,
        '',
        null,
      );
    }
  }
  if (evidence && evidence.runs.length > 0) {
    // A request Drive answers with a quota answer is retried; the lookup is the one answered with the file.
    const perFile = Math.max(...evidence.runs.map((run) => run.getLookups ?? run.getRequests)) / evidence.distinctFiles;
    const perFileSent = Math.max(...evidence.runs.map((run) => run.getRequests)) / evidence.distinctFiles;
    row(
      '5b',
      `Evidence, ${evidence.offices} offices: Drive lookups per distinct evidence file`,
      `${perFile.toFixed(3)} (requests with retries: ${perFileSent.toFixed(3)})`,
      '',
      '',
      '= 1',
      Math.abs(perFile - 1) < 1e-9,
    );
    const walls = evidence.runs.map((run) => run.wallMs).sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)] ?? 0;
    const r = median / evidence.quotaMinimumMs;
    row(
      '5b',
      `Evidence, ${evidence.offices} offices: verification time vs the Drive quota's minimum`,
      seconds(median),
      `minimum ${seconds(evidence.quotaMinimumMs)}`,
      `×${r.toFixed(2)}`,
      '≤ 1.15×',
      r <= 1.15,
    );
  }
  if (driveStorm && driveStorm.runs.length > 0) {
    const { lookups, perWindow, windowMs } = driveStorm.settings;
    const storm = `Drive storm, ${lookups} lookups at ${perWindow} per ${windowMs / 1000} s`;
    const walls = driveStorm.runs.map((run) => run.wallMs).sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)] ?? 0;
    const r = median / driveStorm.quotaMinimumMs;
    const low = (walls[0] ?? 0) / driveStorm.quotaMinimumMs;
    const high = (walls[walls.length - 1] ?? 0) / driveStorm.quotaMinimumMs;
    row(
      '5c',
      `${storm}: time vs the quota's minimum`,
      seconds(median),
      `minimum ${seconds(driveStorm.quotaMinimumMs)}`,
      `×${r.toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)})`,
      '≤ 1.5×',
      high <= 1.5,
    );
    const unverified = Math.max(...driveStorm.runs.map((run) => run.unverified));
    const differing = Math.max(...driveStorm.runs.map((run) => run.differing));
    row('5c', `${storm}: links left unverified (most in a run)`, String(unverified), '', '', '= 0', unverified === 0);
    row(
      '5c',
      `${storm}: outcomes differing from the calm run (most in a run)`,
      String(differing),
      '',
      '',
      '= 0',
      differing === 0,
    );
  }
  if (cycle)
    row(
      '6',
      'Peak memory, whole 38-office cycle (RSS summed over Node and Chromium)',
      mib(cycle.peakRssBytes.median),
      '',
      `PSS ${mib(cycle.peakPssBytes.median)}`,
      '≤ 1 GiB',
      cycle.peakRssBytes.median <= GIB,
    );
  const wrong = results.sections.wrongOffice;
  const wrongFirst = wrong?.[0];
  const wrongLast = wrong?.[wrong.length - 1];
  if (wrongFirst && wrongLast) {
    const growth = wrongLast.scoreMs.median / wrongFirst.scoreMs.median / (wrongLast.rows / wrongFirst.rows);
    row(
      '9',
      `Scoring one all-wrong office, ${wrongLast.rows} vs ${wrongFirst.rows} rows a tab: time growth ÷ row growth`,
      seconds(wrongLast.scoreMs.median),
      seconds(wrongFirst.scoreMs.median),
      `×${growth.toFixed(2)}`,
      '≤ 1.5× (linear)',
      growth <= 1.5,
    );
    row(
      '9',
      `Peak memory, one all-wrong office of ${wrongLast.rows} rows a tab`,
      mib(wrongLast.peakRssBytes.median),
      '',
      '',
      '≤ 512 MiB',
      wrongLast.peakRssBytes.median <= 512 * MIB,
    );
  }
  const largest = scoring?.[scoring.length - 1];
  if (largest)
    row('6', `Peak memory, scoring ${largest.offices} offices`, mib(largest.peakRssBytes.median), '', '', '', null);
  for (const run of coldStart ?? []) {
    row(
      '7',
      `Cold start to first answer, Node ${run.nodeVersion}, ${coldMode(run)}: sheetChanged vs hello world`,
      ms(run.sheetChangedMs.median),
      `hello ${ms(run.helloMs.median)}`,
      ratio(run.ratio),
      '≤ 2×',
      run.ratio.median <= 2,
    );
  }
  if (feedbackLatency) feedbackLatencySummary(feedbackLatency, row);
  return rows;
}

function pdfDetails(pdf: PdfBenchResult): string[] {
  return [
    '### 1, 2. PDF printing',
    '',
    `${pdf.documents} documents (the 38 office reports and the provincial recap of the sample, ${(pdf.htmlBytesPerDocument / 1024).toFixed(0)} KiB of HTML each on average, ` +
      `fonts inlined), each batch printed whole by every method in turn, ${pdf.repetitions} repetitions after one uncounted batch. Times are batch wall time ÷ documents.`,
    '',
    '| at once | method | per document (min · median · max) | ÷ floor, paired (median, min–max) | PDF size |',
    '|---|---|---|---|---|',
    ...pdf.byConcurrency.flatMap((level) =>
      level.methods.map(
        (method) =>
          `| ${level.concurrency} | ${method.name} | ${triple(method.perDocumentMs, ms)} | ${method.ratioToFloor ? ratio(method.ratioToFloor) : '—'} | ${(method.bytesPerDocument / 1024).toFixed(0)} KiB |`,
      ),
    ),
    '',
  ];
}

function ratio(value: Spread | null): string {
  if (!value) return '—';
  return value.runs > 1
    ? `×${value.median.toFixed(2)} (${value.min.toFixed(2)}–${value.max.toFixed(2)})`
    : `×${value.median.toFixed(2)}`;
}

function triple(value: Spread, format: (n: number) => string): string {
  return value.runs > 1
    ? `${format(value.min)} · **${format(value.median)}** · ${format(value.max)}`
    : format(value.median);
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}

function mib(value: number): string {
  return `${(value / MIB).toFixed(0)} MiB`;
}
