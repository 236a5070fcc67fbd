import { describe, expect, it } from 'vitest';
import { classifyNumberFormat, formatKind } from '../../../functions/adapters/xlsx/number-format.js';

describe('classifyNumberFormat', () => {
  const cases: { name: string; numFmt: string | undefined; expected: ReturnType<typeof classifyNumberFormat> }[] = [
    { name: 'no format', numFmt: undefined, expected: 'plain' },
    { name: 'General is a keyword, not date letters', numFmt: 'General', expected: 'plain' },
    { name: 'General in every section', numFmt: 'General;-General;General', expected: 'plain' },
    { name: 'integer', numFmt: '0', expected: 'plain' },
    { name: 'thousands', numFmt: '#,##0', expected: 'plain' },
    { name: 'two decimals', numFmt: '#,##0.00', expected: 'plain' },
    { name: 'scientific', numFmt: '0.00E+00', expected: 'plain' },
    { name: 'rupiah with locale code', numFmt: '[$Rp-421]#,##0', expected: 'plain' },
    { name: 'quoted currency with letters', numFmt: '"Rp" #,##0;[Red]-"Rp" #,##0', expected: 'plain' },
    { name: 'percent', numFmt: '0%', expected: 'percent' },
    { name: 'percent with decimals', numFmt: '0.00%', expected: 'percent' },
    { name: 'percent in two sections', numFmt: '0.0%;[Red]-0.0%', expected: 'percent' },
    { name: 'quoted percent sign is literal', numFmt: '0.0"%"', expected: 'plain' },
    { name: 'escaped percent sign is literal', numFmt: '0.0\\%', expected: 'plain' },
    { name: 'Indonesian date', numFmt: 'dd/mm/yyyy', expected: 'date' },
    { name: 'long Indonesian date with locale', numFmt: '[$-421]dd mmmm yyyy', expected: 'date' },
    { name: 'long date', numFmt: 'd mmmm yyyy', expected: 'date' },
    { name: 'US date', numFmt: 'm/d/yy', expected: 'date' },
    { name: 'built-in 14', numFmt: 'mm-dd-yy', expected: 'date' },
    { name: 'built-in 22 with quoted h', numFmt: 'm/d/yy "h":mm', expected: 'date' },
    { name: 'ISO date', numFmt: 'yyyy-mm-dd', expected: 'date' },
    { name: 'time', numFmt: 'h:mm:ss', expected: 'date' },
    { name: 'elapsed hours', numFmt: '[h]:mm', expected: 'date' },
    { name: 'date and time', numFmt: 'dd/mm/yyyy hh:mm', expected: 'date' },
    { name: 'upper-case date tokens', numFmt: 'DD/MM/YYYY', expected: 'date' },
    { name: 'text', numFmt: '@', expected: 'text' },
    { name: 'text with prefix', numFmt: '"NIP "@', expected: 'text' },
    { name: 'colour only', numFmt: '[Red]0.00', expected: 'plain' },
  ];
  for (const { name, numFmt, expected } of cases) {
    it(`${name}: ${String(numFmt)} → ${expected}`, () => {
      expect(classifyNumberFormat(numFmt)).toBe(expected);
    });
  }
});

describe('formatKind', () => {
  it('uses the value type only for plain formats', () => {
    expect(formatKind('plain', 3)).toBe('number');
    expect(formatKind('plain', 'x')).toBe('text');
    expect(formatKind('plain', true)).toBe('text');
    expect(formatKind('percent', 0.5)).toBe('percent');
    expect(formatKind('text', 198703152010121000)).toBe('text');
    expect(formatKind('date', 45900)).toBe('date');
  });
});
