import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsFile } from '../../functions/adapters/fs/results-file.js';
import { handlebarsTemplates } from '../../functions/adapters/html/render-html.js';
import { XlsxSummarySink } from '../../functions/adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from '../../functions/adapters/xlsx/xlsx-source.js';
import { runCycle } from '../../functions/app/run-cycle.js';
import type { PdfDocument, PdfRenderer } from '../../functions/ports.js';

/**
 * The documents a cycle prints, exactly as monev hands them to its renderer (final HTML with fonts,
 * CSS and ECharts SVG inlined, and the footer text): the run is made with a renderer that only
 * keeps what it is given. The clock is fixed so that every bench run prints the same HTML.
 */
export async function reportDocuments(dataDir: string): Promise<PdfDocument[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'monev-bench-docs-'));
  const documents: PdfDocument[] = [];
  const capture: PdfRenderer = {
    render: async (document) => {
      documents.push(document);
      return new Uint8Array();
    },
    close: async () => undefined,
  };
  try {
    await runCycle({
      source: new XlsxWorkbookSource(dataDir),
      sink: new XlsxSummarySink(dataDir, outDir),
      results: new ResultsFile(outDir),
      clock: { now: () => new Date('2025-10-06T02:00:00Z') },
      reports: { renderer: capture, templates: handlebarsTemplates, store: { save: async (fileName) => fileName } },
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
