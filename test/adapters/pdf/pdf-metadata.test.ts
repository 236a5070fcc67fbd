import { describe, expect, it } from 'vitest';
import { withPdfMetadata } from '../../../functions/adapters/pdf/pdf-metadata.js';
import { extractPdfText } from '../../helpers/pdf-text.js';

/**
 * A one-page PDF written by hand the way Skia writes them: classic cross-reference table, Info with
 * Title only, a Catalog without /Lang. Offsets are computed, so the file is valid for pdf.js.
 */
function handmadePdf(options: { lang?: boolean; info?: boolean } = {}): Uint8Array {
  const objects = [
    `<</Type /Catalog\n/Pages 2 0 R\n/MarkInfo <</Marked true>>${options.lang ? '\n/Lang (en)' : ''}>>`,
    '<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]>>',
    '<</Title (Laporan)\n/Producer (Skia/PDF)>>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R${options.info === false ? '' : '\n/Info 4 0 R'}>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const METADATA = { lang: 'id', author: 'Bawaslu Provinsi Jawa Timur' };

describe('withPdfMetadata', () => {
  it('adds /Lang to the catalog and /Author to Info as an incremental update, keeping every original byte', async () => {
    const original = handmadePdf();
    const updated = withPdfMetadata(original, METADATA);
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const tail = latin1(updated.subarray(original.length));
    expect(tail).toMatch(/1 0 obj\n<<\/Lang \(id\)\n\/Type \/Catalog/);
    expect(tail).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    const { info, pageCount } = await extractPdfText(updated);
    expect(pageCount).toBe(1);
    expect(info).toMatchObject({ Author: 'Bawaslu Provinsi Jawa Timur', Title: 'Laporan', Language: 'id' });
  });

  it('leaves a language that is already there, and changes nothing the second time', () => {
    const once = withPdfMetadata(handmadePdf({ lang: true }), METADATA);
    expect(latin1(once)).not.toContain('/Lang (id)');
    expect(withPdfMetadata(once, METADATA)).toBe(once);
  });

  it('creates Info when the trailer has none', async () => {
    const updated = withPdfMetadata(handmadePdf({ info: false }), METADATA);
    expect((await extractPdfText(updated)).info).toMatchObject({ Author: 'Bawaslu Provinsi Jawa Timur' });
  });

  it('writes a non-ASCII author as UTF-16 and escapes parentheses', async () => {
    const updated = withPdfMetadata(handmadePdf(), { lang: 'id', author: 'Bawaslu (Jatim) – Tim Monev' });
    expect((await extractPdfText(updated)).info).toMatchObject({ Author: 'Bawaslu (Jatim) – Tim Monev' });
    const ascii = withPdfMetadata(handmadePdf(), { lang: 'id', author: 'A (B) \\ C' });
    expect(latin1(ascii)).toContain('/Author (A \\(B\\) \\\\ C)');
  });

  it('returns a PDF it does not recognise unchanged', () => {
    const odd = new Uint8Array(Buffer.from('%PDF-1.7\n% cross-reference stream only\n%%EOF', 'latin1'));
    expect(withPdfMetadata(odd, METADATA)).toBe(odd);
  });
});
