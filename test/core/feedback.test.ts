import { describe, expect, it } from 'vitest';
import { feedback } from '../../functions/core/feedback.js';
import { round2OrNull } from '../../functions/core/numbers.js';
import { FEEDBACK_TAB } from '../../sheets-schema/index.js';
import {
  DEFAULT_TABS,
  NIP_A,
  officeWorkbook,
  realizations,
  scoreWorkbook,
  targets,
  URL_A,
} from '../helpers/workbook.js';

/**
 * Hasil Validasi as an operator reads it (issue 12 item 6). The office below has, in workbook order:
 * - Rencana Aksi row 2 (sheet row 3): realization 3 without evidence → warning missing-evidence on its
 *   Bukti Dukung cell 'Rencana Aksi'!O3, context the activity;
 * - IKU row 1 (sheet row 2): IKU-01 with no realization yet → warning missing-realization on its
 *   Realisasi TW III cell (N2), context "IKU-01 · Persentase …";
 * - IKI row 3 (sheet row 4): NIP typed as a number → error nip-not-text on A4, context name and position.
 * Errors come first, then warnings in workbook order.
 */
const office = scoreWorkbook(
  officeWorkbook({
    'Rencana Aksi': [
      DEFAULT_TABS['Rencana Aksi'][0] as Record<string, never>,
      {
        No: 2,
        Bidang: 'Pengolahan Data',
        Kegiatan: 'Pemutakhiran data pengawasan',
        ...targets(0, 2, 2, 0),
        ...realizations(0, 2, 1),
      },
    ],
    IKU: [
      { ...DEFAULT_TABS.IKU[0], ...realizations(undefined, undefined, undefined) },
      DEFAULT_TABS.IKU[1] as Record<string, never>,
    ],
    IKI: [
      ...DEFAULT_TABS.IKI.slice(0, 2),
      {
        NIP: 199001012015032000,
        Nama: 'Budi Santoso',
        Jabatan: 'Staf Keuangan',
        'Kode IKU': 'IKU-01',
        Indikator: 'Data diunggah',
        ...targets(4, 4, 4, 4),
        ...realizations(4, 4, 4),
        'Bukti Dukung': URL_A,
      },
    ],
  }),
);

const column = (header: (typeof FEEDBACK_TAB.headers)[number]) => FEEDBACK_TAB.headers.indexOf(header);

describe('feedback (Hasil Validasi lines)', () => {
  const sheet = feedback(office);
  const cells = sheet.lines.map((line) => line.values[column('Sel')]);

  it('puts errors first, then warnings in workbook order', () => {
    expect(cells).toEqual(['IKI!A4', "'Rencana Aksi'!O3", 'IKU!N2']);
    expect(sheet.lines.map((line) => line.level)).toEqual(['error', 'warning', 'warning']);
    expect(sheet).toMatchObject({ errors: 1, warnings: 2 });
  });

  it('names the level in words', () => {
    expect(sheet.lines.map((line) => line.values[column('Tingkat')])).toEqual([
      'Kesalahan',
      'Peringatan',
      'Peringatan',
    ]);
  });

  it('gives the row’s context beside the cell: person, activity, indicator; never the NIP', () => {
    expect(sheet.lines.map((line) => line.values[column('Konteks')])).toEqual([
      'Budi Santoso (Staf Keuangan) · IKU-01',
      'Pemutakhiran data pengawasan',
      'IKU-01 · Persentase laporan pengawasan tepat waktu',
    ]);
    for (const line of sheet.lines) expect(String(line.values[column('Konteks')])).not.toMatch(/\d{8}/);
  });

  it('keeps the cell for a link and the SPEC columns in their order', () => {
    expect(sheet.lines.map((line) => line.cell)).toEqual(cells);
    expect(FEEDBACK_TAB.headers).toEqual(['Tab', 'Sel', 'Konteks', 'Tingkat', 'Kode', 'Pesan', 'Tambahan Nilai']);
    expect(sheet.lines[0]?.values).toEqual([
      'IKI',
      'IKI!A4',
      'Budi Santoso (Staf Keuangan) · IKU-01',
      'Kesalahan',
      'nip-not-text',
      office.findings.find((f) => f.code === 'nip-not-text')?.message,
      round2OrNull(office.findings.find((f) => f.code === 'nip-not-text')?.gain ?? null),
    ]);
    expect(sheet.lines[0]?.values[column('Tambahan Nilai')]).toBeGreaterThan(0);
  });

  it('writes one line saying so when there are no findings', () => {
    const clean = feedback({ findings: [] });
    expect(clean.lines).toHaveLength(1);
    expect(clean.lines[0]).toMatchObject({ level: null, cell: null });
    expect(clean.lines[0]?.values[column('Pesan')]).toMatch(/Tidak ada temuan/);
  });

  it('neutralises sheet text that could start a formula', () => {
    const risky = scoreWorkbook(
      officeWorkbook({
        'Rencana Aksi': [{ No: 1, Bidang: 1, Kegiatan: '=HYPERLINK("http://x")', ...targets(undefined) }],
      }),
    );
    const line = feedback(risky).lines.find((l) => l.values[column('Kode')] === 'missing-target');
    expect(line?.values[column('Konteks')]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('leaves results.json without context (names stay in the office’s own workbook)', async () => {
    const { resultsDocument } = await import('../../functions/core/results-document.js');
    const { parsePeriod } = await import('../../functions/core/period.js');
    const doc = resultsDocument(parsePeriod('2025-TW3')!, new Date(0), [office]);
    expect(JSON.stringify(doc)).not.toContain('Budi Santoso');
    expect(office.findings.some((f) => f.context?.includes('Budi Santoso'))).toBe(true);
  });
});

describe('row context of findings from every data tab', () => {
  const cases: { name: string; tab: Parameters<typeof officeWorkbook>[0]; code: string; context: string }[] = [
    {
      name: 'Anjab: the job',
      tab: { Anjab: [{ Jabatan: 'Kepala Sekretariat', 'Pegawai Ada': 'satu' }, DEFAULT_TABS.Anjab[1]!] },
      code: 'invalid-number',
      context: 'Kepala Sekretariat',
    },
    {
      name: 'ABK: the job and the task',
      tab: {
        ABK: [{ Jabatan: 'Staf Keuangan', 'Uraian Tugas': 'Menyusun laporan', 'Beban Kerja': -1, 'Norma Waktu': 5 }],
      },
      code: 'negative-number',
      context: 'Staf Keuangan · Menyusun laporan',
    },
    {
      name: 'Tahapan: stage and step',
      tab: { Tahapan: [{ Tahap: 1, Langkah: 'Pembentukan tim pelaksana', Status: 'Selesai' }] },
      code: 'missing-evidence',
      context: 'Tahap 1 · Pembentukan tim pelaksana',
    },
    {
      name: 'Rencana Aksi without Kegiatan: number and area',
      tab: {
        'Rencana Aksi': [
          { No: 7, Bidang: 'Pengolahan Data', ...targets(1), ...realizations(1), 'Bukti Dukung': URL_A },
        ],
      },
      code: 'missing-value',
      context: 'No 7 · Pengolahan Data',
    },
    {
      name: 'IKI with a blank name: position only, still no NIP',
      tab: {
        IKI: [
          { NIP: NIP_A, Jabatan: 'Bendahara', 'Kode IKU': 'IKU-01', Indikator: 'X', ...targets(1), ...realizations(1) },
        ],
      },
      code: 'missing-value',
      context: 'Bendahara · IKU-01',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const result = scoreWorkbook(officeWorkbook(c.tab));
      expect(result.findings.find((f) => f.code === c.code)?.context).toBe(c.context);
    });

  it('gives no context to findings about a whole tab (header row, A1)', () => {
    const result = scoreWorkbook(officeWorkbook({ Anjab: null }));
    expect(result.findings.find((f) => f.code === 'missing-tab')?.context).toBeUndefined();
  });

  it('shortens a pasted paragraph', () => {
    const long = 'Kegiatan '.repeat(20);
    const result = scoreWorkbook(
      officeWorkbook({ 'Rencana Aksi': [{ No: 1, Bidang: 1, Kegiatan: long, ...targets(undefined) }] }),
    );
    const context = result.findings.find((f) => f.code === 'missing-target')?.context ?? '';
    expect(context.length).toBeLessThanOrEqual(60);
    expect(context.endsWith('…')).toBe(true);
  });
});
