import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../functions/config.js';
import { FINDING_CODES, levelOf, type Level } from '../functions/core/findings.js';

/**
 * The documents that are also contracts: docs/SPEC.md (the product contract, kept byte-equal to the shared
 * original), its §6 list of finding codes, and the README's tables of environment settings. Each test
 * fails when the code and the text drift apart.
 */
const ROOT = process.cwd();
const SPEC = readFileSync(join(ROOT, 'docs/SPEC.md'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

// The shared original names its reference data relative to itself; this repository keeps a copy in docs/data/.
const SHARED_DATA = '`../shared/data/`';
const OUR_DATA = '`docs/data/`';
const SHARED_SPEC = resolve(ROOT, '../shared/SPEC.md');
const sharedPresent = existsSync(SHARED_SPEC);

describe('docs/SPEC.md', () => {
  it.skipIf(!sharedPresent)(
    sharedPresent
      ? 'equals ../shared/SPEC.md apart from the path of the reference data'
      : `equals ../shared/SPEC.md — skipped: ${SHARED_SPEC} is absent (CI keeps shared/ beside the clone)`,
    () => {
      const shared = readFileSync(SHARED_SPEC, 'utf8');
      expect(shared).toContain(SHARED_DATA);
      expect(SPEC).toBe(shared.replaceAll(SHARED_DATA, OUR_DATA));
    },
  );

  it('points at reference data that is in the repository', () => {
    expect(SPEC).toContain(OUR_DATA);
    for (const file of ['jatim-kabkota.csv', 'bidang.csv'])
      expect(existsSync(join(ROOT, 'docs/data', file))).toBe(true);
  });

  it('keeps its required-column markers (`Kode Satker`*), out of the formatter', () => {
    expect(SPEC).toContain('`Kode Satker`*, `Nama Satker`*, `Tahun`*');
    expect(readFileSync(join(ROOT, '.prettierignore'), 'utf8').split('\n')).toContain('docs/SPEC.md');
  });
});

/** §6's table: each row's level (its first cell says error or warning) and the codes in backticks. */
function specFindingCodes(spec: string): Map<string, Level> {
  const start = spec.indexOf('\n## 6.');
  const end = spec.indexOf('\n## ', start + 1);
  const section = spec.slice(start, end === -1 ? undefined : end);
  const codes = new Map<string, Level>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !/^(error|warning)\b/.test(cells[1]!)) continue;
    const level: Level = cells[1]!.startsWith('warning') ? 'warning' : 'error';
    // Codes are kebab-case; other words in backticks (a column such as `Email`) are capitalised.
    for (const [, code] of cells
      .slice(2)
      .join('|')
      .matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)*)`/g)) {
      codes.set(code!, level);
    }
  }
  return codes;
}

describe('SPEC §6 and the findings catalogue', () => {
  const spec = specFindingCodes(SPEC);

  it('reads the §6 table', () => {
    // A parser that found nothing would let every check below pass.
    expect(spec.get('missing-value')).toBe('error');
    expect(spec.get('workbook-too-large')).toBe('error');
    expect(spec.get('evidence-reused')).toBe('warning');
    expect(spec.size).toBeGreaterThan(30);
  });

  it('lists every code of the catalogue at its level', () => {
    const catalogue = new Map(FINDING_CODES.map((code) => [code, levelOf(code)]));
    expect(Object.fromEntries(spec)).toEqual(Object.fromEntries(catalogue));
  });
});

/**
 * The settings the README documents: the first cell of every row of a table headed "setting (environment)".
 * A row may name several (`MONEV_PDF_CONCURRENCY`, `MONEV_PDF_TIMEOUT_MS`).
 */
function readmeSettings(readme: string): string[] {
  const names: string[] = [];
  let inTable = false;
  for (const line of readme.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const first = line.split('|')[1]!.trim();
    if (/^setting \(environment\)$/.test(first)) inTable = true;
    else if (inTable) for (const [, name] of first.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)) names.push(name!);
  }
  return names;
}

describe("README's settings tables and config.ts", () => {
  const documented = readmeSettings(README);

  it('reads the tables', () => {
    expect(documented).toContain('MONEV_MAIL_TRANSPORT');
    expect(documented).toContain('MONEV_PDF_TIMEOUT_MS');
  });

  it('list exactly the settings config.ts reads, each once', () => {
    expect([...documented].sort()).toEqual([...SETTING_NAMES].sort());
  });
});
