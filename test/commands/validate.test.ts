import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCommand, validateListing } from '../../functions/commands/validate.js';
import { templateCommand } from '../../functions/commands/template.js';
import { describeChange } from '../../functions/commands/watch.js';
import { UsageError } from '../../functions/commands/io.js';
import { score } from '../helpers/scoring.js';
import { DEFAULT_TABS, period } from '../helpers/workbook.js';

/**
 * `monev validate` as an operator reads it (issue 18 §7): KESALAHAN and PERINGATAN in Indonesian, the
 * errors first, each with what fixing its row is worth (decimal comma), and the exit codes its help names.
 */
const PERIOD = period('2025-TW3');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), interactive: false }, out, err };
}

describe('the listing', () => {
  // Andi's two IKI rows with the NIP typed as a number (two errors on IKI), and an IKU Realisasi TW III
  // left blank (a warning on IKU, which comes before IKI in the workbook but must come after the errors).
  const office = score({
    IKU: DEFAULT_TABS.IKU.map((row, i) => (i === 0 ? { ...row, 'Realisasi TW III': undefined } : row)),
    IKI: DEFAULT_TABS.IKI.map((row, i) => (i < 2 ? { ...row, NIP: 198703152010121001 } : row)),
  });
  const lines = validateListing(office, 'satker/3573.xlsx', PERIOD);
  const text = lines.join('\n');
  const levelOf = (line: string) => /\s(KESALAHAN|PERINGATAN)\s/.exec(line)?.[1];

  it('says KESALAHAN and PERINGATAN, never ERROR', () => {
    expect(text).not.toMatch(/\bERROR\b|\berror\b/);
    expect(lines.filter((line) => levelOf(line) === 'KESALAHAN')).toHaveLength(2);
    expect(lines.filter((line) => levelOf(line) === 'PERINGATAN').length).toBeGreaterThan(0);
  });

  it('lists every error before the first warning, each group under its heading', () => {
    const levels = lines.map(levelOf).filter((level) => level !== undefined);
    expect(levels.lastIndexOf('KESALAHAN')).toBeLessThan(levels.indexOf('PERINGATAN'));
    expect(lines.findIndex((l) => l.startsWith('KESALAHAN (2)'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith('PERINGATAN (')),
    );
  });

  it('shows each error’s gain with the decimal comma, as the finding has it', () => {
    const errors = office.findings.filter((f) => f.level === 'error');
    for (const f of errors) {
      expect(f.gain).not.toBeNull();
      const line = lines.find((l) => l.includes(f.cell) && levelOf(l) === 'KESALAHAN') ?? '';
      const expected = `+${(Math.round((f.gain as number) * 100) / 100).toFixed(2).replace('.', ',')} poin`;
      expect(line).toContain(`nip-not-text ${expected}`);
    }
  });

  it('ends with the counts in Indonesian and the provisional index with how far it can rise', () => {
    const warnings = office.findings.filter((f) => f.level === 'warning').length;
    expect(text).toContain(`2 kesalahan, ${warnings} peringatan.`);
    expect(text).toMatch(/Nilai sementara \(bobot bawaan\): indeks \d+,\d\d \(\w+\); IKU /);
    expect(text).toMatch(/Indeks bisa naik hingga \d+,\d\d/);
  });

  it('a clean office reads "Tidak ada temuan" and no heading', () => {
    const clean = validateListing(score(), 'satker/3573.xlsx', PERIOD);
    expect(clean).toContain('Tidak ada temuan. Data siap dinilai.');
    expect(clean.join('\n')).not.toMatch(/KESALAHAN|PERINGATAN \(/);
    expect(clean).toContain('0 kesalahan, 0 peringatan.');
  });
});

describe('the exit codes its help names', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'monev-validate-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('1 for a workbook with errors (a fresh template: its tabs are empty)', async () => {
    const file = join(root, 'templat.xlsx');
    await templateCommand({ out: file }, capture().io);
    const run = capture();
    expect(await validateCommand({ file, period: PERIOD, json: false }, run.io)).toBe(1);
    expect(run.out.join('\n')).toMatch(/KESALAHAN\s+empty-tab/);
  });

  it('2 (a usage error) for a file that is not there', async () => {
    await expect(
      validateCommand({ file: join(root, 'tidak-ada.xlsx'), period: PERIOD, json: false }, capture().io),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('monev watch speaks the same words', () => {
  it('counts kesalahan and peringatan, with the index as the reports print it', () => {
    const office = { ...score(), code: '3573', name: 'Bawaslu Kota Malang' };
    const warnings = office.findings.filter((f) => f.level === 'warning').length;
    expect(describeChange(office, 88.25, undefined).split('\n')[0]).toBe(
      `3573 Bawaslu Kota Malang: indeks 88,25 → 90,75 (AA); 0 kesalahan, ${warnings} peringatan`,
    );
  });
});
