import { describe, expect, it } from 'vitest';
import { finding } from '../../../functions/core/findings.js';
import { renderOfficeHtml, renderProvinceHtml } from '../../../functions/adapters/html/render-html.js';
import { officeReportModel } from '../../../functions/core/report/office-report.js';
import type { ReportContext } from '../../../functions/core/report/report-context.js';
import { provinceReportModel } from '../../../functions/core/report/province-report.js';
import { rankProvince, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { SETTINGS, officeWorkbook, period, profile, scoreWorkbook } from '../../helpers/workbook.js';

/**
 * Section numbers come from the CSS counter on `h2.numbered` (templates/report.css), and the head of both
 * reports from the `report-head` partial. These tests pin what the templates must keep for that: no number
 * typed into a heading, the numbered class only where a number belongs, one well-formed head.
 */
function context(offices: readonly OfficeResult[]): ReportContext {
  return { period: period(), generatedAt: new Date(0), offices, previousIndex: new Map(), weights: SETTINGS.weights };
}

const scored = rankProvince([scoreWorkbook(officeWorkbook())]);
// Profil names another office, so this one is not scored (office-code-mismatch).
const unscored = rankProvince([scoreWorkbook(officeWorkbook({ Profil: profile({ code: '3507' }) }))]);

function headings(html: string): { numbered: boolean; text: string }[] {
  return [...html.matchAll(/<h2( class="([^"]*)")?>([^<]*)<\/h2>/g)].map((match) => ({
    numbered: (match[2] ?? '').split(' ').includes('numbered'),
    text: match[3] ?? '',
  }));
}

describe('report templates', () => {
  it('a scored office: its sections, Bukti dukung included, are numbered by CSS; no heading carries a typed number', () => {
    const [office] = scored;
    expect(office?.status).toBe('scored');
    const html = renderOfficeHtml(officeReportModel(office as OfficeResult, context(scored)));
    const h2 = headings(html);
    expect(h2.filter((h) => h.numbered).length).toBe(10);
    expect(h2.find((h) => h.text === 'Temuan validasi')?.numbered).toBe(true);
    expect(h2.find((h) => h.text === 'Bukti dukung')?.numbered).toBe(true);
    expect(h2.filter((h) => /^\d/.test(h.text))).toEqual([]);
  });

  it('an unscored office: no section is numbered, its other findings are "Temuan lain", and none is no section', () => {
    const [office] = unscored;
    expect(office?.status).toBe('unscored');
    const withOther: OfficeResult = {
      ...(office as OfficeResult),
      findings: [
        ...(office as OfficeResult).findings,
        { tab: 'IKU', cell: 'IKU!A2', level: 'warning', code: 'iku-without-iki', message: 'lain', gain: null },
      ],
    };
    const h2 = headings(renderOfficeHtml(officeReportModel(withOther, context([withOther]))));
    expect(h2).toContainEqual({ numbered: false, text: 'Temuan lain' });
    expect(h2.filter((h) => h.numbered)).toEqual([]);
    // Only the reason, which the page states above: an empty "Temuan lain" says nothing.
    const alone = headings(renderOfficeHtml(officeReportModel(office as OfficeResult, context(unscored))));
    expect(alone).toEqual([]);
  });

  it('the recap numbers its sections, and the rekap findings section only when there are findings', () => {
    const h2 = headings(renderProvinceHtml(provinceReportModel(context(scored))));
    expect(h2.length).toBeGreaterThan(0);
    expect(h2.every((h) => h.numbered && !/^\d/.test(h.text))).toBe(true);
    expect(h2.map((h) => h.text)).not.toContain('Temuan pada rekap');
  });

  it('the recap lists findings on the rekap in their own numbered section, the cell and the message escaped', () => {
    const invalid = finding('invalid-email', 'Satker', 'Satker!F3', { value: '<b>kepala@</b>' });
    const html = renderProvinceHtml(provinceReportModel({ ...context(scored), rekapFindings: [invalid] }));
    expect(headings(html).at(-1)).toEqual({ numbered: true, text: 'Temuan pada rekap' });
    expect(html).toContain('<td class="cell">Satker!F3</td>');
    expect(html).toContain('&lt;b&gt;kepala@&lt;/b&gt;');
    expect(html).not.toContain('<b>kepala@');
  });

  it.each([
    ['office', () => renderOfficeHtml(officeReportModel(scored[0] as OfficeResult, context(scored)))],
    ['province', () => renderProvinceHtml(provinceReportModel(context(scored)))],
  ])('the %s report opens with the shared head: doctype, Indonesian, one title, the embedded styles', (_, render) => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>')).toBe(true);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toMatch(/<title>[^<]+ — Triwulan III 2025<\/title>/);
    expect(html).toContain('@font-face');
    expect(html).toContain('h2.numbered::before');
    expect(html.match(/<\/head>/g)).toHaveLength(1);
  });
});
