import type { Page } from 'puppeteer-core';
import type { PdfDocument } from '../../ports.js';
import { FONT_STACK, embeddedFooterFontCss } from './fonts.js';
import { REPORT_METADATA, withPdfMetadata } from './pdf-metadata.js';

/** A4 with room at the bottom for the footer line. */
const PAGE_MARGIN = { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

/**
 * Prints one document in a tab that is already open. The document is written into the tab
 * (`setContent`) rather than navigated to: a tab that navigated to document after document got slower
 * with each one (about 100 ms a document at first, over 200 ms after a hundred), while writing each into
 * the same page stays at the bare floor of `page.pdf()`.
 */
export async function printPage(page: Page, document: PdfDocument, timeoutMs: number): Promise<Uint8Array> {
  // Puppeteer's own limits are a backstop; the renderer's timer fires first with a clearer message.
  await page.setContent(document.html, { waitUntil: 'load', timeout: timeoutMs * 2 });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(document.footerText),
    margin: PAGE_MARGIN,
    // Tagged, for screen readers (headings, tables, reading order; /Lang from <html lang="id">). Its
    // bytes vary with the tab's DOM numbering, so the send log fingerprints the report's content.
    tagged: true,
    timeout: timeoutMs * 2,
  });
  return withPdfMetadata(pdf, REPORT_METADATA);
}

/**
 * The footer is printed from its own little document, which sees neither the page's CSS nor its fonts,
 * so it carries a copy of the regular face. Chromium fills in the `pageNumber` and `totalPages` spans.
 */
export function footerTemplate(footerText: string): string {
  return [
    `<style>${embeddedFooterFontCss()}`,
    `.monev-footer { font-family: ${FONT_STACK}; font-size: 8pt; color: #555; width: 100%;`,
    `  margin: 0 ${PAGE_MARGIN.left}; display: flex; justify-content: space-between; gap: 8mm; }`,
    '</style>',
    '<div class="monev-footer">',
    `<span>${escapeHtml(footerText)}</span>`,
    '<span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span>',
    '</div>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
