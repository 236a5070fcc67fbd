import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { startTestSmtpServer, type TestSmtpServer } from '../adapters/mail/smtp-test-server.js';
import { killHard, seeded, spawnMonev, type MonevChild } from './child-process.js';
import { registryEmails, logRows } from './support.js';

/**
 * At most once and never lost, with `kill -9`: `monev run` as a child process mails over real SMTP (an
 * smtp-server on loopback, in this process) and the server itself kills it, through its hooks, at one
 * moment of one message: when the connection opens (before any MAIL FROM), at MAIL FROM before the
 * server answers, in the middle of DATA, once the server has the whole message but before it answers,
 * right after the server's 250 to the message, and between two messages (at the next one's MAIL FROM).
 * Two ordinary runs follow on the same output folder. Then, for every report and address, the server
 * must have taken it exactly once, or not at all with the report recorded `tidak-pasti` (its fate is
 * unknown to monev, so it is listed for a check by hand and never sent again on its own); never twice. A message counts as taken once the server has it
 * in full (its final dot), as a real server keeps such a message whether or not its reply got back.
 *
 * The server holds three offices' reports and the recap: four messages a run. The message a kill
 * lands on is drawn from a fixed seed, so the test does the same every time.
 */

const PERIOD = '2025-TW3';
const PROVINCE_EMAIL = 'monev.jatim@example.go.id';
/** Two offices with one address and one with two; none has errors in the sample, so a clean run exits 0. */
const OFFICES = ['3573', '3507', '3578'];
const MESSAGES = OFFICES.length + 1;

type Moment = 'connect' | 'mail-from' | 'data' | 'taken' | 'accepted' | 'between';

let root: string;
let data: string;
let recipients: Map<string, string[]>;
const servers: TestSmtpServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-e2e-kill-smtp-'));
  data = join(root, 'data');
  const province = await generateSampleProvince({ outDir: data });
  recipients = await registryEmails(province.rekapPath);
  recipients.set('rekap', [PROVINCE_EMAIL]);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await rm(root, { recursive: true, force: true });
});

function run(server: TestSmtpServer, out: string): MonevChild {
  return spawnMonev(['run', '--data', data, '--out', out, '--offices', OFFICES.join(',')], {
    env: { MONEV_MAIL_TRANSPORT: 'smtp', MONEV_SMTP_URL: `smtp://127.0.0.1:${server.port}?ignoreTLS=true` },
  });
}

/** A server that kills `victim()` at `moment` of message `message` (1-based, counted from this server's start). */
async function killingServer(moment: Moment, message: number, victim: () => MonevChild | null) {
  let armed = true;
  const kill = async (): Promise<void> => {
    const child = victim();
    if (!armed || child === null) return;
    armed = false;
    await killHard(child);
  };
  const server = await startTestSmtpServer({
    moments: {
      connect: () => (moment === 'connect' ? kill() : undefined),
      // Between two messages: message n's outcome is back, and n + 1 has not begun (its MAIL FROM is the
      // first thing it sends). A timer after n's 250 was flaky: the last message could finish first.
      mailFrom: (n) =>
        (moment === 'mail-from' && n === message) || (moment === 'between' && n === message + 1) ? kill() : undefined,
      dataStarted: (n) => (moment === 'data' && n === message ? kill() : undefined),
      received: (n) => (moment === 'taken' && n === message ? kill() : undefined),
      accepted: (n) => {
        if (moment === 'accepted' && n === message) void kill();
      },
    },
  });
  servers.push(server);
  return server;
}

/** "3573 2025-TW3 <sidik> → address": how many times the server took each report for each address. */
function copies(server: TestSmtpServer): Map<string, number> {
  const counted = new Map<string, number>();
  for (const item of server.received) {
    const reference = String(item.mail.headers.get('x-monev-sidik') ?? '(tanpa sidik)');
    for (const address of item.recipients) {
      const key = `${reference} → ${address}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
  }
  return counted;
}

const random = seeded(20_261_206);
const TRIALS: { moment: Moment; message: number }[] = (
  ['connect', 'mail-from', 'data', 'taken', 'accepted', 'between'] as const
).map((moment) => ({
  moment,
  // "Between" needs a message after the chosen one.
  message: 1 + Math.floor(random() * (moment === 'between' ? MESSAGES - 1 : MESSAGES)),
}));

describe('monev run killed with SIGKILL while mailing over SMTP, then run twice', () => {
  it.each(TRIALS)(
    'killed at $moment of message $message: no report twice, none lost, the unknown ones listed as tidak-pasti',
    { timeout: 300_000 },
    async ({ moment, message }) => {
      let child: MonevChild | null = null;
      const server = await killingServer(moment, message, () => child);
      const out = join(root, `out-${moment}`);

      child = run(server, out);
      expect(await child.exited, child.stderr()).toBe('SIGKILL');
      const takenBeforeRestart = server.received.length;

      const second = run(server, out);
      const secondCode = await second.exited;
      expect(second.stderr()).not.toContain('Kesalahan internal');
      const takenBySecond = server.received.length;
      const third = run(server, out);
      const thirdCode = await third.exited;
      expect(third.stderr()).not.toContain('Kesalahan internal');
      // The third run has nothing left to send.
      expect(server.received.length).toBe(takenBySecond);

      const log = await logRows(out);
      const reports = log.filter((row) => row.action === 'laporan' && row.fingerprint !== '');
      const fingerprints = new Map(reports.map((row) => [row.code, row.fingerprint]));
      expect([...fingerprints.keys()].sort()).toEqual([...OFFICES, 'rekap'].sort());
      const uncertain = new Set(
        log.filter((row) => row.action === 'kirim' && row.status === 'tidak-pasti').map((row) => row.code),
      );

      const counted = copies(server);
      const expected = [...fingerprints].flatMap(([code, fingerprint]) =>
        (recipients.get(code) ?? []).map((address) => ({ code, key: `${code} ${PERIOD} ${fingerprint} → ${address}` })),
      );
      // Nothing else went out (a stale fingerprint, a stranger's address).
      const known = new Set(expected.map((entry) => entry.key));
      expect([...counted.keys()].filter((key) => !known.has(key))).toEqual([]);
      for (const { code, key } of expected) {
        const times = counted.get(key) ?? 0;
        expect(times, `${key}: sent twice`).toBeLessThanOrEqual(1);
        if (times === 0) expect(uncertain.has(code), `${key}: lost (never sent, not tidak-pasti)`).toBe(true);
      }

      if (moment === 'connect' || moment === 'mail-from') {
        // No message of the killed run had been handed over: it provably never started, so every report
        // goes out once and nothing is in doubt.
        expect(takenBeforeRestart).toBe(moment === 'connect' ? 0 : message - 1);
        expect([...uncertain]).toEqual([]);
      }
      if (moment === 'taken' || moment === 'accepted') expect(takenBeforeRestart).toBe(message);
      if (moment === 'taken') {
        // The server kept the message and monev never heard back: exactly the send in doubt, one copy each.
        expect(uncertain.size).toBe(1);
        const [code] = [...uncertain];
        for (const entry of expected.filter((e) => e.code === code)) expect(counted.get(entry.key)).toBe(1);
      }

      // A report in doubt is listed for a check by hand (exit 1), by the run that found it and the next.
      for (const [child, code] of [
        [second, secondCode],
        [third, thirdCode],
      ] as const) {
        if (uncertain.size === 0) {
          expect(code, child.stdout()).toBe(0);
          expect(child.stdout()).not.toContain('Tidak pasti terkirim');
        } else {
          expect(code, child.stdout()).toBe(1);
          const listed = /Tidak pasti terkirim: ([^.]+)\./.exec(child.stdout())?.[1]?.split(', ') ?? [];
          expect(listed.sort()).toEqual([...uncertain].sort());
        }
      }
    },
  );
});
