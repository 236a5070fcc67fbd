import type { IkiRow, IkuRow } from '../../../sheets-schema/index.js';
import type { Finding } from '../findings.js';
import { groupByPerson } from '../office-reader.js';
import type { Period } from '../period.js';
import type { ParsedTable } from '../sheet-table.js';
import { labelKey } from '../workbook.js';
import { category, mean, type Category } from './indicator.js';
import { fallbackWeight, scoreIndicatorRow, weightedAchievement, type IndicatorResult } from './iku.js';

export interface PersonResult {
  /** Null when the NIP could not be read: such a row is a person of its own scoring 0. */
  readonly nip: string | null;
  readonly name: string | null;
  readonly position: string | null;
  readonly score: number | null;
  readonly category: Category | null;
  readonly rows: readonly IndicatorResult[];
}

export interface IkiScore {
  readonly score: number | null;
  readonly persons: readonly PersonResult[];
  /** Percent of valid IKU codes with at least one valid IKI row; null without a valid IKU. */
  readonly coverage: number | null;
}

/** IKI (docs/SPEC.md §4): per person a weighted mean of achievements; the component is the mean of persons. */
export function scoreIki(
  table: ParsedTable<IkiRow>,
  iku: ParsedTable<IkuRow>,
  period: Period,
  cap: number,
  findings: Finding[],
): IkiScore {
  const coverage = ikiCoverage(table, iku);
  if (table.status !== 'ok') return { score: 0, persons: [], coverage };
  const persons: PersonResult[] = [];
  for (const rows of groupByPerson(table.rows).values()) {
    // Weights are read within the person, so the fallback is over the person's rows (docs/SPEC.md §4).
    const fallback = fallbackWeight(rows);
    const results = rows.map((row) => scoreIndicatorRow(table, row, period, cap, fallback, findings));
    // Only the component is capped at 100 (docs/SPEC.md §4): a person above 100 lifts the mean of persons.
    const score = weightedAchievement(results);
    const first = rows[0]?.values;
    persons.push({
      nip: first?.nip ?? null,
      name: rows.find((row) => row.values.name !== null)?.values.name ?? null,
      position: rows.find((row) => row.values.position !== null)?.values.position ?? null,
      score,
      category: score === null ? null : category(score),
      rows: results,
    });
  }
  const scored = persons.flatMap((person) => (person.score === null ? [] : [person.score]));
  const average = mean(scored);
  return { score: average === null ? null : Math.min(100, average), persons, coverage };
}

function ikiCoverage(iki: ParsedTable<IkiRow>, iku: ParsedTable<IkuRow>): number | null {
  const valid = new Set(
    iku.rows.flatMap((row) => (row.hasError || row.values.code === null ? [] : [labelKey(row.values.code)])),
  );
  if (valid.size === 0) return null;
  const cascaded = new Set(
    iki.rows.flatMap((row) => (row.hasError || row.values.ikuCode === null ? [] : [labelKey(row.values.ikuCode)])),
  );
  const covered = [...valid].filter((code) => cascaded.has(code)).length;
  return (100 * covered) / valid.size;
}
