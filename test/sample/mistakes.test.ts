import { describe, expect, it } from 'vitest';
import { sampleMistakes } from '../../functions/sample/generate.js';
import { planMistakes, type MistakeKind } from '../../functions/sample/mistakes.js';
import { SAMPLE_MISTAKES } from '../../functions/sample/sample-mistakes.js';
import { PILOT_OFFICE, sampleOffices } from '../../functions/sample/sample-offices.js';

const ALL_KINDS: MistakeKind[] = [
  'formula-error',
  'decimal-comma',
  'nip-as-number',
  'ambiguous-number',
  'unknown-iku',
  'mixed-percent',
  'word-in-number',
  'missing-evidence',
  'missing-column',
  'extra-holder',
  'unreadable',
];

describe('planMistakes', () => {
  const codes = sampleOffices(38).map((office) => office.code);

  it('puts every kind once into a province of 38, at most two per office, none in the pilot', () => {
    const plan = planMistakes(codes, 2025);
    expect([...plan.values()].flat().sort()).toEqual([...ALL_KINDS].sort());
    for (const kinds of plan.values()) expect(kinds.length).toBeLessThanOrEqual(2);
    expect(plan.has(PILOT_OFFICE)).toBe(false);
    expect([...plan.values()].filter((kinds) => kinds.includes('unreadable'))).toEqual([['unreadable']]);
  });

  it('picks the same offices for a seed and others for another seed', () => {
    expect(planMistakes(codes, 2025)).toEqual(planMistakes(codes, 2025));
    expect([...planMistakes(codes, 7).keys()]).not.toEqual([...planMistakes(codes, 2025).keys()]);
  });

  it('repeats the round for larger provinces: one unreadable workbook per 38 offices', () => {
    const plan = planMistakes(
      sampleOffices(76).map((office) => office.code),
      2025,
    );
    expect([...plan.values()].filter((kinds) => kinds.includes('unreadable'))).toHaveLength(2);
  });

  it('fills what fits in a small province, workbook mistakes first', () => {
    const plan = planMistakes(
      sampleOffices(3).map((office) => office.code),
      2025,
    );
    expect(plan.size).toBe(3);
    expect([...plan.values()].flat()).not.toContain('unreadable');
  });
});

describe('SAMPLE_MISTAKES', () => {
  it('describes the default sample and names the cells with their expected finding', () => {
    expect(SAMPLE_MISTAKES).toEqual(sampleMistakes({ offices: 38, seed: 2025, period: '2025-TW3' }));
    expect(SAMPLE_MISTAKES.map((m) => m.kind).sort()).toEqual([...ALL_KINDS].sort());
    for (const mistake of SAMPLE_MISTAKES) {
      if (mistake.kind === 'unreadable') continue;
      expect(mistake.cells.length, mistake.kind).toBeGreaterThan(0);
      for (const cell of mistake.cells) expect(cell).toMatch(/^('[^']+'|\w+)![A-Z]+\d+$/);
    }
  });
});

describe('sampleOffices', () => {
  it('takes the first N real offices, then synthesises numbered ones', () => {
    expect(sampleOffices(3).map((office) => office.code)).toEqual(['3501', '3502', '3503']);
    const many = sampleOffices(40);
    expect(many[31]).toMatchObject({ code: '3573', name: 'Bawaslu Kota Malang', kind: 'Kota', slug: 'kota-malang' });
    expect(many.slice(38)).toMatchObject([
      { code: '9001', name: 'Bawaslu Kabupaten Contoh 39' },
      { code: '9002', name: 'Bawaslu Kabupaten Contoh 40' },
    ]);
    // The bench's 5 520-office province: every code distinct and four digits, as the rekap reader requires.
    const codes = sampleOffices(5520).map((office) => office.code);
    expect(new Set(codes).size).toBe(5520);
    expect(codes.filter((code) => !/^[0-9]{4}$/.test(code))).toEqual([]);
  });
});
