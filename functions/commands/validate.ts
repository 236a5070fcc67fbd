import { readXlsxWorkbook } from '../adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../adapters/xlsx/unreadable-workbook-error.js';
import { tooLargeFinding } from '../core/findings.js';
import { round2OrNull } from '../core/numbers.js';
import { score } from '../core/report/format.js';
import { readOffice } from '../core/office-reader.js';
import { periodLabel, type Period } from '../core/period.js';
import { WorkbookTooLargeError } from '../core/workbook-limits.js';
import { scoreOffice, unreadableOffice, unscoredOffice, type OfficeResult } from '../core/scoring/office.js';
import { COMPONENTS, SETTING_DEFAULTS } from '../../sheets-schema/index.js';
import { EXIT, usageError, type CommandIo } from './io.js';
import { VALIDATE_TEXT } from './messages.js';
import { potentialText } from '../core/report/office/summary-section.js';
import { gainText } from '../core/report/report-text.js';

export interface ValidateArgs {
  file: string;
  period: Period;
  code?: string;
  json: boolean;
}

const DEFAULT_WEIGHTS = Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Record<
  (typeof COMPONENTS)[number]['key'],
  number
>;

/**
 * `monev validate FILE.xlsx --period 2025-TW3`: what an operator runs before sending the workbook.
 * Prints each finding with its cell; exits 1 when there are errors. Default weights and settings
 * are used for the provisional scores, since the rekap is not at hand.
 */
export async function validateCommand(args: ValidateArgs, io: CommandIo): Promise<number> {
  const period = args.period;
  const identity = { code: args.code ?? '', name: args.file };
  let result: OfficeResult;
  try {
    const workbook = await readXlsxWorkbook(args.file);
    const parsed = readOffice(workbook, { code: args.code ?? null }, period);
    result = scoreOffice(identity, parsed, period, {
      cap: SETTING_DEFAULTS.cap,
      effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes,
      weights: DEFAULT_WEIGHTS,
    });
  } catch (error) {
    if (error instanceof WorkbookTooLargeError)
      result = unscoredOffice(identity, [tooLargeFinding(args.file, error.excess)]);
    else if (error instanceof UnreadableWorkbookError) {
      // A path that does not lead to a readable file is a mistake in the command, not in the workbook:
      // say so in terms of the path given, not of the rekap's Sumber column `monev run` reads paths from.
      const access = (error.cause as NodeJS.ErrnoException | undefined)?.code;
      if (access !== undefined && ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM'].includes(access))
        throw usageError('validate-file-unreadable', { file: args.file, reason: error.reason });
      result = unreadableOffice(
        identity,
        args.file,
        error,
        error.fix.replace(/jalankan lagi\.$/, 'jalankan monev validate lagi.'),
      );
    } else throw error;
  }
  const errors = result.findings.filter((f) => f.level === 'error').length;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          file: args.file,
          period: period.id,
          status: result.status,
          scores: roundScores(result),
          // As in results.json: the row's context (which may name staff) stays in the human listing, and the
          // office's wording of an unscored reason is the report's.
          findings: result.findings.map(({ context, office, ...f }) => ({ ...f, gain: round2OrNull(f.gain) })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const line of validateListing(result, args.file, period)) io.out(line);
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * What `monev validate` prints: the file and period, the errors first and then the warnings (each with
 * its cell, code and, where putting the row right raises the index, that gain), the counts, and the
 * provisional scores. Errors lead because they are what the operator must fix before sending; within
 * a level, findings keep the order of the workbook's tabs.
 */
export function validateListing(result: OfficeResult, file: string, period: Period): string[] {
  const lines = [`${file} — ${periodLabel(period)} (${period.id})`, ''];
  const errors = result.findings.filter((f) => f.level === 'error');
  const warnings = result.findings.filter((f) => f.level === 'warning');
  if (result.findings.length === 0) lines.push(VALIDATE_TEXT.clean, '');
  for (const [level, findings] of [
    ['error', errors],
    ['warning', warnings],
  ] as const) {
    if (findings.length === 0) continue;
    lines.push(VALIDATE_TEXT.heading(level, findings.length));
    let tab = '';
    for (const f of findings) {
      if (f.tab !== tab) {
        tab = f.tab;
        lines.push(`${tab}:`);
      }
      const gain = f.gain !== null && Math.round(f.gain * 100) > 0 ? ` ${gainText(f.gain)}` : '';
      lines.push(
        `  ${f.cell.padEnd(22)} ${VALIDATE_TEXT.level[level].padEnd(10)} ${f.code}${gain}${f.context ? ` · ${f.context}` : ''}`,
      );
      lines.push(`  ${' '.repeat(22)} ${f.message}`);
    }
    lines.push('');
  }
  lines.push(VALIDATE_TEXT.counts(errors.length, warnings.length));
  if (result.status === 'scored' && result.scores.index !== null) {
    const parts = COMPONENTS.map((c) => `${c.label} ${score(result.scores[c.key])}`);
    lines.push(
      VALIDATE_TEXT.provisional(
        `${score(result.scores.index)} (${result.predicate})`,
        parts.join(', '),
        potentialText(result),
      ),
    );
  }
  return lines;
}

function roundScores(result: OfficeResult) {
  return Object.fromEntries(Object.entries(result.scores).map(([key, value]) => [key, round2OrNull(value)]));
}
