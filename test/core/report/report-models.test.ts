import { describe, expect, it } from 'vitest';
import { fixedId } from '../../../functions/core/report/format.js';
import { finding } from '../../../functions/core/findings.js';
import { unreadable, unreadableFix } from '../../../functions/core/messages/unreadable.js';
import { officeMailModel, officeMailText } from '../../../functions/core/report/mail-content.js';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import type { ReportContext } from '../../../functions/core/report/report-context.js';
import { provinceReportModel } from '../../../functions/core/report/province-report.js';
import { rankProvince, unreadableOffice, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { score, tableRowsWithout } from '../../helpers/scoring.js';
import { DEFAULT_TABS, period, SETTINGS } from '../../helpers/workbook.js';

/**
 * Issue 12, on the core's report models (the PDFs render these): repeated findings grouped, zeros that come
 * from a broken tab marked as data problems, failed evidence in the recap's follow-up list, and the unscored
 * page in the office's terms.
 */
const PERIOD = period('2025-TW3');

function context(offices: readonly OfficeResult[]): ReportContext {
  return {
    period: PERIOD,
    generatedAt: new Date('2025-10-01T03:00:00Z'),
    offices,
    previousIndex: new Map(),
    weights: SETTINGS.weights,
  };
}

/** A section the report must show: its builder gave it, not null. */
function shown<T>(section: T | null): T {
  expect(section).not.toBeNull();
  return section as T;
}

const as = (result: OfficeResult, code: string, name: string): OfficeResult => ({ ...result, code, name });

/** The default office with both of Andi's IKI rows (A2, A3) holding the NIP typed as a number. */
const nipAsNumber = as(
  score({
    IKI: DEFAULT_TABS.IKI.map((row, i) => (i < 2 ? { ...row, NIP: 198703152010121001 } : row)),
  }),
  '3575',
  'Bawaslu Kota Pasuruan',
);
/** The default office without Rencana Aksi's Bukti Dukung column: Rencana Aksi and every area are 0. */
const missingColumn = as(
  score({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } }),
  '3510',
  'Bawaslu Kabupaten Banyuwangi',
);
const clean = as(score(), '3573', 'Bawaslu Kota Malang');
const unscored = unreadableOffice(
  { code: '3517', name: 'Bawaslu Kabupaten Jombang' },
  'satker/3517.xlsx',
  unreadable('text-not-xlsx'),
  unreadableFix('save-as-xlsx'),
);

describe('repeated findings are one entry where they are read as a list', () => {
  it('the office report lists the two NIP rows once, with the range, the count and their total gain', () => {
    const nips = nipAsNumber.findings.filter((f) => f.code === 'nip-not-text');
    expect(nips.map((f) => f.cell)).toEqual(['IKI!A2', 'IKI!A3']);
    const model = officeReportModel(nipAsNumber, context([nipAsNumber]));
    const entries = shown(model.findings).errors.filter((e) => e.code === 'nip-not-text');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.cell).toBe('IKI!A2:A3, 2 baris');
    expect(entries[0]?.message).toBe(nips[0]?.message);
    // The two rows are the office's only fixes: together they are worth its potential gain.
    expect(entries[0]?.gain).toBe(`+${fixedId(nipAsNumber.potentialGain as number, 2)} bila semua diperbaiki`);
    expect(shown(model.findings).errorCount).toBe(nipAsNumber.findings.filter((f) => f.level === 'error').length);
  });

  it('the e-mail lists them once too', () => {
    const mail = officeMailModel(nipAsNumber, PERIOD, { rankedOffices: 1 });
    expect(mail.fixes.filter((fix) => fix.cell.startsWith('IKI!A2'))).toEqual([
      { cell: 'IKI!A2:A3, 2 baris', message: expect.stringContaining('NIP tersimpan sebagai angka') },
    ]);
    expect(officeMailText(mail).match(/NIP tersimpan sebagai angka/g)).toHaveLength(1);
  });
});

describe('a 0 that comes from a broken tab says so next to the number', () => {
  const ranked = rankProvince([clean, nipAsNumber, missingColumn]);
  const office = ranked.find((o) => o.code === '3510') as OfficeResult;

  it('page 1: the Rencana Aksi component is marked, the others are not', () => {
    const model = officeReportModel(office, context(ranked));
    const marks = Object.fromEntries(shown(model.summary).components.map((c) => [c.label, c.mark]));
    expect(marks).toEqual({
      IKU: null,
      'Rencana Aksi': 'masalah data',
      IKI: null,
      Tahapan: null,
      'Kualitas Data': null,
    });
    expect(shown(model.summary).components.find((c) => c.label === 'Rencana Aksi')?.band).toBe('band-broken');
  });

  it('the areas table marks every area, and no empty radar is drawn', () => {
    const model = officeReportModel(office, context(ranked));
    // Areas with activities are 0 and marked; an area without any stays "–" (nothing to explain).
    expect(shown(model.areas).rows.filter((row) => row.value === '0,00').length).toBeGreaterThan(0);
    for (const row of shown(model.areas).rows)
      expect([row.value, row.mark]).toEqual(row.value === '–' ? ['–', null] : ['0,00', 'masalah data']);
    expect(shown(model.areas).chart).toBeNull();
    const other = officeReportModel(ranked.find((o) => o.code === '3573') as OfficeResult, context(ranked));
    expect(shown(other.areas).rows.every((row) => row.mark === null)).toBe(true);
    expect(shown(other.areas).chart).not.toBeNull();
  });

  it('the recap marks the heat-map row and the ranking cell of that office only', () => {
    const model = provinceReportModel(context(ranked));
    const row = model.heatmap.rows.indexOf('Kabupaten Banyuwangi');
    expect(row).toBeGreaterThanOrEqual(0);
    model.heatmap.marked.forEach((cells, i) =>
      cells.forEach((cell, j) => expect(cell).toBe(i === row && model.heatmap.values[i]?.[j] !== null)),
    );
    expect(model.heatmap.marked[row]?.some(Boolean)).toBe(true);
    const broken = Object.fromEntries(model.ranking.rows.map((r) => [r.code, r.broken]));
    expect(broken['3510']).toEqual({ iku: false, actionPlan: true, iki: false, stages: false });
    expect(broken['3573']).toEqual({ iku: false, actionPlan: false, iki: false, stages: false });
    expect(model.ranking.anyBroken).toBe(true);
    expect(provinceReportModel(context(rankProvince([clean]))).ranking.anyBroken).toBe(false);
    // Its index is among the lowest five, where the mark says the same: chase the data first.
    const bottom = model.followUp.bottom.map((r) => [r.name, r.broken]);
    expect(bottom).toContainEqual(['Kabupaten Banyuwangi', true]);
    expect(bottom.filter(([, broken]) => broken)).toHaveLength(1);
    expect(model.followUp.anyBottomBroken).toBe(true);
    expect(provinceReportModel(context(rankProvince([clean]))).followUp.anyBottomBroken).toBe(false);
  });
});

describe('the recap follow-up list names offices whose evidence failed, once any did', () => {
  const link = (n: number) => `https://drive.google.com/file/d/bukti-${n}`;
  const withFailed: OfficeResult = {
    ...clean,
    findings: [
      ...clean.findings,
      ...[
        finding('evidence-unreachable', 'Rencana Aksi', "'Rencana Aksi'!O2", {
          link: link(1),
          account: null,
          consequence: 'x',
        }),
        finding('evidence-unreachable', 'Rencana Aksi', "'Rencana Aksi'!O3", {
          link: link(2),
          account: null,
          consequence: 'x',
        }),
        finding('evidence-trashed', 'IKU', 'IKU!P2', { link: link(3), consequence: 'x' }),
        finding('evidence-empty', 'Tahapan', 'Tahapan!F2', { link: link(4), folder: true, consequence: 'x' }),
      ].map((f) => ({ ...f, gain: null })),
    ],
  };

  it('lists none when no link failed', () => {
    expect(provinceReportModel(context(rankProvince([clean, nipAsNumber]))).followUp.failedEvidence).toEqual([]);
  });

  it('counts each office’s failed links by what must be done', () => {
    const model = provinceReportModel(context(rankProvince([withFailed, nipAsNumber, unscored])));
    expect(model.followUp.failedEvidence).toEqual([
      { name: 'Kota Malang', total: '4', unreachable: '2', trashed: '1', empty: '1' },
    ]);
  });
});

describe('the unscored page speaks to the office', () => {
  const reason = unscored.findings[0];

  it('keeps the operator’s steps in the finding, for the CLI and the log', () => {
    expect(reason?.message).toContain('jalankan lagi');
  });

  it('states the reason once and what the office must do, without commands for the operator', () => {
    const model = officeReportModel(unscored, context([clean, unscored]));
    expect(model.unscored).toEqual({
      cell: null,
      reason: 'File satker bukan file Excel .xlsx yang sah (isinya teks biasa, mungkin CSV yang diganti namanya).',
      todo: expect.stringContaining('Excel Workbook (.xlsx)'),
      followUp: { deadline: null, contact: null },
    });
    expect(JSON.stringify(model.unscored)).not.toMatch(/jalankan|Sumber/);
    // The reason is not listed again among the other findings: with nothing else found, there is no such section.
    expect(model.findings).toBeNull();
    expect(model.summary).toBeNull();
  });

  it('the e-mail leads with the same reason and to-do, and lists no fix for the operator', () => {
    const mail = officeMailModel(unscored, PERIOD, { rankedOffices: 1 });
    const model = officeReportModel(unscored, context([unscored]));
    expect(mail.lead).toContain(model.unscored?.reason);
    expect(mail.lead).toContain(model.unscored?.todo);
    expect(mail.fixes).toEqual([]);
    expect(officeMailText(mail)).not.toMatch(/jalankan|1 kesalahan/);
  });

  it('names Profil’s cell when the reason is a value there', () => {
    const mismatch = as(
      score({
        Profil: {
          rows: [
            ['Kode Satker', '3571'],
            ['Nama Satker', 'x'],
            ['Tahun', 2025],
          ],
        },
      }),
      '3573',
      'x',
    );
    expect(mismatch.status).toBe('unscored');
    const model = officeReportModel(mismatch, context([mismatch]));
    expect(model.unscored?.cell).toMatch(/^Profil sel B\d+$/);
    expect(model.unscored?.reason).toContain('3571');
    expect(model.unscored?.todo).not.toMatch(/jalankan/);
  });
});

describe('the e-mail says where the list of every finding is, exactly as the office receives it', () => {
  const scored = rankProvince([clean, nipAsNumber]).find((o) => o.code === '3575') as OfficeResult;
  const attached = 'Hasil Validasi - Bawaslu Kota Pasuruan - 2025-TW3.xlsx';
  const tab = 'https://docs.google.com/spreadsheets/d/abcdefghijkl/edit#gid=1733617001';
  const cases = [
    {
      name: 'attached (local mode)',
      feedback: { attachment: attached },
      says: `Daftar seluruh temuan terlampir: berkas ${attached} (tab Hasil Validasi).`,
      link: null,
    },
    {
      name: 'linked to its tab (live mode)',
      feedback: { link: tab },
      says: 'Daftar seluruh temuan ada di tab Hasil Validasi pada spreadsheet satker (tautan di atas).',
      link: tab,
    },
    { name: 'nowhere (a spreadsheet that could not be opened has no tab)', feedback: null, says: null, link: null },
  ];
  for (const office of [scored, unscored])
    for (const c of cases)
      it(`${office.status}: ${c.name}`, () => {
        const mail = officeMailModel(office, PERIOD, { rankedOffices: 2, feedback: c.feedback });
        const text = officeMailText(mail);
        expect(mail.feedbackLink).toBe(c.link);
        if (c.link) expect(text).toContain(`Tab Hasil Validasi: ${c.link}`);
        if (c.says) expect(mail.closing.endsWith(c.says)).toBe(true);
        else expect(text).not.toMatch(/Hasil Validasi|terlampir: berkas/);
        expect(mail.closing).toMatch(/^Laporan lengkap terlampir \(PDF\)/);
      });
});
