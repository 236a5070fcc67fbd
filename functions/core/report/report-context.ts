import { AREAS, type ComponentKey } from '../../../sheets-schema/index.js';
import type { Finding } from '../findings.js';
import type { AreaTable } from '../peer-learning.js';
import type { Period } from '../period.js';
import type { OfficeResult } from '../scoring/office.js';
import type { ComponentWeights } from '../scoring/province.js';
import { isoDateLong } from './format.js';

/**
 * What both reports are made from (issue "Monitoring reports"): the run's offices and what the rekap
 * adds to them. Pure: the caller passes the province and previous indexes.
 */
export interface ReportContext {
  readonly period: Period;
  readonly generatedAt: Date;
  /** Every office of the run, ranked. */
  readonly offices: readonly OfficeResult[];
  /** Index of each office in the previous period, from the Rekap tab, when it has one. */
  readonly previousIndex: ReadonlyMap<string, number>;
  /** The component weights of the rekap's Bobot tab. */
  readonly weights: ComponentWeights;
  /** Offices ranked in the province; defaults to the scored offices of `offices` (differs for --offices runs). */
  readonly rankedOffices?: number;
  /** Findings on the rekap's own cells (e.g. invalid e-mail addresses in Satker), for the recap report. */
  readonly rekapFindings?: readonly Finding[];
  /** Warnings listed in full up to this many; the rest are counted. */
  readonly warningLimit?: number;
  /** Batas Perbaikan (ISO date) and Kontak from the rekap's Pengaturan. */
  readonly repairDeadline?: string | null;
  readonly contact?: string | null;
  /** Maks Binaan, for the recap's mentor table. */
  readonly maxMentees?: number;
  /** Each office's index in earlier periods of the Rekap, oldest first (the current period excluded). */
  readonly history?: ReadonlyMap<string, readonly HistoryEntry[]>;
  /** Each office's addresses from Satker `Email`: a mentor's report gives its mentees' contacts (docs/SPEC.md §9). */
  readonly contacts?: ReadonlyMap<string, readonly string[]>;
  /** Rekap Bidang of the period before: a mentor's own change in the areas it mentors (docs/SPEC.md §9). */
  readonly previousAreas?: AreaTable;
}

/** One earlier period of an office, from its Rekap row. */
export interface HistoryEntry {
  /** "2025-TW2". */
  readonly period: string;
  readonly index: number;
  /** The components of that row (null where the row has none); absent when the caller kept only the index. */
  readonly scores?: Readonly<Record<ComponentKey, number | null>>;
}

/** The Indonesian words every report and e-mail uses for the deadline and the contact. */
export function followUp(context: Pick<ReportContext, 'repairDeadline' | 'contact'>) {
  return {
    deadline: context.repairDeadline ? isoDateLong(context.repairDeadline) : null,
    contact: context.contact ?? null,
  };
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** Each area's mean over the scored offices that have a score in it; null for an area none has. */
export function provinceAreaAverages(offices: readonly OfficeResult[]): (number | null)[] {
  return AREAS.map((area) => {
    const values = offices.flatMap((office) =>
      office.status === 'scored' && office.areas[area.id] !== null ? [office.areas[area.id] as number] : [],
    );
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  });
}
