import { watch } from 'node:fs';
import { relative, resolve } from 'node:path';
import { lockOutFolder } from '../adapters/fs/out-lock.js';
import { ConfigError } from '../shared/config-error.js';
import { findOffice } from '../app/find-office.js';
import { scoreOneOffice } from '../app/score-one-office.js';
import type { Finding } from '../core/findings.js';
import { formatId } from '../core/numbers.js';
import { readRekap } from '../core/rekap-reader.js';
import type { SheetValue } from '../core/summary-rows.js';
import { parseConfig } from '../config.js';
import { buildAdapters, type Adapters } from '../choose-adapters.js';
import { EXIT, type CommandIo } from './io.js';
import { VALIDATE_TEXT } from './messages.js';

export interface WatchArgs {
  data: string;
  out: string;
  period?: string;
  /** Quiet time after the last change before scoring, in milliseconds. */
  debounceMs?: number;
  /** Stops watching (tests); by default Ctrl+C. */
  signal?: AbortSignal;
}

/**
 * `monev watch`: re-scores an office a moment after its workbook changes and prints what changed
 * in its score and findings. Spreadsheet programs save in bursts (temp file, rename, touch), so each
 * file waits for a quiet moment before it is read.
 */
export async function watchCommand(
  args: WatchArgs,
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const config = parseConfig(env);
  // Fresh adapters for each scoring, so it sees the rekap as the last one left it. Watch re-scores on
  // every save and leaves Drive's evidence checks to `monev run`.
  const adapters = (): Adapters =>
    buildAdapters(config, { kind: 'folder', dataDir: args.data, outDir: args.out }, { verifyEvidence: false });
  const rekap = readRekap(await adapters().source.readRekap());
  if (rekap.problems.length > 0) throw new ConfigError(rekap.problems.join('\n'));
  const previous = new Map<string, readonly Finding[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  let chain = Promise.resolve();

  const rescore = (code: string) => {
    chain = chain.then(async () => {
      try {
        // A scoring writes OUT/rekap.xlsx as `monev run` does: it waits its turn for the output folder.
        const lock = await lockOutFolder(args.out, { waitMs: 30 * 60_000, pollMs: 500 });
        const use = adapters();
        const outcome = await scoreOneOffice(
          { source: use.source, sink: use.sink, evidence: use.evidence, clock: { now: () => new Date() } },
          { code, period: args.period },
        ).finally(() => lock.release());
        io.out(describeChange(outcome.office, outcome.before?.Indeks ?? null, previous.get(code)));
        previous.set(code, outcome.office.findings);
      } catch (error) {
        io.err(`${code}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };

  const dataDir = resolve(args.data);
  const watcher = watch(dataDir, { recursive: true }, (_event, file) => {
    if (
      !file ||
      !/\.(xlsx|ods)$/i.test(file) ||
      file.split('/').some((part) => part.startsWith('.') || part.startsWith('~$'))
    )
      return;
    const office = findOffice(rekap.offices, { source: relative(dataDir, resolve(dataDir, file)) });
    if (!office) return;
    clearTimeout(timers.get(office.code));
    timers.set(
      office.code,
      setTimeout(() => rescore(office.code), args.debounceMs ?? 1500),
    );
  });
  io.out(
    `monev watch: mengawasi ${args.data} (${rekap.offices.length} satker); keluaran ke ${args.out}. Ctrl+C untuk berhenti.`,
  );
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    args.signal?.addEventListener('abort', stop, { once: true });
    if (!args.signal) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  watcher.close();
  for (const timer of timers.values()) clearTimeout(timer);
  await chain;
  return EXIT.ok;
}

/** What `monev watch` prints when an office was scored again: its index then and now, its counts, what changed. */
export function describeChange(
  office: {
    code: string;
    name: string;
    status: string;
    scores: { index: number | null };
    predicate: string | null;
    findings: readonly Finding[];
  },
  before: SheetValue,
  earlier: readonly Finding[] | undefined,
): string {
  const now = office.scores.index;
  const was = typeof before === 'number' ? before : null;
  const index =
    now === null
      ? 'tidak dinilai'
      : `indeks ${was === null ? '' : `${formatId(was)} → `}${formatId(now)} (${office.predicate ?? '-'})`;
  const lines = [
    `${office.code} ${office.name}: ${index}; ${VALIDATE_TEXT.counts(
      office.findings.filter((f) => f.level === 'error').length,
      office.findings.filter((f) => f.level === 'warning').length,
    ).replace(/\.$/, '')}`,
  ];
  if (earlier) {
    const key = (f: Finding) => `${f.cell}|${f.code}`;
    const old = new Set(earlier.map(key));
    const fresh = new Set(office.findings.map(key));
    for (const f of office.findings) if (!old.has(key(f))) lines.push(`  + ${f.cell} ${f.code}: ${f.message}`);
    for (const f of earlier) if (!fresh.has(key(f))) lines.push(`  − ${f.cell} ${f.code} (sudah beres)`);
  } else {
    for (const f of office.findings.filter((item) => item.level === 'error'))
      lines.push(`  ${f.cell} ${f.code}: ${f.message}`);
  }
  return lines.join('\n');
}
