import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IKI_TAB } from '../../sheets-schema/index.js';
import type { Finding } from '../../functions/core/findings.js';
import { maskNip, maskNipText } from '../../functions/core/nip.js';
import { readTable } from '../../functions/core/sheet-table.js';
import { HEADERS, sheet, tableRows, type CellInput } from '../helpers/workbook.js';

/**
 * Issue 10 item 8: every NIP that reaches a finding (results.json, Hasil Validasi, reports, e-mails) is
 * masked, valid or not. Masks worked out by hand: ≥ 16 characters keep 6 + 4, 8–15 keep 2 + 2, fewer
 * keep nothing; spaces and a leading apostrophe are dropped first.
 */
describe('maskNipText', () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: 'a valid NIP masks as maskNip does', input: '198703152010121001', expected: '198703******1001' },
    { name: 'the printed form', input: '19870315 201012 1 001', expected: '198703******1001' },
    { name: 'seventeen digits', input: '19870315201012100', expected: '198703******2100' },
    { name: 'nineteen digits', input: '1987031520101210011', expected: '198703******0011' },
    { name: 'letters inside', input: '19870315 2010AB 1 001', expected: '198703******1001' },
    { name: 'sixteen characters', input: '1234567890123456', expected: '123456******3456' },
    { name: 'fifteen characters', input: '123456789012345', expected: '12******45' },
    { name: 'eight characters', input: '12345678', expected: '12******78' },
    { name: 'seven characters', input: '1234567', expected: '******' },
    { name: 'a leading apostrophe', input: "'1234567", expected: '******' },
    { name: 'empty', input: '', expected: '******' },
  ];
  it.each(cases)('$name → $expected', ({ input, expected }) => expect(maskNipText(input)).toBe(expected));

  it('agrees with maskNip on every valid-looking 18-digit NIP', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{18}$/), (nip) => maskNipText(nip) === maskNip(nip)));
  });

  it('never shows more than 10 characters of what was typed, nor more than 6 in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (typed) => {
        const masked = maskNipText(typed).split('******');
        const shown = masked.join('');
        return shown.length <= 10 && masked.every((part) => part.length <= 6);
      }),
    );
  });
});

describe('NIP findings carry the masked form only', () => {
  const cases: { name: string; nip: CellInput; code: string; hidden: string; shown: string }[] = [
    {
      name: 'seventeen digits (invalid-nip)',
      nip: '19900101201503200',
      code: 'invalid-nip',
      hidden: '01201503',
      shown: '"199001******3200"',
    },
    {
      name: 'a bad birth date (invalid-nip)',
      nip: '19901315 201503 2 002',
      code: 'invalid-nip',
      hidden: '15 201503',
      shown: '"199013******2002"',
    },
    {
      name: 'a NIP stored as a number (nip-not-text)',
      nip: 199001012015032002,
      code: 'nip-not-text',
      hidden: '01201503',
      shown: '(199001******2000)',
    },
  ];
  it.each(cases)('$name', ({ nip, code, hidden, shown }) => {
    const findings: Finding[] = [];
    readTable(
      sheet('IKI', tableRows(HEADERS.IKI, [{ NIP: nip, Nama: 'Andi', 'Kode IKU': 'IKU-01', Indikator: 'x' }])),
      IKI_TAB,
      findings,
    );
    expect(findings.map((f) => [f.code, f.cell])).toEqual([[code, 'IKI!A2']]);
    const message = findings[0]?.message ?? '';
    expect(message).toContain(shown);
    expect(message).not.toContain(hidden);
    expect(message).not.toContain(String(nip));
  });
});
