import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxBuffer } from '../../../functions/adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../../../functions/adapters/xlsx/unreadable-workbook-error.js';
import { classifyNumberFormat } from '../../../functions/adapters/xlsx/number-format.js';

/** Whatever bytes arrive, the reader answers with a workbook or an UnreadableWorkbookError — never another error. */
async function outcome(bytes: Uint8Array): Promise<'ok' | 'unreadable'> {
  return readXlsxBuffer(bytes).then(
    () => 'ok' as const,
    (error: unknown) => {
      if (error instanceof UnreadableWorkbookError) return 'unreadable' as const;
      throw error;
    },
  );
}

describe('readXlsxBuffer on arbitrary bytes', () => {
  it('rejects only with UnreadableWorkbookError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(await outcome(bytes)).toBe('unreadable');
      }),
      { numRuns: 100 },
    );
  });

  it('does the same for bytes that start like a zip', async () => {
    const zipLike = fc.uint8Array({ maxLength: 300 }).map((rest) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest]));
    await fc.assert(
      fc.asyncProperty(zipLike, async (bytes) => {
        expect(await outcome(bytes)).toBe('unreadable');
      }),
      { numRuns: 100 },
    );
  });
});

describe('classifyNumberFormat on arbitrary formats', () => {
  it('always answers one of the four classes', () => {
    fc.assert(
      fc.property(fc.string(), (numFmt) => {
        expect(['percent', 'date', 'text', 'plain']).toContain(classifyNumberFormat(numFmt));
      }),
    );
  });
});
