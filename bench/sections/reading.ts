import { cp, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { readXlsxBuffer } from '../../functions/adapters/xlsx/read-workbook.js';
import { hugeTabEntries, writeZip, zipBombEntries } from '../../test/fakes/oversized-workbooks.js';
import { repoRoot, runChild } from '../lib/child.js';
import { spread, type Spread } from '../lib/stats.js';

/**
 * Reading workbooks (issue 10): which library monev reads with, measured on the same files, and the memory
 * bound of docs/SPEC.md §8 (a run whose data holds a zip bomb and a 100 000-row tab peaks under 512 MiB).
 */
export interface LibraryResult {
  readonly name: string;
  readonly version: string;
  /** Bytes on disk of the package and everything it pulls in (npm's install). */
  readonly installBytes: number;
  readonly fixtures: readonly { readonly file: string; readonly outcome: 'same cells' | 'different cells' | 'fails' }[];
  /** Reading every office workbook of the 552-office sample from memory, one after another. */
  readonly sampleMs: Spread;
}

export interface MemoryRun {
  readonly name: string;
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly exitCode: number | null;
  /** What the run said about the oversized offices (finding codes), from results.json or the JSON output. */
  readonly outcome: string;
}

export interface ReadingResult {
  readonly libraries: readonly LibraryResult[];
  readonly sampleOffices: number;
  readonly memory: readonly MemoryRun[];
  readonly limitBytes: number;
}

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'workbooks');
const LIMIT_BYTES = 512 * 2 ** 20;

/** The cells every fixture holds (test/adapters/xlsx/real-programs.test.ts has the full list). */
const PROBES: readonly { sheet: string; row: number; column: number; value: string | number }[] = [
  { sheet: 'Profil', row: 0, column: 1, value: '3573' },
  { sheet: 'Sel', row: 1, column: 1, value: 'Bawaslu Kota Malang – Jawa Timur' },
  { sheet: 'Sel', row: 2, column: 1, value: 1250.5 },
  { sheet: 'Sel', row: 3, column: 1, value: 0.875 },
  { sheet: 'Sel', row: 5, column: 1, value: '198703152010121001' },
];

type Grid = Map<string, (string | number | boolean | null | undefined)[][]>;
type Reader = (bytes: Buffer) => Promise<Grid>;

const monevReader: Reader = async (bytes) => {
  const workbook = await readXlsxBuffer(bytes);
  return new Map(
    workbook.sheets.map((sheet) => [sheet.name, sheet.rows.map((row) => (row ?? []).map((c) => c?.value))]),
  );
};

function exceljsReader(): Reader {
  const excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  return async (bytes) => {
    const workbook = new excel.Workbook();
    // The options monev's exceljs reader used before issue 10.
    await workbook.xlsx.load(
      bytes as unknown as ArrayBuffer,
      {
        ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'pageSetup'],
      } as never,
    );
    const grid: Grid = new Map();
    for (const worksheet of workbook.worksheets) {
      const rows: (string | number | boolean | null | undefined)[][] = [];
      worksheet.eachRow((row, r) => {
        const cells: (string | number | boolean | null | undefined)[] = [];
        row.eachCell((cell, c) => {
          const value = cell.value;
          cells[c - 1] =
            typeof value === 'object' && value !== null && !(value instanceof Date) ? cell.text : (value as never);
        });
        rows[r - 1] = cells;
      });
      grid.set(worksheet.name, rows);
    }
    if (grid.size === 0) throw new Error('no worksheets');
    return grid;
  };
}

async function fixtureOutcomes(read: Reader): Promise<LibraryResult['fixtures']> {
  const files = (await readdir(FIXTURES)).filter((file) => /\.(xlsx|ods)$/.test(file) && !file.includes('template'));
  const outcomes = [];
  for (const file of files.sort()) {
    let outcome: 'same cells' | 'different cells' | 'fails';
    try {
      const grid = await read(await readFile(join(FIXTURES, file)));
      const same = PROBES.every((p) => grid.get(p.sheet)?.[p.row]?.[p.column] === p.value);
      outcome = same ? 'same cells' : 'different cells';
    } catch {
      outcome = 'fails';
    }
    outcomes.push({ file, outcome });
  }
  return outcomes;
}

async function timeSample(read: Reader, files: readonly Buffer[], repetitions: number): Promise<Spread> {
  const times: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const started = performance.now();
    for (const bytes of files) await read(bytes);
    times.push(performance.now() - started);
  }
  return spread(times);
}

/** The package's folder and its dependencies' folders, each counted once. */
async function installBytes(name: string): Promise<number> {
  const seen = new Set<string>();
  const visit = async (pkg: string, from: string): Promise<void> => {
    let dir = from;
    let found: string | null = null;
    for (;;) {
      const candidate = join(dir, 'node_modules', pkg);
      if (await exists(join(candidate, 'package.json'))) {
        found = candidate;
        break;
      }
      const parent = join(dir, '..');
      if (parent === dir || !dir.startsWith(repoRoot)) break;
      dir = parent;
    }
    if (!found || seen.has(found)) return;
    seen.add(found);
    const manifest = JSON.parse(await readFile(join(found, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) await visit(dep, found);
  };
  await visit(name, repoRoot);
  let total = 0;
  for (const dir of seen) total += await folderBytes(dir);
  return total;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function version(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export async function benchReading(
  sample552: string,
  sample38: string,
  options: { repetitions: number; log: (line: string) => void },
): Promise<ReadingResult> {
  const { log } = options;
  const satker = join(sample552, 'satker');
  const files = await Promise.all(
    (await readdir(satker)).filter((f) => f.endsWith('.xlsx')).map((f) => readFile(join(satker, f))),
  );
  // Files the sample makes unreadable on purpose fail in both libraries; they are read all the same.
  const tolerant =
    (read: Reader): Reader =>
    (bytes) =>
      read(bytes).catch(() => new Map());
  const libraries: LibraryResult[] = [];
  for (const [name, label, reader] of [
    ['exceljs', 'exceljs', exceljsReader()],
    ['@e965/xlsx', '@e965/xlsx (SheetJS) behind monev’s bounded zip reader', monevReader],
  ] as const) {
    await timeSample(tolerant(reader), files.slice(0, 20), 1); // warm-up: module load and JIT
    const sampleMs = await timeSample(tolerant(reader), files, options.repetitions);
    const result: LibraryResult = {
      name: label,
      version: await version(name),
      installBytes: await installBytes(name),
      fixtures: await fixtureOutcomes(reader),
      sampleMs,
    };
    log(
      `  ${label}: ${files.length} workbooks in ${(sampleMs.median / 1000).toFixed(2)} s (median of ${sampleMs.runs}); install ${(result.installBytes / 2 ** 20).toFixed(1)} MiB; fixtures ${result.fixtures.map((f) => `${f.file} ${f.outcome}`).join(', ')}`,
    );
    libraries.push(result);
  }

  const memory: MemoryRun[] = [];
  const work = await mkdtemp(join(tmpdir(), 'monev-bench-reading-'));
  try {
    const bomb = join(work, 'bom-zip.xlsx');
    const huge = join(work, 'tab-100000-baris.xlsx');
    const full = join(work, 'tab-5000x200.xlsx');
    await writeZip(bomb, zipBombEntries(400 * 2 ** 20));
    await writeZip(huge, hugeTabEntries(100_000));
    await writeZip(full, hugeTabEntries(5000, 200));
    for (const [name, file] of [
      ['validate: zip bomb (400 MB unpacked)', bomb],
      ['validate: 100 000-row tab', huge],
      ['validate: a tab at the limits, 5 000 rows × 200 columns of numbers (read)', full],
    ] as const) {
      const run = await runChild(
        process.execPath,
        [join(repoRoot, 'bin/monev.js'), 'validate', file, '--period', '2025-TW3', '--json'],
        { sampleMemory: true },
      );
      const parsed = JSON.parse(run.stdout) as { findings: { code: string }[] };
      memory.push({
        name: `${name} (${((await stat(file)).size / 1024).toFixed(0)} KB file)`,
        wallMs: run.wallMs,
        peakRssBytes: run.peakRssBytes,
        exitCode: run.exitCode,
        // The file at the limits is no office workbook: its findings (missing tabs) only show it was read.
        outcome: parsed.findings.some((f) => f.code === 'workbook-too-large')
          ? 'workbook-too-large'
          : `read (${parsed.findings.length} findings, none workbook-too-large)`,
      });
    }
    // The sample province with two offices' workbooks replaced by the bomb and the huge tab.
    const data = join(work, 'data');
    await cp(sample38, data, { recursive: true });
    await cp(bomb, join(data, 'satker', '3501.xlsx'));
    await cp(huge, join(data, 'satker', '3502.xlsx'));
    const out = join(work, 'out');
    const run = await runChild(
      process.execPath,
      [join(repoRoot, 'bin/monev.js'), 'run', '--data', data, '--out', out, '--no-pdf', '--no-email'],
      { sampleMemory: true },
    );
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      offices: { code: string; status: string; findings: { code: string }[] }[];
    };
    const scored = results.offices.filter((o) => o.status === 'scored').length;
    const reasons = ['3501', '3502']
      .map(
        (code) =>
          `${code} ${results.offices
            .find((o) => o.code === code)
            ?.findings.map((f) => f.code)
            .join('/')}`,
      )
      .join(', ');
    memory.push({
      name: 'run: 38-office sample with the bomb (3501) and the huge tab (3502)',
      wallMs: run.wallMs,
      peakRssBytes: run.peakRssBytes,
      exitCode: run.exitCode,
      outcome: `${reasons}; ${scored} of ${results.offices.length} offices scored`,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  for (const m of memory)
    log(
      `  ${m.name}: ${(m.wallMs / 1000).toFixed(2)} s, peak RSS ${(m.peakRssBytes / 2 ** 20).toFixed(0)} MiB, exit ${m.exitCode}: ${m.outcome}`,
    );
  return { libraries, sampleOffices: files.length, memory, limitBytes: LIMIT_BYTES };
}
