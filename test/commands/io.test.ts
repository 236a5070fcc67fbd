import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../functions/commands/io.js';

describe('escapeControls', () => {
  it.each([
    { name: 'an escape sequence that clears the screen', input: 'a\u001b[2Jb', expected: 'a\\u001b[2Jb' },
    { name: 'a terminal title with its bell', input: '\u001b]0;x\u0007', expected: '\\u001b]0;x\\u0007' },
    { name: 'a carriage return that hides a line', input: 'benar\rsalah', expected: 'benar\\u000dsalah' },
    { name: 'C1 CSI and DEL', input: '\u009b31m\u007f', expected: '\\u009b31m\\u007f' },
    { name: 'a bidi override', input: 'abc\u202edef', expected: 'abc\\u202edef' },
    {
      name: 'new lines, tabs and Indonesian text as they are',
      input: 'Rencana Aksi\tTW III\n±0 — é',
      expected: 'Rencana Aksi\tTW III\n±0 — é',
    },
  ])('$name', ({ input, expected }) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it('keeps JSON valid and the same data', () => {
    const json = JSON.stringify({ message: 'x\u009by\u202ez' });
    expect(JSON.parse(escapeControls(json))).toEqual({ message: 'x\u009by\u202ez' });
  });
});
