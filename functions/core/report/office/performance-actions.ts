import { AREAS, STAGE_NAMES } from '../../../../sheets-schema/index.js';
import { roundHalfAway } from '../../numbers.js';
import type { OfficeResult, StepDetails } from '../../scoring/office.js';
import { indexScore, type ComponentScores, type ComponentWeights } from '../../scoring/province.js';
import type { OutlookRow } from '../../scoring/outlook.js';
import { fixedId, quantity, score } from '../format.js';
import { neededText } from '../outlook-text.js';
import type { ReportContext } from '../report-context.js';
import { areasProblem, componentProblems } from '../report-text.js';

/**
 * The performance actions of page 1 (issue 18, "page 1 says why and what first"): the late Rencana Aksi
 * activities with their Penanggung Jawab and Keterangan, the IKU at risk with what TW IV needs, and the
 * next unfinished Tahapan step, ranked by what each is worth.
 *
 * Worth, in index points (docs/SPEC.md §4):
 * - a late activity: the index with that row achieving 100, everything else unchanged. Rencana Aksi is the
 *   mean of its due rows (rows in error among them), so the row adds (100 − its achievement) / n to the
 *   component, and the index moves by the component's weight over the weights of the non-null components.
 *   Exact, so the report states it ("sekitar +0,43", under a heading saying it is the gain if finished).
 * - the next Tahapan step: likewise, (1 − its value) × 100 / (steps) to the Tahapan component. Exact.
 * - an IKU at risk: its share of the index (IKU's weight × its Bobot among the due rows) times its
 *   projected year-end shortfall (100 − projection). That is a projection, not a gain of this period: it
 *   orders the list and is never printed.
 */
export interface PerformanceAction {
  readonly kind: 'late' | 'iku' | 'stage';
  /** "Kegiatan terlambat", "IKU berisiko", "Tahapan". */
  readonly label: string;
  /** What to do, naming the activity, indicator or step. */
  readonly text: string;
  /** Who is responsible and why it is late, what the projection is; null when nothing more is known. */
  readonly detail: string | null;
  /** "sekitar +0,43" (index points if finished); null when the worth cannot be stated honestly. */
  readonly gain: string | null;
  /** For ordering only (see above). */
  readonly worth: number;
}

/** How many of each kind page 1 names at most; the rest are counted with a pointer to their section. */
export const PAGE_ONE_LIMITS = { late: 3, iku: 3 } as const;

export interface PerformanceActions {
  /** Ranked by worth, largest first. */
  readonly actions: PerformanceAction[];
  /** Late activities and IKU at risk not named on page 1. */
  readonly moreLate: number;
  readonly moreAtRisk: number;
}

/** The longest activity, indicator or step quoted on page 1; the full text is in its section. */
const QUOTE_LIMIT = 80;
/** A Keterangan is quoted shorter, so that an activity's line of detail stays one line. */
const NOTE_LIMIT = 60;

/**
 * Up to `slots` actions for page 1 (what is left of its room after the data fixes): the most valuable of
 * each kind first, so a weak office's page 1 names a late activity, an IKU at risk and its next step
 * whenever it has them, then the rest by worth within each kind's limit.
 */
export function performanceActions(office: OfficeResult, context: ReportContext, slots = 7): PerformanceActions {
  if (office.status !== 'scored' || office.scores.index === null) return { actions: [], moreLate: 0, moreAtRisk: 0 };
  const late = lateActions(office, context.weights).slice(0, PAGE_ONE_LIMITS.late);
  const atRisk = ikuActions(office, context).slice(0, PAGE_ONE_LIMITS.iku);
  const step = nextStepAction(office, context.weights);
  const firsts = [late[0], atRisk[0], step].filter((a): a is PerformanceAction => a !== undefined && a !== null);
  const rest = [...late.slice(1), ...atRisk.slice(1)].sort((a, b) => b.worth - a.worth);
  const actions = [...firsts, ...rest].slice(0, Math.max(slots, firsts.length)).sort((a, b) => b.worth - a.worth);
  const count = (kind: PerformanceAction['kind']) => actions.filter((a) => a.kind === kind).length;
  return {
    actions,
    moreLate: lateCount(office) - count('late'),
    moreAtRisk: context.period.quarter >= 4 ? 0 : office.outlook.filter((row) => row.atRisk).length - count('iku'),
  };
}

/**
 * The late activities: due, readable, reported below target. A broken Rencana Aksi tab scores 0 whatever
 * its rows say: none of its rows is late, its to-do is the data.
 */
function lateItems(office: OfficeResult) {
  if (areasProblem(office) !== null || office.scores.actionPlan === null) return [];
  return office.details.actionPlan.filter((item) => item.due && !item.hasError && item.onTime === false);
}

function lateCount(office: OfficeResult): number {
  return lateItems(office).length;
}

/** The index with one component changed, minus the index: what that change is worth in index points. */
export function componentGain(
  scores: ComponentScores & { readonly index: number | null },
  weights: ComponentWeights,
  key: keyof ComponentScores,
  value: number,
): number {
  const before = scores.index;
  const after = indexScore({ ...scores, [key]: value }, weights);
  return before === null || after === null ? 0 : after - before;
}

/** "sekitar +0,43"; null for a gain that rounds to nothing. Page 1 says once what it is the gain of. */
function gainPhrase(gain: number): string | null {
  return roundHalfAway(gain, 2) > 0 ? `sekitar +${fixedId(gain, 2)}` : null;
}

function lateActions(office: OfficeResult, weights: ComponentWeights): PerformanceAction[] {
  const component = office.scores.actionPlan ?? 0;
  // The rows of Rencana Aksi's mean: the due rows, rows in error among them (docs/SPEC.md §4).
  const counted = office.details.actionPlan.filter((item) => item.due).length;
  return lateItems(office)
    .map((item) => {
      const gain = componentGain(
        office.scores,
        weights,
        'actionPlan',
        component + (100 - (item.achievement ?? 0)) / counted,
      );
      const area = AREAS.find((a) => a.id === item.area)?.short;
      const detail = [
        `realisasi ${quantity(item.reported)} dari target ${quantity(item.target)}`,
        item.responsible ? `penanggung jawab ${shorten(item.responsible)}` : 'penanggung jawab belum diisi',
        item.note ? `keterangan: "${shorten(item.note, NOTE_LIMIT)}"` : null,
      ].filter((part): part is string => part !== null);
      return {
        kind: 'late' as const,
        label: 'Kegiatan terlambat',
        text: `${shorten(item.activity ?? `baris ${item.row + 1}`)}${area ? ` (${area})` : ''}`,
        detail: detail.join('; '),
        gain: gainPhrase(gain),
        worth: gain,
      };
    })
    .sort((a, b) => b.worth - a.worth);
}

function ikuActions(office: OfficeResult, context: ReportContext): PerformanceAction[] {
  if (context.period.quarter >= 4) return [];
  const rows = office.details.iku;
  const dueWeight = rows.reduce((sum, row) => sum + (row.due ? row.weight : 0), 0);
  const share = indexShare(office, context.weights, 'iku');
  return office.outlook
    .filter((row) => row.atRisk)
    .map((row) => {
      const weight = rows.find((r) => r.row === row.row)?.weight ?? 0;
      const worth = dueWeight > 0 ? (share * weight * Math.max(0, 100 - row.projected)) / dueWeight : 0;
      return {
        kind: 'iku' as const,
        label: 'IKU berisiko',
        text: `${row.code}${row.indicator ? ` ${shorten(row.indicator)}` : ''}: ${neededText(row, context.period.quarter)}`,
        detail: `proyeksi capaian akhir tahun ${score(row.projected)}% dari target ${yearTarget(row)}`,
        gain: null,
        worth,
      };
    })
    .sort((a, b) => b.worth - a.worth);
}

function yearTarget(row: OutlookRow): string {
  return `${quantity(row.yearTarget)}${row.unit ? ` ${row.unit}` : ''}`;
}

/** A component's weight over the weights of the non-null components: its share of the index. */
function indexShare(office: OfficeResult, weights: ComponentWeights, key: keyof ComponentWeights): number {
  const total = (Object.keys(weights) as (keyof ComponentWeights)[]).reduce(
    (sum, k) => sum + (office.scores[k] === null ? 0 : weights[k]),
    0,
  );
  return total === 0 || office.scores[key] === null ? 0 : weights[key] / total;
}

/**
 * The first Tahapan step, in the tab's order, that is not done: a step in error is a data fix and is
 * listed there, so it is skipped here.
 */
function nextStepAction(office: OfficeResult, weights: ComponentWeights): PerformanceAction | null {
  const steps = office.details.steps ?? [];
  const component = office.scores.stages;
  if (component === null || componentProblems(office).stages !== null) return null;
  const step = steps.find((s) => !s.done && !s.hasError);
  if (!step) return null;
  const gain = componentGain(office.scores, weights, 'stages', component + (100 * (1 - step.value)) / steps.length);
  return {
    kind: 'stage',
    label: 'Tahapan',
    text: `Tahap ${step.stage} (${STAGE_NAMES[Number(step.stage) as 1 | 2 | 3 | 4]}): ${shorten(step.name ?? `baris ${step.row + 1}`)}`,
    detail: stepState(step),
    gain: gainPhrase(gain),
    worth: gain,
  };
}

function stepState(step: StepDetails): string {
  switch (step.status) {
    case 'selesai':
      return 'berstatus Selesai tetapi belum ada bukti dukung yang dapat dibuka: lengkapi buktinya';
    case 'proses':
      return 'sedang berjalan (Proses): selesaikan dan lampirkan bukti dukung';
    default:
      return 'belum dimulai: langkah berikutnya yang perlu dikerjakan';
  }
}

function shorten(text: string, limit = QUOTE_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
