import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer, type BrowserLaunchEvent } from '../../../functions/adapters/pdf/chromium-renderer.js';
import { DEFAULT_PDF } from '../../../functions/config.js';
import { embeddedFontCss } from '../../../functions/adapters/pdf/fonts.js';
import { extractPdfText, looksLikePdf } from '../../helpers/pdf-text.js';

// Every test that starts Chromium lives in this one file: vitest runs files in parallel workers, and two
// workers unpacking @sparticuz/chromium into /tmp at the same moment on a fresh machine would race.

function htmlDocument(body: string, head = ''): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><style>${embeddedFontCss()}
body { font-family: 'Noto Sans', sans-serif; font-size: 11pt; }
.page { break-after: page; }</style>${head}</head><body>${body}</body></html>`;
}

function pagedDocument(id: string, pages: number): string {
  const sections = Array.from(
    { length: pages },
    (_, i) => `<section class="page"><h1>${id} bagian ${i + 1}</h1></section>`,
  );
  return htmlDocument(sections.join(''));
}

/** A table long enough to keep Chromium busy for a while, so that documents are surely in flight. */
function longTable(id: string, rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>${i}</td><td>baris ${i} dokumen ${id}</td></tr>`).join(
    '',
  );
  return htmlDocument(`<h1>Dokumen ${id}</h1><table>${body}</table>`);
}

describe('ChromiumPdfRenderer', () => {
  const renderer = new ChromiumPdfRenderer({ ...DEFAULT_PDF, concurrency: 2 });
  afterAll(() => renderer.close());

  it('prints a multi-page A4 document with the footer on every page', async () => {
    const pdf = await renderer.render({
      id: '3573-2025-TW3',
      html: pagedDocument('Kota Malang', 3),
      footerText: 'Monev Kota Malang <TW3> & "Rekap"',
    });

    expect(looksLikePdf(pdf)).toBe(true);
    const { pageCount, pages } = await extractPdfText(pdf);
    expect(pageCount).toBe(3);
    pages.forEach((text, index) => {
      expect(text).toContain(`Kota Malang bagian ${index + 1}`);
      expect(text).toContain('Monev Kota Malang <TW3> & "Rekap"');
      expect(text).toContain(`Halaman ${index + 1} dari 3`);
    });
  });

  it('prints an accessible PDF: tagged, /Lang id in the catalog, an author in Info', async () => {
    const pdf = await renderer.render({ id: 'tagged', html: pagedDocument('Kota Batu', 1), footerText: 'Monev' });
    const raw = Buffer.from(pdf).toString('latin1');
    // The last definition of the catalog is the one readers use (monev may append an update).
    const catalogs = [...raw.matchAll(/<<\/(?:Lang \([^)]*\)\n\/)?Type \/Catalog[\s\S]*?endobj/g)].map((m) => m[0]);
    const catalog = catalogs[catalogs.length - 1] ?? '';
    expect(catalog).toContain('/StructTreeRoot');
    expect(catalog).toMatch(/\/MarkInfo <<[^>]*\/Marked true/);
    expect(catalog).toContain('/Lang (id)');
    const { info } = await extractPdfText(pdf);
    expect(info).toMatchObject({ Author: 'Bawaslu Provinsi Jawa Timur', Language: 'id' });
  });

  it('reuses one browser for a run of documents', async () => {
    const launches: BrowserLaunchEvent[] = [];
    const own = new ChromiumPdfRenderer({
      ...DEFAULT_PDF,
      concurrency: 2,
      onBrowserLaunch: (event) => launches.push(event),
    });
    try {
      const pdfs = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((id) =>
          own.render({ id, html: pagedDocument(`dokumen-${id}`, 1), footerText: id }),
        ),
      );
      const texts = await Promise.all(pdfs.map(extractPdfText));
      expect(texts.map((t) => t.pages[0])).toEqual(
        ['a', 'b', 'c', 'd', 'e'].map((id) => expect.stringContaining(`dokumen-${id}`)),
      );
      expect(launches).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  describe('on a closed network', () => {
    let server: http.Server;
    let port = 0;
    const seen: string[] = [];

    beforeAll(async () => {
      server = http.createServer((request, response) => {
        seen.push(`request ${request.url}`);
        response.end('body { color: red; }');
      });
      server.on('connection', () => seen.push('connection'));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('loads nothing from outside and runs no script', async () => {
      const origin = `http://127.0.0.1:${port}`;
      const head = [
        `<link rel="stylesheet" href="${origin}/y.css">`,
        `<link rel="preconnect" href="${origin}">`,
        `<link rel="prefetch" href="${origin}/prefetch">`,
        `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
        `<style>@import url("${origin}/import.css"); .bg { background-image: url("${origin}/bg.png"); }</style>`,
      ].join('');
      const body = [
        '<p class="bg">Isi laporan</p>',
        `<img src="${origin}/x.png" alt="">`,
        `<iframe src="${origin}/frame"></iframe>`,
        `<object data="${origin}/object"></object>`,
        `<script>fetch("${origin}/fetch"); document.write("SKRIP JALAN");</script>`,
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      ].join('');

      const pdf = await renderer.render({ id: 'jaringan-tertutup', html: htmlDocument(body, head), footerText: 'x' });
      // Give a stray request the time to arrive before concluding there was none.
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(seen).toEqual([]);
      const { text } = await extractPdfText(pdf);
      expect(text).toContain('Isi laporan');
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).not.toContain('SKRIP JALAN');
    });
  });

  it('keeps going when the browser is killed while documents are in flight', async () => {
    const launches: BrowserLaunchEvent[] = [];
    const own = new ChromiumPdfRenderer({
      ...DEFAULT_PDF,
      concurrency: 2,
      onBrowserLaunch: (event) => launches.push(event),
    });
    try {
      const ids = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
      const renders = ids.map((id) => own.render({ id, html: longTable(id, 1500), footerText: `dokumen ${id}` }));
      // Kill the first browser as soon as one document is done: the next ones are half-printed by then.
      await renders[0];
      const pid = launches[0]?.pid;
      expect(pid).toBeTypeOf('number');
      process.kill(pid as number, 'SIGKILL');

      const pdfs = await Promise.all(renders);
      for (const [index, pdf] of pdfs.entries()) {
        expect(looksLikePdf(pdf)).toBe(true);
        const { pages } = await extractPdfText(pdf);
        expect(pages[0]).toContain(`Dokumen ${ids[index]}`);
      }
      expect(launches.map((event) => event.generation)).toEqual([1, 2]);
    } finally {
      await own.close();
    }
  });

  it('gives up on a document whose browser dies twice, naming the document', async () => {
    const own = new ChromiumPdfRenderer({
      ...DEFAULT_PDF,
      onBrowserLaunch: (event) => process.kill(event.pid as number, 'SIGKILL'),
    });
    try {
      await expect(own.render({ id: 'selalu-gagal', html: htmlDocument('<p>x</p>'), footerText: 'x' })).rejects.toThrow(
        /Dokumen "selalu-gagal" gagal dicetak dua kali/,
      );
    } finally {
      await own.close();
    }
  });

  it('rejects a document that takes too long, naming it, and stays usable', async () => {
    const own = new ChromiumPdfRenderer({ concurrency: 1, timeoutMs: 1_500 });
    try {
      await expect(
        own.render({ id: 'terlalu-besar', html: longTable('besar', 12_000), footerText: 'x' }),
      ).rejects.toThrow(/Dokumen "terlalu-besar" tidak selesai dicetak dalam 1,5 detik/);
      const pdf = await own.render({ id: 'kecil', html: htmlDocument('<p>Sesudah batas waktu</p>'), footerText: 'x' });
      expect((await extractPdfText(pdf)).text).toContain('Sesudah batas waktu');
    } finally {
      await own.close();
    }
  });

  it('says which setting to fix when the Chromium binary is missing', async () => {
    const own = new ChromiumPdfRenderer({ ...DEFAULT_PDF, executablePath: '/tidak/ada/chromium' });
    await expect(own.render({ id: 'a', html: '<p>x</p>', footerText: 'x' })).rejects.toThrow(
      'Chromium tidak ditemukan (atau tidak bisa dieksekusi) di "/tidak/ada/chromium"; periksa variabel PUPPETEER_EXECUTABLE_PATH.',
    );
    await own.close();
  });

  it('can be closed twice and refuses documents afterwards', async () => {
    const own = new ChromiumPdfRenderer(DEFAULT_PDF);
    await own.render({ id: 'sebelum', html: htmlDocument('<p>x</p>'), footerText: 'x' });
    await own.close();
    await own.close();
    await expect(own.render({ id: 'sesudah', html: '<p>x</p>', footerText: 'x' })).rejects.toThrow(
      'Dokumen "sesudah" tidak dicetak karena renderer PDF sudah ditutup.',
    );
  });
});
