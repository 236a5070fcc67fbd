import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsFile } from '../../functions/adapters/fs/results-file.js';
import { XlsxSummarySink } from '../../functions/adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from '../../functions/adapters/xlsx/xlsx-source.js';
import { runCycle, type ProgressEvent } from '../../functions/app/run-cycle.js';
import { MemoryLogJournal } from '../../functions/app/run-log.js';
import type {
  DocumentTemplates,
  MailMessage,
  MailReceipt,
  Mailer,
  PdfDocument,
  PdfRenderer,
} from '../../functions/ports.js';
import { FakeClock, sampleProvince, type Province } from '../helpers/province.js';

/**
 * `monev run` overlaps printing with scoring and sending (issue 17 §8, issue 20 §5): each office's kartu
 * jabatan goes to the renderer as soon as the office is scored, and each report is sent as soon as it is
 * printed. What must not change with it: every document is printed, and a failed print costs only its
 * own office (its report and e-mail), never the others'.
 */
const OFFICES = 6;
let province: Province;
beforeAll(async () => {
  province = await sampleProvince(OFFICES);
}, 60_000);
afterAll(async () => province?.cleanup());

const templates: DocumentTemplates = {
  officeReport: (model) => `<p>${model.office.code}</p>`,
  provinceReport: () => '<p>rekap</p>',
  jobCard: (model) => `<p>kartu ${model.office.code}</p>`,
  mail: (model) => `<p>${model.subject}</p>`,
};

/** One timeline of what the run did, in the order it did it. */
type Event = string;

class RecordingRenderer implements PdfRenderer {
  constructor(
    private readonly events: Event[],
    private readonly failing: ReadonlySet<string>,
    /** Documents held back until the promise settles. */
    private readonly holds: ReadonlyMap<string, Promise<void>> = new Map(),
  ) {}
  async render(document: PdfDocument): Promise<Uint8Array> {
    this.events.push(`print ${document.id}`);
    await this.holds.get(document.id);
    if (this.failing.has(document.id)) throw new Error(`Dokumen ${document.id} gagal dicetak`);
    this.events.push(`printed ${document.id}`);
    return Buffer.from(document.html);
  }
  async close(): Promise<void> {}
}

class RecordingMailer implements Mailer {
  readonly outbox = false;
  constructor(private readonly events: Event[]) {}
  async send(message: MailMessage, beforeHandover?: () => Promise<void>): Promise<MailReceipt> {
    await beforeHandover?.();
    this.events.push(`send ${message.reference?.split(' ')[0]} ${message.attachments.length}`);
    return { messageId: `<${this.events.length}@test>`, accepted: [...message.to], rejected: [] };
  }
  async close(): Promise<void> {}
}

async function run(out: string, renderer: PdfRenderer, events: Event[], mailer: Mailer = new RecordingMailer(events)) {
  const saved: string[] = [];
  const outcome = await runCycle({
    source: new XlsxWorkbookSource(province.data),
    sink: new XlsxSummarySink(province.data, out),
    results: new ResultsFile(out),
    clock: new FakeClock(Date.UTC(2025, 9, 6, 2, 0)),
    progress: (event: ProgressEvent) => {
      if (event.kind === 'office') events.push(`scored ${event.office.code}`);
      if (event.kind === 'rendering') events.push('ranked');
    },
    reports: { renderer, templates, store: { save: async (name) => (saved.push(name), `laporan/${name}`) } },
    mail: { mailer, resend: false },
    journal: new MemoryLogJournal(),
  });
  return { outcome, saved };
}

const at = (events: readonly Event[], event: Event) => {
  const index = events.indexOf(event);
  expect(index, event).toBeGreaterThanOrEqual(0);
  return index;
};

describe('monev run overlaps printing with scoring and sending', () => {
  it('prints cards while offices are still being scored, and sends a report before the last document is printed', async () => {
    const events: Event[] = [];
    // The recap is printed only once an e-mail has gone out (or after 5 s, so a run that waits for every
    // PDF before it sends fails this test instead of hanging it).
    let firstSend: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => {
      firstSend = resolve;
      setTimeout(resolve, 5_000).unref();
    });
    const renderer = new RecordingRenderer(events, new Set(), new Map([['rekap-2025-TW3.pdf', sent]]));
    const mailer = new RecordingMailer(events);
    const send = mailer.send.bind(mailer);
    mailer.send = async (message, beforeHandover) => {
      const receipt = await send(message, beforeHandover);
      firstSend();
      return receipt;
    };
    const { outcome } = await run(`${province.root}/out-overlap`, renderer, events, mailer);
    const scored = outcome.offices.filter((office) => office.status === 'scored').map((office) => office.code);
    expect(scored.length).toBeGreaterThanOrEqual(OFFICES - 1);
    const first = scored[0] as string;
    // The first office's card was handed to the renderer before the last office was scored.
    expect(at(events, `print kartu-jabatan-${first}-2025-TW3.pdf`)).toBeLessThan(
      Math.max(...outcome.offices.map((office) => at(events, `scored ${office.code}`))),
    );
    // A report went out before the recap (held until then) was printed.
    const firstSent = events.findIndex((event) => event.startsWith('send '));
    expect(firstSent).toBeGreaterThanOrEqual(0);
    expect(firstSent).toBeLessThan(at(events, 'printed rekap-2025-TW3.pdf'));
    // Every document was printed once: a card and a report per scored office, the reports of the others, the recap.
    expect(events.filter((event) => event.startsWith('printed ')).length).toBe(scored.length + OFFICES + 1);
    expect(outcome.publishing?.renderFailures).toEqual([]);
  });

  it("a card that fails to print costs its own office's report and e-mail, and no one else's", async () => {
    const events: Event[] = [];
    const { outcome: calm } = await run(`${province.root}/out-calm`, new RecordingRenderer([], new Set()), []);
    const victim = calm.offices.find((office) => office.status === 'scored')?.code as string;
    const { outcome, saved } = await run(
      `${province.root}/out-failed`,
      new RecordingRenderer(events, new Set([`kartu-jabatan-${victim}-2025-TW3.pdf`])),
      events,
    );
    const publishing = outcome.publishing;
    expect(publishing?.renderFailures).toEqual([
      { code: victim, reason: `Dokumen kartu-jabatan-${victim}-2025-TW3.pdf gagal dicetak` },
    ]);
    // Its report was never printed, stored or sent; everything else was, as in the calm run.
    expect(events).not.toContain(`print ${victim}-2025-TW3.pdf`);
    const others = (names: readonly string[]) => names.filter((name) => !name.includes(victim)).sort();
    const calmSaved = calm.publishing?.reports.flatMap((r) => [r.fileName, ...(r.card ? [r.card.fileName] : [])]);
    expect(saved.sort()).toEqual(others(calmSaved ?? []));
    expect(saved.some((name) => name.includes(victim))).toBe(false);
    expect(events.filter((event) => event.startsWith('send ')).map((event) => event.split(' ')[1])).not.toContain(
      victim,
    );
    expect(publishing?.sent).toBe((calm.publishing?.sent ?? 0) - 1);
    // The results do not depend on printing.
    expect(outcome.offices.map((office) => [office.code, office.rank, office.scores.index])).toEqual(
      calm.offices.map((office) => [office.code, office.rank, office.scores.index]),
    );
  });
});
