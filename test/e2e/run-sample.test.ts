import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FindingCode } from '../../functions/core/findings.js';
import { FINDING_LABELS } from '../../functions/core/messages/finding-labels.js';
import { generateSampleProvince, type SampleProvince } from '../../functions/sample/generate.js';
import type { MistakeKind } from '../../functions/sample/mistakes.js';
import { SAMPLE_MISTAKES } from '../../functions/sample/sample-mistakes.js';
import {
  actionPlanRows,
  hasValidEvidence,
  loadWorkbook,
  mean,
  numberOf,
  QUARTER_NUMERALS,
  round2,
  runCli,
  sha256,
  SPEC_AREAS,
  sheetTable,
  textOf,
  valueOf,
  type CliRun,
  type SheetTable,
} from './support.js';

/**
 * Issue "core", end to end: the sample province through `monev run --no-pdf`, results.json checked
 * against docs/SPEC.md §7 with a schema written here, a few numbers recomputed from the workbooks by hand
 * (docs/SPEC.md §4), the rekap and Hasil Validasi outputs (docs/SPEC.md §5), and `monev validate` / `monev template`.
 */

const PERIOD = '2025-TW3';
const QUARTER = 3;
const PILOT = '3573';

// ---- results.json, as docs/SPEC.md §7 shows it -------------------------------------------------------

/** At most two decimals (docs/SPEC.md §4 output precision). */
const twoDecimals = z.number().refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'more than two decimals');
const score = twoDecimals.min(0).nullable();
/** Findings that leave an office unscored: Hasil Validasi gives their reason in the office's own terms. */
const OFFICE_NOTICE_CODES: ReadonlySet<string> = new Set([
  'unreadable-workbook',
  'office-code-mismatch',
  'year-mismatch',
  'workbook-too-large',
]);

const FindingSchema = z.strictObject({
  tab: z.string(),
  cell: z.string().min(1),
  level: z.enum(['error', 'warning']),
  code: z.string().regex(/^[a-z0-9-]+$/),
  message: z.string().min(1),
  gain: twoDecimals.nullable(),
});
const AreaId = z.enum(SPEC_AREAS.map(([, id]) => id) as [string, ...string[]]);
const OfficeSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  status: z.enum(['scored', 'unscored']),
  scores: z.strictObject({
    iku: score,
    actionPlan: score,
    iki: score,
    stages: score,
    dataQuality: score,
    index: score,
  }),
  predicate: z.enum(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']).nullable(),
  rank: z.number().int().min(1).nullable(),
  areas: z.strictObject({
    'akuntabilitas-keuangan': score,
    'informasi-hukum-ppid': score,
    'hubungan-kelembagaan': score,
    'pengolahan-data': score,
    'literasi-demokrasi': score,
    'tata-kelola-internal': score,
    'modernisasi-birokrasi': score,
    'kinerja-kelembagaan': score,
  }),
  workload: z.strictObject({
    ej: score,
    jobs: z.array(
      z.strictObject({
        job: z.string().min(1),
        staff: z.number().int().min(0),
        need: twoDecimals.min(0),
        gap: z.number().int(),
        ej: score,
        category: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
      }),
    ),
  }),
  ikiCoverage: score,
  peers: z.array(z.strictObject({ area: AreaId, office: z.string() })),
  // Offline, every link is unverified (docs/SPEC.md §8); null for an unscored office.
  evidence: z
    .strictObject({
      links: z.number().int().min(0),
      ok: z.literal(0),
      failed: z.literal(0),
      unverified: z.number().int().min(0),
      shared: z.number().int().min(0),
      verified: z.literal(false),
    })
    .nullable(),
  outlook: z.array(
    z.strictObject({
      code: z.string().min(1),
      projected: twoDecimals.min(0),
      atRisk: z.boolean(),
      needed: twoDecimals,
    }),
  ),
  potentialGain: twoDecimals.min(0).nullable(),
  // SPEC §7 and §9: last period's pairs; the sample province has one period only, so none here
  // (test/e2e/peer-ledger.test.ts runs two).
  peerLearning: z.array(
    z.strictObject({
      area: AreaId,
      mentor: z.string(),
      held: z.boolean(),
      before: twoDecimals.nullable(),
      after: twoDecimals.nullable(),
      change: twoDecimals.nullable(),
      comparison: z.strictObject({ offices: z.number().int().min(0), change: twoDecimals.nullable() }),
      effect: twoDecimals.nullable(),
    }),
  ),
  findings: z.array(FindingSchema),
});
const ResultsSchema = z.strictObject({
  period: z.string(),
  generatedAt: z.iso.datetime(),
  offices: z.array(OfficeSchema),
});
type Results = z.infer<typeof ResultsSchema>;
type OfficeJson = z.infer<typeof OfficeSchema>;

/** docs/SPEC.md §6: the codes that are errors; a row carrying one is invalid for data quality. */
const ERROR_CODES = new Set([
  'missing-value',
  'invalid-number',
  'negative-number',
  'formula-error',
  'invalid-choice',
  'invalid-date',
  'invalid-url',
  'invalid-nip',
  'nip-not-text',
  'invalid-weight',
  'duplicate-code',
  'missing-target',
  'unknown-iku',
  'unknown-job',
  'missing-tab',
  'missing-column',
  'empty-tab',
  'unreadable-workbook',
  'office-code-mismatch',
  'year-mismatch',
]);

/** docs/SPEC.md §4 predicates. */
function predicateFor(index: number): string {
  if (index > 90) return 'AA';
  if (index > 80) return 'A';
  if (index > 70) return 'BB';
  if (index > 60) return 'B';
  if (index > 50) return 'CC';
  if (index > 30) return 'C';
  return 'D';
}

const DATA_TABS = ['Rencana Aksi', 'IKU', 'IKI', 'Anjab', 'ABK', 'Tahapan'] as const;
/** docs/SPEC.md §5 Rekap columns, plus one the province keeps for itself. */
const REKAP_HEADERS = [
  'Periode',
  'Kode',
  'Nama',
  'Status',
  'IKU',
  'Rencana Aksi',
  'IKI',
  'Tahapan',
  'Kualitas Data',
  'Indeks',
  'Predikat',
  'Peringkat',
  'Kesalahan',
  'Peringatan',
  'Keterangan',
  'Diperbarui',
  'Laporan',
];
/** The Rekap headers monev wrote before SPEC v3: "Error" for Kesalahan, no Keterangan. */
const OLD_REKAP_HEADERS = REKAP_HEADERS.filter((h) => h !== 'Keterangan').map((h) => (h === 'Kesalahan' ? 'Error' : h));
const OWN_COLUMN = 'Catatan Provinsi';

function officeWith(kind: MistakeKind): string {
  const mistake = SAMPLE_MISTAKES.find((m) => m.kind === kind);
  if (!mistake) throw new Error(`The default sample has no ${kind} mistake`);
  return mistake.office;
}

// ---- one sample, two runs, shared by every test below ----------------------------------------

let root: string;
let data: string;
let out: string;
let province: SampleProvince;
let first: CliRun;
let second: CliRun;
let results: Results;
let inputHashesBefore: Map<string, string>;
let inputHashesAfter: Map<string, string>;
let rekapAfterFirst: { rekap: number; areas: number; log: number };
let rekapAfterSecond: { rekap: number; areas: number; log: number };

async function hashInputs(): Promise<Map<string, string>> {
  const files = ['rekap.xlsx', ...(await readdir(join(data, 'satker'))).map((name) => join('satker', name))];
  const hashes = new Map<string, string>();
  for (const file of files.sort()) hashes.set(file, await sha256(join(data, file)));
  return hashes;
}

async function rekapCounts(): Promise<{ rekap: number; areas: number; log: number }> {
  const workbook = await loadWorkbook(join(out, 'rekap.xlsx'));
  return {
    rekap: sheetTable(workbook, 'Rekap').rows.length,
    areas: sheetTable(workbook, 'Rekap Bidang').rows.length,
    log: sheetTable(workbook, 'Log').rows.length,
  };
}

/**
 * The province already keeps a Rekap tab, written before SPEC v3 (its header says Error), with its own
 * column, a row of an earlier period and a note on this period's row.
 */
async function addProvinceRekapTab(path: string): Promise<void> {
  const workbook = await loadWorkbook(path);
  const sheet = workbook.addWorksheet('Rekap');
  const headers = [...OLD_REKAP_HEADERS.slice(0, 3), OWN_COLUMN, ...OLD_REKAP_HEADERS.slice(3)];
  sheet.addRow(headers);
  const row = (values: Record<string, string | number>) =>
    sheet.addRow(headers.map((header) => values[header] ?? null));
  row({
    Periode: '2025-TW2',
    Kode: PILOT,
    Nama: 'Bawaslu Kota Malang',
    Indeks: 80.12,
    Predikat: 'A',
    [OWN_COLUMN]: 'Periode lalu: sudah dibahas',
  });
  row({ Periode: PERIOD, Kode: PILOT, [OWN_COLUMN]: 'Kunjungan supervisi 14 Oktober' });
  await workbook.xlsx.writeFile(path);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'monev-e2e-run-'));
  data = join(root, 'data');
  out = join(root, 'out');
  province = await generateSampleProvince({ outDir: data });
  await addProvinceRekapTab(province.rekapPath);
  inputHashesBefore = await hashInputs();

  first = await runCli(['run', '--data', data, '--out', out, '--no-pdf']);
  results = ResultsSchema.parse(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));
  rekapAfterFirst = await rekapCounts();

  second = await runCli(['run', '--data', data, '--out', out, '--no-pdf']);
  rekapAfterSecond = await rekapCounts();
  inputHashesAfter = await hashInputs();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function office(code: string): OfficeJson {
  const found = results.offices.find((o) => o.code === code);
  if (!found) throw new Error(`results.json has no office ${code}`);
  return found;
}

// ---- monev run ----------------------------------------------------------------------------------

describe('monev run on the sample province (38 offices, seed 2025)', () => {
  it('exits 1, since the sample has errors, and prints the ranking and the unscored office', () => {
    expect(first.stderr).not.toContain('Kesalahan internal');
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Peringkat\s+Kode\s+Satker\s+Indeks\s+Predikat\s+Error\s+Peringatan/);
    for (const o of results.offices) {
      const rank = o.rank === null ? '-' : String(o.rank);
      expect(first.stdout, o.code).toMatch(new RegExp(`^\\s*${rank}\\s+${o.code}\\s+${o.name}\\s`, 'm'));
    }
    const unreadable = office(officeWith('unreadable'));
    expect(first.stdout).toContain('Tidak dinilai:');
    expect(first.stdout).toMatch(new RegExp(`^\\s+${unreadable.code} ${unreadable.name}: \\S+`, 'm'));
    expect(first.stdout).toContain(`${PERIOD}): 38 satker, 37 dinilai, 1 tidak dinilai.`);
  });

  it('writes results.json with every registry office, one unscored, ranks 1..37', () => {
    expect(results.period).toBe(PERIOD);
    expect(results.offices.map((o) => o.code).sort()).toEqual(province.offices.map((o) => o.code).sort());
    expect(results.offices.map((o) => o.name).sort()).toEqual(province.offices.map((o) => o.name).sort());

    const unscored = results.offices.filter((o) => o.status === 'unscored');
    expect(unscored.map((o) => o.code)).toEqual([officeWith('unreadable')]);
    const [lost] = unscored as [OfficeJson];
    expect(lost.findings.map((f) => f.code)).toContain('unreadable-workbook');
    expect(lost.findings.find((f) => f.code === 'unreadable-workbook')?.level).toBe('error');
    expect(Object.values(lost.scores)).toEqual([null, null, null, null, null, null]);
    expect(lost.predicate).toBeNull();
    expect(lost.rank).toBeNull();

    const scored = results.offices.filter((o) => o.status === 'scored');
    // SPEC v3: rank = 1 + the scored offices with a higher index, so equal indexes share a rank.
    for (const o of scored)
      expect(o.rank, o.code).toBe(1 + scored.filter((x) => (x.scores.index ?? 0) > (o.scores.index ?? 0)).length);
  });

  it('ranks by index descending, ties by code, and gives each scored office the predicate of its index', () => {
    const ranked = results.offices.filter((o) => o.status === 'scored').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    for (let i = 1; i < ranked.length; i++) {
      const [before, after] = [ranked[i - 1] as OfficeJson, ranked[i] as OfficeJson];
      const [a, b] = [before.scores.index ?? 0, after.scores.index ?? 0];
      expect(a > b || (a === b && before.code < after.code), `${before.code} before ${after.code}`).toBe(true);
    }
    for (const o of ranked) {
      expect(o.scores.index).not.toBeNull();
      expect(o.predicate, o.code).toBe(predicateFor(o.scores.index as number));
      // Index = Σ w·S / Σ w over the components (docs/SPEC.md §4; all five are present in the sample).
      const s = o.scores;
      const index =
        (35 * (s.iku ?? 0) +
          30 * (s.actionPlan ?? 0) +
          15 * (s.iki ?? 0) +
          10 * (s.stages ?? 0) +
          10 * (s.dataQuality ?? 0)) /
        100;
      expect(Math.abs(index - (s.index as number)), o.code).toBeLessThanOrEqual(0.0101);
    }
  });

  describe('numbers recomputed from the workbooks', () => {
    const offices = [
      { name: 'the Kota Malang pilot (clean)', code: PILOT },
      { name: 'an office with a formula error in Rencana Aksi', code: officeWith('formula-error') },
      { name: 'an office with realizations lacking evidence', code: officeWith('missing-evidence') },
      { name: 'an office whose Rencana Aksi lacks the Bukti Dukung column', code: officeWith('missing-column') },
    ];

    it.each(offices)('Rencana Aksi component and area scores: $name', async ({ code }) => {
      const workbook = await loadWorkbook(join(data, 'satker', `${code}.xlsx`));
      const rows = actionPlanRows(sheetTable(workbook, 'Rencana Aksi'), QUARTER);
      const due = rows.filter((row) => row.due);
      expect(due.length).toBeGreaterThan(5);
      expect(office(code).scores.actionPlan).toBe(round2(mean(due.map((row) => row.achievement)) as number));
      for (const [, id] of SPEC_AREAS) {
        const inArea = due.filter((row) => row.area === id);
        const expected = mean(inArea.map((row) => row.achievement));
        expect(office(code).areas[id], `${code} ${id}`).toBe(expected === null ? null : round2(expected));
      }
      // The rows this reading finds in error are the rows the run reports errors on.
      const errorRows = new Set(
        office(code)
          .findings.filter((f) => f.tab === 'Rencana Aksi' && f.level === 'error' && f.code !== 'missing-column')
          .map((f) => Number(/(\d+)$/.exec(f.cell)?.[1])),
      );
      const missingColumn = office(code).findings.some((f) => f.code === 'missing-column' && f.tab === 'Rencana Aksi');
      if (!missingColumn) expect(new Set(rows.filter((row) => row.error).map((row) => row.number))).toEqual(errorRows);
    });

    it('the evidence rule: realizations without a URL count 0 (missing-evidence office)', async () => {
      const code = officeWith('missing-evidence');
      const workbook = await loadWorkbook(join(data, 'satker', `${code}.xlsx`));
      const table = sheetTable(workbook, 'Rencana Aksi');
      const cells = SAMPLE_MISTAKES.find((m) => m.office === code && m.kind === 'missing-evidence')?.cells ?? [];
      const rowsWithout = cells.map((cell) => Number(/(\d+)$/.exec(cell)?.[1]));
      expect(rowsWithout.length).toBeGreaterThan(0);
      for (const number of rowsWithout) {
        const row = table.rows.find((r) => r.number === number);
        expect(row && hasValidEvidence(row.cell('Bukti Dukung'))).toBe(false);
        const computed = actionPlanRows(table, QUARTER).find((r) => r.number === number);
        expect(computed?.due).toBe(true);
        expect(computed?.achievement).toBe(0);
      }
      const warned = office(code)
        .findings.filter((f) => f.code === 'missing-evidence' && f.tab === 'Rencana Aksi')
        .map((f) => Number(/(\d+)$/.exec(f.cell)?.[1]));
      expect(warned.sort()).toEqual([...rowsWithout].sort());
    });

    it.each([
      { name: 'the pilot', code: PILOT },
      { name: 'formula error', code: officeWith('formula-error') },
      { name: 'NIP stored as a number', code: officeWith('nip-as-number') },
      { name: 'missing column', code: officeWith('missing-column') },
    ])('data quality = valid rows / all rows over the six data tabs: $name', async ({ code }) => {
      const workbook = await loadWorkbook(join(data, 'satker', `${code}.xlsx`));
      const tables = new Map<string, SheetTable>(DATA_TABS.map((tab) => [tab, sheetTable(workbook, tab)]));
      const total = [...tables.values()].reduce((sum, table) => sum + table.rows.length, 0);
      // The rows the sample broke on purpose, read from the sample's own list of mistakes.
      const invalid = new Set<string>();
      for (const mistake of SAMPLE_MISTAKES.filter(
        (m) => m.office === code && m.finding !== null && ERROR_CODES.has(m.finding),
      )) {
        if (mistake.kind === 'missing-column') {
          for (const row of tables.get(mistake.tab as string)?.rows ?? []) invalid.add(`${mistake.tab}|${row.number}`);
        } else {
          for (const cell of mistake.cells) invalid.add(`${mistake.tab}|${/(\d+)$/.exec(cell)?.[1]}`);
        }
      }
      expect(office(code).scores.dataQuality).toBe(round2((100 * (total - invalid.size)) / total));
    });

    it.each([PILOT, officeWith('formula-error'), officeWith('nip-as-number')])(
      'Tahapan component: office %s',
      async (code) => {
        const workbook = await loadWorkbook(join(data, 'satker', `${code}.xlsx`));
        const points = sheetTable(workbook, 'Tahapan').rows.map((row) => {
          const status = textOf(row.cell('Status'))?.toLowerCase();
          if (status === 'selesai') return hasValidEvidence(row.cell('Bukti Dukung')) ? 1 : 0.5;
          return status === 'proses' ? 0.5 : 0;
        });
        expect(points).toHaveLength(10);
        expect(office(code).scores.stages).toBe(round2(100 * (mean(points) as number)));
      },
    );

    it('ABK of the pilot: need, gap, EJ and category per job, in Anjab order, and the office EJ', async () => {
      const workbook = await loadWorkbook(join(data, 'satker', `${PILOT}.xlsx`));
      const settings = await loadWorkbook(join(data, 'rekap.xlsx'));
      const wkeRow = settings
        .getWorksheet('Pengaturan')
        ?.getRows(1, 10)
        ?.find((row) => textOf(row.getCell(1)) === 'WKE');
      const wke = wkeRow ? (valueOf(wkeRow.getCell(2)) as number) : NaN;
      expect(wke).toBe(75_000);

      const workloads = new Map<string, number>();
      for (const row of sheetTable(workbook, 'ABK').rows) {
        const volume = numberOf(row.cell('Beban Kerja'));
        const norm = numberOf(row.cell('Norma Waktu'));
        if (volume.kind !== 'number' || norm.kind !== 'number') throw new Error(`ABK row ${row.number} is not clean`);
        const job = textOf(row.cell('Jabatan')) as string;
        workloads.set(job, (workloads.get(job) ?? 0) + volume.value * norm.value);
      }
      const jobs = sheetTable(workbook, 'Anjab').rows.map((row) => {
        const job = textOf(row.cell('Jabatan')) as string;
        const staff = valueOf(row.cell('Pegawai Ada')) as number;
        const w = workloads.get(job) ?? 0;
        const need = w / wke;
        const ej = staff === 0 ? null : w / (staff * wke);
        const category = ej === null ? null : ej > 1 ? 'A' : ej >= 0.9 ? 'B' : ej >= 0.7 ? 'C' : ej >= 0.5 ? 'D' : 'E';
        return {
          job,
          staff,
          need: round2(need),
          gap: staff - Math.floor(need + 0.5),
          ej: ej === null ? null : round2(ej),
          category,
          w,
        };
      });
      expect(office(PILOT).workload.jobs).toEqual(jobs.map(({ w: _w, ...job }) => job));
      const totalW = jobs.reduce((sum, job) => sum + job.w, 0);
      const totalStaff = jobs.reduce((sum, job) => sum + job.staff, 0);
      expect(office(PILOT).workload.ej).toBe(round2(totalW / (totalStaff * wke)));
    });

    it('IKU component of the office that mixes percent cells and "45%" text', async () => {
      const code = officeWith('mixed-percent');
      const workbook = await loadWorkbook(join(data, 'satker', `${code}.xlsx`));
      const cap = 120;
      const rows = sheetTable(workbook, 'IKU').rows.map((row) => {
        const values = (kind: string) =>
          QUARTER_NUMERALS.slice(0, QUARTER).flatMap((q) => {
            const n = numberOf(row.cell(`${kind} TW ${q}`));
            if (n.kind === 'invalid') throw new Error(`IKU row ${row.number} ${kind} TW ${q} is not a number`);
            return n.kind === 'number' ? [n.value] : [];
          });
        const sifat = textOf(row.cell('Sifat'))?.toLowerCase() ?? 'kumulatif';
        const aggregate = (list: number[]) =>
          list.length === 0
            ? null
            : sifat === 'akhir periode'
              ? (list.at(-1) as number)
              : sifat === 'rata-rata'
                ? (mean(list) as number)
                : list.reduce((a, b) => a + b, 0);
        const T = aggregate(values('Target'));
        const R = aggregate(values('Realisasi'));
        const minimal = textOf(row.cell('Polaritas'))?.toLowerCase() === 'minimal';
        const weight = valueOf(row.cell('Bobot')) as number;
        if (T === null || T <= 0 || R === null) throw new Error(`IKU row ${row.number} is not simply due`);
        const c = minimal ? Math.max(0, (100 * (2 * T - R)) / T) : (100 * R) / T;
        return { weight, scored: Math.min(c, cap) };
      });
      const weights = rows.reduce((sum, row) => sum + row.weight, 0);
      const expected = Math.min(100, rows.reduce((sum, row) => sum + row.weight * row.scored, 0) / weights);
      expect(office(code).scores.iku).toBe(round2(expected));
    });
  });

  describe('rekap.xlsx', () => {
    it('has one Rekap row per office for the period, keyed by Periode+Kode, matching results.json', async () => {
      const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Rekap');
      const rows = table.rows.filter((row) => valueOf(row.cell('Periode')) === PERIOD);
      expect(rows.map((row) => String(valueOf(row.cell('Kode')))).sort()).toEqual(
        results.offices.map((o) => o.code).sort(),
      );
      for (const row of rows) {
        const o = office(String(valueOf(row.cell('Kode'))));
        expect(valueOf(row.cell('Nama'))).toBe(o.name);
        expect(valueOf(row.cell('Indeks'))).toBe(o.scores.index);
        expect(valueOf(row.cell('Rencana Aksi'))).toBe(o.scores.actionPlan);
        expect(valueOf(row.cell('Peringkat'))).toBe(o.rank);
        expect(valueOf(row.cell('Predikat'))).toBe(o.predicate);
        expect(valueOf(row.cell('Kesalahan'))).toBe(o.findings.filter((f) => f.level === 'error').length);
        // SPEC v3 §5: Keterangan says why an office is unscored.
        if (o.status === 'unscored') expect(String(valueOf(row.cell('Keterangan')))).toMatch(/^Tidak dinilai: /);
        expect(valueOf(row.cell('Status'))).toBe(o.status === 'scored' ? 'Dinilai' : 'Tidak dinilai');
      }
    });

    it('a second run updates the same rows instead of adding new ones, and appends to Log', () => {
      expect(second.code).toBe(1);
      // 38 offices of this period plus the province's row of the period before.
      expect(rekapAfterFirst.rekap).toBe(39);
      expect(rekapAfterSecond.rekap).toBe(rekapAfterFirst.rekap);
      // Rekap Bidang: every office of the period, the unscored one with blank areas.
      expect(rekapAfterFirst.areas).toBe(38);
      expect(rekapAfterSecond.areas).toBe(rekapAfterFirst.areas);
      expect(rekapAfterSecond.log).toBeGreaterThan(rekapAfterFirst.log);
    });

    it('leaves the province’s own column and the earlier period’s row alone', async () => {
      const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Rekap');
      expect(table.headers.has(OWN_COLUMN)).toBe(true);
      // The old Error header renamed in place, Keterangan added after the last column.
      expect([...table.headers.keys()]).toEqual([
        ...REKAP_HEADERS.slice(0, 3),
        OWN_COLUMN,
        ...REKAP_HEADERS.slice(3).filter((h) => h !== 'Keterangan'),
        'Keterangan',
      ]);
      const find = (period: string) =>
        table.rows.filter(
          (row) => valueOf(row.cell('Periode')) === period && String(valueOf(row.cell('Kode'))) === PILOT,
        );
      const [current, ...duplicates] = find(PERIOD);
      expect(duplicates).toEqual([]);
      expect(valueOf(current!.cell(OWN_COLUMN))).toBe('Kunjungan supervisi 14 Oktober');
      expect(valueOf(current!.cell('Indeks'))).toBe(office(PILOT).scores.index);
      const [earlier] = find('2025-TW2');
      expect(valueOf(earlier!.cell(OWN_COLUMN))).toBe('Periode lalu: sudah dibahas');
      expect(valueOf(earlier!.cell('Indeks'))).toBe(80.12);
    });

    it('blanks the area scores of an office that became unreadable since the last run of the period', async () => {
      const again = join(root, 'broken-later');
      const againOut = join(root, 'broken-later-out');
      await cp(data, again, { recursive: true });
      const run = () => runCli(['run', '--data', again, '--out', againOut, '--no-pdf', '--offices', `${PILOT},3578`]);
      const areasOf = async (code: string) => {
        const table = sheetTable(await loadWorkbook(join(againOut, 'rekap.xlsx')), 'Rekap Bidang');
        const rows = table.rows.filter(
          (row) => valueOf(row.cell('Periode')) === PERIOD && String(valueOf(row.cell('Kode'))) === code,
        );
        expect(rows).toHaveLength(1);
        return SPEC_AREAS.map(([, , name]) => valueOf(rows[0]!.cell(name)));
      };
      expect((await run()).code).toBe(0);
      expect(await areasOf('3578')).toEqual(SPEC_AREAS.map(([, id]) => office('3578').areas[id]));
      await writeFile(join(again, 'satker', '3578.xlsx'), 'bukan workbook');
      expect((await run()).code).toBe(1);
      expect(await areasOf('3578')).toEqual(SPEC_AREAS.map(() => null));
    });

    it('keeps names and addresses out of the Log tab', async () => {
      const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Log');
      for (const row of table.rows)
        for (const header of table.headers.keys())
          expect(String(valueOf(row.cell(header)) ?? '')).not.toMatch(/@|Bawaslu /);
    });
  });

  it('pairs mentors as SPEC v3 §4 says, worked out here from results.json alone', () => {
    const MAX_MENTEES = 3;
    const scored = results.offices.filter((o) => o.status === 'scored');
    const broken = (o: OfficeJson) =>
      o.findings.some(
        (f) =>
          f.tab === 'Rencana Aksi' &&
          ['missing-tab', 'missing-column', 'empty-tab'].includes(f.code) &&
          f.level === 'error',
      );
    const requests = scored.flatMap((o) =>
      broken(o)
        ? []
        : SPEC_AREAS.flatMap(([no, id]) => {
            const value = o.areas[id];
            return value === null || value === undefined || value >= 91
              ? []
              : [{ mentee: o.code, area: id, no, value }];
          })
            .sort((a, b) => a.value - b.value || a.no - b.no)
            .slice(0, 2),
    );
    const load = new Map<string, number>();
    const mentor = new Map<(typeof requests)[number], string>();
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const request of [...requests].sort(
      (a, b) => a.value - b.value || byCode(a.mentee, b.mentee) || a.no - b.no,
    )) {
      const chosen = scored
        .filter((o) => o.code !== request.mentee && (o.areas[request.area] ?? -1) > request.value)
        .filter((o) => (load.get(o.code) ?? 0) < MAX_MENTEES)
        .sort((a, b) => (b.areas[request.area] ?? 0) - (a.areas[request.area] ?? 0) || byCode(a.code, b.code))[0];
      if (!chosen) continue;
      mentor.set(request, chosen.code);
      load.set(chosen.code, (load.get(chosen.code) ?? 0) + 1);
    }
    for (const o of results.offices) {
      const expected = requests
        .filter((r) => r.mentee === o.code && mentor.has(r))
        .map((r) => ({ area: r.area, office: mentor.get(r) as string }));
      expect(o.peers, o.code).toEqual(expected);
    }
    // v3: no area of 91 or more asks, and an office whose Rencana Aksi is broken asks for none.
    const pairs = results.offices.flatMap((o) => o.peers.map((p) => ({ o, p })));
    expect(pairs.length).toBeGreaterThan(30);
    expect(pairs.every(({ o, p }) => ((o.areas as Record<string, number | null>)[p.area] ?? 0) < 91)).toBe(true);
    expect(results.offices.filter(broken).every((o) => o.peers.length === 0)).toBe(true);
    expect(results.offices.filter(broken).length).toBeGreaterThan(0);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(MAX_MENTEES);
  });

  it('never modifies the input rekap or office workbooks', () => {
    expect(inputHashesBefore.size).toBe(39);
    expect(inputHashesAfter).toEqual(inputHashesBefore);
  });

  it('writes the Tren tab: one row per office, its index per period, upserted by Kode', async () => {
    const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Tren');
    expect([...table.headers.keys()].slice(0, 2)).toEqual(['Kode', 'Nama']);
    expect([...table.headers.keys()]).toContain(PERIOD);
    const codes = table.rows.map((row) => String(valueOf(row.cell('Kode'))));
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of results.offices) {
      const row = table.rows.find((r) => String(valueOf(r.cell('Kode'))) === o.code);
      expect(row, o.code).toBeDefined();
      expect((row ? valueOf(row.cell(PERIOD)) : undefined) ?? null, o.code).toBe(o.scores.index);
    }
  });

  it('writes validasi/<kode>.xlsx per office: a title block, then its Hasil Validasi rows matching the office’s findings, errors first', async () => {
    const columns = ['Tab', 'Sel', 'Tingkat', 'Masalah', 'Kode', 'Pesan', 'Tambahan Nilai'];
    for (const o of results.offices) {
      const workbook = await loadWorkbook(join(out, 'validasi', `${o.code}.xlsx`));
      const sheet = workbook.getWorksheet('Hasil Validasi');
      // The title block names the office and says when it was checked; the header follows it.
      expect(sheet?.getCell('A1').value, o.code).toBe(`Hasil Validasi · ${o.name} (${o.code})`);
      let headerRow = 0;
      sheet?.eachRow((row, number) => {
        if (headerRow === 0 && row.getCell(1).value === 'Tab') headerRow = number;
      });
      const title = Array.from({ length: headerRow - 1 }, (_, i) => String(sheet?.getCell(i + 1, 1).value ?? ''));
      expect(
        title.some((line) => /^Diperiksa \d{1,2} \w+ \d{4} \d\d\.\d\d WIB;/.test(line)),
        o.code,
      ).toBe(true);
      expect(
        title.some((line) => line.includes('Periode Triwulan III 2025')),
        o.code,
      ).toBe(true);
      const errors = o.findings.filter((f) => f.level === 'error');
      if (o.status === 'scored' && errors.length > 0)
        expect(
          title.some((line) => line.startsWith('Indeks sementara ')),
          o.code,
        ).toBe(true);
      const table = sheetTable(workbook, 'Hasil Validasi', headerRow);
      expect([...table.headers.keys()]).toEqual([
        'Tab',
        'Sel',
        'Konteks',
        'Tingkat',
        'Masalah',
        'Kode',
        'Pesan',
        'Tambahan Nilai',
      ]);
      const rows = table.rows.map((row) => columns.map((header) => valueOf(row.cell(header)) ?? ''));
      if (o.findings.length === 0) {
        expect(rows, o.code).toHaveLength(1);
        expect(rows[0]?.slice(0, 5), o.code).toEqual(['', '', '', '', '']);
        expect(String(rows[0]?.[5]), o.code).toMatch(/Tidak ada temuan/);
      } else {
        const ordered = [...errors, ...o.findings.filter((f) => f.level !== 'error')];
        expect(rows, o.code).toEqual(
          ordered.map((f) => [
            f.tab,
            f.cell,
            f.level === 'error' ? 'Kesalahan' : 'Peringatan',
            FINDING_LABELS[f.code as FindingCode],
            f.code,
            // An unscored office reads its reason in its own terms, as in its report and e-mail.
            OFFICE_NOTICE_CODES.has(f.code) ? expect.stringContaining('Yang perlu dilakukan: ') : f.message,
            f.gain ?? '',
          ]),
        );
      }
    }
  });

  it('stops with exit 2, names the Bobot tab and writes nothing when the weights do not sum to 100', async () => {
    const badData = join(root, 'bad-weights');
    const badOut = join(root, 'bad-weights-out');
    await cp(data, badData, { recursive: true });
    const workbook = await loadWorkbook(join(badData, 'rekap.xlsx'));
    const weights = workbook.getWorksheet('Bobot');
    weights?.eachRow((row) => {
      if (textOf(row.getCell(1)) === 'IKU') row.getCell(2).value = 40;
    });
    await workbook.xlsx.writeFile(join(badData, 'rekap.xlsx'));

    const run = await runCli(['run', '--data', badData, '--out', badOut, '--no-pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Bobot');
    expect(run.stderr).toMatch(/105/);
    expect(await readdir(badOut).catch(() => [])).toEqual([]);
  });
});

// ---- monev validate and monev template ------------------------------------------------------------

describe('monev validate', () => {
  const ValidateJson = z.strictObject({
    file: z.string(),
    period: z.literal(PERIOD),
    status: z.enum(['scored', 'unscored']),
    scores: z.strictObject({
      iku: score,
      actionPlan: score,
      iki: score,
      stages: score,
      dataQuality: score,
      index: score,
    }),
    findings: z.array(FindingSchema),
  });

  it('lists the findings with their cells and exits 1 for an office with errors', async () => {
    const code = officeWith('formula-error');
    const run = await runCli(['validate', join(data, 'satker', `${code}.xlsx`), '--period', PERIOD]);
    expect(run.code).toBe(1);
    const errors = office(code).findings.filter((f) => f.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(run.stdout).toContain(f.cell);
      expect(run.stdout).toContain(f.code);
    }
    for (const cell of SAMPLE_MISTAKES.find((m) => m.office === code && m.kind === 'formula-error')?.cells ?? [])
      expect(run.stdout).toContain(cell);
  });

  it('exits 0 and says so for a clean office', async () => {
    const run = await runCli(['validate', join(data, 'satker', `${PILOT}.xlsx`), '--period', PERIOD]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tidak ada temuan');
  });

  it.each([...new Set([PILOT, ...SAMPLE_MISTAKES.map((m) => m.office)])])(
    '--json for office %s parses and agrees with the run',
    async (code) => {
      const run = await runCli([
        'validate',
        join(data, 'satker', `${code}.xlsx`),
        '--period',
        PERIOD,
        '--kode',
        code,
        '--json',
      ]);
      const parsed = ValidateJson.parse(JSON.parse(run.stdout));
      const expected = office(code);
      expect(run.code).toBe(expected.findings.some((f) => f.level === 'error') ? 1 : 0);
      expect(parsed.status).toBe(expected.status);
      expect(parsed.findings.map((f) => [f.cell, f.code, f.level])).toEqual(
        expected.findings.map((f) => [f.cell, f.code, f.level]),
      );
      // The run's weights are the defaults, so the provisional scores are the run's scores.
      expect(parsed.scores).toEqual(expected.scores);
    },
  );

  it('validates a fresh template: empty-tab errors, no crash', async () => {
    const file = join(root, 'templat.xlsx');
    const made = await runCli(['template', '--out', file]);
    expect(made.code).toBe(0);
    const run = await runCli(['validate', file, '--period', PERIOD]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    for (const tab of ['Rencana Aksi', 'IKU', 'IKI', 'Anjab', 'ABK'])
      expect(run.stdout).toMatch(new RegExp(`${tab}'?!A1\\s+KESALAHAN\\s+empty-tab`));
    const json = ValidateJson.parse(
      JSON.parse((await runCli(['validate', file, '--period', PERIOD, '--json'])).stdout),
    );
    expect(
      json.findings
        .filter((f) => f.code === 'empty-tab')
        .map((f) => f.tab)
        .sort(),
    ).toEqual(['ABK', 'Anjab', 'IKI', 'IKU', 'Rencana Aksi']);
  });
});

describe('usage errors exit 2 with a message', () => {
  const cases: { name: string; argv: () => string[]; message: RegExp }[] = [
    { name: 'no command', argv: () => [], message: /Pemakaian/ },
    { name: 'unknown command', argv: () => ['publish'], message: /tidak dikenal/ },
    {
      name: 'unknown option',
      argv: () => ['run', '--data', data, '--out', join(root, 'x'), '--bogus'],
      message: /bogus/,
    },
    { name: 'run without --out', argv: () => ['run', '--data', data], message: /--out/ },
    { name: 'run without --data', argv: () => ['run', '--out', join(root, 'x')], message: /--data/ },
    {
      name: 'run into its own data folder',
      argv: () => ['run', '--data', data, '--out', data],
      message: /sama dengan folder data/,
    },
    {
      name: 'run with a bad --period',
      argv: () => ['run', '--data', data, '--out', join(root, 'x'), '--period', '2025-TW5'],
      message: /2025-TW5/,
    },
    {
      name: 'run with an unknown office code',
      argv: () => ['run', '--data', data, '--out', join(root, 'x'), '--offices', '9999'],
      message: /9999/,
    },
    { name: 'validate without a file', argv: () => ['validate', '--period', PERIOD], message: /nama file/ },
    {
      name: 'validate without --period',
      argv: () => ['validate', join(data, 'satker', `${PILOT}.xlsx`)],
      message: /--period/,
    },
    { name: 'template without --out', argv: () => ['template'], message: /--out/ },
    {
      name: 'template with a bad --tahun',
      argv: () => ['template', '--out', join(root, 'x.xlsx'), '--tahun', 'dua ribu'],
      message: /--tahun/,
    },
  ];

  it.each(cases)('$name', async ({ argv, message }) => {
    const run = await runCli(argv());
    expect(run.code).toBe(2);
    expect(`${run.stdout}\n${run.stderr}`).toMatch(message);
    expect(run.stderr).not.toContain('Kesalahan internal');
  });

  it('none of them wrote anything', async () => {
    expect(await readdir(join(root, 'x')).catch(() => [])).toEqual([]);
    await expect(readFile(join(root, 'x.xlsx'))).rejects.toThrow();
  });
});
