import { describe, expect, it } from 'vitest';
import { renderOfficeHtml } from '../../functions/adapters/html/render-html.js';
import { feedback } from '../../functions/core/feedback.js';
import { maskNips } from '../../functions/core/nip.js';
import { officeMailModel, officeMailText } from '../../functions/core/report/mail-content.js';
import { officeReportModel } from '../../functions/core/report/office-report.js';
import { rankProvince, type OfficeResult } from '../../functions/core/scoring/office.js';
import {
  DEFAULT_TABS,
  SETTINGS,
  officeWorkbook,
  period,
  realizations,
  scoreWorkbook,
  targets,
} from '../helpers/workbook.js';

/**
 * Issue 17 item 4: a NIP typed into a free-text cell (IKI Nama, a Kegiatan, a value quoted by a finding) is
 * masked wherever sheet text is printed, as the NIP column always was (198703******1001): the findings'
 * quoted values, the row context of Hasil Validasi and the CLI, every string the PDF and e-mail templates
 * render, and the e-mail's plain text.
 */
describe('maskNips', () => {
  const cases: { text: string; expected: string }[] = [
    { text: 'Andi 198703152010121001', expected: 'Andi 198703******1001' },
    { text: 'NIP: 19870315 201012 1 001, Analis', expected: 'NIP: 198703******1001, Analis' },
    { text: '19870315\u00a0201012\u00a01\u00a0001', expected: '198703******1001' },
    { text: 'dua 198703152010121001/199001012015032002', expected: 'dua 198703******1001/199001******2002' },
    // Not NIP-shaped: 17 or 19 digits, other groupings, amounts, dates, masked NIPs.
    { text: '19870315201012100', expected: '19870315201012100' },
    { text: '1987031520101210012', expected: '1987031520101210012' },
    { text: 'Rp 1.250.000.000.000', expected: 'Rp 1.250.000.000.000' },
    { text: '15/08/2025 3573', expected: '15/08/2025 3573' },
    { text: '198703******1001', expected: '198703******1001' },
  ];
  for (const { text, expected } of cases) it(JSON.stringify(text), () => expect(maskNips(text)).toBe(expected));
});

describe('a NIP in free text is never printed in full', () => {
  const NIP = '198703152010121001';
  const PRINTED = '19870315 201012 1 001';
  const book = officeWorkbook({
    'Rencana Aksi': [
      ...DEFAULT_TABS['Rencana Aksi'],
      {
        No: 3,
        Bidang: 1,
        Kegiatan: `Pembinaan pegawai ${PRINTED}`,
        ...targets(1, 1, 1),
        'Bukti Dukung': 'bukan tautan',
      },
    ],
    IKI: [
      ...DEFAULT_TABS.IKI,
      {
        NIP: '199001012015032002',
        Nama: `Citra ${NIP}`,
        'Kode IKU': 'IKU-01',
        Indikator: 'Laporan',
        Polaritas: `Maks ${NIP}`,
        ...targets(5, 5, 5, 5),
        ...realizations(5, 5, 5),
      },
    ],
  });
  const [office] = rankProvince([scoreWorkbook(book)]) as [OfficeResult];
  const leaks = (text: string) => text.includes(NIP) || text.includes(PRINTED) || text.includes('19870315');

  it('the findings quote it masked, with the row context masked too', () => {
    const choice = office.findings.find((f) => f.code === 'invalid-choice');
    expect(choice?.message).toContain('Maks 198703******1001');
    expect(choice?.context).toContain('Citra 198703******1001');
    expect(office.findings.filter((f) => leaks(`${f.message} ${f.context ?? ''}`))).toEqual([]);
  });

  it('Hasil Validasi', () => {
    expect(
      feedback(office, { period: period(), checkedAt: new Date(0) })
        .lines.flatMap((line) => line.values)
        .filter((v) => typeof v === 'string' && leaks(v)),
    ).toEqual([]);
  });

  it('the PDF report', () => {
    const html = renderOfficeHtml(
      officeReportModel(office, {
        period: period(),
        generatedAt: new Date(0),
        offices: [office],
        previousIndex: new Map(),
        weights: SETTINGS.weights,
      }),
    );
    expect(html).toContain('198703******1001');
    expect(leaks(html)).toBe(false);
  });

  it('the e-mail', () => {
    const model = officeMailModel(office, period(), { rankedOffices: 1 });
    expect(leaks(officeMailText(model))).toBe(false);
  });
});
