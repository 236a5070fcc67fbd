import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../functions/core/findings.js';
import { groupFindings } from '../../functions/core/group-findings.js';

const nip = (row: number): Finding => finding('nip-not-text', 'IKI', `IKI!A${row}`, { value: '1' });
const evidence = (row: number): Finding =>
  finding('missing-evidence', 'Rencana Aksi', `'Rencana Aksi'!A${row}`, { subject: 'realization', value: '1' });

describe('groupFindings', () => {
  const cases: { name: string; input: Finding[]; expected: string[] }[] = [
    { name: 'one finding stays a cell', input: [nip(7)], expected: ['IKI!A7'] },
    { name: 'a run of rows is one range', input: [7, 8, 9, 10, 11, 12].map(nip), expected: ['IKI!A7:A12, 6 baris'] },
    { name: 'separate runs are listed', input: [7, 8, 9, 12].map(nip), expected: ['IKI!A7:A9, A12, 4 baris'] },
    {
      name: 'a quoted tab name keeps its quotes',
      input: [3, 4].map(evidence),
      expected: ["'Rencana Aksi'!A3:A4, 2 baris"],
    },
    {
      name: 'more than four runs end with …',
      input: [2, 4, 6, 8, 10, 12].map(nip),
      expected: ['IKI!A2, A4, A6, A8, …, 6 baris'],
    },
    {
      name: 'different codes and columns are different groups, in order of first appearance',
      input: [
        nip(7),
        evidence(3),
        nip(8),
        finding('invalid-number', 'IKI', 'IKI!K7', { column: 'Target TW I', value: 'x' }),
      ],
      expected: ['IKI!A7:A8, 2 baris', "'Rencana Aksi'!A3", 'IKI!K7'],
    },
    {
      name: 'the same row twice counts once in the range',
      input: [nip(7), nip(7), nip(8)],
      expected: ['IKI!A7:A8, 3 baris'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(groupFindings(c.input).map((g) => g.label)).toEqual(c.expected));

  it('keeps the first finding and every member', () => {
    const [group] = groupFindings([7, 8].map(nip));
    expect(group).toMatchObject({ tab: 'IKI', code: 'nip-not-text', level: 'error', cells: 'IKI!A7:A8' });
    expect(group?.first.cell).toBe('IKI!A7');
    expect(group?.findings).toHaveLength(2);
  });
});

describe('groupFindings message', () => {
  it('is the message of every member when they say the same', () => {
    const [group] = groupFindings([7, 8].map(nip));
    expect(group?.message).toBe(nip(7).message);
  });

  it('names the cell whose value it quotes when members quote different values', () => {
    const typed = (row: number, value: string) => finding('nip-not-text', 'IKI', `IKI!A${row}`, { value });
    const first = typed(7, '197101012000012000');
    const [group] = groupFindings([first, typed(8, '198004042005011009')]);
    expect(first.message).not.toBe(typed(8, '198004042005011009').message);
    expect(group?.message).toBe(`Contoh pada IKI!A7: ${first.message}`);
  });
});
