import { feedbackWorkbook } from '../../functions/adapters/xlsx/feedback-sheet.js';
import { feedback } from '../../functions/core/feedback.js';
import { readOffice } from '../../functions/core/office-reader.js';
import { parsePeriod } from '../../functions/core/period.js';
import { scoreOffice } from '../../functions/core/scoring/office.js';
import { COMPONENTS, SETTING_DEFAULTS } from '../../sheets-schema/index.js';
import { wrongOfficeWorkbook } from '../../test/fakes/wrong-office.js';

/**
 * What writing one Hasil Validasi costs in memory (issue 17 item 2): the all-wrong office of `rows` rows a
 * tab (default 4 999, the most a tab may hold) is scored, then its OUT/validasi/<kode>.xlsx is made while
 * the RSS is sampled every 5 ms. Prints the RSS before, the peak while writing, and the file's size, as JSON.
 * Usage: `node --expose-gc dist/bench/lib/write-wrong-feedback.js [rows]`.
 */
const rows = Number(process.argv[2] ?? 4999);
const period = parsePeriod('2025-TW3');
if (!period || !Number.isInteger(rows) || rows <= 0) throw new Error('usage: write-wrong-feedback.js [rows]');
const weights = Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<
  (typeof COMPONENTS)[number]['key'],
  number
>;
const office = scoreOffice(
  { code: '3573', name: 'Bawaslu Uji Salah Semua' },
  readOffice(wrongOfficeWorkbook(rows), { code: '3573' }, period),
  period,
  { cap: SETTING_DEFAULTS.cap, effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes, weights },
);
const lines = feedback(office, { period, checkedAt: new Date() });
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const bytes = await feedbackWorkbook(office.code, lines);
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sampler);
const mib = (value: number) => Math.round(value / 2 ** 20);
console.log(
  JSON.stringify({
    findings: office.findings.length,
    rssBeforeMiB: mib(before),
    peakWhileWritingMiB: mib(peak),
    addedMiB: mib(peak - before),
    fileKiB: Math.round(bytes.byteLength / 1024),
  }),
);
