import { describe, expect, it } from 'vitest';
import { renderOfficeHtml, renderProvinceHtml } from '../../../functions/adapters/html/render-html.js';
import type { EvidenceVerification } from '../../../functions/core/evidence/office-evidence.js';
import { officeMailModel } from '../../../functions/core/report/mail-content.js';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import { provinceReportModel } from '../../../functions/core/report/province-report.js';
import { rankProvince, scoreOffice } from '../../../functions/core/scoring/office.js';
import {
  OFFICE,
  SETTINGS,
  officeWorkbook,
  period,
  readWorkbook,
  realizations,
  targets,
} from '../../helpers/workbook.js';

/** Where people see evidence: the report's Bukti dukung section, the recap's share, the e-mail's count. */
const GONE = '1GoneGoneGoneGoneGone000';
const OK = '1FineFineFineFineFine000';
// A link a person could craft to break the page: it must come out as text.
const SNEAKY = `https://drive.google.com/file/d/${GONE}/view?x=<script>alert(1)</script>`;

function office(verification: EvidenceVerification) {
  const parsed = readWorkbook(
    officeWorkbook({
      'Rencana Aksi': [
        { No: 1, Bidang: 1, Kegiatan: 'A', ...targets(1, 1, 1), ...realizations(1, 1, 1), 'Bukti Dukung': SNEAKY },
        {
          No: 2,
          Bidang: 1,
          Kegiatan: 'B',
          ...targets(1, 1, 1),
          ...realizations(1, 1, 1),
          'Bukti Dukung': `https://drive.google.com/file/d/${OK}/view`,
        },
      ],
    }),
  );
  return rankProvince([scoreOffice(OFFICE, parsed, period(), SETTINGS, verification)]);
}

const VERIFIED: EvidenceVerification = {
  verified: true,
  account: 'monev@proyek.iam.gserviceaccount.com',
  lookups: new Map([
    [GONE, { status: 'unreachable', folder: false }],
    [OK, { status: 'ok', folder: false }],
  ]),
};

/** What the report models need beyond the offices: the period, no earlier index, the default weights. */
function reportContext(offices: ReturnType<typeof office>) {
  return { period: period(), generatedAt: new Date(0), offices, previousIndex: new Map(), weights: SETTINGS.weights };
}

describe('Bukti dukung in reports and e-mails', () => {
  it('the office report lists each failed link at its cell with what to do, escaped', () => {
    const offices = office(VERIFIED);
    const [result] = offices;
    if (!result) throw new Error('no office');
    const context = reportContext(offices);
    const model = officeReportModel(result, context);
    // 2 Rencana Aksi links and the default Tahapan's 6 unverified site links.
    expect(model.evidence).toMatchObject({
      links: 8,
      ok: 1,
      failed: 1,
      unverified: 6,
      verified: true,
      okShare: '12,5 %',
    });
    expect(model.evidence?.failedLinks).toEqual([
      {
        cell: "'Rencana Aksi'!O2",
        link: SNEAKY,
        reason: expect.stringContaining('bagikan file ke akun layanan monev'),
      },
    ]);
    const html = renderOfficeHtml(model);
    expect(html).toContain('<h2 class="numbered">Bukti dukung</h2>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    expect(renderProvinceHtml(provinceReportModel(context))).toContain('12,5 %');
    expect(officeMailModel(result, period(), { rankedOffices: 1 }).counts).toContain(
      '1 dari 8 tautan bukti dukung gagal diperiksa',
    );
  });

  it('without Drive the report says the links were not checked, and the e-mail says nothing of them', () => {
    const offices = office({ verified: false, account: null, lookups: new Map() });
    const [result] = offices;
    if (!result) throw new Error('no office');
    const context = reportContext(offices);
    expect(renderOfficeHtml(officeReportModel(result, context))).toContain('belum diperiksa ke Google Drive');
    expect(officeMailModel(result, period(), { rankedOffices: 1 }).counts).not.toContain('tautan');
  });
});
