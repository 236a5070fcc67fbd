import { describe, expect, it } from 'vitest';
import { unreadable, unreadableFix } from '../../../functions/core/messages/unreadable.js';
import {
  jobCardAttachmentName,
  officeReportAttachmentName,
  recapAttachmentName,
  safeNamePart,
  validationAttachmentName,
} from '../../../functions/core/report/attachment-names.js';
import { officeMailText, provinceMailModel } from '../../../functions/core/report/mail-content.js';
import { rankProvince, unreadableOffice, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { renderMailHtml } from '../../../functions/adapters/html/render-html.js';
import { score, tableRowsWithout } from '../../helpers/scoring.js';
import { DEFAULT_TABS, period } from '../../helpers/workbook.js';

/** Issue 18 §7: attachments named for their reader, and a province mail that lists every office with data errors. */
const PERIOD = period('2025-TW3');

describe('attachment names say whose document it is and for which period', () => {
  const cases: { name: string; actual: string; expected: string }[] = [
    {
      name: 'the office report',
      actual: officeReportAttachmentName('Bawaslu Kota Malang', PERIOD),
      expected: 'Laporan Monev - Bawaslu Kota Malang - 2025-TW3.pdf',
    },
    {
      name: 'the kartu jabatan',
      actual: jobCardAttachmentName('Bawaslu Kota Malang', PERIOD),
      expected: 'Kartu Jabatan - Bawaslu Kota Malang - 2025-TW3.pdf',
    },
    {
      name: 'Hasil Validasi',
      actual: validationAttachmentName('Bawaslu Kabupaten Banyuwangi', PERIOD),
      expected: 'Hasil Validasi - Bawaslu Kabupaten Banyuwangi - 2025-TW3.xlsx',
    },
    { name: 'the recap', actual: recapAttachmentName(PERIOD), expected: 'Rekap Monev Provinsi - 2025-TW3.pdf' },
    {
      name: 'a slash and Windows-forbidden characters become dashes',
      actual: officeReportAttachmentName('Bawaslu Kab/Kota: "Uji"?', PERIOD),
      expected: 'Laporan Monev - Bawaslu Kab-Kota- -Uji-- - 2025-TW3.pdf',
    },
    {
      name: 'control characters, new lines and a right-to-left override are taken out',
      actual: officeReportAttachmentName('Bawaslu\u202e\nKota\tBatu  ', PERIOD),
      expected: 'Laporan Monev - Bawaslu- Kota Batu - 2025-TW3.pdf',
    },
  ];
  it.each(cases)('$name', ({ actual, expected }) => expect(actual).toBe(expected));

  it('a very long name is cut to 60 characters with an ellipsis, and a blank one still names something', () => {
    const long = safeNamePart('Bawaslu '.repeat(20));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    expect(safeNamePart(' ... ')).toBe('Satker');
  });
});

const as = (result: OfficeResult, code: string, name: string): OfficeResult => ({ ...result, code, name });

describe('the province mail lists every office with data errors, in words the province passes on', () => {
  // 3510 has no Bukti Dukung column in Rencana Aksi (an error with a gain); 3575 has both of Andi's NIPs
  // typed as numbers (two errors); 3573 is clean; 3517 could not be read.
  const offices = rankProvince([
    as(score(), '3573', 'Bawaslu Kota Malang'),
    as(
      score({ 'Rencana Aksi': { rows: tableRowsWithout('Rencana Aksi', 'Bukti Dukung') } }),
      '3510',
      'Bawaslu Kabupaten Banyuwangi',
    ),
    as(
      score({ IKI: DEFAULT_TABS.IKI.map((row, i) => (i < 2 ? { ...row, NIP: 198703152010121001 } : row)) }),
      '3575',
      'Bawaslu Kota Pasuruan',
    ),
    unreadableOffice(
      { code: '3517', name: 'Bawaslu Kabupaten Jombang' },
      'satker/3517.xlsx',
      unreadable('file-not-found'),
      unreadableFix('check-source-file'),
    ),
  ]);
  const mail = provinceMailModel(offices, PERIOD, { repairDeadline: '2025-10-20' });
  const section = mail.sections[0];

  it('has one section naming the three offices with errors: the unscored first, then by what fixing is worth', () => {
    expect(mail.sections).toHaveLength(1);
    expect(section?.title).toBe('Satker yang perlu memperbaiki data (3)');
    expect(section?.intro).toContain('sebelum 20 Oktober 2025');
    const names = section?.items.map((item) => item.split(' — ')[0]);
    const gain = (code: string) => offices.find((o) => o.code === code)?.potentialGain ?? 0;
    expect(gain('3510')).toBeGreaterThan(gain('3575'));
    expect(names).toEqual(['Bawaslu Kabupaten Jombang', 'Bawaslu Kabupaten Banyuwangi', 'Bawaslu Kota Pasuruan']);
    expect(section?.items.join('\n')).not.toContain('Bawaslu Kota Malang');
  });

  it('gives each scored office its count of errors, its provisional index and how far it can rise', () => {
    const pasuruan = offices.find((o) => o.code === '3575') as OfficeResult;
    const item = section?.items[2] ?? '';
    expect(pasuruan.findings.filter((f) => f.level === 'error')).toHaveLength(2);
    expect(item).toContain('2 kesalahan data; indeks sementara');
    expect(item).toContain('bisa naik hingga');
    expect(item).toMatch(/Perbaikan terbesar: \+\d+,\d\d poin bila NIP di IKI .*diperbaiki semuanya/);
  });

  it('tells the province what the unscored office must do, never the operator’s "Sumber … jalankan lagi"', () => {
    expect(section?.items[0]).toBe(
      'Bawaslu Kabupaten Jombang — belum dapat dinilai. File satker tidak ditemukan pada data provinsi. Operator satker mengirim file satker (.xlsx) kepada tim monev provinsi.',
    );
    const text = officeMailText(mail);
    expect(text).not.toMatch(/jalankan lagi|kolom Sumber/);
    expect(mail.fixes).toEqual([]);
  });

  it('prints the section in the plain and the HTML part alike', () => {
    const text = officeMailText(mail);
    expect(text).toContain('Satker yang perlu memperbaiki data (3):');
    expect(text).toContain('- Bawaslu Kabupaten Jombang — belum dapat dinilai');
    const html = renderMailHtml(mail);
    expect(html).toContain('<strong>Satker yang perlu memperbaiki data (3)</strong>');
    expect(html).toContain('<li>Bawaslu Kota Pasuruan — 2 kesalahan data');
  });

  it('has no such section when no office has errors', () => {
    const clean = rankProvince([as(score(), '3573', 'Bawaslu Kota Malang')]);
    expect(provinceMailModel(clean, PERIOD).sections).toEqual([]);
  });
});
