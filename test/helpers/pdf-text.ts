import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pageCount: number;
  /** The text of each page, lines separated by "\n", runs of spaces collapsed. */
  pages: string[];
  /** All pages joined with a blank line, for `toContain` checks that do not care about the page. */
  text: string;
  /** The PDF's Info dictionary (Title, Producer, …) as pdf.js reads it. */
  info: Record<string, unknown>;
}

/**
 * Reads the text a person would see in a PDF, page by page, with pdf.js. Rendering details (fonts,
 * positions) are ignored on purpose: tests assert what the document says, not how it looks.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (and detaches) the buffer it is given; the caller keeps its own copy.
  const loading = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  const pdf = await loading.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
      pages.push(text);
    }
    const metadata = await pdf.getMetadata();
    return {
      pageCount: pdf.numPages,
      pages,
      text: pages.join('\n\n'),
      info: { ...(metadata.info as Record<string, unknown>) },
    };
  } finally {
    await loading.destroy();
  }
}

/** True when the bytes start like a PDF and end with its end-of-file marker. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return head === '%PDF-' && tail.includes('%%EOF');
}
