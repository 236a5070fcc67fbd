import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';
import { roundHalfAway } from '../numbers.js';
import type { Period } from '../period.js';
import { compareCodes } from '../scoring/province.js';
import { officeSummary } from '../results-document.js';
import type { OfficeResult } from '../scoring/office.js';

/**
 * Log's Sidik: a fingerprint of what a report says, so that a report is sent again when, and only when,
 * what it says about the office changes (README "Delivery"). It is taken from the office's result, never
 * from the report model or the PDF: a new section, a reworded heading, a layout, Chromium's version or the
 * day of printing change the document but not what it says, and re-sending every office's report after an
 * upgrade would teach heads of office to ignore them.
 *
 * What counts, for an office's report: the period; the office's entry of results.json (name, status,
 * scores, predicate, rank, areas, workload, IKI coverage, peers, evidence counts, outlook, what last
 * period's pairs did (peerLearning, since version 2), and the findings with their messages and gains — a message quotes the office's own values, so it counts whole);
 * the rows behind the scores that the report lists (IKU rows, Rencana Aksi activities with their
 * Keterangan, IKI persons, Tahapan and its steps); and what the kartu jabatan sent with it lists (each job's Anjab row and ABK tasks, its holders'
 * indicators). For the recap: the period, every office's entry of results.json and the findings on the
 * rekap. Numbers count to two decimals, as every report prints them. The change against the previous
 * period, the deadline and the contact come from the rekap, not from the office's results, and do not count;
 * nor do what other offices' results add to this office's report (whom it mentors, its mentor's praktik
 * baik), which follow from the pairs that do count in the mentee's report.
 *
 * FINGERPRINT_VERSION names this choice. Change what counts on purpose (a report starts saying something
 * new about the office) by adding it here and raising the version: every report is then sent once more,
 * and the Log shows by the prefix why.
 */
export const FINGERPRINT_VERSION = 2;

/** "v1-" and 30 hex digits (120 bits): it fits Log's Sidik column whole. */
const HEX_DIGITS = 30;

/** The office report's fingerprint: what it says about `office` in `period`. */
export function officeReportFingerprint(office: OfficeResult, period: Period): string {
  return fingerprint(officeReportFacts(office, period));
}

/** The recap's fingerprint: what it says about all offices of the run in `period`, and the rekap's own findings. */
export function recapFingerprint(
  offices: readonly OfficeResult[],
  period: Period,
  rekapFindings: readonly Finding[] = [],
): string {
  return fingerprint(recapFacts(offices, period, rekapFindings));
}

/** What an office report's fingerprint counts (see above), as plain data. Exported for tests. */
export function officeReportFacts(office: OfficeResult, period: Period) {
  const d = office.details;
  return {
    period: period.id,
    result: officeSummary(office),
    rows: {
      iku: d.iku.map((r) => ({
        row: r.row,
        code: r.code,
        indicator: r.indicator,
        unit: r.unit,
        target: r.target,
        realization: r.realization,
        achievement: r.achievement,
        category: r.category,
        due: r.due,
        hasError: r.hasError,
      })),
      actionPlan: d.actionPlan.map((item) => ({
        row: item.row,
        area: item.area,
        activity: item.activity,
        responsible: item.responsible,
        // Page 1 and the late activities quote the office's own Keterangan (since version 2).
        note: item.note,
        target: item.target,
        reported: item.reported,
        counted: item.counted,
        onTime: item.onTime,
        due: item.due,
        hasError: item.hasError,
        evidenceMissing: item.evidenceMissing,
        evidenceFailed: item.evidenceFailed,
      })),
      iki: d.iki.map((person) => ({
        nip: person.nip,
        name: person.name,
        position: person.position,
        score: person.score,
        category: person.category,
        rows: person.rows.map((r) => ({
          row: r.row,
          ikuCode: r.ikuCode,
          indicator: r.indicator,
          achievement: r.achievement,
          scored: r.scored,
          due: r.due,
          hasError: r.hasError,
        })),
      })),
      stages: d.stages.map((s) => ({ stage: s.stage, progress: s.progress, steps: s.steps, done: s.done })),
      // Page 1 names the next unfinished Tahapan step (since version 2).
      steps: (d.steps ?? []).map((step) => ({ row: step.row, name: step.name, status: step.status })),
    },
    // The kartu jabatan sent with the report (docs/SPEC.md §10): each job's Anjab row and ABK tasks; its
    // holders are the IKI persons above.
    cards: {
      effectiveMinutes: office.workload.effectiveMinutes,
      jobs: office.workload.jobs.map((job) => ({
        row: job.row,
        job: job.job,
        jobType: job.jobType,
        minutes: job.minutes,
        tasks: job.tasks.map((t) => ({
          row: t.row,
          task: t.task,
          resultUnit: t.resultUnit,
          volume: t.volume,
          minutesPerUnit: t.minutesPerUnit,
          minutes: t.minutes,
        })),
      })),
    },
  };
}

/** What the recap's fingerprint counts, as plain data; offices in code order, whatever order the run holds them in. */
export function recapFacts(offices: readonly OfficeResult[], period: Period, rekapFindings: readonly Finding[]) {
  return {
    period: period.id,
    offices: [...offices].sort((a, b) => compareCodes(a.code, b.code)).map(officeSummary),
    rekapFindings: rekapFindings.map((f) => ({ cell: f.cell, code: f.code, message: f.message })),
  };
}

function fingerprint(facts: object): string {
  // Two decimals, as printed: a result computed in another order (1e-15 apart) says the same thing.
  const json = JSON.stringify(facts, (_key, value: unknown) =>
    typeof value === 'number' ? roundHalfAway(value, 2) : value,
  );
  return `v${FINGERPRINT_VERSION}-${createHash('sha256').update(json).digest('hex').slice(0, HEX_DIGITS)}`;
}
