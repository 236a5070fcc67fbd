import { readOffice } from '../../functions/core/office-reader.js';
import { parsePeriod } from '../../functions/core/period.js';
import { scoreOffice } from '../../functions/core/scoring/office.js';
import { SETTING_DEFAULTS, COMPONENTS } from '../../sheets-schema/index.js';
import { wrongOfficeWorkbook } from '../../test/fakes/wrong-office.js';

/**
 * Child process of the wrong-office bench section: builds the all-wrong office of `rows` rows a tab in
 * memory, reads and scores it the way a run does (gains included), and prints the times as JSON. Run in
 * a fresh process so the peak RSS the parent samples is this office's alone.
 */
const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows <= 0)
  throw new Error(`rows must be a positive whole number, got ${process.argv[2]}`);
const period = parsePeriod('2025-TW3');
if (!period) throw new Error('bad period');
const book = wrongOfficeWorkbook(rows);
const started = performance.now();
const parsed = readOffice(book, { code: '3573' }, period);
const read = performance.now();
const result = scoreOffice({ code: '3573', name: 'Bawaslu Uji Salah Semua' }, parsed, period, {
  cap: SETTING_DEFAULTS.cap,
  effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes,
  weights: Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<
    (typeof COMPONENTS)[number]['key'],
    number
  >,
});
const scored = performance.now();
console.log(
  JSON.stringify({
    readMs: read - started,
    scoreMs: scored - read,
    findings: result.findings.length,
    gains: result.findings.filter((f) => f.gain !== null).length,
  }),
);
