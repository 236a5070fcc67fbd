import { jobCardModel, type JobCardContext } from '../core/report/job-card.js';
import { periodLabel, type Period } from '../core/period.js';
import type { OfficeResult } from '../core/scoring/office.js';
import type { DocumentTemplates, PdfDocument, PdfRenderer } from '../ports.js';

/** `kartu-jabatan-3573-2025-TW3.pdf`: the card's file, and its document's name in the renderer's errors. */
export function jobCardFileName(code: string, period: Period): string {
  return `kartu-jabatan-${code}-${period.id}.pdf`;
}

/** The kartu jabatan of a scored office (docs/SPEC.md §10) as the renderer takes it. */
export function jobCardDocument(
  templates: Pick<DocumentTemplates, 'jobCard'>,
  office: OfficeResult,
  context: JobCardContext,
): PdfDocument {
  return {
    id: jobCardFileName(office.code, context.period),
    html: templates.jobCard(jobCardModel(office, context)),
    footerText: `Kartu jabatan · ${office.name} · ${periodLabel(context.period)}`,
  };
}

/** Cards printed ahead of the reports, by office code; renderReports prints any other card itself. */
export interface PrintedCards {
  /** The office's card, printed or on its way; undefined when it was never handed over. */
  take(code: string): Promise<Uint8Array> | undefined;
}

/**
 * Prints each scored office's kartu jabatan while the offices after it are still being read and scored
 * (`monev run`), so that Chromium works on the core that scoring leaves idle instead of waiting for the
 * ranking. A card holds only its own office's data (its Anjab jobs, ABK tasks, IKI holders and IKU, and
 * the findings on its Anjab and ABK rows): ranking does not change any of it, and `evidence-shared`, the
 * one finding added once the province is known, lands only on the evidence tabs. So the card printed
 * here is the card the ranked office would get (test/app/card-printer.test.ts holds it so).
 *
 * Only the bytes are made here: renderReports stores each card beside its report, so a run that stops
 * before publishing leaves no card behind. At most `ahead` cards are with the renderer at once, each
 * templated just before it is handed over, so a large province does not hold every card's HTML at once;
 * a card that renderReports asks for before its turn is handed over at once. A failed print is the
 * office's own: it comes out where renderReports takes the card, and fails that office's report alone.
 */
export class CardPrinter implements PrintedCards {
  private readonly cards = new Map<string, Promise<Uint8Array>>();
  private readonly waiting = new Map<string, { office: OfficeResult; start: () => void }>();
  private inFlight = 0;

  constructor(
    private readonly renderer: PdfRenderer,
    private readonly templates: Pick<DocumentTemplates, 'jobCard'>,
    private readonly context: JobCardContext,
    private readonly ahead = 4,
  ) {}

  /** Queues the office's card; an unscored office has none (its workbook was not read). */
  add(office: OfficeResult): void {
    if (office.status !== 'scored' || this.cards.has(office.code)) return;
    const card = new Promise<Uint8Array>((resolve, reject) => {
      const start = () => {
        this.waiting.delete(office.code);
        this.inFlight++;
        new Promise<Uint8Array>((printed) =>
          printed(this.renderer.render(jobCardDocument(this.templates, office, this.context))),
        )
          .then(resolve, reject)
          .finally(() => {
            this.inFlight--;
            this.next();
          });
      };
      this.waiting.set(office.code, { office, start });
    });
    // Nobody may ever take it (the run stopped before publishing): its failure is then nobody's.
    card.catch(() => undefined);
    this.cards.set(office.code, card);
    this.next();
  }

  take(code: string): Promise<Uint8Array> | undefined {
    this.waiting.get(code)?.start();
    return this.cards.get(code);
  }

  private next(): void {
    for (const { start } of this.waiting.values()) {
      if (this.inFlight >= this.ahead) return;
      start();
    }
  }
}
