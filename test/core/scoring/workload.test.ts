import { describe, expect, it } from 'vitest';
import { DEFAULT_TABS } from '../../helpers/workbook.js';
import { score, where, expectClose } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/workload.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('ABK (workload)', () => {
  // WKE 75 000. W = Σ Beban Kerja × Norma Waktu; need = W/WKE; gap = staff − round half up (need);
  // EJ = W/(staff·WKE): A > 1,00 · B ≥ 0,90 · C ≥ 0,70 · D ≥ 0,50 · E below.
  const cases: {
    name: string;
    input: { staff: number; tasks: [number, number][] };
    expected: { need: number; gap: number; ej: number | null; category: string | null; findings: string[][] };
  }[] = [
    {
      name: 'EJ exactly 1,00 is B: W 150 000 + 75 000',
      input: {
        staff: 3,
        tasks: [
          [1500, 100],
          [375, 200],
        ],
      },
      expected: { need: 3, gap: 0, ej: 1, category: 'B', findings: [] },
    },
    {
      name: 'need 2,5 rounds up to 3: W 187 500',
      input: { staff: 2, tasks: [[1875, 100]] },
      expected: { need: 2.5, gap: -1, ej: 1.25, category: 'A', findings: [] },
    },
    {
      name: 'need 1,5 rounds up to 2: W 112 500',
      input: { staff: 1, tasks: [[1500, 75]] },
      expected: { need: 1.5, gap: -1, ej: 1.5, category: 'A', findings: [] },
    },
    {
      name: 'EJ 1,001 is A: W 75 075',
      input: { staff: 1, tasks: [[1001, 75]] },
      expected: { need: 1.001, gap: 0, ej: 1.001, category: 'A', findings: [] },
    },
    {
      name: 'EJ 0,90 is B: W 67 500',
      input: { staff: 1, tasks: [[900, 75]] },
      expected: { need: 0.9, gap: 0, ej: 0.9, category: 'B', findings: [] },
    },
    {
      name: 'EJ 0,899 is C: W 67 425',
      input: { staff: 1, tasks: [[899, 75]] },
      expected: { need: 0.899, gap: 0, ej: 0.899, category: 'C', findings: [] },
    },
    {
      name: 'EJ 0,70 is C: W 52 500',
      input: { staff: 1, tasks: [[700, 75]] },
      expected: { need: 0.7, gap: 0, ej: 0.7, category: 'C', findings: [] },
    },
    {
      name: 'EJ 0,699 is D: W 52 425',
      input: { staff: 1, tasks: [[699, 75]] },
      expected: { need: 0.699, gap: 0, ej: 0.699, category: 'D', findings: [] },
    },
    {
      name: 'EJ 0,50 is D: W 75 000 for 2 staff',
      input: { staff: 2, tasks: [[1000, 75]] },
      expected: { need: 1, gap: 1, ej: 0.5, category: 'D', findings: [] },
    },
    {
      name: 'EJ 0,499 is E, need rounds down to 0: W 37 425',
      input: { staff: 1, tasks: [[499, 75]] },
      expected: { need: 0.499, gap: 1, ej: 0.499, category: 'E', findings: [] },
    },
    {
      name: 'no staff: EJ null, need 0,5 rounds up to 1',
      input: { staff: 0, tasks: [[500, 75]] },
      expected: { need: 0.5, gap: -1, ej: null, category: null, findings: [['no-staff', 'Anjab!C2', 'warning']] },
    },
    {
      name: 'job without tasks: W 0',
      input: { staff: 2, tasks: [] },
      expected: { need: 0, gap: 2, ej: 0, category: 'E', findings: [['job-without-tasks', 'Anjab!A2', 'warning']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      // A second job, Pengawas (1 staff, W 750 · 100 = 75 000), keeps ABK from being empty.
      const result = score({
        Anjab: [
          { Jabatan: 'Analis', 'Pegawai Ada': input.staff },
          { Jabatan: 'Pengawas', 'Pegawai Ada': 1 },
        ],
        ABK: [
          ...input.tasks.map(([volume, minutes], i) => ({
            Jabatan: 'Analis',
            'Uraian Tugas': `Tugas ${i + 1}`,
            'Beban Kerja': volume,
            'Norma Waktu': minutes,
          })),
          { Jabatan: 'Pengawas', 'Uraian Tugas': 'Mengawasi', 'Beban Kerja': 750, 'Norma Waktu': 100 },
        ],
      });
      const [job] = result.workload.jobs;
      expectClose(job?.need, expected.need);
      expect(job?.gap).toBe(expected.gap);
      expectClose(job?.ej, expected.ej);
      expect(job?.category).toBe(expected.category);
      const own = result.findings.filter((f) => f.tab === 'Anjab' || f.tab === 'ABK');
      expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(expected.findings);
    });
  }

  it('unknown job: error on the ABK row, its minutes left out', () => {
    // Default Anjab (1 + 2 staff, W 60 000 + 120 000) plus a task for "Sopir", not in Anjab.
    // Office EJ stays 180 000/(3 · 75 000) = 0,8.
    const result = score({
      ABK: [
        ...DEFAULT_TABS.ABK,
        { Jabatan: 'Sopir', 'Uraian Tugas': 'Mengemudi', 'Beban Kerja': 1000, 'Norma Waktu': 60 },
      ],
    });
    expect(where(result, 'unknown-job')).toEqual([['ABK!A4', 'error']]);
    expectClose(result.workload.ej, 0.8);
  });
  const office: { name: string; input: { staff: [number, number]; wke: number }; expected: number | null }[] = [
    { name: 'office EJ = ΣW/(Σstaff·WKE) = 180 000/225 000', input: { staff: [1, 2], wke: 75_000 }, expected: 0.8 },
    { name: 'office EJ with WKE 60 000: 180 000/180 000', input: { staff: [1, 2], wke: 60_000 }, expected: 1 },
    { name: 'office EJ null when no staff at all', input: { staff: [0, 0], wke: 75_000 }, expected: null },
  ];
  for (const { name, input, expected } of office) {
    it(name, () => {
      const [head, finance] = DEFAULT_TABS.Anjab;
      const anjab = [
        { ...head, 'Pegawai Ada': input.staff[0] },
        { ...finance, 'Pegawai Ada': input.staff[1] },
      ];
      expectClose(score({ Anjab: anjab }, { settings: { effectiveMinutes: input.wke } }).workload.ej, expected);
    });
  }
  it('workload is not in the index', () => {
    expect(
      score({
        Anjab: [
          { Jabatan: 'Kepala Sekretariat', 'Pegawai Ada': 40 },
          { Jabatan: 'Staf Keuangan', 'Pegawai Ada': 0 },
        ],
      }).scores.index,
    ).toBe(90.75);
  });

  describe('IKI against Anjab (SPEC v3)', () => {
    // Default Anjab: Kepala Sekretariat (1 staff, row 2), Staf Keuangan (2 staff, row 3). Default IKI: Andi
    // (rows 2–3) and Budi (row 4); column C is Jabatan in IKI and Pegawai Ada in Anjab.
    const [andi1, andi2, budi] = DEFAULT_TABS.IKI;
    const withJobs = (a: string, b: string) => [
      { ...andi1, Jabatan: a },
      { ...andi2, Jabatan: a },
      { ...budi, Jabatan: b },
    ];
    const cases: { name: string; input: [string, string]; expected: [string, string, string][] }[] = [
      {
        name: 'every holder names an Anjab job, written in another case and spacing: nothing to say',
        input: ['staf  KEUANGAN', 'Staf Keuangan'],
        expected: [],
      },
      {
        // Andi's Jabatan is on two rows: each cell is named, the person counts once nowhere.
        name: 'a Jabatan that Anjab does not list: iki-unknown-job on each cell',
        input: ['Kasubag Umum', 'Staf Keuangan'],
        expected: [
          ['iki-unknown-job', 'IKI!C2', 'Kasubag Umum'],
          ['iki-unknown-job', 'IKI!C3', 'Kasubag Umum'],
        ],
      },
      {
        // Two distinct NIPs hold Kepala Sekretariat, whose Pegawai Ada is 1; Andi's two rows are one person.
        name: 'more holders than Pegawai Ada: staff-count-mismatch on the Pegawai Ada cell, both counts quoted',
        input: ['Kepala Sekretariat', 'kepala sekretariat'],
        expected: [['staff-count-mismatch', 'Anjab!C2', 'dipegang 2 pegawai']],
      },
    ];
    for (const { name, input, expected } of cases) {
      it(name, () => {
        const result = score({ IKI: withJobs(...input) });
        const own = result.findings.filter((f) => f.code === 'iki-unknown-job' || f.code === 'staff-count-mismatch');
        expect(own.map((f) => [f.code, f.cell, f.level])).toEqual(
          expected.map(([code, cell]) => [code, cell, 'warning']),
        );
        own.forEach((f, i) => expect(f.message).toContain(expected[i]?.[2]));
        // Warnings cost nothing: the index is the default office's.
        expect(result.scores.index).toBe(score({}).scores.index);
      });
    }

    it('the mismatch message quotes Pegawai Ada too', () => {
      const [f] = score({ IKI: withJobs('Kepala Sekretariat', 'Kepala Sekretariat') }).findings.filter(
        (x) => x.code === 'staff-count-mismatch',
      );
      expect(f?.message).toContain('berisi 1');
    });
  });
});
