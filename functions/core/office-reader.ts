import {
  ACTION_PLAN_TAB,
  IKI_TAB,
  IKU_TAB,
  JOBS_TAB,
  PROFILE_TAB,
  STAGES_TAB,
  WORKLOAD_TAB,
  headerOf,
  type ActionPlanRow,
  type IkiRow,
  type IkuRow,
  type JobRow,
  type StageRow,
  type WorkloadRow,
} from '../../sheets-schema/index.js';
import { cellText, isBlank } from './cells.js';
import { finding, type Finding } from './findings.js';
import { groupFindings } from './group-findings.js';
import { formatId, settle } from './numbers.js';
import type { Period } from './period.js';
import { readTable, type ParsedRow, type ParsedTable } from './sheet-table.js';
import { cellRef, findSheet, labelKey, rowIndexOf, sameLabel, type Sheet, type Workbook } from './workbook.js';

/**
 * Reads and validates one office workbook: Profil, the six data tabs, and the rules that span rows
 * and tabs (duplicate codes, weights, cascading IKU → IKI, jobs → workload). Period-dependent
 * warnings (missing realization, missing evidence) belong to scoring.
 */
export interface ParsedOffice {
  /** False when the workbook belongs to another office or year: the office is then left unscored. */
  readonly identified: boolean;
  readonly actionPlan: ParsedTable<ActionPlanRow>;
  readonly iku: ParsedTable<IkuRow>;
  readonly iki: ParsedTable<IkiRow>;
  readonly jobs: ParsedTable<JobRow>;
  readonly workload: ParsedTable<WorkloadRow>;
  readonly stages: ParsedTable<StageRow>;
  readonly findings: Finding[];
}

/** `office.code` null skips the Kode Satker check, for validating a workbook outside the registry. */
export function readOffice(workbook: Workbook, office: { code: string | null }, period: Period): ParsedOffice {
  const findings: Finding[] = [];
  const identified = checkProfile(workbook, office.code, period, findings);
  const actionPlan = readTable(findSheet(workbook, ACTION_PLAN_TAB.name), ACTION_PLAN_TAB, findings);
  const iku = readTable(findSheet(workbook, IKU_TAB.name), IKU_TAB, findings);
  const iki = readTable(findSheet(workbook, IKI_TAB.name), IKI_TAB, findings);
  const jobs = readTable(findSheet(workbook, JOBS_TAB.name), JOBS_TAB, findings);
  const workload = readTable(findSheet(workbook, WORKLOAD_TAB.name), WORKLOAD_TAB, findings);
  const stages = readTable(findSheet(workbook, STAGES_TAB.name), STAGES_TAB, findings);

  checkActionTargets(actionPlan, findings);
  markDuplicates(iku, 'code', headerOf(IKU_TAB, 'code'), findings);
  checkWeights(iku, iku.rows, headerOf(IKU_TAB, 'weight'), `di tab ${IKU_TAB.name}`, findings);
  for (const rows of groupByPerson(iki.rows).values())
    checkWeights(iki, rows, headerOf(IKI_TAB, 'weight'), 'milik pegawai yang sama', findings);
  checkCascade(iku, iki, findings);
  markDuplicates(jobs, 'job', headerOf(JOBS_TAB, 'job'), findings);
  checkJobs(jobs, workload, findings);
  checkHolders(jobs, iki, findings);
  return { identified, actionPlan, iku, iki, jobs, workload, stages, findings };
}

/**
 * SPEC §3 identity: Kode Satker must equal the registry code and Tahun the period's year. A blank or
 * unreadable cell, a missing key row or a missing Profil tab does not equal them either, so a copy of
 * another office's file with its code erased is never scored under this office's name. With `code` null
 * (`monev validate` without --kode) only a blank Kode Satker is reported, since there is nothing to compare.
 */
function checkProfile(workbook: Workbook, code: string | null, period: Period, findings: Finding[]): boolean {
  const sheet = findSheet(workbook, PROFILE_TAB.name);
  const tab = PROFILE_TAB.name;
  const lookup = (label: string) => {
    const index = sheet?.rows.findIndex((row) => typeof row?.[0]?.value === 'string' && sameLabel(row[0].value, label));
    return index === undefined || index < 0 ? null : { index, cell: sheet?.rows[index]?.[1] };
  };
  let identified = true;
  for (const key of PROFILE_TAB.keys) {
    const entry = lookup(key.label);
    const absent = !sheet ? ('tab' as const) : !entry ? ('key' as const) : undefined;
    const ref = cellRef(tab, entry?.index ?? 0, entry ? 1 : 0);
    const value = !entry || isBlank(entry.cell) ? null : cellText(entry.cell).trim();
    if (key.key === 'officeCode') {
      const conflict = value === null ? null : conflictingCode(sheet, key.label, value);
      if (conflict) {
        findings.push(
          finding('office-code-mismatch', tab, cellRef(tab, conflict.index, 1), {
            value,
            expected: code,
            conflict: { first: ref, other: conflict.value, otherCell: cellRef(tab, conflict.index, 1) },
          }),
        );
        identified = false;
      } else if (value === null || (code !== null && value !== code)) {
        findings.push(finding('office-code-mismatch', tab, ref, { value, expected: code, absent }));
        identified = false;
      }
    } else if (key.key === 'year') {
      if (value !== String(period.year)) {
        findings.push(
          finding('year-mismatch', tab, ref, { value, expected: String(period.year), period: period.id, absent }),
        );
        identified = false;
      }
    } else if (value === null && sheet) {
      findings.push(finding('missing-value', tab, ref, { column: key.label, help: key.help }));
    }
  }
  return identified;
}

/**
 * A later Profil row of the same key whose value differs from the first one's: a workbook naming two
 * offices proves neither (SPEC §3), whichever of the two the registry holds. A blank later row names none.
 */
function conflictingCode(
  sheet: Sheet | undefined,
  label: string,
  first: string,
): { index: number; value: string } | null {
  let seen = false;
  for (const [index, row] of (sheet?.rows ?? []).entries()) {
    if (typeof row?.[0]?.value !== 'string' || !sameLabel(row[0].value, label)) continue;
    if (!seen) {
      seen = true;
      continue;
    }
    if (isBlank(row[1])) continue;
    const value = cellText(row[1]).trim();
    if (value !== first) return { index, value };
  }
  return null;
}

const TARGETS = ['target1', 'target2', 'target3', 'target4'] as const;

function checkActionTargets(table: ParsedTable<ActionPlanRow>, findings: Finding[]): void {
  if (table.status === 'missing-column' || table.status === 'missing-tab') return;
  for (const row of table.rows) {
    if (TARGETS.some((key) => row.invalid.has(key))) continue;
    if (TARGETS.every((key) => (row.values[key] ?? 0) === 0)) {
      findings.push(finding('missing-target', table.tab, cellRef(table.tab, row.index, 0), {}));
      row.hasError = true;
    }
  }
}

function markDuplicates<R extends Record<K, string | null>, K extends keyof R & string>(
  table: ParsedTable<R>,
  key: K,
  column: string,
  findings: Finding[],
): void {
  const first = new Map<string, ParsedRow<R>>();
  for (const row of table.rows) {
    const value = row.values[key];
    if (value === null) continue;
    const earlier = first.get(labelKey(value));
    if (!earlier) {
      first.set(labelKey(value), row);
      continue;
    }
    findings.push(
      finding('duplicate-code', table.tab, table.ref(row.index, key), {
        column,
        value,
        firstCell: table.ref(earlier.index, key),
      }),
    );
    row.hasError = true;
  }
}

/**
 * Bobot: all blank means equal weights; some blank is an error on the blanks; a sum other than 100
 * is only a warning, since weights are used in proportion.
 */
function checkWeights<R extends { weight: number | null }>(
  table: ParsedTable<R>,
  rows: readonly ParsedRow<R>[],
  column: string,
  scope: string,
  findings: Finding[],
): void {
  if (!table.columnIndex.has('weight' as keyof R & string)) return;
  const blank = rows.filter((row) => row.values.weight === null && !row.invalid.has('weight'));
  const given = rows.filter((row) => row.values.weight !== null);
  if (given.length === 0) return;
  for (const row of blank) {
    findings.push(
      finding('invalid-weight', table.tab, table.ref(row.index, 'weight' as keyof R & string), {
        column,
        scope,
      }),
    );
    row.hasError = true;
  }
  const sum = settle(given.reduce((total, row) => total + (row.values.weight as number), 0));
  if (sum !== 100 && blank.length === 0) {
    const at =
      rows.length === table.rows.length
        ? cellRef(table.tab, table.headerIndex, table.columnIndex.get('weight' as keyof R & string) ?? 0)
        : table.ref((rows[0] as ParsedRow<R>).index, 'weight' as keyof R & string);
    findings.push(finding('weights-not-100', table.tab, at, { scope, sum: formatId(sum) }));
  }
}

/** IKI rows grouped by person; a row whose NIP cannot be read is a person of its own. */
export function groupByPerson(rows: readonly ParsedRow<IkiRow>[]): Map<string, ParsedRow<IkiRow>[]> {
  const groups = new Map<string, ParsedRow<IkiRow>[]>();
  for (const row of rows) {
    const key = row.values.nip ?? `row:${row.index}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * IKI rows must cascade from an IKU of the office. When the IKU tab cannot be read the check is
 * skipped: that tab already carries its own error, and failing every IKI row on top would punish
 * one mistake twice.
 */
function checkCascade(iku: ParsedTable<IkuRow>, iki: ParsedTable<IkiRow>, findings: Finding[]): void {
  if (!iku.columnIndex.has('code') || iku.status === 'missing-tab') return;
  const codes = new Set(iku.rows.flatMap((row) => (row.values.code === null ? [] : [labelKey(row.values.code)])));
  for (const row of iki.rows) {
    const code = row.values.ikuCode;
    if (code === null || codes.has(labelKey(code))) continue;
    findings.push(finding('unknown-iku', iki.tab, iki.ref(row.index, 'ikuCode'), { value: code }));
    row.hasError = true;
  }
  if (iki.status === 'missing-tab' || iki.status === 'missing-column') return;
  const cascaded = new Set(
    iki.rows.flatMap((row) => (row.hasError || row.values.ikuCode === null ? [] : [labelKey(row.values.ikuCode)])),
  );
  for (const row of iku.rows) {
    if (row.hasError || row.values.code === null || cascaded.has(labelKey(row.values.code))) continue;
    const code = labelKey(row.values.code);
    // IKI rows for this IKU that exist but are in error: the cause to name, or the operator adds duplicates.
    const broken = new Set(
      iki.rows.flatMap((r) =>
        r.hasError && r.values.ikuCode !== null && labelKey(r.values.ikuCode) === code ? [r.index] : [],
      ),
    );
    const causes = findings.filter(
      (f) => f.tab === iki.tab && f.level === 'error' && broken.has(rowIndexOf(f.cell) ?? -1),
    );
    const brokenCells =
      causes.length === 0
        ? undefined
        : groupFindings(causes)
            .map((g) => g.cells)
            .join(', ');
    findings.push(
      finding('iku-without-iki', iku.tab, iku.ref(row.index, 'code'), {
        value: row.values.code,
        ...(brokenCells === undefined ? {} : { brokenCells, rows: broken.size }),
      }),
    );
  }
}

function checkJobs(jobs: ParsedTable<JobRow>, workload: ParsedTable<WorkloadRow>, findings: Finding[]): void {
  const jobsReadable = jobs.status !== 'missing-tab' && jobs.columnIndex.has('job');
  const tasksReadable = workload.status !== 'missing-tab' && workload.columnIndex.has('job');
  const known = new Set(jobs.rows.flatMap((row) => (row.values.job === null ? [] : [labelKey(row.values.job)])));
  if (jobsReadable) {
    for (const row of workload.rows) {
      if (row.values.job === null || known.has(labelKey(row.values.job))) continue;
      findings.push(finding('unknown-job', workload.tab, workload.ref(row.index, 'job'), { value: row.values.job }));
      row.hasError = true;
    }
  }
  if (jobsReadable && tasksReadable) {
    const withTasks = new Set(
      workload.rows.flatMap((row) => (row.values.job === null ? [] : [labelKey(row.values.job)])),
    );
    for (const row of jobs.rows) {
      if (row.values.job === null || withTasks.has(labelKey(row.values.job))) continue;
      findings.push(finding('job-without-tasks', jobs.tab, jobs.ref(row.index, 'job'), { value: row.values.job }));
    }
  }
}

/**
 * IKI against Anjab (docs/SPEC.md §4, v3): the people named in IKI must hold jobs that Anjab lists, and a
 * job cannot have more holders than its Pegawai Ada. A sample office named three Bendahara Pengeluaran in
 * IKI while Anjab counted one, and nothing said so. Both are warnings that cost nothing: either tab may be
 * the one that is wrong. Skipped while Anjab cannot be read (that tab carries its own error).
 */
function checkHolders(jobs: ParsedTable<JobRow>, iki: ParsedTable<IkiRow>, findings: Finding[]): void {
  if (jobs.status === 'missing-tab' || !jobs.columnIndex.has('job') || !iki.columnIndex.has('position')) return;
  const known = new Set(jobs.rows.flatMap((row) => (row.values.job === null ? [] : [labelKey(row.values.job)])));
  const holders = new Map<string, Set<string>>();
  for (const row of iki.rows) {
    const { position, nip } = row.values;
    if (position === null) continue;
    const key = labelKey(position);
    if (!known.has(key)) {
      findings.push(finding('iki-unknown-job', iki.tab, iki.ref(row.index, 'position'), { value: position }));
      continue;
    }
    if (nip !== null) holders.set(key, (holders.get(key) ?? new Set()).add(nip));
  }
  if (!jobs.columnIndex.has('staff')) return;
  for (const row of jobs.rows) {
    const { job, staff } = row.values;
    if (job === null || staff === null) continue;
    const count = holders.get(labelKey(job))?.size ?? 0;
    if (count > staff)
      findings.push(
        finding('staff-count-mismatch', jobs.tab, jobs.ref(row.index, 'staff'), { value: job, holders: count, staff }),
      );
  }
}
