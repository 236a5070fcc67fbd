import { EVIDENCE_STORY_OFFICES } from '../../functions/sample/evidence-stories.js';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../../functions/adapters/xlsx/unreadable-workbook-error.js';
import { readOffice } from '../../functions/core/office-reader.js';
import { parsePeriod, type Period } from '../../functions/core/period.js';
import { scoreOffice, type OfficeResult } from '../../functions/core/scoring/office.js';
import { findSheet, type Cell, type Workbook } from '../../functions/core/workbook.js';
import { generateSampleProvince, type SampleProvince } from '../../functions/sample/generate.js';
import type { MistakeKind, SampleMistake } from '../../functions/sample/mistakes.js';
import { PILOT_OFFICE } from '../../functions/sample/sample-offices.js';
import { COMPONENTS, JATIM_OFFICES, SETTING_DEFAULTS } from '../../sheets-schema/index.js';

const period = parsePeriod('2025-TW3') as Period;
const weights = Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<
  (typeof COMPONENTS)[number]['key'],
  number
>;
const settings = { cap: SETTING_DEFAULTS.cap, effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes, weights };

let root: string;
let province: SampleProvince;
const workbooks = new Map<string, Workbook>();
const results = new Map<string, OfficeResult>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-sample-'));
  province = await generateSampleProvince({ outDir: join(root, 'a'), offices: 38, seed: 2025, period: '2025-TW3' });
  for (const office of province.offices) {
    const workbook = await readXlsxWorkbook(office.path).catch(() => null);
    if (!workbook) continue;
    workbooks.set(office.code, workbook);
    results.set(
      office.code,
      scoreOffice(office, readOffice(workbook, { code: office.code }, period), period, settings),
    );
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function cellAt(workbook: Workbook, ref: string): Cell | undefined {
  const match = /^(?:'([^']+)'|(\w+))!([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(ref);
  const column = [...(match[3] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return findSheet(workbook, (match[1] ?? match[2]) as string)?.rows[Number(match[4]) - 1]?.[column];
}

const values = (workbook: Workbook, tab: string) =>
  findSheet(workbook, tab)?.rows.map((row) => Array.from(row ?? [], (cell) => cell?.value ?? null)) ?? [];

describe('generateSampleProvince (38 offices, seed 2025)', () => {
  it('writes rekap.xlsx and one workbook per office', async () => {
    expect((await readdir(join(root, 'a'))).sort()).toEqual(['rekap.xlsx', 'satker']);
    expect((await readdir(join(root, 'a', 'satker'))).sort()).toEqual(
      JATIM_OFFICES.map((o) => `${o.code}.xlsx`).sort(),
    );
  });

  it('registers every office in the rekap with its source, example e-mail and Aktif Ya', async () => {
    const rekap = await readXlsxWorkbook(province.rekapPath);
    const rows = values(rekap, 'Satker');
    expect(rows[0]).toEqual(['Kode', 'Nama', 'Jenis', 'Sumber', 'Email', 'Aktif']);
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual(
      JATIM_OFFICES.map((o) => [o.code, o.name, o.kind, `satker/${o.code}.xlsx`]),
    );
    for (const row of rows.slice(1)) {
      expect(String(row[4])).toMatch(/^bawaslu\.[a-z-]+@example\.go\.id(, sekretariat\.[a-z-]+@example\.go\.id)?$/);
      expect(row[5]).toBe('Ya');
    }
    expect(values(rekap, 'Pengaturan')).toEqual([
      ['Periode', '2025-TW3'],
      ['Batas Capaian', 120],
      ['WKE', 75000],
      ['Email Provinsi', 'monev.jatim@example.go.id'],
      ['Maks Binaan', 3],
      // 15 Oktober 2025 as a date cell (serial days since 1899-12-30), read back by readRekap as 2025-10-15.
      ['Batas Perbaikan', 45945],
      ['Kontak', 'Tim Monev Bawaslu Provinsi Jawa Timur, monev.jatim@example.go.id'],
    ]);
    expect(values(rekap, 'Bobot').slice(1)).toEqual(COMPONENTS.map((c) => [c.label, c.defaultWeight]));
  });

  it('gives the Kota Malang pilot a clean, strong workbook', () => {
    const malang = results.get(PILOT_OFFICE);
    expect(malang?.findings).toEqual([]);
    expect(malang?.scores.index).toBeGreaterThanOrEqual(90);
  });

  it('keeps every office without a planned mistake free of findings, but for its evidence story', () => {
    const withMistakes = new Set(province.mistakes.map((m) => m.office));
    const stories = new Set(EVIDENCE_STORY_OFFICES);
    for (const [code, result] of results) {
      if (withMistakes.has(code)) continue;
      const findings = stories.has(code)
        ? result.findings.filter((f) => !f.code.startsWith('evidence-'))
        : result.findings;
      expect(findings, code).toEqual([]);
    }
    // Offline, the one office that pastes one document under three activities is told so on each.
    expect(results.get('3506')?.findings.map((f) => f.code)).toEqual([
      'evidence-reused',
      'evidence-reused',
      'evidence-reused',
    ]);
  });

  it('has realistic tables: sizes, codes, one Minimal IKU, several staff, standard steps', () => {
    for (const [code, workbook] of workbooks) {
      const count = (tab: string) => values(workbook, tab).length - 1;
      expect(count('Rencana Aksi'), code).toBeGreaterThanOrEqual(10);
      expect(count('Rencana Aksi'), code).toBeLessThanOrEqual(40);
      const iku = values(workbook, 'IKU').slice(1);
      expect(iku.length).toBeGreaterThanOrEqual(5);
      expect(iku.length).toBeLessThanOrEqual(10);
      expect(iku.map((row) => row[0])).toEqual(iku.map((_, i) => `IKU-${String(i + 1).padStart(2, '0')}`));
      expect(iku.filter((row) => row[4] === 'Minimal')).toHaveLength(1);
      const iki = values(workbook, 'IKI').slice(1);
      expect(iki.length).toBeGreaterThanOrEqual(10);
      expect(iki.length).toBeLessThanOrEqual(40);
      const people = new Set(iki.map((row) => String(row[0]).replace(/\s+/g, '')));
      expect(people.size).toBeGreaterThanOrEqual(3);
      expect(people.size).toBeLessThanOrEqual(8);
      expect(count('Anjab')).toBeGreaterThanOrEqual(5);
      expect(count('Tahapan')).toBe(10);
    }
  });

  it('writes percents the ways operators do: percent cells, typed "87,5%" and plain numbers', () => {
    const styles = new Set<string>();
    for (const workbook of workbooks.values()) {
      for (const row of findSheet(workbook, 'IKU')?.rows ?? []) {
        for (const cell of row ?? []) {
          if (cell?.format === 'percent') styles.add('cell');
          if (typeof cell?.value === 'string' && /^\d+(,\d+)?%$/.test(cell.value)) styles.add('text');
        }
      }
    }
    expect([...styles].sort()).toEqual(['cell', 'text']);
  });

  it('reproduces every file byte for byte, and another seed gives other content', async () => {
    const again = await generateSampleProvince({
      outDir: join(root, 'b'),
      offices: 38,
      seed: 2025,
      period: '2025-TW3',
    });
    for (const [i, office] of province.offices.entries()) {
      const other = again.offices[i]?.path as string;
      expect(Buffer.compare(await readFile(office.path), await readFile(other)), office.code).toBe(0);
    }
    expect(Buffer.compare(await readFile(province.rekapPath), await readFile(again.rekapPath))).toBe(0);
    expect(again.mistakes).toEqual(province.mistakes);

    const reseeded = await generateSampleProvince({
      outDir: join(root, 'c'),
      offices: 2,
      seed: 99,
      period: '2025-TW3',
    });
    const first = province.offices[0]?.path as string;
    expect(await readXlsxWorkbook(reseeded.offices[0]?.path as string)).not.toEqual(await readXlsxWorkbook(first));
  });
});

describe('the planned mistakes are where province.mistakes says', () => {
  const inCells =
    (kind: MistakeKind, test: (cell: Cell | undefined, mistake: SampleMistake, workbook: Workbook) => void) => () => {
      const mistake = province.mistakes.find((m) => m.kind === kind) as SampleMistake;
      const workbook = workbooks.get(mistake.office) as Workbook;
      for (const ref of mistake.cells) test(cellAt(workbook, ref), mistake, workbook);
    };
  const table: { kind: MistakeKind; check: () => void | Promise<void> }[] = [
    { kind: 'formula-error', check: inCells('formula-error', (cell) => expect(cell?.value).toBe('#DIV/0!')) },
    { kind: 'decimal-comma', check: inCells('decimal-comma', (cell) => expect(cell?.value).toMatch(/^\d+,5$/)) },
    { kind: 'nip-as-number', check: inCells('nip-as-number', (cell) => expect(cell?.value).toBeGreaterThan(1e17)) },
    {
      kind: 'ambiguous-number',
      check: inCells('ambiguous-number', (cell) => expect(cell?.value).toMatch(/^\d\.\d{3}$/)),
    },
    { kind: 'word-in-number', check: inCells('word-in-number', (cell) => expect(cell?.value).toBe('delapan puluh')) },
    { kind: 'missing-evidence', check: inCells('missing-evidence', (cell) => expect(cell).toBeUndefined()) },
    { kind: 'mixed-percent', check: inCells('mixed-percent', (cell) => expect(cell?.value).toMatch(/%$/)) },
    {
      kind: 'unknown-iku',
      check: inCells('unknown-iku', (cell, _, workbook) =>
        expect(values(workbook, 'IKU').map((row) => row[0])).not.toContain(cell?.value),
      ),
    },
    {
      kind: 'missing-column',
      check: inCells('missing-column', (_, __, workbook) =>
        expect(values(workbook, 'Rencana Aksi')[0]).not.toContain('Bukti Dukung'),
      ),
    },
    {
      // Pegawai Ada 1 at the listed cell, and three people name that job in IKI.
      kind: 'extra-holder',
      check: inCells('extra-holder', (cell, mistake, workbook) => {
        expect(cell?.value).toBe(1);
        const row = Number(/\d+$/.exec(mistake.cells[0] ?? '')?.[0]) - 1;
        const job = values(workbook, 'Anjab')[row]?.[0];
        const iki = values(workbook, 'IKI');
        const [nip, position] = [iki[0]?.indexOf('NIP') ?? -1, iki[0]?.indexOf('Jabatan') ?? -1];
        expect(new Set(iki.filter((r) => r[position] === job).map((r) => String(r[nip]))).size).toBe(3);
      }),
    },
    {
      kind: 'unreadable',
      check: async () => {
        const mistake = province.mistakes.find((m) => m.kind === 'unreadable') as SampleMistake;
        const path = province.offices.find((o) => o.code === mistake.office)?.path as string;
        await expect(readXlsxWorkbook(path)).rejects.toBeInstanceOf(UnreadableWorkbookError);
      },
    },
  ];
  for (const { kind, check } of table) it(kind, check);

  it('the validator reports each expected finding at the listed cells', () => {
    for (const mistake of province.mistakes) {
      if (!mistake.finding || mistake.kind === 'unreadable') continue;
      const findings = results.get(mistake.office)?.findings ?? [];
      for (const cell of mistake.cells)
        expect(
          findings.some((f) => f.code === mistake.finding && f.cell === cell),
          `${mistake.kind} at ${cell}`,
        ).toBe(true);
    }
  });

  it('spellings that are valid as typed raise no finding', () => {
    for (const mistake of province.mistakes.filter((m) => m.finding === null)) {
      const findings = results.get(mistake.office)?.findings ?? [];
      for (const cell of mistake.cells)
        expect(
          findings.filter((f) => f.cell === cell),
          `${mistake.kind} at ${cell}`,
        ).toEqual([]);
    }
  });
});
