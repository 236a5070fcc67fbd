import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { flat, loadWorkbook, round2, runCli, sheetTable, SPEC_AREAS, valueOf } from './support.js';

/**
 * The peer-learning ledger over two periods (docs/SPEC.md §9), as the province runs it: TW II is scored,
 * the province records a session for every other pair in OUT/rekap.xlsx with another program (SheetJS
 * here), then TW III is scored. Every `peerLearning` entry must be what §9 gives from the two periods'
 * results.json alone, worked out here independently of monev's code.
 */
interface Entry {
  area: string;
  mentor: string;
  held: boolean;
  before: number | null;
  after: number | null;
  change: number | null;
  comparison: { offices: number; change: number | null };
  effect: number | null;
}
interface Office {
  code: string;
  name: string;
  status: string;
  areas: Record<string, number | null>;
  peers: { area: string; office: string }[];
  peerLearning: Entry[];
}
type Results = { offices: Office[] };

const areaName = (id: string) => SPEC_AREAS.find(([, area]) => area === id)?.[2] ?? id;

/** SPEC §9 from the two results.json and the pairs marked held, without monev's code. */
function expectedEntries(tw2: Results, tw3: Results, held: ReadonlySet<string>): Map<string, Entry[]> {
  const before = new Map(tw2.offices.map((o) => [o.code, o.areas]));
  const after = new Map(tw3.offices.map((o) => [o.code, o.areas]));
  const expected = new Map<string, Entry[]>();
  for (const office of tw2.offices) {
    const entries = office.peers.map((peer): Entry => {
      const b = before.get(office.code)?.[peer.area] ?? null;
      const a = after.get(office.code)?.[peer.area] ?? null;
      const change = a === null || b === null ? null : round2(a - b);
      const changes: number[] = [];
      for (const [code, scores] of before) {
        const then = scores[peer.area] ?? null;
        const now = after.get(code)?.[peer.area] ?? null;
        if (code === office.code || held.has(`${code} ${peer.area}`) || then === null || now === null || b === null)
          continue;
        if (Math.abs(round2(then - b)) > 10) continue;
        changes.push(round2(now - then));
      }
      const mean = changes.length === 0 ? null : round2(changes.reduce((s, c) => s + c, 0) / changes.length);
      return {
        area: peer.area,
        mentor: peer.office,
        held: held.has(`${office.code} ${peer.area}`),
        before: b,
        after: a,
        change,
        comparison: { offices: changes.length, change: mean },
        effect: change === null || mean === null ? null : round2(change - mean),
      };
    });
    expected.set(office.code, entries);
  }
  return expected;
}

describe('the peer-learning ledger over two periods', () => {
  let dir: string;
  let data: string;
  let out: string;
  let tw2: Results;
  let tw3: Results;
  const held = new Set<string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-ledger-'));
    data = join(dir, 'data');
    out = join(dir, 'out');
    await generateSampleProvince({ outDir: data, offices: 14 });
    expect(
      (await runCli(['run', '--data', data, '--out', out, '--period', '2025-TW2', '--no-pdf', '--no-email'])).code,
    ).toBeLessThanOrEqual(1);
    tw2 = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Results;

    // The province records sessions in OUT/rekap.xlsx with another program: every other TW II pair.
    const path = join(out, 'rekap.xlsx');
    const book = XLSX.read(await readFile(path), { cellDates: true });
    const sheet = book.Sheets.Pembelajaran as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: null });
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0] as string[];
    const column = (name: string) => header.indexOf(name);
    let pair = 0;
    rows.forEach((row, i) => {
      if (row.Periode !== '2025-TW2' || pair++ % 2 === 1) return;
      const area = SPEC_AREAS.find(([, , name]) => name === row.Bidang)?.[1] as string;
      held.add(`${String(row.Satker)} ${area}`);
      const at = (name: string) => XLSX.utils.encode_cell({ r: i + 1, c: column(name) });
      sheet[at('Tanggal Sesi')] = { t: 'd', v: new Date(Date.UTC(2025, 7, 4 + (pair % 20))), z: 'dd/mm/yyyy' };
      sheet[at('Topik')] = { t: 's', v: 'Penyusunan bukti dukung' };
      sheet[at('Hadir')] = { t: 's', v: 'Ya' };
    });
    await writeFile(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);

    expect((await runCli(['run', '--data', data, '--out', out, '--period', '2025-TW3'])).code).toBeLessThanOrEqual(1);
    tw3 = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Results;
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives every mentee of TW II the entries SPEC §9 gives from the two periods', () => {
    expect(held.size).toBeGreaterThan(3);
    const expected = expectedEntries(tw2, tw3, held);
    for (const office of tw3.offices) {
      expect(office.peerLearning, office.code).toEqual(
        office.status === 'scored' ? (expected.get(office.code) ?? []) : [],
      );
    }
    const entries = tw3.offices.flatMap((o) => o.peerLearning);
    expect(entries.filter((e) => e.held)).toHaveLength(held.size);
    expect(entries.some((e) => e.effect !== null)).toBe(true);
  });

  it('keeps the province’s sessions and writes the new period’s pairs beside them', async () => {
    const table = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Pembelajaran');
    const rows = table.rows.map((row) => ({
      period: valueOf(row.cell('Periode')),
      mentee: String(valueOf(row.cell('Satker'))),
      area: valueOf(row.cell('Bidang')),
      session: row.cell('Tanggal Sesi').value,
      topic: valueOf(row.cell('Topik')),
    }));
    const tw2Rows = rows.filter((row) => row.period === '2025-TW2');
    // Still dates, as the province entered them.
    expect(tw2Rows.filter((row) => row.session instanceof Date)).toHaveLength(held.size);
    expect(tw2Rows.filter((row) => row.topic === 'Penyusunan bukti dukung')).toHaveLength(held.size);
    const tw3Pairs = tw3.offices.flatMap((o) => o.peers.map((p) => `${o.code} ${areaName(p.area)}`)).sort();
    const tw3Rows = rows.filter((row) => row.period === '2025-TW3');
    expect(tw3Rows.map((row) => `${row.mentee} ${String(row.area)}`).sort()).toEqual(tw3Pairs);
    // monev never writes the province's columns.
    expect(tw3Rows.every((row) => (row.session ?? null) === null && row.topic === null)).toBe(true);
  });

  it('shows the pairs in the mentee’s and the mentor’s reports', async () => {
    const mentee = tw3.offices.find((o) => o.peerLearning.some((e) => e.held) && o.peers.length > 0) as Office;
    const text = flat((await extractPdfText(await readFile(join(out, 'laporan', `${mentee.code}-2025-TW3.pdf`)))).text);
    expect(text).toContain('Hasil pendampingan Triwulan II 2025');
    expect(text).toContain('satker serupa tanpa pendampingan');
    const mentor = tw3.offices.find((o) => o.code === mentee.peers[0]?.office) as Office;
    const mentorText = flat(
      (await extractPdfText(await readFile(join(out, 'laporan', `${mentor.code}-2025-TW3.pdf`)))).text,
    );
    expect(mentorText).toContain('Satker yang dibina');
    expect(mentorText).toContain(mentee.name);
  });

  it('sends the province this period’s pairs grouped by mentor, with contacts, as the meeting’s agenda', async () => {
    const mails = await Promise.all(
      (await readdir(join(out, 'outbox'))).map(async (file) => simpleParser(await readFile(join(out, 'outbox', file)))),
    );
    const province = mails.find((mail) => mail.subject?.includes('Rekap Bawaslu Kabupaten/Kota'));
    const text = province?.text ?? '';
    const pairs = tw3.offices.flatMap((o) => o.peers.map((p) => ({ mentee: o, ...p })));
    expect(text).toContain(`Agenda pembelajaran antarsatker Triwulan III 2025: ${pairs.length} pasangan`);
    const first = pairs[0] as (typeof pairs)[number];
    const mentor = tw3.offices.find((o) => o.code === first.office) as Office;
    const group = text.slice(text.indexOf(`${mentor.name} (kontak:`));
    expect(group).toContain(`${areaName(first.area)}: ${first.mentee.name}`);
    expect(group.split('\n')[0]).toMatch(/@/);
  });
});
