import { join, resolve } from 'node:path';
import { runCycle, type ProgressEvent, type RunOutcome } from '../app/run-cycle.js';
import { runMessage } from '../core/messages/run.js';
import { formatId } from '../core/numbers.js';
import { score } from '../core/report/format.js';
import { periodLabel } from '../core/period.js';
import { PREDICATE_LABELS } from '../core/scoring/province.js';
import { FileLogJournal, JOURNAL_FILE } from '../adapters/fs/log-journal.js';
import { lockOutFolder } from '../adapters/fs/out-lock.js';
import { handlebarsTemplates } from '../adapters/html/render-html.js';
import { shareCopyName } from '../adapters/xlsx/share-copy.js';
import { spreadsheetId, spreadsheetLink } from '../adapters/google/spreadsheet-ref.js';
import type { GoogleMode } from '../adapters/google/google-mode.js';
import { parseConfig, type Config } from '../config.js';
import { buildAdapters } from '../choose-adapters.js';
import { EXIT, escapeControls, usageError, type CommandIo } from './io.js';
import { textTable } from './terminal-table.js';

export interface RunArgs {
  /** The local data folder; unused with `source: 'google'`. */
  data?: string;
  /** Where the workbooks live: a local folder (default) or Google Sheets. */
  source?: 'xlsx' | 'google';
  /** The rekap spreadsheet's ID or URL, with `source: 'google'`. */
  rekap?: string;
  out: string;
  period?: string;
  offices?: string[];
  pdf: boolean;
  email: boolean;
  resend: boolean;
  /** Check Drive evidence (docs/SPEC.md §8); false with --no-verify. Default true. */
  verify?: boolean;
}

/** `monev run`: score the province from a local data folder and print the ranking. */
export async function runCommand(
  args: RunArgs,
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  if (args.data !== undefined && resolve(args.data) === resolve(args.out)) {
    throw usageError('out-is-data', { out: args.out });
  }
  const config = parseConfig(env);
  const started = Date.now();
  // Before anything is read from or written to OUT: a second run waits here, then stops (OutFolderBusyError).
  const lock = await lockOutFolder(args.out, { waitMs: config.local.lockWaitMs, pollMs: 250 });
  try {
    return await runLocked(args, io, config, started);
  } finally {
    await lock.release();
  }
}

async function runLocked(args: RunArgs, io: CommandIo, config: Config, started: number): Promise<number> {
  const use = buildAdapters(
    config,
    args.source === 'google'
      ? { kind: 'google', rekap: args.rekap ?? '', outDir: args.out }
      : { kind: 'folder', dataDir: args.data ?? '', outDir: args.out },
    { verifyEvidence: args.verify !== false },
  );
  const google = use.google;
  const renderer = args.pdf ? use.renderer() : null;
  // Chromium starts on the other core while the workbooks are read and scored.
  renderer?.warmUp();
  const mailer = args.pdf && args.email ? use.mailer() : null;
  let closing: Promise<void> | undefined;
  const closeRenderer = (): Promise<void> => (closing ??= renderer?.close() ?? Promise.resolve());
  const printProgress = progressPrinter(io);
  try {
    const outcome = await runCycle(
      {
        source: use.source,
        sink: use.sink,
        results: use.results,
        clock: { now: () => new Date() },
        progress: (event) => {
          printProgress(event);
          // Every report is printed by the time sending (or writing) starts: Chromium shuts down
          // alongside instead of after; the close is awaited below.
          if (event.kind === 'sending' || event.kind === 'writing') closeRenderer().catch(() => undefined);
        },
        reports: renderer ? { renderer, templates: handlebarsTemplates, store: use.reports } : undefined,
        evidence: use.evidence,
        mail: mailer
          ? {
              mailer,
              resend: args.resend,
              // Live mode: Sumber names the office's spreadsheet, and its e-mail links it.
              officeLink: google
                ? (source) => {
                    const id = spreadsheetId(source);
                    return id === null ? null : spreadsheetLink(id);
                  }
                : undefined,
            }
          : undefined,
        journal: new FileLogJournal(join(args.out, JOURNAL_FILE)),
        logInternalError: (context, error) =>
          io.err(`Kesalahan internal saat ${context}: ${error instanceof Error ? error.message : String(error)}`),
        // Google answers one request at a time per office; the scheduler caps what is in flight.
        concurrency: google ? config.google.quota.concurrency * 2 : undefined,
        limits: config.limits,
      },
      { period: args.period, offices: args.offices },
    );
    printOutcome(outcome, io, args, Date.now() - started, config.mail.transport, google);
    const troubled = outcome.offices.some(
      (office) => office.status === 'unscored' || office.findings.some((f) => f.level === 'error'),
    );
    const undelivered =
      outcome.publishing !== null &&
      (outcome.publishing.renderFailures.length > 0 ||
        outcome.publishing.failedSends > 0 ||
        outcome.publishing.uncertain.length > 0);
    return troubled || undelivered ? EXIT.findings : EXIT.ok;
  } finally {
    await closeRenderer();
    await mailer?.close();
  }
}

function progressPrinter(io: CommandIo): (event: ProgressEvent) => void {
  let lastShown = 0;
  let lastRendered = 0;
  return (event) => {
    if (event.kind === 'start')
      io.err(`Menilai ${event.total} satker untuk ${periodLabel(event.period)} (${event.period.id})…`);
    if (event.kind === 'office') {
      const line = `[${String(event.done).padStart(String(event.total).length)}/${event.total}] ${event.office.code} ${event.office.name}`;
      if (io.interactive) {
        process.stderr.write(`\r\u001b[2K${escapeControls(line)}${event.done === event.total ? '\n' : ''}`);
      } else if (event.total <= 60 || event.done === event.total || event.done - lastShown >= event.total / 10) {
        io.err(line);
        lastShown = event.done;
      }
    }
    if (event.kind === 'rendering') io.err(`Membuat ${event.total} laporan PDF…`);
    if (event.kind === 'rendered') {
      const line = `[${String(event.done).padStart(String(event.total).length)}/${event.total}] laporan PDF`;
      if (io.interactive) process.stderr.write(`\r\u001b[2K${line}${event.done === event.total ? '\n' : ''}`);
      else if (event.done === event.total || event.done - lastRendered >= Math.max(1, event.total / 10)) {
        io.err(line);
        lastRendered = event.done;
      }
    }
    if (event.kind === 'sending') io.err('Mengirim laporan…');
    if (event.kind === 'writing') io.err('Menulis hasil…');
  };
}

function printOutcome(
  outcome: RunOutcome,
  io: CommandIo,
  args: RunArgs,
  elapsedMs: number,
  transport: string,
  google: GoogleMode | null,
): void {
  const offices = [...outcome.offices].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1),
  );
  const count = (office: (typeof offices)[number], level: 'error' | 'warning') =>
    String(office.findings.filter((f) => f.level === level).length);
  const rows = offices.map((office) => [
    office.rank === null ? '-' : String(office.rank),
    office.code,
    office.name,
    score(office.scores.index),
    office.predicate === null
      ? office.status === 'unscored'
        ? 'tidak dinilai'
        : '-'
      : `${office.predicate} ${PREDICATE_LABELS[office.predicate]}`,
    count(office, 'error'),
    count(office, 'warning'),
  ]);
  const unscored = outcome.offices.filter((office) => office.status === 'unscored');
  io.out('');
  io.out(
    `${periodLabel(outcome.period)} (${outcome.period.id}): ${outcome.offices.length} satker, ${outcome.offices.length - unscored.length} dinilai, ${unscored.length} tidak dinilai.`,
  );
  io.out('');
  io.out(
    textTable(
      ['Peringkat', 'Kode', 'Satker', 'Indeks', 'Predikat', 'Error', 'Peringatan'],
      rows,
      new Set([0, 3, 5, 6]),
    ),
  );
  if (unscored.length > 0) {
    io.out('');
    io.out('Tidak dinilai:');
    for (const office of unscored) {
      const reason = office.findings.find((f) => f.level === 'error');
      io.out(
        `  ${office.code} ${office.name}: ${reason ? `${reason.cell} — ${reason.message}` : 'tanpa alasan tercatat'}`,
      );
    }
  }
  const evidence = evidenceLine(outcome, args.verify !== false);
  if (evidence) {
    io.out('');
    io.out(evidence);
  }
  for (const note of outcome.registryNotes) io.out(`Catatan rekap: ${note}`);
  for (const f of outcome.registryFindings) io.out(`Temuan rekap ${f.cell}: ${f.message}`);
  io.out('');
  io.out('Hasil:');
  io.out(`  ${outcome.resultsLocation}`);
  if (google) {
    for (const line of google.sink.describe()) io.out(`  ${line}`);
    for (const failure of google.sink.failures)
      io.out(`  Hasil Validasi satker ${failure.code} tidak dapat ditulis: ${failure.reason}.`);
  } else {
    io.out(`  ${join(args.out, 'rekap.xlsx')}  (Rekap, Rekap Bidang, Tren, Pembelajaran, Log)`);
    io.out(`  ${join(args.out, shareCopyName(outcome.period.id))}  (untuk diteruskan: Rekap, Rekap Bidang, Tren)`);
    io.out(`  ${join(args.out, 'validasi')}/<kode>.xlsx  (Hasil Validasi per satker)`);
  }
  const publishing = outcome.publishing;
  if (publishing) {
    const onDrive = publishing.reports[0]?.location.startsWith('https://') === true;
    const cards = publishing.reports.filter((report) => report.card !== null).length;
    const documents = `${publishing.reports.length} laporan PDF${cards > 0 ? ` dan ${cards} kartu jabatan` : ''}`;
    io.out(
      onDrive
        ? `  Google Drive  (${documents}, tautan laporan di kolom Laporan tab Rekap)`
        : `  ${join(args.out, 'laporan')}/  (${documents})`,
    );
    for (const failure of publishing.renderFailures)
      io.out(`  Laporan ${failure.code} gagal dibuat: ${failure.reason}`);
    if (args.email) {
      const outbox = transport === 'outbox';
      const where = outbox ? `ke ${join(args.out, 'outbox')} (MONEV_MAIL_TRANSPORT=outbox)` : `lewat ${transport}`;
      io.out(
        runMessage('mail-summary', {
          where,
          outbox,
          sent: publishing.sent,
          unchanged: publishing.unchanged,
          failed: publishing.failedSends,
        }),
      );
      for (const failure of publishing.sendFailures.slice(0, 5)) io.out(runMessage('mail-failed', failure));
      if (publishing.sendFailures.length > 5)
        io.out(runMessage('mail-more-failed', { count: publishing.sendFailures.length - 5 }));
      if (publishing.uncertain.length > 0) io.out(runMessage('mail-uncertain', { codes: publishing.uncertain }));
      if (publishing.noRecipients.length > 0) io.out(runMessage('mail-no-address', { codes: publishing.noRecipients }));
    }
  }
  io.out(`Selesai dalam ${formatId(elapsedMs / 1000, 1)} detik.`);
}

/**
 * One line on the run's Bukti Dukung links (docs/SPEC.md §8): what Drive said, or why it was not asked,
 * and the copied evidence found offline. The cells are in each office's Hasil Validasi.
 */
function evidenceLine(outcome: RunOutcome, verify: boolean): string | null {
  const citations = outcome.offices.flatMap((office) => office.evidence?.citations ?? []);
  if (citations.length === 0) return null;
  const count = (test: (citation: (typeof citations)[number]) => boolean) => formatId(citations.filter(test).length, 0);
  const failed = (c: (typeof citations)[number]) => ['unreachable', 'trashed', 'empty'].includes(c.outcome);
  const checked = outcome.offices.some((office) => office.evidence?.verified === true);
  const reused = outcome.offices.flatMap((office) => office.findings).filter((f) => f.code === 'evidence-reused');
  const copies =
    `${count((c) => c.sharedWith.length > 0)} tautan juga dikutip satker lain, ` +
    `${formatId(reused.length, 0)} sel Rencana Aksi memakai bukti yang sama dengan dua baris lain atau lebih`;
  const status = checked
    ? `${count((c) => c.outcome === 'ok')} ada di Drive, ${count(failed)} gagal diperiksa (belum dibagikan, di Sampah atau kosong), ` +
      `${count((c) => c.outcome === 'unverified')} di luar Drive atau tanpa jawaban Drive`
    : verify
      ? 'tidak diperiksa di Drive (tanpa kredensial Google; lihat README, "Bukti dukung")'
      : 'tidak diperiksa di Drive (--no-verify)';
  return `Bukti dukung: ${formatId(citations.length, 0)} tautan, ${status}; ${copies}. Rinciannya di Hasil Validasi tiap satker.`;
}
