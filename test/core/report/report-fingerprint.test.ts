import { describe, expect, it } from 'vitest';
import { finding } from '../../../functions/core/findings.js';
import {
  FINGERPRINT_VERSION,
  officeReportFacts,
  officeReportFingerprint,
  recapFingerprint,
} from '../../../functions/core/report/report-fingerprint.js';
import { rankProvince, type OfficeResult } from '../../../functions/core/scoring/office.js';
import { score } from '../../helpers/scoring.js';
import { DEFAULT_TABS, period } from '../../helpers/workbook.js';

/**
 * Log's Sidik (issue 16): what the report says about the office, never how it says it. A change of the
 * office's data always changes it; the report model, its sections and the templates cannot.
 */
const PERIOD = period('2025-TW3');

// The default office with both of Andi's IKI rows holding the NIP typed as a number: errors with gains.
const withErrors = score({
  IKI: DEFAULT_TABS.IKI.map((row, i) => (i < 2 ? { ...row, NIP: 198703152010121001 } : row)),
});
const [base, other] = rankProvince([
  { ...withErrors, code: '3573', name: 'Bawaslu Kota Malang' },
  { ...score(), code: '3507', name: 'Bawaslu Kabupaten Malang' },
]) as [OfficeResult, OfficeResult];

const sidik = (office: OfficeResult) => officeReportFingerprint(office, PERIOD);

const first = base.findings[0] as OfficeResult['findings'][number];
const firstIku = base.details.iku[0] as OfficeResult['details']['iku'][number];
const firstPerson = base.details.iki[0] as OfficeResult['details']['iki'][number];
const firstOutlook = base.outlook[0] as OfficeResult['outlook'][number];
const changes: [string, (office: OfficeResult) => OfficeResult][] = [
  ['the index', (o) => ({ ...o, scores: { ...o.scores, index: (o.scores.index ?? 0) + 0.01 } })],
  ['a component score', (o) => ({ ...o, scores: { ...o.scores, iki: (o.scores.iki ?? 0) - 1 } })],
  ['the predicate', (o) => ({ ...o, predicate: o.predicate === 'A' ? 'B' : 'A' })],
  ['the rank', (o) => ({ ...o, rank: 1 })],
  ['an area score', (o) => ({ ...o, areas: { ...o.areas, [Object.keys(o.areas)[0] as string]: 12.5 } })],
  ['a finding more', (o) => ({ ...o, findings: [...o.findings, { ...first, cell: 'IKI!A9' }] })],
  ['a finding fewer', (o) => ({ ...o, findings: o.findings.slice(1) })],
  [
    'a finding’s gain',
    (o) => ({ ...o, findings: [{ ...first, gain: (first.gain ?? 0) + 1 }, ...o.findings.slice(1)] }),
  ],
  [
    'a finding’s message (it quotes the cell’s value)',
    (o) => ({ ...o, findings: [{ ...first, message: `${first.message} (x)` }, ...o.findings.slice(1)] }),
  ],
  [
    'an outlook row’s projection',
    (o) => ({ ...o, outlook: [{ ...firstOutlook, projected: 50, atRisk: true }, ...o.outlook.slice(1)] }),
  ],
  ['an outlook row fewer', (o) => ({ ...o, outlook: o.outlook.slice(1) })],
  [
    'a peer',
    (o) => ({
      ...o,
      peers: [{ area: Object.keys(o.areas)[0] as OfficeResult['peers'][number]['area'], office: '3507' }],
    }),
  ],
  [
    'the evidence counts',
    (o) => ({ ...o, evidence: o.evidence && { ...o.evidence, citations: o.evidence.citations.slice(1) } }),
  ],
  ['the workload', (o) => ({ ...o, workload: { ...o.workload, ej: (o.workload.ej ?? 0) + 0.1 } })],
  [
    'an IKU row’s realization',
    (o) => ({
      ...o,
      details: {
        ...o.details,
        iku: [{ ...firstIku, realization: (firstIku.realization ?? 0) + 1 }, ...o.details.iku.slice(1)],
      },
    }),
  ],
  [
    'an IKI person’s name',
    (o) => ({
      ...o,
      details: { ...o.details, iki: [{ ...firstPerson, name: 'Nama lain' }, ...o.details.iki.slice(1)] },
    }),
  ],
  [
    'an IKI row’s indicator (on the holder’s card)',
    (o) => ({
      ...o,
      details: {
        ...o.details,
        iki: [
          { ...firstPerson, rows: firstPerson.rows.map((r) => ({ ...r, indicator: 'Indikator lain' })) },
          ...o.details.iki.slice(1),
        ],
      },
    }),
  ],
  [
    'an ABK task on a card',
    (o) => ({ ...o, workload: { ...o.workload, jobs: o.workload.jobs.map(withTask(0, { volume: 999 })) } }),
  ],
  [
    'a job’s type on its card',
    (o) => ({ ...o, workload: { ...o.workload, jobs: o.workload.jobs.map((j) => ({ ...j, jobType: 'Fungsional' })) } }),
  ],
  ['the office’s name', (o) => ({ ...o, name: 'Bawaslu Kota Malang (baru)' })],
  [
    'an activity’s Keterangan (quoted on page 1)',
    (o) => ({
      ...o,
      details: {
        ...o.details,
        actionPlan: o.details.actionPlan.map((item, i) => (i === 0 ? { ...item, note: 'Alasan baru' } : item)),
      },
    }),
  ],
  [
    'a Tahapan step’s name (the next step on page 1)',
    (o) => ({
      ...o,
      details: {
        ...o.details,
        steps: (o.details.steps ?? []).map((step, i) => (i === 0 ? { ...step, name: 'Langkah lain' } : step)),
      },
    }),
  ],
];

/** A job with its `index`th ABK task changed, for the cards. */
function withTask(index: number, change: Partial<OfficeResult['workload']['jobs'][number]['tasks'][number]>) {
  return (job: OfficeResult['workload']['jobs'][number]) => ({
    ...job,
    tasks: job.tasks.map((t, i) => (i === index ? { ...t, ...change } : t)),
  });
}

/** Changes to what only the office report and its cards list, not the recap. */
const ROWS_ONLY = ['an IKU row', 'an IKI', 'an ABK task', 'a job’s type', 'an activity’s Keterangan', 'a Tahapan step'];

describe('the office report fingerprint', () => {
  it('is versioned and fits the Log: "v<version>-" and 30 hex digits', () => {
    expect(sidik(base)).toMatch(new RegExp(`^v${FINGERPRINT_VERSION}-[0-9a-f]{30}$`));
    expect(sidik(base).length).toBeLessThanOrEqual(34);
  });

  it('the base office has what the changes below touch', () => {
    expect(base.findings.filter((f) => f.gain !== null && f.gain > 0).length).toBeGreaterThan(0);
    expect(base.outlook.length).toBeGreaterThan(0);
    expect(base.rank).toBe(2);
    expect(base.evidence?.citations.length).toBeGreaterThan(0);
    expect(base.workload.jobs.every((job) => job.tasks.length > 0)).toBe(true);
  });

  it.each(changes)('changes with %s', (_, change) => {
    expect(sidik(change(base))).not.toBe(sidik(base));
  });

  it('changes with the period', () => {
    expect(officeReportFingerprint(base, period('2025-TW4'))).not.toBe(sidik(base));
  });

  it('does not change with noise below the two decimals every report prints', () => {
    const noisy = { ...base, scores: { ...base.scores, index: (base.scores.index as number) + 1e-12 } };
    expect(sidik(noisy)).toBe(sidik(base));
  });

  it('counts the results.json entry and the rows the report lists; a field more is a new version', () => {
    // A field results.json gains changes every office's fingerprint: raise FINGERPRINT_VERSION with it.
    expect(Object.keys(officeReportFacts(base, PERIOD).result)).toEqual([
      'code',
      'name',
      'status',
      'scores',
      'predicate',
      'rank',
      'areas',
      'workload',
      'ikiCoverage',
      'peers',
      'evidence',
      'outlook',
      'potentialGain',
      'peerLearning',
      'findings',
    ]);
    expect(Object.keys(officeReportFacts(base, PERIOD))).toEqual(['period', 'result', 'rows', 'cards']);
    expect(Object.keys(officeReportFacts(base, PERIOD).rows)).toEqual(['iku', 'actionPlan', 'iki', 'stages', 'steps']);
  });
});

describe('the recap fingerprint', () => {
  const recap = (offices: readonly OfficeResult[], rekap = [] as ReturnType<typeof finding>[]) =>
    recapFingerprint(offices, PERIOD, rekap);

  it('is versioned like the office report’s and differs from any office’s', () => {
    expect(recap([base, other])).toMatch(new RegExp(`^v${FINGERPRINT_VERSION}-[0-9a-f]{30}$`));
    expect(recap([base, other])).not.toBe(sidik(base));
  });

  it('says the same whatever order the run holds the offices in', () => {
    expect(recap([other, base])).toBe(recap([base, other]));
  });

  it.each(changes.filter(([what]) => !ROWS_ONLY.some((prefix) => what.startsWith(prefix))))(
    'changes with %s of one office',
    (_, change) => {
      expect(recap([change(base), other])).not.toBe(recap([base, other]));
    },
  );

  it('changes with an office more or fewer, the period, and a finding on the rekap', () => {
    expect(recap([base])).not.toBe(recap([base, other]));
    expect(recapFingerprint([base, other], period('2025-TW4'))).not.toBe(recap([base, other]));
    const invalid = finding('invalid-email', 'Satker', 'Satker!F3', { value: 'x@' });
    expect(recap([base, other], [invalid])).not.toBe(recap([base, other]));
  });

  it.each(changes.filter(([what]) => ROWS_ONLY.some((prefix) => what.startsWith(prefix))))(
    'does not change with %s, which the recap does not list',
    (_, change) => {
      expect(recap([change(base), other])).toBe(recap([base, other]));
    },
  );
});
