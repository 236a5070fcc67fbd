import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { OUTBOX_STATUS } from '../../sheets-schema/index.js';
import { killHard, seeded, spawnMonev, whenStderrHas, type MonevChild } from './child-process.js';
import { loadWorkbook, sheetTable, textOf, valueOf, logRows, type LogRow } from './support.js';

/**
 * Delivery under faults, with `monev run` as a real child process on a small province (4 offices, so
 * 5 reports a run) mailing to the outbox: killed with SIGKILL at seeded random moments, two runs on
 * one output folder, a full disk, a closed stdout, escape sequences in a sheet. Each mail in the
 * outbox carries X-Monev-Sidik (office, period, content hash): the same value twice is a report sent
 * twice.
 */

const PERIOD = '2025-TW3';
let root: string;
let data: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-e2e-faults-'));
  data = join(root, 'data');
  await generateSampleProvince({ outDir: data, offices: 4 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const run = (out: string, env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): MonevChild =>
  spawnMonev(['run', '--data', data, '--out', out], { env: { MONEV_MAIL_TRANSPORT: 'outbox', ...env }, nodeArgs });

/** Gives the index other weights, so every report changes and is due to be sent again. */
async function setWeights(iku: number): Promise<void> {
  const path = join(data, 'rekap.xlsx');
  const workbook = await loadWorkbook(path);
  workbook.getWorksheet('Bobot')?.eachRow((row) => {
    const component = textOf(row.getCell(1));
    if (component === 'IKU') row.getCell(2).value = iku;
    if (component === 'Rencana Aksi') row.getCell(2).value = 65 - iku;
  });
  await workbook.xlsx.writeFile(path);
}

/** The X-Monev-Sidik of every mail in the outbox. */
async function mailed(out: string): Promise<string[]> {
  const folder = join(out, 'outbox');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  const references: string[] = [];
  for (const name of names) {
    const head = (await readFile(join(folder, name), 'utf8')).split(/\r?\n\r?\n/)[0] ?? '';
    references.push(/^X-Monev-Sidik: (.+)$/im.exec(head)?.[1]?.trim() ?? `(tanpa sidik: ${name})`);
  }
  return references;
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

/**
 * What must hold after any sequence of runs on `out`, however they ended: rekap.xlsx loads, Rekap has
 * one row per office and period, no report went out twice, every mail sent has its Log row, no Log
 * row is there twice, and the journal has been emptied into the Log.
 */
async function expectConsistent(out: string): Promise<{ log: LogRow[]; mails: string[] }> {
  const rekap = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Rekap');
  const keys = rekap.rows.map((row) => `${valueOf(row.cell('Periode'))}|${valueOf(row.cell('Kode'))}`);
  expect(duplicates(keys)).toEqual([]);
  expect(keys.filter((key) => key.startsWith(`${PERIOD}|`))).toHaveLength(4);

  const mails = await mailed(out);
  expect(duplicates(mails), 'a report mailed twice').toEqual([]);

  const log = await logRows(out);
  expect(duplicates(log.map((row) => `${row.run}|${row.code}|${row.action}`))).toEqual([]);
  const served = new Set(
    log
      .filter((row) => row.action === 'kirim' && [OUTBOX_STATUS, 'tidak-pasti'].includes(row.status))
      .map((row) => `${row.code} ${PERIOD} ${row.fingerprint}`),
  );
  for (const mail of mails) expect(served.has(mail), `Log row of ${mail}`).toBe(true);
  expect((await stat(join(out, 'jurnal-log.jsonl'))).size).toBe(0);
  await expect(stat(join(out, '.monev.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  return { log, mails };
}

/** The reports of the last run (its `laporan` rows) each have a send that served them. */
function expectLastReportsServed(log: readonly LogRow[]): void {
  const last = log.filter((row) => row.action === 'mulai').at(-1)?.run;
  const reports = log.filter((row) => row.run === last && row.action === 'laporan');
  expect(reports).toHaveLength(5);
  for (const report of reports) {
    const sends = log.filter(
      (row) => row.action === 'kirim' && row.code === report.code && row.fingerprint === report.fingerprint,
    );
    expect(
      sends.some((row) => [OUTBOX_STATUS, 'tidak-pasti'].includes(row.status)),
      `report ${report.code}`,
    ).toBe(true);
  }
}

describe('monev run under faults', () => {
  it(
    'killed with SIGKILL at ten seeded moments: rekap.xlsx loads, no Rekap row twice, no report mailed twice, no Log row lost',
    { timeout: 600_000 },
    async () => {
      const out = join(root, 'out-kill');
      const random = seeded(20_261_129);
      await setWeights(30);
      const started = Date.now();
      const first = run(out);
      expect([0, 1]).toContain(await first.exited);
      const duration = Date.now() - started;

      for (let round = 0; round < 10; round++) {
        // New weights every other round: the run after a kill meets the same reports, so one it sends
        // again would be seen; the round after that has new reports to send.
        if (round % 2 === 0) await setWeights(31 + round / 2);
        const killed = run(out);
        // Half the kills land while reports are being mailed, the others anywhere in the run.
        if (round % 2 === 0) await whenStderrHas(killed, 'Mengirim laporan');
        await new Promise((resolve) => setTimeout(resolve, random() * (round % 2 === 0 ? 500 : duration)));
        await killHard(killed);
      }

      const last = run(out);
      expect([0, 1]).toContain(await last.exited);
      expect(last.stderr()).not.toContain('Kesalahan internal');
      const { log } = await expectConsistent(out);
      expectLastReportsServed(log);
      // The runs killed while mailing had journalled their rows: the Log has them (first, five, last at least).
      expect(new Set(log.filter((row) => row.action === 'mulai').map((row) => row.run)).size).toBeGreaterThanOrEqual(7);
    },
  );

  it(
    'two runs at once on one --out: the second waits and sends nothing again; a third that may not wait stops with a message',
    { timeout: 300_000 },
    async () => {
      const out = join(root, 'out-twice');
      await setWeights(35);
      const patient = { MONEV_LOCK_WAIT_MS: '600000' };
      const a = run(out, patient);
      const b = run(out, patient);
      await Promise.race([whenStderrHas(a, 'Menilai'), whenStderrHas(b, 'Menilai')]);
      const c = run(out, { MONEV_LOCK_WAIT_MS: '300' });
      expect(await c.exited).toBe(2);
      expect(c.stderr()).toMatch(/Folder keluaran sedang dipakai oleh monev lain \(proses \d+/);
      expect(c.stderr()).not.toContain('Kesalahan internal');

      expect([0, 1]).toContain(await a.exited);
      expect([0, 1]).toContain(await b.exited);
      const { log, mails } = await expectConsistent(out);
      expect(mails).toHaveLength(5);
      expect(log.filter((row) => row.action === 'mulai')).toHaveLength(2);
      const outputs = [a.stdout(), b.stdout()].sort();
      expect(outputs.join('\n')).toMatch(/5 ditulis ke outbox \(belum dikirim\), 0 tidak ditulis ulang/);
      expect(outputs.join('\n')).toMatch(/0 ditulis ke outbox \(belum dikirim\), 5 tidak ditulis ulang/);
    },
  );

  it(
    'a full disk is reported naming the path (exit 1 or 2); after freeing space nothing is sent twice',
    { timeout: 300_000 },
    async () => {
      await setWeights(35);
      const disk = join(root, 'small-disk');
      await mkdir(disk, { recursive: true });
      const mounted = tryMount(disk, '700k');
      const out = join(disk, 'out');
      try {
        const fallback = mounted ? {} : { MONEV_TEST_FULL_DIR: out, MONEV_TEST_FULL_BYTES: String(700 * 1024) };
        const preload = mounted ? [] : ['--import', fileURLToPath(new URL('./enospc-preload.mjs', import.meta.url))];
        const full = run(out, fallback, preload);
        // Either the run stops (a file it must keep, such as the journal or rekap.xlsx, cannot be written:
        // exit 2) or it finishes with the mails that could not be stored reported as not sent (exit 1).
        expect([1, 2]).toContain(await full.exited);
        expect(full.stdout() + full.stderr()).toMatch(/Disk penuh: [^\n]*"[^"]*out[^"]*"/);
        expect(full.stderr()).not.toContain('Kesalahan internal');
        expect(full.stderr()).not.toMatch(/\n\s+at /);
        const sentWhileFull = await mailed(out);

        // Space again (a bigger disk, or no injected limit), and the next run finishes the job.
        if (mounted) execFileSync('mount', ['-o', 'remount,size=64m', disk]);
        const next = run(out);
        expect([0, 1]).toContain(await next.exited);
        const { log, mails } = await expectConsistent(out);
        expectLastReportsServed(log);
        for (const mail of sentWhileFull) expect(mails).toContain(mail);
        // The full run's own rows reached the Log through the journal.
        expect(log.filter((row) => row.action === 'mulai')).toHaveLength(2);
      } finally {
        if (mounted) execFileSync('umount', [disk]);
      }
    },
  );

  it(
    'a closed stdout (monev … | head) ends output quietly and the run still finishes',
    { timeout: 120_000 },
    async () => {
      const out = join(root, 'out-pipe');
      const piped = spawnMonev(['run', '--data', data, '--out', out, '--no-pdf'], { closeStdout: true });
      expect([0, 1]).toContain(await piped.exited);
      expect(piped.stderr()).not.toMatch(/EPIPE|Kesalahan internal/);
      expect((await logRows(out)).filter((row) => row.action === 'nilai')).toHaveLength(4);
    },
  );

  it(
    'escape sequences in a sheet reach the terminal escaped, and --json keeps them as data',
    { timeout: 120_000 },
    async () => {
      const file = join(root, 'escaped.xlsx');
      await cp(join(data, 'satker', '3501.xlsx'), file);
      const workbook = await loadWorkbook(file);
      const iku = sheetTable(workbook, 'IKU');
      // An xlsx file cannot hold C0 controls such as ESC (XML forbids them; Google Sheets can): the C1 CSI
      // (U+009B, obeyed by some terminals as ESC [) and a bidi override stand in for them here.
      const hostile = '\u009b2J\u009b31m\u202e08';
      const target = iku.rows[0]!.cell('Realisasi TW I');
      target.value = hostile;
      await workbook.xlsx.writeFile(file);

      const printed = spawnMonev(['validate', file, '--period', PERIOD]);
      expect(await printed.exited).toBe(1);
      expect(printed.stdout()).toContain('\\u009b2J\\u009b31m\\u202e08');
      expect(printed.stdout()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);

      const json = spawnMonev(['validate', file, '--period', PERIOD, '--json']);
      expect(await json.exited).toBe(1);
      const parsed = JSON.parse(json.stdout()) as { findings: { message: string }[] };
      expect(parsed.findings.some((finding) => finding.message.includes(hostile))).toBe(true);
    },
  );
});

/** A tmpfs of `size` at `dir` when this process may mount (root, not in a restricted container). */
function tryMount(dir: string, size: string): boolean {
  // MONEV_TEST_NO_MOUNT=1 tries the injected writer where mounting would work.
  if (process.env.MONEV_TEST_NO_MOUNT) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
