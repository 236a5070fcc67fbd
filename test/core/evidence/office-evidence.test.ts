import { describe, expect, it } from 'vitest';
import { driveLink, driveTarget, evidenceKey } from '../../../functions/core/evidence/drive-link.js';
import {
  driveTargets,
  evidenceCounts,
  type DriveLookup,
  type EvidenceVerification,
} from '../../../functions/core/evidence/office-evidence.js';
import { markSharedEvidence } from '../../../functions/core/evidence/shared-evidence.js';
import { scoreOffice } from '../../../functions/core/scoring/office.js';
import {
  OFFICE,
  SETTINGS,
  officeWorkbook,
  period,
  profile,
  readWorkbook,
  realizations,
  scoreWorkbook,
  targets,
  type Row,
} from '../../helpers/workbook.js';

/** docs/SPEC.md §8: Drive links, verification outcomes and what they cost, copied evidence. */

describe('driveTarget: which links name a Drive file or folder', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';
  const cases: { link: string; expected: { id: string; resourceKey: string | null } | null }[] = [
    { link: `https://drive.google.com/file/d/${id}/view?usp=sharing`, expected: { id, resourceKey: null } },
    { link: `https://drive.google.com/file/u/1/d/${id}`, expected: { id, resourceKey: null } },
    { link: `https://drive.google.com/open?id=${id}`, expected: { id, resourceKey: null } },
    { link: `https://drive.google.com/drive/folders/${id}`, expected: { id, resourceKey: null } },
    { link: `https://drive.google.com/drive/u/0/folders/${id}?usp=sharing`, expected: { id, resourceKey: null } },
    { link: `https://docs.google.com/document/d/${id}/edit`, expected: { id, resourceKey: null } },
    { link: `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`, expected: { id, resourceKey: null } },
    { link: `https://docs.google.com/presentation/d/${id}/edit`, expected: { id, resourceKey: null } },
    { link: `https://docs.google.com/forms/d/${id}/edit`, expected: { id, resourceKey: null } },
    {
      link: `https://drive.google.com/file/d/${id}/view?resourcekey=0-AbC_d-1`,
      expected: { id, resourceKey: '0-AbC_d-1' },
    },
    // A published form's "e" is not a Drive ID; neither is a short or strange one.
    { link: 'https://docs.google.com/forms/d/e/1FAIpQLSf/viewform', expected: null },
    { link: 'https://drive.google.com/file/d/short/view', expected: null },
    { link: `https://drive.google.com/file/d/${id}%2F..%2Fabout/view`, expected: null },
    // Lookalike hosts, other ports, credentials in the URL: never Drive.
    { link: `https://drive.google.com.evil.example/file/d/${id}`, expected: null },
    { link: `https://drive.google.com:8443/file/d/${id}`, expected: null },
    { link: `https://user@drive.google.com/file/d/${id}`, expected: null },
    { link: 'http://127.0.0.1:8080/file/d/1AbCdEfGhIjKlMnOpQrSt', expected: null },
    { link: 'https://malangkota.bawaslu.go.id/publikasi/rapat-tw3', expected: null },
  ];
  for (const { link, expected } of cases) it(link, () => expect(driveTarget(link)).toEqual(expected));

  it('a view and an edit link of one file are the same evidence; other links by URL', () => {
    expect(evidenceKey(`https://drive.google.com/file/d/${id}/view`)).toBe(
      evidenceKey(`https://drive.google.com/open?id=${id}`),
    );
    expect(evidenceKey('https://a.example/x')).toBe('https://a.example/x');
  });
});

const drive = (name: string) => `https://drive.google.com/file/d/${name.padEnd(20, '0')}/view`;
const id = (name: string) => name.padEnd(20, '0');
const SITE = 'https://malangkota.bawaslu.go.id/publikasi/rapat';

function verification(lookups: Record<string, DriveLookup['status'] | 'empty-folder'>): EvidenceVerification {
  return {
    verified: true,
    account: 'monev@proyek.iam.gserviceaccount.com',
    lookups: new Map(
      Object.entries(lookups).map(([name, status]) => [
        id(name),
        status === 'empty-folder' ? { status: 'empty', folder: true } : { status, folder: false },
      ]),
    ),
  };
}

/**
 * Worked example, period 2025-TW1 (k = 1): four Rencana Aksi rows, T = 10 each.
 * - row 2: R 10, ok → 100
 * - row 3: R 10, unreachable → all failed, R counts 0 → 0
 * - row 4: R 5, unreachable + a site link (unverified) → evidence holds → 50
 * - row 5: R 10, trashed + empty file → all failed → 0
 * Component (100 + 0 + 50 + 0) / 4 = 37,5; without Drive (100 + 100 + 50 + 100) / 4 = 87,5.
 * Tahapan: ten steps, Selesai with ok (1), Selesai with an empty folder (0,5), the default eight
 * others as in the default office without their links changed. IKU-01 cites an unreachable file:
 * a warning, no cost.
 */
const ACTION_ROWS: Row[] = [
  { No: 1, Bidang: 1, Kegiatan: 'A', ...targets(10), ...realizations(10), 'Bukti Dukung': drive('ok1') },
  { No: 2, Bidang: 1, Kegiatan: 'B', ...targets(10), ...realizations(10), 'Bukti Dukung': drive('gone1') },
  {
    No: 3,
    Bidang: 1,
    Kegiatan: 'C',
    ...targets(10),
    ...realizations(5),
    'Bukti Dukung': `${drive('gone1')}\n${SITE}`,
  },
  {
    No: 4,
    Bidang: 1,
    Kegiatan: 'D',
    ...targets(10),
    ...realizations(10),
    'Bukti Dukung': `${drive('trash1')}, ${drive('zero1')}`,
  },
];
const STAGE_ROWS: Row[] = [
  {
    Tahap: 1,
    Langkah: 'Pembentukan tim',
    Status: 'Selesai',
    'Tanggal Selesai': '15/03/2025',
    'Bukti Dukung': drive('ok1'),
  },
  { Tahap: 1, Langkah: 'Rapat', Status: 'Selesai', 'Tanggal Selesai': '15/03/2025', 'Bukti Dukung': drive('emptydir') },
];
const LOOKUPS = verification({
  ok1: 'ok',
  gone1: 'unreachable',
  trash1: 'trashed',
  zero1: 'empty',
  emptydir: 'empty-folder',
});

function example() {
  const book = officeWorkbook({
    'Rencana Aksi': ACTION_ROWS,
    Tahapan: STAGE_ROWS,
    IKU: [
      {
        Kode: 'IKU-01',
        Indikator: 'Laporan',
        ...targets(25, 25, 25, 25),
        ...realizations(25),
        'Bukti Dukung': drive('gone1'),
      },
      { Kode: 'IKU-02', Indikator: 'Temuan', ...targets(25, 25, 25, 25), ...realizations(25) },
    ],
  });
  return readWorkbook(book, { period: '2025-TW1' });
}

describe('verification outcomes and their scores (worked example)', () => {
  it('asks Drive about each distinct file once', () => {
    expect(driveTargets(example()).map((t) => t.id)).toEqual([
      id('ok1'),
      id('gone1'),
      id('trash1'),
      id('zero1'),
      id('emptydir'),
    ]);
  });

  it('failed links cost the Rencana Aksi row its realization and the Selesai step half', () => {
    const result = scoreOffice(OFFICE, example(), period('2025-TW1'), SETTINGS, LOOKUPS);
    expect(result.scores.actionPlan).toBe(37.5);
    expect(result.details.actionPlan.map((item) => [item.counted, item.evidenceFailed])).toEqual([
      [10, false],
      [0, true],
      [5, false],
      [0, true],
    ]);
    expect(result.scores.stages).toBe(75);
    expect(result.scores.iku).toBe(100);
    const evidenceFindings = result.findings
      .filter((f) => f.code.startsWith('evidence-'))
      .map((f) => [f.code, f.cell, f.level]);
    expect(evidenceFindings).toEqual([
      ['evidence-unreachable', "'Rencana Aksi'!O3", 'warning'],
      ['evidence-unreachable', "'Rencana Aksi'!O4", 'warning'],
      ['evidence-trashed', "'Rencana Aksi'!O5", 'warning'],
      ['evidence-empty', "'Rencana Aksi'!O5", 'warning'],
      ['evidence-unreachable', 'IKU!P2', 'warning'],
      ['evidence-empty', 'Tahapan!E3', 'warning'],
    ]);
    expect(result.findings.some((f) => f.code === 'missing-evidence')).toBe(false);
    // Gain: row 3 counting its R 10 lifts Rencana Aksi from 37,5 to 62,5, × 30 % weight = 7,5 index points;
    // the IKU warning costs nothing, so it gains nothing.
    expect(result.findings.find((f) => f.cell === "'Rencana Aksi'!O3")?.gain).toBeCloseTo(7.5, 9);
    expect(result.findings.find((f) => f.cell === 'IKU!P2')?.gain).toBe(0);
    const unreachable = result.findings.find((f) => f.code === 'evidence-unreachable');
    expect(unreachable?.message).toContain('monev@proyek.iam.gserviceaccount.com');
    expect(result.findings.find((f) => f.cell === 'Tahapan!E3')?.message).toContain('folder kosong');
    expect(result.evidence && evidenceCounts(result.evidence)).toEqual({
      links: 9,
      ok: 2,
      failed: 6,
      unverified: 1,
      shared: 0,
      verified: true,
    });
  });

  it('without Drive every link is unverified and nothing fails', () => {
    const result = scoreOffice(OFFICE, example(), period('2025-TW1'), SETTINGS);
    expect(result.scores.actionPlan).toBe(87.5);
    expect(result.scores.stages).toBe(100);
    expect(result.findings.filter((f) => f.code.startsWith('evidence-'))).toEqual([]);
    expect(result.evidence && evidenceCounts(result.evidence)).toEqual({
      links: 9,
      ok: 0,
      failed: 0,
      unverified: 9,
      shared: 0,
      verified: false,
    });
  });

  it('counts the http(s) links of a row in error too, even beside an invalid token', () => {
    const result = scoreWorkbook(
      officeWorkbook({
        'Rencana Aksi': [{ No: 1, Bidang: 1, Kegiatan: 'A', ...targets(1), 'Bukti Dukung': `${SITE} ftp://x.id/y` }],
      }),
    );
    expect(result.findings.map((f) => f.code)).toContain('invalid-url');
    expect(result.evidence?.citations.filter((c) => c.tab === 'Rencana Aksi').map((c) => c.link)).toEqual([SITE]);
  });
});

describe('copied evidence', () => {
  const row = (no: number, link: string): Row => ({
    No: no,
    Bidang: 1,
    Kegiatan: `K${no}`,
    ...targets(1),
    ...realizations(1),
    'Bukti Dukung': link,
  });

  it('evidence-reused on each of three Rencana Aksi rows citing one document; no cost', () => {
    const same = drive('same');
    const reused = scoreWorkbook(
      officeWorkbook({
        'Rencana Aksi': [
          row(1, same),
          row(2, `https://drive.google.com/open?id=${id('same')}`),
          row(3, same),
          row(4, SITE),
        ],
      }),
    );
    expect(reused.findings.filter((f) => f.code === 'evidence-reused').map((f) => f.cell)).toEqual([
      "'Rencana Aksi'!O2",
      "'Rencana Aksi'!O3",
      "'Rencana Aksi'!O4",
    ]);
    expect(reused.findings.find((f) => f.code === 'evidence-reused')?.message).toContain('O3, O4');
    expect(reused.scores.actionPlan).toBe(100);
    const twice = scoreWorkbook(officeWorkbook({ 'Rencana Aksi': [row(1, same), row(2, same), row(3, SITE)] }));
    expect(twice.findings.filter((f) => f.code === 'evidence-reused')).toEqual([]);
  });

  it('evidence-shared on every citing cell of every office, naming the others; untouched offices stay as they were', () => {
    const shared = drive('shared');
    const office = (code: string, name: string, link: string) =>
      scoreOffice(
        { code, name },
        readWorkbook(
          officeWorkbook({
            Profil: profile({ code }),
            Tahapan: [{ Tahap: 1, Langkah: 'Pembentukan tim', Status: 'Proses' }],
            'Rencana Aksi': [row(1, link), row(2, SITE + code)],
          }),
          {
            code,
          },
        ),
        period(),
        SETTINGS,
      );
    const a = office('3573', 'Bawaslu Kota Malang', shared);
    const b = office('3507', 'Bawaslu Kabupaten Malang', shared);
    const c = office('3578', 'Bawaslu Kota Surabaya', drive('own'));
    const marked = markSharedEvidence([a, b, c]);
    const sharedOf = (i: number) => marked[i]?.findings.filter((f) => f.code === 'evidence-shared') ?? [];
    expect(sharedOf(0).map((f) => f.cell)).toEqual(["'Rencana Aksi'!O2"]);
    expect(sharedOf(0)[0]?.message).toContain('Bawaslu Kabupaten Malang (3507)');
    expect(sharedOf(1)[0]?.message).toContain('Bawaslu Kota Malang (3573)');
    expect(marked[2]).toBe(c);
    expect(marked[0]?.scores).toEqual(a.scores);
    expect(marked[0]?.evidence && evidenceCounts(marked[0].evidence).shared).toBe(1);
  });
});

describe('a Drive link whose ID is malformed (docs/SPEC.md §8, v3)', () => {
  const cases: { link: string; expected: ReturnType<typeof driveLink> }[] = [
    { link: 'https://drive.google.com/file/d/1AbC/view', expected: { kind: 'malformed' } },
    { link: 'https://drive.google.com/open?id=short', expected: { kind: 'malformed' } },
    { link: 'https://drive.google.com/drive/folders/a.b.c.d.e.f.g', expected: { kind: 'malformed' } },
    { link: `https://docs.google.com/document/d/${'x'.repeat(129)}/edit`, expected: { kind: 'malformed' } },
    { link: `https://drive.google.com/file/d/${id('ok1')}%2F..%2Fabout/view`, expected: { kind: 'malformed' } },
    // A published form's "e" is a form's public address, not a file ID: unverified, never unreachable.
    { link: 'https://docs.google.com/forms/d/e/1FAIpQLSf/viewform', expected: null },
    // Not Drive at all: lookalike hosts, or a Drive page that names no file.
    { link: 'https://drive.google.com.evil.example/file/d/1AbC/view', expected: null },
    { link: 'https://drive.google.com/drive/my-drive', expected: null },
    { link: SITE, expected: null },
    {
      link: drive('ok1'),
      expected: { kind: 'drive', target: { id: id('ok1'), resourceKey: null } },
    },
  ];
  for (const { link, expected } of cases) it(link, () => expect(driveLink(link)).toEqual(expected));

  const book = () =>
    readWorkbook(
      officeWorkbook({
        'Rencana Aksi': [
          {
            No: 1,
            Bidang: 1,
            Kegiatan: 'A',
            ...targets(10),
            ...realizations(10),
            'Bukti Dukung': 'https://drive.google.com/file/d/1AbC/view',
          },
        ],
      }),
      { period: '2025-TW1' },
    );

  it('is never asked about, and is unreachable when verifying: the row counts R as 0', () => {
    expect(driveTargets(book())).not.toContainEqual(expect.objectContaining({ id: '1AbC' }));
    const result = scoreOffice(OFFICE, book(), period('2025-TW1'), SETTINGS, verification({}));
    expect(result.scores.actionPlan).toBe(0);
    const found = result.findings.filter((f) => f.code === 'evidence-unreachable' && f.tab === 'Rencana Aksi');
    expect(found.map((f) => f.cell)).toEqual(["'Rencana Aksi'!O2"]);
    expect(found[0]?.message).toMatch(/tidak memuat ID file Google Drive yang sah/);
    expect(found[0]?.message).not.toMatch(/Bagikan file atau foldernya/);
    expect(result.evidence?.citations.filter((c) => c.tab === 'Rencana Aksi').map((c) => c.outcome)).toEqual([
      'unreachable',
    ]);
  });

  it('stays unverified when monev does not verify (no Drive)', () => {
    const result = scoreOffice(OFFICE, book(), period('2025-TW1'), SETTINGS);
    expect(result.scores.actionPlan).toBe(100);
    expect(result.findings.filter((f) => f.code.startsWith('evidence-'))).toEqual([]);
  });
});
