import { describe, expect, it } from 'vitest';
import { handlebarsTemplates } from '../../functions/adapters/html/render-html.js';
import { CardPrinter, jobCardDocument } from '../../functions/app/card-printer.js';
import { markSharedEvidence } from '../../functions/core/evidence/shared-evidence.js';
import { rankProvince, unreadableOffice, type OfficeResult } from '../../functions/core/scoring/office.js';
import type { PdfDocument, PdfRenderer } from '../../functions/ports.js';
import { DEFAULT_TABS, officeWorkbook, period, profile, scoreWorkbook } from '../helpers/workbook.js';

const context = { period: period(), generatedAt: new Date('2025-10-06T02:00:00Z') };
const DRIVE = 'https://drive.google.com/file/d/1SharedEvidenceFileAbcdefghijklmn/view';

/** An office of the default workbook whose every evidence row cites the same Drive file. */
function office(code: string, name: string): OfficeResult {
  const cite = <T extends object>(rows: readonly T[]) => rows.map((row) => ({ ...row, 'Bukti Dukung': DRIVE }));
  return {
    ...scoreWorkbook(
      officeWorkbook({
        Profil: profile({ code }),
        'Rencana Aksi': cite(DEFAULT_TABS['Rencana Aksi']),
        IKU: cite(DEFAULT_TABS.IKU),
        IKI: cite(DEFAULT_TABS.IKI),
        // A finding on an ABK row, so the card has findings of its own to print.
        ABK: DEFAULT_TABS.ABK.map((row, i) => (i === 0 ? { ...row, 'Norma Waktu': 'dua jam' } : row)),
      }),
      { code },
    ),
    code,
    name,
  };
}

describe('a kartu jabatan printed while the province is still being scored', () => {
  it('is the card the ranked office gets: ranks and evidence-shared do not reach it', () => {
    const scored = [office('3573', 'Bawaslu Kota Malang'), office('3507', 'Bawaslu Kabupaten Malang')];
    const ranked = rankProvince(markSharedEvidence(scored), 3);
    // Not vacuous: ranking and marking changed the offices, and the card has findings to print.
    expect(ranked[0]?.findings.filter((f) => f.code === 'evidence-shared').length).toBeGreaterThan(2);
    expect(ranked[0]?.findings.some((f) => f.tab === 'IKI' && f.code === 'evidence-shared')).toBe(true);
    expect(scored[0]?.rank).not.toBe(ranked[0]?.rank);
    const early = jobCardDocument(handlebarsTemplates, scored[0] as OfficeResult, context);
    expect(early.html).toContain('dua jam');
    expect(early).toEqual(jobCardDocument(handlebarsTemplates, ranked[0] as OfficeResult, context));
  });
});

/** A renderer whose documents finish when the test says, or fail when their id is listed. */
class HeldRenderer implements PdfRenderer {
  readonly handed: string[] = [];
  private readonly held = new Map<string, () => void>();
  constructor(private readonly failing: ReadonlySet<string> = new Set()) {}
  render(document: PdfDocument): Promise<Uint8Array> {
    this.handed.push(document.id);
    if (this.failing.has(document.id)) return Promise.reject(new Error(`${document.id} gagal dicetak`));
    return new Promise((resolve) => this.held.set(document.id, () => resolve(Buffer.from(document.id))));
  }
  finish(id: string): void {
    this.held.get(id)?.();
  }
  async close(): Promise<void> {}
}

const card = (code: string) => `kartu-jabatan-${code}-2025-TW3.pdf`;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const templates = { jobCard: () => '<p>kartu</p>' };

describe('CardPrinter', () => {
  const offices = ['3501', '3502', '3503', '3504'].map((code) => ({ ...scoreWorkbook(officeWorkbook()), code }));

  it('keeps at most `ahead` cards with the renderer, in the order the offices were scored', async () => {
    const renderer = new HeldRenderer();
    const printer = new CardPrinter(renderer, templates, context, 2);
    for (const o of offices) printer.add(o);
    expect(renderer.handed).toEqual([card('3501'), card('3502')]);
    renderer.finish(card('3502'));
    await tick();
    expect(renderer.handed).toEqual([card('3501'), card('3502'), card('3503')]);
    expect(Buffer.from((await printer.take('3502')) as Uint8Array).toString()).toBe(card('3502'));
  });

  it('hands a card over at once when the report asks for it before its turn', async () => {
    const renderer = new HeldRenderer();
    const printer = new CardPrinter(renderer, templates, context, 1);
    for (const o of offices) printer.add(o);
    const taken = printer.take('3504');
    expect(renderer.handed).toEqual([card('3501'), card('3504')]);
    renderer.finish(card('3504'));
    expect(Buffer.from((await taken) as Uint8Array).toString()).toBe(card('3504'));
  });

  it('an unscored office has no card; a failed card fails only its own office', async () => {
    const renderer = new HeldRenderer(new Set([card('3502')]));
    const printer = new CardPrinter(renderer, templates, context, 4);
    printer.add(unreadableOffice({ code: '3599', name: 'Bawaslu X' }, 'x.xlsx', { reason: 'rusak' }));
    for (const o of offices) printer.add(o);
    expect(printer.take('3599')).toBeUndefined();
    await expect(printer.take('3502')).rejects.toThrow('kartu-jabatan-3502-2025-TW3.pdf gagal dicetak');
    // The failure freed its place: the others go on.
    renderer.finish(card('3501'));
    await expect(printer.take('3501')).resolves.toBeInstanceOf(Uint8Array);
    // A failed card nobody takes (the run stopped before publishing) raises no unhandled rejection.
    const untaken = new CardPrinter(new HeldRenderer(new Set([card('3501')])), templates, context, 4);
    untaken.add(offices[0] as OfficeResult);
    await tick();
  });
});
