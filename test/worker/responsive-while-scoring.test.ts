import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../functions/commands/serve.js';
import { signatureHeader } from '../../functions/core/signature.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { localRuntime, type Runtime } from '../../functions/cloud-functions-runtime.js';
import { spawnMonev, type MonevChild } from '../e2e/child-process.js';
import { wrongOfficeWorkbook } from '../fakes/wrong-office.js';
import { RecordingQueue, SECRET, sampleProvince, testConfig, type Province } from '../helpers/province.js';

/**
 * Issue 17 §2: `monev serve` and the functions answer other requests while an office is scored. Office
 * 3502's workbook is replaced by the all-wrong office of the wrong-office bench (six tabs of 1 000 rows,
 * every row in error: over 8 000 findings, each with its gain), whose scoring holds a core for seconds.
 * Once the scoring has been handed to the worker (its "penilaian dimulai" log line), change notifications
 * for another office are sent one after another; twenty answers must come while the scoring still runs,
 * and the scoring must not have run on the thread that answers. Ordering only, no clock: how long either
 * takes is the bench's business. (Ordering alone would not catch scoring on the event loop: in process,
 * the use case awaits often enough between its long stretches to let some answers through.)
 */
// Every call of the core's scoring in this thread is recorded: the scoring must happen in the worker.
const scoredHere = vi.hoisted(() => vi.fn());
vi.mock('../../functions/core/scoring/office.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../functions/core/scoring/office.js')>();
  return {
    ...original,
    scoreOffice: (...args: Parameters<typeof original.scoreOffice>) => {
      scoredHere();
      return original.scoreOffice(...args);
    },
  };
});

const ROWS = 1000;
const BIG = '3502';
const PROBES = 20;
let province: Province;

beforeAll(async () => {
  province = await sampleProvince(2);
  await writeFile(join(province.data, 'satker', `${BIG}.xlsx`), xlsxBytes(wrongOfficeWorkbook(ROWS, BIG)));
});
afterAll(async () => province.cleanup());

/** A signed change notification for office 3501, as the Apps Script sends it. */
function changeOf3501(): { body: string; signature: string } {
  const body = JSON.stringify({ spreadsheetId: 'satker/3501.xlsx' });
  return { body, signature: signatureHeader(SECRET, Math.floor(Date.now() / 1000), body) };
}

describe('while one office is scored', () => {
  let server: Server;
  let runtime: Runtime;
  let started: () => Promise<void>;

  beforeAll(() => {
    let signal: () => void = () => undefined;
    const scoringStarted = new Promise<void>((resolve) => (signal = resolve));
    started = () => scoringStarted;
    runtime = localRuntime(testConfig(province), {
      queue: new RecordingQueue(),
      log: (_severity, message) => {
        if (message === 'penilaian dimulai') signal();
      },
    });
    server = startServer(createHandlers(runtime, ANY_CALLER));
  });
  afterAll(async () => {
    await runtime.close();
    server.close();
  });

  it('the functions answer twenty change notifications, one after another, before the scoring finishes', async () => {
    let scoringDone = false;
    const scoring = request(server)
      .post('/scoreOffice')
      .set('Content-Type', 'application/json')
      .send({ code: BIG })
      .then((response) => {
        scoringDone = true;
        return response;
      });
    await started();
    const answered: number[] = [];
    while (!scoringDone && answered.length < PROBES) {
      const { body, signature } = changeOf3501();
      const change = await request(server)
        .post('/sheetChanged')
        .set('Content-Type', 'application/json')
        .set('X-Monev-Signature', signature)
        .send(body);
      if (!scoringDone) answered.push(change.status);
    }
    const scored = await scoring;

    expect(answered).toEqual(Array.from({ length: PROBES }, () => 202));
    expect(scored.status).toBe(200);
    expect(scored.body.findings).toBeGreaterThan(8000);
    // Scored, and not on this thread: the core's scoring was never called here.
    expect(scoredHere).not.toHaveBeenCalled();
  });
});

describe('monev serve, built', () => {
  let serving: MonevChild;

  afterAll(async () => {
    serving.child.kill('SIGTERM');
    await serving.exited;
  });

  it('answers twenty change notifications, one after another, before the scoring finishes', async () => {
    serving = spawnMonev(['serve', '--data', province.data, '--out', province.out, '--port', '0'], {
      env: { MONEV_WEBHOOK_SECRET: SECRET },
    });
    const base = await whenStdout(serving, /monev serve: (http:\/\/127\.0\.0\.1:\d+)\//);
    let scoringDone = false;
    const scoring = fetch(`${base}/scoreOffice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: BIG }),
    }).then(async (response) => {
      scoringDone = true;
      return { status: response.status, body: (await response.json()) as { findings?: number } };
    });
    await whenStdout(serving, /"message":"penilaian dimulai","code":"3502"/);
    const answered: number[] = [];
    while (!scoringDone && answered.length < PROBES) {
      const { body, signature } = changeOf3501();
      const change = await fetch(`${base}/sheetChanged`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-monev-signature': signature },
        body,
      });
      await change.arrayBuffer();
      if (!scoringDone) answered.push(change.status);
    }
    const scored = await scoring;

    expect(answered).toEqual(Array.from({ length: PROBES }, () => 202));
    expect(scored.status).toBe(200);
    expect(scored.body.findings).toBeGreaterThan(8000);
  }, 120_000);
});

/** The workbook as .xlsx bytes, written with SheetJS: text stays text, numbers stay numbers. */
function xlsxBytes(book: ReturnType<typeof wrongOfficeWorkbook>): Uint8Array {
  const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof import('@e965/xlsx');
  const out = XLSX.utils.book_new();
  for (const sheet of book.sheets)
    XLSX.utils.book_append_sheet(
      out,
      XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null))),
      sheet.name,
    );
  return XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

/** Resolves with the first match of `pattern` in the child's stdout (its first group, if any). */
function whenStdout(child: MonevChild, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(child.stdout());
      if (match) resolve(match[1] ?? match[0]);
      else if (child.child.exitCode !== null) reject(new Error(`serve ended: ${child.stderr()}`));
      else setTimeout(check, 20);
    };
    check();
  });
}
