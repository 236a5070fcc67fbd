import { describe, expect, it } from 'vitest';
import { URL_A, type Row } from '../../helpers/workbook.js';
import { score } from '../../helpers/scoring.js';

/** docs/SPEC.md §4 rules of functions/core/scoring/stages.ts, one table per rule; numbers worked out by hand (default office: test/helpers/scoring.ts). */

describe('Tahapan', () => {
  // Status C, Tanggal Selesai D, Bukti Dukung E; one step per case, component = 100 × its value.
  const cases: { name: string; input: Row; expected: { stages: number; findings: string[][] } }[] = [
    {
      name: 'Selesai with date and link: 1',
      input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A },
      expected: { stages: 100, findings: [] },
    },
    {
      name: 'Selesai without link: 0,5',
      input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025' },
      expected: { stages: 50, findings: [['missing-evidence', 'Tahapan!E2', 'warning']] },
    },
    {
      name: 'Selesai without date: 1 with a warning',
      input: { Status: 'Selesai', 'Bukti Dukung': URL_A },
      expected: { stages: 100, findings: [['missing-date', 'Tahapan!D2', 'warning']] },
    },
    {
      name: 'Selesai without date and link: 0,5, two warnings',
      input: { Status: 'selesai' },
      expected: {
        stages: 50,
        findings: [
          ['missing-date', 'Tahapan!D2', 'warning'],
          ['missing-evidence', 'Tahapan!E2', 'warning'],
        ],
      },
    },
    { name: 'Proses: 0,5', input: { Status: 'Proses' }, expected: { stages: 50, findings: [] } },
    { name: 'Belum: 0', input: { Status: 'Belum' }, expected: { stages: 0, findings: [] } },
    {
      name: 'unknown status: error, 0',
      input: { Status: 'Hampir', 'Bukti Dukung': URL_A },
      expected: { stages: 0, findings: [['invalid-choice', 'Tahapan!C2', 'error']] },
    },
    {
      name: 'Selesai with an ftp link: error, 0',
      input: { Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': 'ftp://x.id/a' },
      expected: { stages: 0, findings: [['invalid-url', 'Tahapan!E2', 'error']] },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = score({ Tahapan: [{ Tahap: 1, Langkah: 'Pembentukan tim pelaksana', ...input }] });
      expect(result.scores.stages).toBe(expected.stages);
      expect(result.findings.filter((f) => f.tab === 'Tahapan').map((f) => [f.code, f.cell, f.level])).toEqual(
        expected.findings,
      );
    });
  }
  it('component = 100 × mean over all steps', () => {
    // 1 + 0,5 (no link) + 0,5 (Proses) + 0 + 0 (error) = 2 over 5 steps → 40.
    const rows: Row[] = [
      { Tahap: 1, Langkah: 'a', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A },
      { Tahap: 1, Langkah: 'b', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025' },
      { Tahap: 2, Langkah: 'c', Status: 'Proses' },
      { Tahap: 3, Langkah: 'd', Status: 'Belum' },
      { Tahap: 'lima', Langkah: 'e', Status: 'Selesai', 'Tanggal Selesai': '15/08/2025', 'Bukti Dukung': URL_A },
    ];
    expect(score({ Tahapan: rows }).scores.stages).toBe(40);
  });
});
