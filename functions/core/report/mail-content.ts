import { groupFindings } from '../group-findings.js';
import { maskNips } from '../nip.js';
import { potentialText } from './office/summary-section.js';
import { periodLabel, type Period } from '../period.js';
import type { OfficeResult } from '../scoring/office.js';
import { areaById } from '../../../sheets-schema/index.js';
import { compareCodes, PREDICATE_LABELS } from '../scoring/province.js';
import { isoDateLong, score } from './format.js';
import { neededText } from './outlook-text.js';
import { largestGains } from './report-text.js';
import { unscoredNotice, unscoredReason } from './office/unscored-section.js';
import { failedLinksSentence } from './office/evidence-section.js';

/**
 * The e-mail that carries a report: the subject names office, period, index and predicate; the body
 * says where the office stands, what raises its index most, by when and whom to ask. Numbers are written
 * as in the PDF (two decimals). Plain text here; the HTML part renders the same model.
 */
const FIX_LIMIT = 10;

export interface MailContext {
  /** Offices ranked in the province ("peringkat 5 dari 37"). */
  readonly rankedOffices: number;
  readonly repairDeadline?: string | null;
  readonly contact?: string | null;
  /** The office's own spreadsheet, in live mode. */
  readonly sheetLink?: string | null;
  /** How the mail carries the office's Hasil Validasi; null or absent when it carries none. */
  readonly feedback?: FeedbackPointer | null;
}

/** The Hasil Validasi attached under this file name (locally), or its tab's link (live mode). */
export type FeedbackPointer = { readonly attachment: string } | { readonly link: string };

/**
 * Where the list of every finding is, in exactly the form the office receives it: an attachment, a tab
 * behind a link, or nothing (an unreadable spreadsheet gets no tab), never a promise of what is not there.
 */
function feedbackSentence(pointer: FeedbackPointer | null | undefined): string {
  if (!pointer) return '';
  return 'attachment' in pointer
    ? ` Daftar seluruh temuan terlampir: berkas ${pointer.attachment} (tab Hasil Validasi).`
    : ' Daftar seluruh temuan ada di tab Hasil Validasi pada spreadsheet satker (tautan di atas).';
}

export function officeMailModel(office: OfficeResult, period: Period, context: MailContext) {
  const errors = office.findings.filter((f) => f.level === 'error');
  const warnings = office.findings.filter((f) => f.level === 'warning');
  const index = office.scores.index === null ? null : score(office.scores.index);
  const verdict = office.predicate ? `${office.predicate} ${PREDICATE_LABELS[office.predicate]}` : 'tidak dinilai';
  const atRisk = office.outlook.filter((row) => row.atRisk);
  const rank = office.rank === null ? '' : `, peringkat ${office.rank} dari ${context.rankedOffices} satker`;
  // An unscored office's reason, in its own terms (never the operator's "jalankan lagi"), leads the mail.
  const reason = office.status === 'unscored' ? (errors.find((f) => f.office) ?? errors[0]) : undefined;
  const notice = reason ? unscoredNotice(reason) : null;
  const fixable = errors.filter((f) => f !== reason);
  const potential = potentialText(office);
  return {
    // While the office has errors its index is provisional (SPEC v3 §8), in the subject too.
    subject: `Monev ${periodLabel(period)} — ${office.name}: ${index === null ? verdict : `indeks ${errors.length > 0 ? 'sementara ' : ''}${index} (${verdict})`}`,
    greeting: `Yth. Pimpinan dan operator ${office.name},`,
    lead:
      office.status === 'scored'
        ? `Berikut hasil monitoring dan evaluasi kinerja kelembagaan ${periodLabel(period)}: indeks ${errors.length > 0 ? 'sementara ' : ''}${index ?? '–'}, predikat ${verdict}${rank}.${potential ? ` Indeks ${potential}.` : ''}`
        : [
            `Data satker belum dapat dinilai untuk ${periodLabel(period)}.`,
            notice && `${notice.reason} Yang perlu dilakukan: ${notice.todo}`,
            'Setelah diperbaiki, penilaian berikutnya akan memasukkan satker ini.',
          ]
            .filter(Boolean)
            .join(' '),
    // The unscored office's reason is not counted again; with nothing else found there is nothing to count.
    counts: [
      fixable.length + warnings.length === 0 && reason
        ? null
        : `${fixable.length} kesalahan dan ${warnings.length} peringatan ditemukan pada data satker.`,
      failedLinksSentence(office),
    ]
      .filter((line) => line !== null)
      .join(' '),
    gains: largestGains(office).map((g) => ({ gain: g.gain, action: g.action })),
    outlook:
      atRisk.length === 0
        ? null
        : `Peringatan dini: ${atRisk.length} IKU diproyeksikan tidak mencapai target akhir tahun (${atRisk
            .slice(0, 5)
            .map((row) => `${row.code} ${score(row.projected)}%, ${neededText(row, period.quarter)}`)
            .join('; ')}${atRisk.length > 5 ? '; …' : ''}).`,
    sections: [] as readonly MailSection[],
    deadline: context.repairDeadline ? `Batas perbaikan: ${isoDateLong(context.repairDeadline)}.` : null,
    contact: context.contact ? `Bila ada pertanyaan, hubungi ${context.contact}.` : null,
    link: context.sheetLink ?? null,
    feedbackLink: context.feedback && 'link' in context.feedback ? context.feedback.link : null,
    // The same mistake on six rows is one entry ("IKI!A7:A12, 6 baris"), as in the PDF.
    fixes: groupFindings(fixable)
      .slice(0, FIX_LIMIT)
      .map((group) => ({ cell: group.label, message: group.message })),
    moreFixes: groupFindings(fixable)
      .slice(FIX_LIMIT)
      .reduce((sum, group) => sum + group.findings.length, 0),
    // A scored office's mail carries its kartu jabatan too (docs/SPEC.md §10), one page per Anjab job.
    closing:
      office.status === 'scored' && office.workload.jobs.length > 0
        ? `Laporan lengkap terlampir (PDF), bersama kartu jabatan: satu halaman per jabatan, untuk dibagikan kepada pemegang jabatannya.${feedbackSentence(context.feedback)}`
        : `Laporan lengkap terlampir (PDF).${feedbackSentence(context.feedback)}`,
    signature: 'Tim Monev Bawaslu Provinsi Jawa Timur',
  };
}

export type OfficeMailModel = ReturnType<typeof officeMailModel>;

export function officeMailText(model: OfficeMailModel): string {
  const lines = [model.greeting, '', model.lead, ...(model.counts ? [model.counts] : [])];
  if (model.gains.length > 0) {
    lines.push('', 'Yang paling menaikkan indeks:');
    for (const g of model.gains) lines.push(`- ${g.gain} ${g.action}`);
  }
  if (model.outlook) lines.push('', model.outlook);
  for (const section of model.sections) {
    lines.push('', `${section.title}:`, ...(section.intro ? [section.intro] : []));
    for (const item of section.items) lines.push(`- ${item}`);
  }
  if (model.fixes.length > 0) {
    lines.push('', 'Kesalahan yang perlu diperbaiki:');
    for (const fix of model.fixes) lines.push(`- ${fix.cell}: ${fix.message}`);
    if (model.moreFixes > 0) lines.push(`- … dan ${model.moreFixes} kesalahan lain.`);
  }
  const after = [
    model.deadline,
    model.contact,
    model.link ? `Spreadsheet satker: ${model.link}` : null,
    model.feedbackLink ? `Tab Hasil Validasi: ${model.feedbackLink}` : null,
  ].filter((line): line is string => line !== null);
  if (after.length > 0) lines.push('', ...after);
  lines.push('', model.closing, '', model.signature);
  // The plain part prints sheet text as the HTML part does (render-html masks that one): NIPs masked.
  return maskNips(lines.join('\n'));
}

/**
 * A titled part of a mail body: the province mail is built of these, so that a part added later (the
 * peer-learning agenda) is one more entry rather than an edit of the others. Plain text and HTML print
 * them in order, after the outlook and before the office's own fixes.
 */
export interface MailSection {
  readonly title: string;
  /** One sentence under the title, or null. */
  readonly intro: string | null;
  readonly items: readonly string[];
}

/**
 * The meeting's agenda for peer learning (docs/SPEC.md §9): a heading, then this period's pairs grouped by
 * mentor, each pair with the mentee's area score beside the mentor's and both offices' contacts, so the
 * province can forward it as it is. No section without pairs.
 */
export function peerAgenda(
  offices: readonly OfficeResult[],
  period: Period,
  contacts: ReadonlyMap<string, readonly string[]>,
): MailSection[] {
  const byCode = new Map(offices.map((o) => [o.code, o]));
  const pairs = offices.flatMap((mentee) =>
    mentee.status === 'scored' ? mentee.peers.map((peer) => ({ mentee, ...peer })) : [],
  );
  if (pairs.length === 0) return [];
  const contact = (code: string) => {
    const addresses = contacts.get(code) ?? [];
    return addresses.length === 0 ? 'alamat e-mail belum ada di Satker' : addresses.join(', ');
  };
  const mentors = [...new Set(pairs.map((pair) => pair.office))].sort(compareCodes);
  return [
    {
      title: `Agenda pembelajaran antarsatker ${periodLabel(period)}: ${pairs.length} pasangan, ${mentors.length} pembina`,
      intro:
        'Pasangan di bawah ini dikelompokkan per pembina. Setelah sesi berlangsung, catat Tanggal Sesi, Topik, Hadir dan Tindak Lanjut di tab Pembelajaran pada rekap.',
      items: [],
    },
    ...mentors.map((code) => {
      const mentor = byCode.get(code);
      return {
        title: `${mentor?.name ?? code} (kontak: ${contact(code)}) membina`,
        intro: null,
        items: pairs
          .filter((pair) => pair.office === code)
          .sort((a, b) => areaById(a.area).no - areaById(b.area).no || compareCodes(a.mentee.code, b.mentee.code))
          .map(
            (pair) =>
              `${areaById(pair.area).name}: ${pair.mentee.name}, nilai ${score(pair.mentee.areas[pair.area])} (pembina ${score(mentor?.areas[pair.area] ?? null)}); kontak: ${contact(pair.mentee.code)}`,
          ),
      };
    }),
  ];
}

export function provinceMailModel(
  offices: readonly OfficeResult[],
  period: Period,
  context: Pick<MailContext, 'repairDeadline'> & { readonly contacts?: ReadonlyMap<string, readonly string[]> } = {},
): OfficeMailModel {
  const scored = offices.filter((o) => o.status === 'scored');
  const top = [...scored].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).slice(0, 3);
  const average =
    scored.length === 0 ? null : scored.reduce((sum, o) => sum + (o.scores.index ?? 0), 0) / scored.length;
  const dataErrors = dataErrorsSection(offices, context.repairDeadline ?? null);
  return {
    subject: `Monev ${periodLabel(period)} — Rekap Bawaslu Kabupaten/Kota se-Jawa Timur: rata-rata indeks ${score(average)}`,
    greeting: 'Yth. Pimpinan Bawaslu Provinsi Jawa Timur,',
    lead: `Berikut rekap monitoring dan evaluasi kinerja kelembagaan ${periodLabel(period)}: ${scored.length} dari ${offices.length} satker dinilai, rata-rata indeks ${score(average)}.`,
    counts: `Tiga teratas: ${top.map((o) => `${o.name} (${score(o.scores.index)})`).join(', ') || '–'}.`,
    gains: [],
    outlook: null,
    sections: [...(dataErrors ? [dataErrors] : []), ...peerAgenda(offices, period, context.contacts ?? new Map())],
    deadline: context.repairDeadline ? `Batas perbaikan bagi satker: ${isoDateLong(context.repairDeadline)}.` : null,
    contact: null,
    link: null,
    feedbackLink: null,
    fixes: [],
    moreFixes: 0,
    closing:
      'Rekap lengkap terlampir (PDF): daftar tindak lanjut, peringkat, peta capaian per bidang dan pasangan belajar.',
    signature: 'Tim Monev Bawaslu Provinsi Jawa Timur',
  };
}

/**
 * Every office with data errors, in words the province can pass on (issue 18 §7): what to ask of the
 * office, how many errors it has, and what its index could become. The unscored come first (they have no
 * index at all), then the scored by what putting their data right is worth, largest first. The operator's
 * own steps ("jalankan lagi") stay in the office's mail and Hasil Validasi. Null when no office has errors.
 */
function dataErrorsSection(offices: readonly OfficeResult[], deadline: string | null): MailSection | null {
  const withErrors = offices.filter((o) => o.findings.some((f) => f.level === 'error'));
  if (withErrors.length === 0) return null;
  const unscored = withErrors.filter((o) => o.status === 'unscored');
  const scored = withErrors
    .filter((o) => o.status === 'scored')
    .sort((a, b) => (b.potentialGain ?? 0) - (a.potentialGain ?? 0) || compareCodes(a.code, b.code));
  const by = deadline ? ` sebelum ${isoDateLong(deadline)}` : '';
  return {
    title: `Satker yang perlu memperbaiki data (${withErrors.length})`,
    intro: `Mohon minta satker berikut memperbaiki datanya${by}; indeks satker yang masih memuat kesalahan bersifat sementara. Rincian tiap kesalahan ada di laporan satker.`,
    items: [
      ...unscored.map((o) => {
        const reason = unscoredReason(o);
        const notice = reason ? unscoredNotice(reason) : null;
        return notice
          ? `${o.name} — belum dapat dinilai. ${notice.reason} ${notice.todo}`
          : `${o.name} — belum dapat dinilai.`;
      }),
      ...scored.map((o) => {
        const errors = o.findings.filter((f) => f.level === 'error').length;
        const potential = potentialText(o);
        const ask = largestGains(o, 1)[0];
        return [
          `${o.name} — ${errors} kesalahan data; indeks sementara ${score(o.scores.index)}${potential ? `, ${potential}` : ''}.`,
          ask
            ? `${errors === 1 ? 'Perbaikannya' : 'Perbaikan terbesar'}: ${ask.gain} ${ask.action}.`
            : 'Rincian kesalahannya ada di laporan satker.',
        ].join(' ');
      }),
    ],
  };
}
