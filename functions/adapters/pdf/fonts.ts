import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The family every report and chart uses. Embedding it (instead of relying on the fonts of the machine)
 * keeps line breaks and page counts identical on a laptop, in CI and in the cloud function, which has no
 * system fonts at all.
 */
export const FONT_FAMILY = 'Noto Sans';

/** CSS `font-family` value with a generic fallback for characters outside the embedded latin subset. */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

interface FontFace {
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

// Indonesian needs only basic Latin; the latin subset also covers Latin-1 (é, ü) for names.
const FACES: readonly FontFace[] = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
];

const require = createRequire(import.meta.url);

function fontFaceRule(face: FontFace, display: 'block' | 'swap'): string {
  const file = require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${face.weight}-${face.style}.woff2`);
  const base64 = readFileSync(file).toString('base64');
  return [
    '@font-face {',
    `  font-family: '${FONT_FAMILY}';`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    `  font-display: ${display};`,
    `  src: url(data:font/woff2;base64,${base64}) format('woff2');`,
    '}',
  ].join('\n');
}

const cache = new Map<string, string>();

function cached(key: string, build: () => string): string {
  let css = cache.get(key);
  if (css === undefined) {
    css = build();
    cache.set(key, css);
  }
  return css;
}

/**
 * `@font-face` rules for every embedded Noto Sans face, as `data:` URLs; read from disk once. Documents
 * put this in their `<style>`. `font-display: block` because a page must never be printed with a
 * fallback font; Chromium waits for the fonts before it prints the page body.
 */
export function embeddedFontCss(): string {
  return cached('all', () => FACES.map((face) => fontFaceRule(face, 'block')).join('\n'));
}

/**
 * Only the regular face, for the page footer, which Chromium draws from a separate little document
 * without waiting for its fonts. With `block` the footer text came out invisible; with `swap` it is always
 * there, in Noto Sans when the document itself embeds `embeddedFontCss()` (the same `data:` URL is then
 * already decoded), in a fallback font otherwise.
 */
export function embeddedFooterFontCss(): string {
  return cached('footer', () => fontFaceRule({ weight: 400, style: 'normal' }, 'swap'));
}
