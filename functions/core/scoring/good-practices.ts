import { AREA_IDS, type ActionPlanRow, type AreaId } from '../../../sheets-schema/index.js';
import type { OfficeEvidence } from '../evidence/office-evidence.js';
import type { ParsedTable } from '../sheet-table.js';
import type { ActionItemResult } from './action-plan.js';

/**
 * *Praktik baik* (docs/SPEC.md §9, v3): what a mentor can show its mentee. Kept with the office's result
 * when it is scored, so a report made later from stored results (the cycle's finish) has them without
 * reading the mentor's workbook again.
 */
export interface GoodPractice {
  readonly area: AreaId;
  /** 0-based sheet row of the Rencana Aksi row. */
  readonly row: number;
  readonly activity: string | null;
  readonly output: string | null;
  /** The row's evidence link that holds: one Drive confirmed before one not verified. */
  readonly link: string;
  /** True when Drive confirmed the link (ok), false when it was not verified. */
  readonly confirmed: boolean;
}

/** Up to this many per area: a pointer to follow, not a list to read. */
export const GOOD_PRACTICES_PER_AREA = 3;

/**
 * The office's Rencana Aksi rows that achieved 100 with evidence that holds (ok before unverified, then by
 * row order), up to GOOD_PRACTICES_PER_AREA per area.
 */
export function goodPractices(
  table: ParsedTable<ActionPlanRow>,
  items: readonly ActionItemResult[],
  evidence: OfficeEvidence,
): GoodPractice[] {
  const values = new Map(table.rows.map((row) => [row.index, row.values]));
  const links = new Map<number, { link: string; confirmed: boolean }>();
  for (const citation of evidence.citations) {
    if (citation.tab !== table.tab || (citation.outcome !== 'ok' && citation.outcome !== 'unverified')) continue;
    const confirmed = citation.outcome === 'ok';
    const known = links.get(citation.row);
    if (!known || (confirmed && !known.confirmed)) links.set(citation.row, { link: citation.link, confirmed });
  }
  const candidates = items.flatMap((item) => {
    const link = links.get(item.row);
    if (!item.due || item.hasError || item.achievement !== 100 || item.area === null || !link) return [];
    return [
      {
        area: item.area,
        row: item.row,
        activity: item.activity,
        output: values.get(item.row)?.output ?? null,
        ...link,
      },
    ];
  });
  return AREA_IDS.flatMap((area) =>
    candidates
      .filter((practice) => practice.area === area)
      .sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || a.row - b.row)
      .slice(0, GOOD_PRACTICES_PER_AREA),
  );
}
