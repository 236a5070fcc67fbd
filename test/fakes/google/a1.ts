/**
 * A1 notation as the Sheets API takes it: `'Rencana Aksi'!A1:E20`, `Log`, `IKU!A:C`, `A1:B2` (first
 * sheet). Indexes are 0-based and ends exclusive, like a GridRange; an open side is undefined.
 */
export interface A1Range {
  readonly sheet: string | null;
  readonly startRow?: number;
  readonly endRow?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

const CELLS = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/;

export function parseA1(range: string): A1Range | null {
  let sheet: string | null = null;
  let cells = '';
  if (range.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= range.length) return null;
      if (range[i] === "'") {
        if (range[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      name += range[i++];
    }
    sheet = name;
    if (i < range.length) {
      if (range[i] !== '!') return null;
      cells = range.slice(i + 1);
    }
  } else if (range.includes('!')) {
    const bang = range.lastIndexOf('!');
    sheet = range.slice(0, bang);
    cells = range.slice(bang + 1);
  } else if (isCellRange(range)) {
    cells = range;
  } else {
    sheet = range;
  }
  if (cells === '') return { sheet };
  const match = CELLS.exec(cells);
  if (!match) return null;
  const [, c1 = '', r1 = '', c2, r2] = match;
  if (c1 === '' && r1 === '') return null;
  const single = c2 === undefined && r2 === undefined;
  return {
    sheet,
    startColumn: c1 ? columnIndex(c1) : undefined,
    startRow: r1 ? Number(r1) - 1 : undefined,
    endColumn: single ? (c1 ? columnIndex(c1) + 1 : undefined) : c2 ? columnIndex(c2) + 1 : undefined,
    endRow: single ? (r1 ? Number(r1) : undefined) : r2 ? Number(r2) : undefined,
  };
}

function isCellRange(text: string): boolean {
  const match = CELLS.exec(text);
  return match !== null && /\d/.test(text) && /^[A-Za-z]{1,3}\d+(:[A-Za-z]{0,3}\d*)?$/.test(text);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

export function a1(title: string, startRow: number, startColumn: number, endRow: number, endColumn: number): string {
  return `${quoteSheet(title)}!${columnLetters(startColumn)}${startRow + 1}:${columnLetters(endColumn - 1)}${endRow}`;
}
