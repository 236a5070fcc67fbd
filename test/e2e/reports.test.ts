import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jobCardAttachmentName,
  officeReportAttachmentName,
  recapAttachmentName,
} from '../../functions/core/report/attachment-names.js';
import { generateSampleProvince } from '../../functions/sample/generate.js';
import { SAMPLE_MISTAKES } from '../../functions/sample/sample-mistakes.js';
import { extractPdfText, looksLikePdf, type PdfText } from '../helpers/pdf-text.js';
import {
  actionPlanRows,
  flat,
  idScore,
  loadWorkbook,
  QUARTER_NUMERALS,
  runCli,
  sheetTable,
  valueOf,
  type CliRun,
  registryEmails,
} from './support.js';

/**
 * Issue "reports", end to end: one run of the sample province with PDFs mailed to the default outbox,
 * what the office and provincial reports say, idempotent delivery, and sheet text that tries to
 * load or run something in the PDF renderer.
 */

const PERIOD = '2025-TW3';
const PERIOD_LABEL = 'Triwulan III 2025';
/** An office with errors, warnings and late activities: its report has something in every section. */
const REPORT_OFFICE = SAMPLE_MISTAKES.find((m) => m.kind === 'nip-as-number')?.office ?? '3575';
/** A weak office of the sample without data errors (issue 18: page 1 must name what to do). */
const WEAK_OFFICE = '3507';
/** The office whose workbook carries the hostile activity name. */
const XSS_OFFICE = '3578';
const PROVINCE_EMAIL = 'monev.jatim@example.go.id';

/** docs/SPEC.md §4 predicates as the reports name them. */
const PREDICATES: Record<string, string> = {
  AA: 'Sangat Memuaskan',
  A: 'Memuaskan',
  BB: 'Sangat Baik',
  B: 'Baik',
  CC: 'Cukup',
  C: 'Kurang',
  D: 'Sangat Kurang',
};

interface OfficeJson {
  code: string;
  name: string;
  status: 'scored' | 'unscored';
  scores: { index: number | null };
  predicate: string | null;
  rank: number | null;
  peers: { area: string; office: string }[];
  potentialGain: number | null;
  findings: { cell: string; level: string; code: string; message: string; gain: number | null }[];
}

/** Offices of the sample that carry one kind of mistake (functions/sample/mistakes.ts). */
const MISSING_COLUMN_OFFICE = SAMPLE_MISTAKES.find((m) => m.kind === 'missing-column')?.office ?? '3510';
const UNREADABLE_OFFICE = SAMPLE_MISTAKES.find((m) => m.kind === 'unreadable')?.office ?? '3517';
/** Pengaturan of the sample rekap (functions/sample/generate.ts). */
const DEADLINE = '15 Oktober 2025';
const CONTACT = 'Tim Monev Bawaslu Provinsi Jawa Timur';

let root: string;
let data: string;
let out: string;
let listener: Server;
const requests: string[] = [];
let payload: string;
let first: CliRun;
let offices: OfficeJson[];
let emailsByCode: Map<string, string[]>;

const squash = (text: string) => text.replace(/\s+/g, '');
const pdfPath = (code: string) => join(out, 'laporan', `${code}-${PERIOD}.pdf`);
const outbox = async () => (await readdir(join(out, 'outbox'))).filter((name) => name.endsWith('.eml'));

async function pdfText(code: string): Promise<PdfText> {
  return extractPdfText(new Uint8Array(await readFile(pdfPath(code))));
}

/**
 * Makes one due Rencana Aksi row of the office late (nothing realised so far) and renames its
 * activity to markup that would fetch from the loopback listener if it were ever parsed as HTML.
 */
async function plantHostileActivity(path: string, port: number): Promise<string> {
  const workbook = await loadWorkbook(path);
  const table = sheetTable(workbook, 'Rencana Aksi');
  const row = actionPlanRows(table, 3).find((r) => r.due && !r.error && !r.late && r.activity !== null);
  if (!row) throw new Error('The sample office has no clean due Rencana Aksi row');
  const hostile = `<img src="http://127.0.0.1:${port}/x"><script>fetch('http://127.0.0.1:${port}/y')</script>`;
  const cells = table.rows.find((r) => r.number === row.number);
  if (!cells) throw new Error('row vanished');
  cells.cell('Kegiatan').value = hostile;
  for (const q of QUARTER_NUMERALS.slice(0, 3)) cells.cell(`Realisasi TW ${q}`).value = 0;
  await workbook.xlsx.writeFile(path);
  return hostile;
}

beforeAll(async () => {
  listener = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as AddressInfo).port;

  root = await mkdtemp(join(tmpdir(), 'monev-e2e-reports-'));
  data = join(root, 'data');
  out = join(root, 'out');
  const province = await generateSampleProvince({ outDir: data });
  payload = await plantHostileActivity(join(data, 'satker', `${XSS_OFFICE}.xlsx`), port);

  first = await runCli(['run', '--data', data, '--out', out]);
  offices = (JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { offices: OfficeJson[] }).offices;
  emailsByCode = await registryEmails(province.rekapPath);
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

function office(code: string): OfficeJson {
  const found = offices.find((o) => o.code === code);
  if (!found) throw new Error(`results.json has no office ${code}`);
  return found;
}

describe('monev run with PDF reports and the default outbox', () => {
  it('renders one PDF per office and the provincial recap', async () => {
    expect(first.stderr).not.toContain('Kesalahan internal');
    expect(first.code).toBe(1);
    // Each scored office's kartu jabatan is printed beside its report (SPEC §10).
    const expected = [
      ...offices.map((o) => `${o.code}-${PERIOD}.pdf`),
      ...offices.filter((o) => o.status === 'scored').map((o) => `kartu-jabatan-${o.code}-${PERIOD}.pdf`),
      `rekap-${PERIOD}.pdf`,
    ].sort();
    expect(expected).toHaveLength(39 + 37);
    expect((await readdir(join(out, 'laporan'))).sort()).toEqual(expected);
    for (const name of expected)
      expect(looksLikePdf(new Uint8Array(await readFile(join(out, 'laporan', name)))), name).toBe(true);
    expect(first.stdout).toContain('(39 laporan PDF dan 37 kartu jabatan)');
    expect(first.stdout).toMatch(/E-mail [^:]*: 39 ditulis ke outbox \(belum dikirim\), 0 tidak ditulis ulang/);

    // The Rekap row of each office links its report.
    const rekap = sheetTable(await loadWorkbook(join(out, 'rekap.xlsx')), 'Rekap');
    for (const row of rekap.rows)
      expect(String(valueOf(row.cell('Laporan')))).toMatch(new RegExp(`${valueOf(row.cell('Kode'))}-${PERIOD}\\.pdf$`));
  });

  it('mails each report to its office (and the recap to the province) as .eml files with the PDF attached', async () => {
    const files = await outbox();
    expect(files).toHaveLength(39);
    const mails = new Map<string, ParsedMail>();
    for (const file of files) {
      const mail = await simpleParser(await readFile(join(out, 'outbox', file)));
      // An office's report goes with its kartu jabatan when it is scored; the recap and an unscored office's alone.
      // (An office's Hasil Validasi goes with them too: see the next test.)
      const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
      expect(pdfs.length, file).toBeGreaterThanOrEqual(1);
      mails.set(mail.attachments[0]?.filename ?? file, mail);
    }
    for (const o of offices) {
      // Attachments are named for the reader: whose report, which period (the files on disk keep their codes).
      const mail = mails.get(officeReportAttachmentName(o.name, { id: PERIOD }));
      expect(mail, o.code).toBeDefined();
      // An office's report goes with its kartu jabatan when it is scored; an unscored office's alone.
      // (Its Hasil Validasi, an .xlsx, goes too: see the next test.)
      expect(
        mail?.attachments
          .slice(1)
          .filter((a) => a.contentType === 'application/pdf')
          .map((a) => a.filename),
      ).toEqual(o.status === 'scored' ? [jobCardAttachmentName(o.name, { id: PERIOD })] : []);
      const subject = mail?.subject ?? '';
      expect(subject).toContain(o.name);
      expect(subject).toContain(PERIOD_LABEL);
      expect(subject).toContain(o.predicate === null ? 'tidak dinilai' : `${o.predicate} ${PREDICATES[o.predicate]}`);
      if (o.scores.index !== null)
        expect(subject).toContain(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(o.scores.index));
      const attachment = mail?.attachments[0];
      expect(attachment?.contentType).toBe('application/pdf');
      expect(Buffer.compare(attachment?.content ?? Buffer.alloc(0), await readFile(pdfPath(o.code))), o.code).toBe(0);
      const to = [mail?.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address));
      expect(to.sort()).toEqual([...(emailsByCode.get(o.code) ?? [])].sort());
    }
    const recap = mails.get(recapAttachmentName({ id: PERIOD }));
    expect(recap?.subject).toContain(PERIOD_LABEL);
    expect([recap?.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address))).toEqual([
      PROVINCE_EMAIL,
    ]);
  });

  it('attaches each office’s validasi/<kode>.xlsx to its e-mail, named for office and period, and says so', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const mails: ParsedMail[] = [];
    for (const file of await outbox()) mails.push(await simpleParser(await readFile(join(out, 'outbox', file))));
    for (const o of offices) {
      const mail = mails.find((m) => m.subject?.includes(`— ${o.name}:`));
      const sheets = mail?.attachments.filter((a) => a.contentType === XLSX) ?? [];
      const name = `Hasil Validasi - ${o.name} - ${PERIOD}.xlsx`;
      // The unreadable office gets it too: locally its Hasil Validasi is written, saying why the file cannot be read.
      expect(
        sheets.map((a) => a.filename),
        o.code,
      ).toEqual([name]);
      expect(
        Buffer.compare(sheets[0]?.content ?? Buffer.alloc(0), await readFile(join(out, 'validasi', `${o.code}.xlsx`))),
        o.code,
      ).toBe(0);
      expect(flat(mail?.text ?? ''), o.code).toContain(
        `Daftar seluruh temuan terlampir: berkas ${name} (tab Hasil Validasi).`,
      );
    }
    expect(offices.map((o) => o.code)).toContain(UNREADABLE_OFFICE);
    const recap = mails.find((m) => m.attachments.some((a) => a.filename === recapAttachmentName({ id: PERIOD })));
    expect(recap?.attachments.filter((a) => a.contentType === XLSX)).toEqual([]);
  });

  it('an office report shows name, index, predicate, a late activity, a finding’s cell and page numbers', async () => {
    const o = office(REPORT_OFFICE);
    const pdf = await pdfText(REPORT_OFFICE);
    const text = flat(pdf.text);
    expect(text).toContain(o.name);
    expect(o.scores.index).not.toBeNull();
    expect(text).toContain(idScore(o.scores.index as number));
    expect(text).toContain(`${o.predicate} ${PREDICATES[o.predicate as string]}`);

    const late = actionPlanRows(
      sheetTable(await loadWorkbook(join(data, 'satker', `${REPORT_OFFICE}.xlsx`)), 'Rencana Aksi'),
      3,
    ).filter((row) => row.late);
    expect(late.length).toBeGreaterThan(0);
    expect(squash(pdf.text)).toContain(squash(late[0]?.activity ?? '?'));

    const error = o.findings.find((f) => f.level === 'error');
    expect(error).toBeDefined();
    expect(text).toContain(error?.cell);

    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(flat(pdf.pages[0] ?? '')).toContain(`Halaman 1 dari ${pdf.pageCount}`);
    expect(flat(pdf.pages.at(-1) ?? '')).toContain(`Halaman ${pdf.pageCount} dari ${pdf.pageCount}`);
  });

  it('the recap names every scored office and why the unscored one was not scored', async () => {
    const pdf = await extractPdfText(new Uint8Array(await readFile(join(out, 'laporan', `rekap-${PERIOD}.pdf`))));
    const text = squash(pdf.text);
    for (const o of offices.filter((x) => x.status === 'scored'))
      expect(text, o.code).toContain(squash(o.name.replace(/^Bawaslu /, '')));
    const unscored = offices.filter((o) => o.status === 'unscored');
    expect(unscored).toHaveLength(1);
    for (const o of unscored) {
      const reason = o.findings.find((f) => f.level === 'error');
      expect(text).toContain(squash(o.name.replace(/^Bawaslu /, '')));
      expect(text).toContain(squash(reason?.message ?? '?'));
    }
    expect(flat(pdf.pages[0] ?? '')).toContain(`Halaman 1 dari ${pdf.pageCount}`);
  });

  it('page 1 of an office report leads with its largest gain, the deadline and whom to ask', async () => {
    const o = office(REPORT_OFFICE);
    const best = Math.max(...o.findings.map((f) => f.gain ?? 0));
    expect(best).toBeGreaterThan(0);
    const page1 = flat((await pdfText(REPORT_OFFICE)).pages[0] ?? '');
    expect(page1).toContain('Perbaikan data yang paling menaikkan indeks');
    // Its NIP rows are its only fixes, and page 1 states what putting all of them right is worth (issue
    // 18: a group's total, not a per-row figure): its potential gain, more than any single row's.
    expect(o.potentialGain as number).toBeGreaterThan(best);
    expect(page1).toContain(`+${idScore(o.potentialGain as number)} poin bila NIP`);
    expect(page1).toContain(`Batas perbaikan: ${DEADLINE}`);
    expect(page1).toContain(CONTACT);
    // The rank card says "dari N" under the number, not on a line of its own.
    expect(page1).toMatch(/Peringkat \d+ dari 37 satker yang dinilai/i);
  });

  it('page 1 of a weak office without data errors names its late activities and what TW IV needs', async () => {
    // Kabupaten Malang in the sample: 14 late activities, every IKU at risk, no data error (issue 18).
    const o = office(WEAK_OFFICE);
    expect(o.findings.filter((f) => f.level === 'error')).toEqual([]);
    const late = actionPlanRows(
      sheetTable(await loadWorkbook(join(data, 'satker', `${WEAK_OFFICE}.xlsx`)), 'Rencana Aksi'),
      3,
    ).filter((row) => row.late);
    expect(late.length).toBeGreaterThan(3);
    const page1 = squash((await pdfText(WEAK_OFFICE)).pages[0] ?? '');
    const named = late.filter((row) => page1.includes(squash((row.activity ?? '?').slice(0, 40))));
    expect(named).toHaveLength(3);
    expect(page1).toContain(squash(`… dan ${late.length - 3} kegiatan terlambat lain, lihat bagian 4 (Rencana aksi)`));
    expect(page1).toContain(squash('TW IV perlu'));
    expect(page1.toLowerCase()).toContain('kegiatanterlambat');
    expect(page1.toLowerCase()).toContain('ikuberisiko');
    // Nothing to fix in the data: no deadline for fixes, still whom to ask.
    expect(page1).not.toContain(squash('Batas perbaikan'));
    expect(page1).toContain(squash(CONTACT));
  });

  it('page 1 of the strongest office says what keeps it on course, with no deadline for fixes', async () => {
    const strongest = offices
      .filter((o) => o.status === 'scored' && !o.findings.some((f) => f.level === 'error'))
      .sort((a, b) => (b.scores.index as number) - (a.scores.index as number))[0];
    const page1 = flat((await pdfText(strongest?.code ?? '?')).pages[0] ?? '');
    expect(page1).toContain('Agar tetap di jalur');
    expect(page1).not.toContain('Batas perbaikan');
  });

  it('an unreadable NIP is a data problem, never a named person’s poor score, and its person is listed', async () => {
    const iki = sheetTable(await loadWorkbook(join(data, 'satker', `${REPORT_OFFICE}.xlsx`)), 'IKI');
    const broken = iki.rows.filter((row) => typeof valueOf(row.cell('NIP')) === 'number');
    expect(broken.length).toBeGreaterThan(0);
    const names = new Set(broken.map((row) => String(valueOf(row.cell('Nama')))));
    // A person with another, readable NIP row would still be listed under that NIP; the sample has none.
    const readable = new Set(
      iki.rows
        .filter((row) => typeof valueOf(row.cell('NIP')) !== 'number')
        .map((row) => String(valueOf(row.cell('Nama')))),
    );
    const text = flat((await pdfText(REPORT_OFFICE)).text);
    expect(text).toContain(`${broken.length} baris IKI dengan NIP tidak terbaca`);
    // Issue 18: the person is listed (the IKI beside six "Sangat Baik" otherwise reads as a mystery), by
    // name, as a data problem without a score.
    for (const name of names) if (!readable.has(name)) expect(squash(text)).toContain(squash(name));
    expect(text).toContain(`${broken.length} baris dengan NIP tidak terbaca, dihitung 0`);
    expect(text).toContain('masalah data');
    expect(text).not.toContain('NIP tidak terbaca Sangat Kurang');
  });

  it('says nothing about evidence when Rencana Aksi cannot be read, and says why its component is 0', async () => {
    const text = flat((await pdfText(MISSING_COLUMN_OFFICE)).text);
    expect(text).not.toContain('Semua realisasi disertai bukti dukung');
    expect(text).toContain('Bukti dukung belum dapat diperiksa');
    expect(text).toContain('0 karena kolom wajib di tab Rencana Aksi tidak lengkap');
    expect(text).toContain('Semua bidang dinilai 0 karena');
    expect(text).not.toContain('Tidak ada kegiatan yang terlambat');
    // Next to the numbers: the Rencana Aksi component on page 1 and every area in the areas table.
    const pages = (await pdfText(MISSING_COLUMN_OFFICE)).pages.map(flat);
    expect(pages[0]).toMatch(/Rencana Aksi .*30 masalah data 0,00/);
    const areas = pages.join(' ').slice(pages.join(' ').indexOf('Capaian per bidang'));
    expect(areas.split('masalah data 0,00').length - 1).toBeGreaterThanOrEqual(8);
  });

  it('the recap marks the zeros of a broken tab in the ranking and on the heat map, with a legend', async () => {
    const pdf = await extractPdfText(new Uint8Array(await readFile(join(out, 'laporan', `rekap-${PERIOD}.pdf`))));
    const text = flat(pdf.text);
    const name = office(MISSING_COLUMN_OFFICE).name.replace(/^Bawaslu /, '');
    expect(text).toMatch(new RegExp(`${name} [\\d,]+ \\S+ [\\d,]+ 0,00\\*`));
    expect(text).toContain('* 0 karena tab tidak terbaca');
    expect(text).toContain('arsir dan *: 0 karena tab tidak terbaca');
    expect(text.match(/0,00\*/g)?.length).toBeGreaterThanOrEqual(9);
  });

  it('the unscored report states its reason once, what the office must do, the deadline and the contact', async () => {
    const o = office(UNREADABLE_OFFICE);
    const reason = o.findings.find((f) => f.code === 'unreadable-workbook');
    // results.json keeps the operator's message; the head of office reads the office's wording.
    expect(reason?.message).toContain('jalankan lagi');
    const pdf = await pdfText(UNREADABLE_OFFICE);
    const text = flat(pdf.text);
    const stated = 'bukan file Excel .xlsx yang sah';
    expect(text.split(stated).length - 1).toBe(1);
    expect(text).toContain('Yang perlu dilakukan: Operator satker');
    expect(text).toContain(DEADLINE);
    expect(text).toContain(CONTACT);
    expect(text).not.toMatch(/jalankan lagi|kolom Sumber|Profil sel A1|Temuan lain|dihitung 0 sampai diperbaiki/);
    expect(pdf.pageCount).toBe(1);
  });

  it('the report lists the NIP typed as a number once, as a range of rows', async () => {
    const nips = office(REPORT_OFFICE).findings.filter((f) => f.code === 'nip-not-text');
    expect(nips.length).toBeGreaterThan(1);
    const text = flat((await pdfText(REPORT_OFFICE)).text);
    expect(text.split('NIP tersimpan sebagai angka').length - 1).toBe(1);
    const rows = nips.map((f) => Number(/\d+$/.exec(f.cell)?.[0]));
    expect(text).toContain(`IKI!A${Math.min(...rows)}:A${Math.max(...rows)}, ${nips.length} baris`);
    expect(text).toContain(`Kesalahan (${office(REPORT_OFFICE).findings.filter((f) => f.level === 'error').length})`);
  });

  it('the recap opens with the follow-up list, keeps the unscored office in the ranking and shows ties', async () => {
    const pdf = await extractPdfText(new Uint8Array(await readFile(join(out, 'laporan', `rekap-${PERIOD}.pdf`))));
    const text = flat(pdf.text);
    const followUp = text.indexOf('Perlu ditindaklanjuti');
    const ranking = text.indexOf('Peringkat satker');
    expect(followUp).toBeGreaterThan(-1);
    expect(ranking).toBeGreaterThan(followUp);
    const list = text.slice(followUp, ranking);
    const short = (o: OfficeJson) => o.name.replace(/^Bawaslu /, '');
    for (const o of offices.filter((x) => x.status === 'unscored')) {
      expect(list).toContain(short(o));
      expect(text.slice(ranking)).toContain(`${short(o)} (tidak dinilai)`);
    }
    for (const o of offices.filter((x) => x.status === 'scored' && x.findings.some((f) => f.level === 'error')))
      expect(list).toContain(short(o));
    expect(list).toContain('Lima indeks terendah');
    // Equal indexes share one rank (SPEC v3), and the recap prints that rank, never a range.
    const byIndex = new Map<number, Set<number | null>>();
    for (const o of offices)
      if (o.status === 'scored' && o.scores.index !== null)
        byIndex.set(o.scores.index, (byIndex.get(o.scores.index) ?? new Set()).add(o.rank));
    for (const ranks of byIndex.values()) expect(ranks.size).toBe(1);
    expect(text.slice(ranking)).not.toMatch(/\b\d+–\d+\b/);
  });

  it('mentors carry at most Maks Binaan requests, and the recap says so', async () => {
    const load = new Map<string, number>();
    for (const o of offices) for (const peer of o.peers) load.set(peer.office, (load.get(peer.office) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(3);
    const pdf = await extractPdfText(new Uint8Array(await readFile(join(out, 'laporan', `rekap-${PERIOD}.pdf`))));
    expect(flat(pdf.text)).toContain('paling banyak 3 permintaan (Maks Binaan)');
  });

  it('the e-mail gives the rank out of N, the largest gain, the deadline and the contact, numbers as in the PDF', async () => {
    const o = office(REPORT_OFFICE);
    let mail: ParsedMail | undefined;
    for (const file of await outbox()) {
      const parsed = await simpleParser(await readFile(join(out, 'outbox', file)));
      if (parsed.attachments[0]?.filename === officeReportAttachmentName(o.name, { id: PERIOD })) mail = parsed;
    }
    const body = flat(mail?.text ?? '');
    // An office with errors has a provisional index (SPEC v3 §8), in the subject and the mail, and can rise.
    const errors = o.findings.some((f) => f.level === 'error');
    expect(mail?.subject).toContain(`indeks ${errors ? 'sementara ' : ''}${idScore(o.scores.index as number)}`);
    if (errors && (o.potentialGain ?? 0) > 0)
      expect(body).toContain(`bisa naik hingga ${idScore((o.scores.index as number) + (o.potentialGain as number))}`);
    expect(body).toContain(`peringkat ${o.rank} dari 37 satker`);
    // The NIP rows are the office's only fixes: the mail, like page 1, states their total.
    expect(body).toContain(`+${idScore(o.potentialGain as number)} poin`);
    expect(body).toContain(`Batas perbaikan: ${DEADLINE}`);
    expect(body).toContain(CONTACT);
  });

  it('prints sheet text as text: the hostile activity appears literally and nothing was fetched', async () => {
    expect(requests).toEqual([]);
    const pdf = await pdfText(XSS_OFFICE);
    expect(flat(pdf.text)).toContain('<img src=');
    expect(squash(pdf.text)).toContain(squash(payload));
  });

  it('a second run sends nothing; --resend sends every report again', { timeout: 180_000 }, async () => {
    const again = await runCli(['run', '--data', data, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/E-mail [^:]*: 0 ditulis ke outbox \(belum dikirim\), 39 tidak ditulis ulang/);
    expect(await outbox()).toHaveLength(39);

    const forced = await runCli(['run', '--data', data, '--out', out, '--resend']);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(/E-mail [^:]*: 39 ditulis ke outbox \(belum dikirim\), 0 tidak ditulis ulang/);
    expect(await outbox()).toHaveLength(78);
    expect(requests).toEqual([]);
  });
});
