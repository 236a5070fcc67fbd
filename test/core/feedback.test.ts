import { describe, expect, it } from 'vitest';
import { feedback, type FeedbackContext } from '../../functions/core/feedback.js';
import { FINDING_CODES } from '../../functions/core/findings.js';
import { FINDING_LABELS } from '../../functions/core/messages/finding-labels.js';
import { round2OrNull } from '../../functions/core/numbers.js';
import { FEEDBACK_TAB } from '../../sheets-schema/index.js';
import {
  DEFAULT_TABS,
  NIP_A,
  officeWorkbook,
  period,
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

// 02:41 UTC is 09.41 in Jakarta (UTC+7, no daylight saving).
const CONTEXT: FeedbackContext = { period: period(), checkedAt: new Date('2026-12-06T02:41:00Z') };

const column = (header: (typeof FEEDBACK_TAB.headers)[number]) => FEEDBACK_TAB.headers.indexOf(header);

describe('feedback (Hasil Validasi lines)', () => {
  const sheet = feedback(office, CONTEXT);
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
    expect(FEEDBACK_TAB.headers).toEqual([
      'Tab',
      'Sel',
      'Konteks',
      'Tingkat',
      'Masalah',
      'Kode',
      'Pesan',
      'Tambahan Nilai',
    ]);
    // SPEC §5's columns, in SPEC's order, whatever is added between and after them.
    const spec = ['Tab', 'Sel', 'Tingkat', 'Kode', 'Pesan'];
    expect(FEEDBACK_TAB.headers.filter((header) => spec.includes(header))).toEqual(spec);
    expect(sheet.lines[0]?.values).toEqual([
      'IKI',
      'IKI!A4',
      'Budi Santoso (Staf Keuangan) · IKU-01',
      'Kesalahan',
      'NIP bukan teks',
      'nip-not-text',
      office.findings.find((f) => f.code === 'nip-not-text')?.message,
      round2OrNull(office.findings.find((f) => f.code === 'nip-not-text')?.gain ?? null),
    ]);
    expect(sheet.lines[0]?.values[column('Tambahan Nilai')]).toBeGreaterThan(0);
  });

  it('writes one line saying so when there are no findings', () => {
    const clean = feedback({ ...office, findings: [] }, CONTEXT);
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
    const line = feedback(risky, CONTEXT).lines.find((l) => l.values[column('Kode')] === 'missing-target');
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

describe('feedback (Hasil Validasi title block)', () => {
  const errors = office.findings.filter((f) => f.level === 'error').length;

  it('names office, period, the index as sementara with how far it can rise, the counts, deadline, contact and when it was checked', () => {
    const sheet = feedback(office, {
      ...CONTEXT,
      repairDeadline: '2025-10-15',
      contact: 'Tim Monev Provinsi, monev@example.go.id',
    });
    expect(errors).toBe(1);
    const index = (office.scores.index ?? 0).toFixed(2).replace('.', ',');
    expect(sheet.title.map((line) => line.text)).toEqual([
      `Hasil Validasi · ${office.name} (${office.code})`,
      'Periode Triwulan III 2025 (2025-TW3)',
      expect.stringMatching(
        new RegExp(
          `^Indeks sementara ${index} \\(\\w+ [A-Za-z ]+\\); bisa naik hingga \\d+,\\d\\d \\(\\w+\\) bila semua temuan diperbaiki\\.$`,
        ),
      ),
      '1 kesalahan (baris yang salah dihitung 0 sampai diperbaiki), 2 peringatan.',
      'Batas perbaikan: 15 Oktober 2025.',
      'Bila ada pertanyaan, hubungi Tim Monev Provinsi, monev@example.go.id.',
      'Diperiksa 6 Desember 2026 09.41 WIB; perubahan sesudah waktu itu belum termasuk.',
    ]);
    expect(sheet.title.map((line) => line.style)).toEqual([
      'title',
      'plain',
      'strong',
      'plain',
      'plain',
      'plain',
      'muted',
    ]);
    // Seven title lines, a blank row, then the header.
    expect(sheet.headerRow).toBe(9);
  });

  it('takes the time from the context, on Jakarta’s clock across midnight UTC', () => {
    const late = feedback(office, { ...CONTEXT, checkedAt: new Date('2026-12-31T17:05:00Z') });
    expect(late.title.at(-1)?.text).toMatch(/^Diperiksa 1 Januari 2027 00\.05 WIB;/);
  });

  it('leaves out deadline and contact when Pengaturan has none, and the deadline when nothing needs fixing', () => {
    expect(feedback(office, CONTEXT).title).toHaveLength(5);
    const clean = feedback({ ...office, findings: [] }, { ...CONTEXT, repairDeadline: '2025-10-15' });
    expect(clean.title.map((line) => line.text)).not.toContainEqual(expect.stringMatching(/Batas perbaikan/));
    expect(clean.title[2]?.text).toMatch(/^Indeks \d/);
    expect(clean.title[3]?.text).toBe('Tidak ada temuan.');
    expect(clean.headerRow).toBe(7);
  });

  it('never starts a title line with what a sheet reads as a formula, whatever the office name or contact', () => {
    const sheet = feedback({ ...office, name: '=Bawaslu' }, { ...CONTEXT, contact: '+62 812' });
    expect(sheet.title[0]?.text).toBe(`Hasil Validasi · =Bawaslu (${office.code})`);
    for (const line of sheet.title) expect(line.text).not.toMatch(/^[=+\-@]/);
  });

  it('an unscored office: no index, and the reason in the office’s own terms, not the provincial operator’s steps', () => {
    const unreadable = scoreWorkbook(officeWorkbook({ Profil: null }));
    const sheet = feedback(unreadable, CONTEXT);
    expect(unreadable.status).toBe('unscored');
    expect(sheet.title[2]?.text).toBe('Satker belum dinilai: alasannya pada kesalahan di bawah ini.');
    expect(sheet.title[3]?.text).toMatch(/^\d+ kesalahan, \d+ peringatan\.$/);
    const reason = unreadable.findings.find((f) => f.office);
    const line = sheet.lines.find((l) => l.values[column('Kode')] === reason?.code);
    expect(line?.values[column('Pesan')]).toContain(reason?.office?.todo);
    expect(line?.values[column('Pesan')]).not.toMatch(/jalankan lagi/);
  });
});

describe('finding labels (Masalah)', () => {
  it('every code has its own Indonesian label', () => {
    expect(Object.keys(FINDING_LABELS).sort()).toEqual([...FINDING_CODES].sort());
    const labels = Object.values(FINDING_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/-|^[a-z]/);
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
