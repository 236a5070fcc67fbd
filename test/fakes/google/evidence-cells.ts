import { readUrls } from '../../../functions/core/cells.js';
import { driveTarget } from '../../../functions/core/evidence/drive-link.js';
import type { Cell, Sheet, Workbook } from '../../../functions/core/workbook.js';

/**
 * Bukti Dukung as Google Sheets holds it after an operator pastes Drive links: each link becomes a
 * smart chip showing the file's name, its URL in `chipRuns` (load-workbook.ts writes `links` that way).
 * Other links stay text. Only the Bukti Dukung columns change.
 */
export function withChips(workbook: Workbook): Workbook {
  return { sheets: workbook.sheets.map(chipSheet) };
}

function chipSheet(sheet: Sheet): Sheet {
  const header = sheet.rows.slice(0, 10).findIndex((row) => row?.some((cell) => cell?.value === 'Bukti Dukung'));
  if (header < 0) return sheet;
  const column = sheet.rows[header]?.findIndex((cell) => cell?.value === 'Bukti Dukung') ?? -1;
  const rows = sheet.rows.map((row, r) => {
    const cell = row?.[column];
    if (r <= header || !row || !cell) return row;
    const chipped = chipCell(cell);
    return chipped === cell ? row : row.map((c, i) => (i === column ? chipped : c));
  });
  return { ...sheet, rows };
}

function chipCell(cell: Cell): Cell {
  const read = readUrls(cell);
  if (read.kind !== 'value') return cell;
  const drive = read.value.valid.filter((link) => driveTarget(link));
  if (drive.length === 0) return cell;
  const others = read.value.valid.filter((link) => !driveTarget(link));
  const names = drive.map((link) => `Bukti ${driveTarget(link)?.id.slice(0, 8) ?? ''}.pdf`);
  return { value: [...names, ...others].join('\n'), format: 'text', links: drive };
}

/** Every Drive ID a workbook's Bukti Dukung-like cells cite, in text or beside it. */
export function citedDriveIds(workbook: Workbook): Set<string> {
  const ids = new Set<string>();
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows)
      for (const cell of row ?? []) {
        if (!cell || (typeof cell.value !== 'string' && !cell.links)) continue;
        const read = readUrls(cell);
        if (read.kind !== 'value') continue;
        for (const link of read.value.valid) {
          const target = driveTarget(link);
          if (target) ids.add(target.id);
        }
      }
  return ids;
}
