import { describe, expect, it } from 'vitest';
import { escapeHtml, footerTemplate } from '../../../functions/adapters/pdf/print-page.js';

// Printing itself needs Chromium, so it is tested through ChromiumPdfRenderer (chromium-renderer.test.ts).

describe('footerTemplate', () => {
  it('escapes the footer text, which comes from the sheets', () => {
    const template = footerTemplate('<img src=x onerror=alert(1)> & "Kab."');
    expect(template).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Kab.&quot;');
    expect(template).not.toContain('<img');
    expect(template).toContain('Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span>');
  });

  it.each([
    { input: 'biasa', expected: 'biasa' },
    { input: `<a href='x'>&</a>`, expected: '&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;' },
  ])('escapeHtml($input)', ({ input, expected }) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
