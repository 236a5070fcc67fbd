import { AREAS } from '../../../../sheets-schema/index.js';
import { periodLabel } from '../../period.js';
import type { OfficeResult } from '../../scoring/office.js';
import { quantity } from '../format.js';
import { firstRows } from '../long-list.js';
import type { ReportContext } from '../report-context.js';
import { areasProblem } from '../report-text.js';

/**
 * *Rencana aksi*: how many activities are due by the period, the late ones, and the realizations not
 * counted for want of evidence. Null for an unscored office.
 */
export function actionPlanSection(office: OfficeResult, context: ReportContext) {
  if (office.status !== 'scored') return null;
  const items = office.details.actionPlan;
  const problem = areasProblem(office);
  const late = firstRows(items.filter((item) => item.due && !item.hasError && item.onTime === false));
  const uncounted = firstRows(items.filter((item) => (item.evidenceMissing || item.evidenceFailed) && item.due));
  return {
    period: periodLabel(context.period),
    due: items.filter((item) => item.due).length,
    moreLate: late.more,
    late: late.rows.map((item) => ({
      activity: item.activity ?? '–',
      area: AREAS.find((area) => area.id === item.area)?.name ?? '–',
      target: quantity(item.target),
      reported: quantity(item.reported),
      responsible: item.responsible ?? '–',
      // The reason the office wrote for the delay, if any (issue 18: late activities show their Keterangan).
      note: item.note ?? '–',
    })),
    moreUncounted: uncounted.more,
    uncounted: uncounted.rows.map((item) => ({
      activity: item.activity ?? '–',
      reported: quantity(item.reported),
      row: item.row + 1,
    })),
    // Rows of a broken tab are not scored, so none is late: say that it could not be checked instead.
    lateNote:
      problem !== null
        ? `Keterlambatan belum dapat diperiksa karena ${problem}.`
        : 'Tidak ada kegiatan yang terlambat.',
    // No statement about evidence that the data cannot support (issue 12).
    evidenceNote:
      problem !== null
        ? `Bukti dukung belum dapat diperiksa karena ${problem}.`
        : items.some((item) => item.hasError)
          ? 'Semua realisasi pada baris yang terbaca disertai bukti dukung.'
          : 'Semua realisasi disertai bukti dukung.',
  };
}
