import { z } from 'zod';
import { OFFICE_KIND, YES_NO } from './choices.js';
import { col, defineTable } from './columns.js';
import { AREAS } from './areas.js';

/** The provincial rekap workbook (docs/SPEC.md §5): the registry of offices, the weights, the settings and the summary. */

export const REGISTRY_TAB = defineTable('Satker', {
  code: col.text({ header: 'Kode', required: true, help: 'Kode Kemendagri satker, misalnya 3573.', width: 8 }),
  name: col.text({ header: 'Nama', required: true, help: 'Nama satker, misalnya "Bawaslu Kota Malang".', width: 32 }),
  kind: col.choice(['kabupaten', 'kota', 'provinsi'], OFFICE_KIND, {
    header: 'Jenis',
    required: false,
    help: 'Kabupaten, Kota atau Provinsi.',
    width: 12,
  }),
  source: col.text({
    header: 'Sumber',
    required: true,
    help: 'ID atau URL spreadsheet satker; pada mode lokal, path file .xlsx relatif terhadap folder data.',
    width: 40,
  }),
  email: col.text({
    header: 'Email',
    required: false,
    help: 'Alamat e-mail penerima laporan, dipisah koma.',
    width: 36,
  }),
  active: col.choice(['ya', 'tidak'], YES_NO, {
    header: 'Aktif',
    required: false,
    help: 'Ya (bawaan) atau Tidak. Satker tidak aktif tidak dinilai.',
    width: 8,
  }),
});

export const WEIGHTS_TAB = defineTable('Bobot', {
  component: col.text({
    header: 'Komponen',
    required: true,
    help: 'IKU, Rencana Aksi, IKI, Tahapan, Kualitas Data.',
    width: 20,
  }),
  weight: col.number({
    header: 'Bobot',
    required: true,
    help: 'Bobot komponen dalam indeks; jumlah semua bobot harus 100.',
    width: 10,
  }),
});

/** The index components and their default weights (docs/SPEC.md §4). */
export const COMPONENTS = [
  { key: 'iku', label: 'IKU', defaultWeight: 35 },
  { key: 'actionPlan', label: 'Rencana Aksi', defaultWeight: 30 },
  { key: 'iki', label: 'IKI', defaultWeight: 15 },
  { key: 'stages', label: 'Tahapan', defaultWeight: 10 },
  { key: 'dataQuality', label: 'Kualitas Data', defaultWeight: 10 },
] as const;

export type ComponentKey = (typeof COMPONENTS)[number]['key'];

/**
 * The defaults of the Pengaturan settings (docs/SPEC.md §4): cap 120 %, WKE 75 000 minutes a year (the
 * effective working time per employee used by KemenPAN-RB workload analysis, Permenpan 1/2020), Maks
 * Binaan 3. The settings' help texts quote them from here.
 */
export const SETTING_DEFAULTS = { cap: 120, effectiveMinutes: 75_000, maxMentees: 3 } as const;

/** "75 000": a whole number as the help texts write it, thousands set apart by a space. */
function spaced(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export const SETTINGS_TAB = {
  name: 'Pengaturan',
  keys: [
    { key: 'period', label: 'Periode', help: 'Periode penilaian, misalnya 2025-TW3.' },
    {
      key: 'cap',
      label: 'Batas Capaian',
      help: `Batas atas capaian indikator yang dihitung, dalam persen (bawaan ${SETTING_DEFAULTS.cap}).`,
    },
    {
      key: 'effectiveMinutes',
      label: 'WKE',
      help: `Waktu kerja efektif setahun dalam menit (bawaan ${spaced(SETTING_DEFAULTS.effectiveMinutes)}).`,
    },
    { key: 'provinceEmail', label: 'Email Provinsi', help: 'Penerima laporan rekap provinsi, dipisah koma.' },
    {
      key: 'maxMentees',
      label: 'Maks Binaan',
      help: `Paling banyak berapa permintaan belajar yang dibina satu satker per periode (bawaan ${SETTING_DEFAULTS.maxMentees}).`,
    },
    {
      key: 'repairDeadline',
      label: 'Batas Perbaikan',
      help: 'Tanggal terakhir satker memperbaiki temuannya, misalnya 15/10/2025; dicantumkan di laporan dan e-mail.',
    },
    {
      key: 'contact',
      label: 'Kontak',
      help: 'Siapa yang dapat ditanya operator satker, misalnya "Tim Monev Provinsi, 0341-123456".',
    },
  ],
} as const;

export const SUMMARY_TAB = {
  name: 'Rekap',
  headers: [
    'Periode',
    'Kode',
    'Nama',
    'Status',
    'IKU',
    'Rencana Aksi',
    'IKI',
    'Tahapan',
    'Kualitas Data',
    'Indeks',
    'Predikat',
    'Peringkat',
    'Kesalahan',
    'Peringatan',
    'Keterangan',
    'Diperbarui',
    'Laporan',
  ],
  key: ['Periode', 'Kode'],
  /**
   * Headers monev wrote under another name before (SPEC v3: `Kesalahan` was `Error`). A rekap holding the
   * old name is read under the new one, and its header cell is renamed when monev next writes the tab.
   */
  renamed: { Error: 'Kesalahan' },
} as const;

/**
 * How monev formats the cells it writes into the rekap's output tabs, so the province can filter,
 * print and share them: scores with two decimals (never "100" next to "99.30"), counts as whole
 * numbers, Diperbarui as a real date-time, Laporan as a link, the predicate coloured. Widths are in
 * characters.
 */
export type OutputFormat = 'text' | 'score' | 'count' | 'datetime' | 'link' | 'predicate';

export interface OutputColumn {
  readonly format: OutputFormat;
  readonly width: number;
  /** Prose (Keterangan): wrapped within the column, its rows as tall as their text, so it prints whole. */
  readonly wrap?: boolean;
}

export const SUMMARY_COLUMNS: Readonly<Record<(typeof SUMMARY_TAB.headers)[number], OutputColumn>> = {
  Periode: { format: 'text', width: 10 },
  Kode: { format: 'text', width: 7 },
  Nama: { format: 'text', width: 32 },
  Status: { format: 'text', width: 13 },
  IKU: { format: 'score', width: 8 },
  'Rencana Aksi': { format: 'score', width: 9 },
  IKI: { format: 'score', width: 8 },
  Tahapan: { format: 'score', width: 9 },
  'Kualitas Data': { format: 'score', width: 9 },
  Indeks: { format: 'score', width: 8 },
  Predikat: { format: 'predicate', width: 9 },
  Peringkat: { format: 'count', width: 10 },
  Kesalahan: { format: 'count', width: 10 },
  Peringatan: { format: 'count', width: 11 },
  Keterangan: { format: 'text', width: 40, wrap: true },
  Diperbarui: { format: 'datetime', width: 17 },
  Laporan: { format: 'link', width: 30 },
};

/** The colour of each predicate (ColorBrewer RdYlBu, readable by the colour-blind); the text stays. */
export const PREDICATE_COLOURS: Readonly<Record<string, { fill: string; text: string }>> = {
  AA: { fill: '4575B4', text: 'FFFFFF' },
  A: { fill: '91BFDB', text: '000000' },
  BB: { fill: 'E0F3F8', text: '000000' },
  B: { fill: 'FFFFBF', text: '000000' },
  CC: { fill: 'FEE090', text: '000000' },
  C: { fill: 'FC8D59', text: '000000' },
  D: { fill: 'D73027', text: 'FFFFFF' },
};

export const AREA_SUMMARY_TAB = {
  name: 'Rekap Bidang',
  headers: ['Periode', 'Kode', 'Nama', ...AREAS.map((area) => area.name)],
  key: ['Periode', 'Kode'],
} as const;

/**
 * Pembelajaran (docs/SPEC.md §9, v3): the peer-learning ledger, one row per pair and period. monev writes
 * `headers` (upserted by `key`); the province fills `provinceHeaders` (a session's date, topic, attendance
 * and follow-up), which monev creates with the tab and never writes. A pair is held when its Tanggal Sesi
 * holds a date.
 */
export const PEER_LEDGER_TAB = {
  name: 'Pembelajaran',
  headers: ['Periode', 'Bidang', 'Satker', 'Nama Satker', 'Pembina', 'Nama Pembina', 'Nilai Satker', 'Nilai Pembina'],
  provinceHeaders: ['Tanggal Sesi', 'Topik', 'Hadir', 'Tindak Lanjut'],
  key: ['Periode', 'Bidang', 'Satker'],
} as const;

/** Pembelajaran's columns: monev's as the other output tabs, the province's wide enough to type into. */
const PEER_LEDGER_COLUMNS: Readonly<Record<string, OutputColumn>> = {
  Periode: { format: 'text', width: 10 },
  Bidang: { format: 'text', width: 30 },
  Satker: { format: 'text', width: 8 },
  'Nama Satker': { format: 'text', width: 28 },
  Pembina: { format: 'text', width: 9 },
  'Nama Pembina': { format: 'text', width: 28 },
  'Nilai Satker': { format: 'score', width: 9 },
  'Nilai Pembina': { format: 'score', width: 10 },
};

/** The widths of the province's columns of Pembelajaran, which monev creates but never writes. */
export const PEER_LEDGER_PROVINCE_WIDTHS: Readonly<Record<(typeof PEER_LEDGER_TAB.provinceHeaders)[number], number>> = {
  'Tanggal Sesi': 13,
  Topik: 32,
  Hadir: 8,
  'Tindak Lanjut': 36,
};

/**
 * The format of a column monev writes in Rekap, Rekap Bidang, Tren or Pembelajaran; undefined for other tabs and columns.
 * Tren's period columns ("2025-TW3") are indexes, with two decimals like the Rekap's (a whole 69 printed
 * as "69" next to "94.35" read as another kind of number).
 */
export function outputColumn(tab: string, header: string): OutputColumn | undefined {
  if (tab === SUMMARY_TAB.name) return (SUMMARY_COLUMNS as Record<string, OutputColumn>)[header];
  if (tab === TREND_TAB.name) {
    if (header === 'Nama' || header === 'Kode') return SUMMARY_COLUMNS[header];
    return /^\d{4}-TW[1-4]$/.test(header) ? { format: 'score', width: 10 } : undefined;
  }
  if (tab === PEER_LEDGER_TAB.name) return PEER_LEDGER_COLUMNS[header];
  if (tab !== AREA_SUMMARY_TAB.name) return undefined;
  if (header === 'Nama') return SUMMARY_COLUMNS.Nama;
  if (header === 'Periode' || header === 'Kode') return SUMMARY_COLUMNS[header];
  return AREAS.some((area) => area.name === header) ? { format: 'score', width: 14 } : undefined;
}

/**
 * Tren (output): one row per office, one column per period, the index of each (issue 12). Its period
 * columns grow as periods are scored; a row is upserted by Kode.
 */
export const TREND_TAB = {
  name: 'Tren',
  headers: ['Kode', 'Nama'],
  key: ['Kode'],
} as const;

/**
 * Log: one row per action of a run, never personal data. For sends (Aksi `kirim`) it is the send log:
 * Periode, Kode and Sidik (a hash of the report's content) name the report, Status says what became of
 * it (a value of SEND_STATUS, never prose), and Penerima holds a short hash of each address the
 * transport took, so a report already delivered to an address is not sent to it again while a refused
 * address is retried alone. Hasil is prose for people; nothing decides on its wording.
 */
export const LOG_TAB = {
  name: 'Log',
  headers: ['Run', 'Waktu', 'Kode', 'Aksi', 'Hasil', 'Periode', 'Sidik', 'Status', 'Penerima'],
} as const;

/**
 * The Status of a report written to the outbox (MONEV_MAIL_TRANSPORT=outbox): a file nobody has
 * received yet, said so in the words the Log shows.
 */
export const OUTBOX_STATUS = 'ditulis ke outbox (belum dikirim)';

/**
 * What became of one send. `tidak-pasti`: the transport stopped after the message may have been
 * accepted (a timeout while the server confirms, or monev stopped after handing it over); it is never
 * sent again on its own (at most once; `--resend` forces it), since a report twice is worse than a
 * report checked by hand. OUTBOX_STATUS: written to the outbox, not sent.
 */
export const SEND_STATUS = ['terkirim', 'sebagian', 'gagal', 'tidak-pasti', 'tanpa-alamat', OUTBOX_STATUS] as const;
export type SendStatus = (typeof SEND_STATUS)[number];
/** The statuses after which an address in Penerima counts as served: it is not sent the same report again. */
export const SERVED_STATUS: ReadonlySet<SendStatus> = new Set(['terkirim', 'sebagian', 'tidak-pasti']);

/** Texts read back from a sheet may be numbers (a Kode typed as 3573): read them as text. */
const textCell = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value),
  z.string(),
);
const optionalText = z.preprocess((value) => (value === null || value === '' ? undefined : value), textCell.optional());
const optionalNumber = z.preprocess(
  (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined),
  z.number().optional(),
);

/** A Rekap row as monev reads it back (earlier periods, the other offices of a partial run). */
export const SUMMARY_HISTORY_ROW = z.object({
  Periode: textCell,
  Kode: textCell,
  // The components, for the office report's trend over the year (issue 18 §8); blank for an unscored row.
  IKU: optionalNumber,
  'Rencana Aksi': optionalNumber,
  IKI: optionalNumber,
  Tahapan: optionalNumber,
  'Kualitas Data': optionalNumber,
  Indeks: optionalNumber,
  Peringkat: optionalNumber,
  Laporan: optionalText,
});
export type SummaryHistoryRow = z.infer<typeof SUMMARY_HISTORY_ROW>;

/** A Rekap Bidang row as monev reads it back: an office's area scores in one period (by area name). */
export const AREA_HISTORY_ROW = z.looseObject({ Periode: textCell, Kode: textCell });

/**
 * A Pembelajaran row as monev reads it back (docs/SPEC.md §9). Tanggal Sesi is kept as the cell held it
 * (a date serial or text); whether it holds a date is the core's to judge.
 */
export const LEDGER_HISTORY_ROW = z.object({
  Periode: textCell,
  Bidang: textCell,
  Satker: textCell,
  'Nama Satker': optionalText,
  Pembina: optionalText,
  'Nama Pembina': optionalText,
  'Nilai Satker': optionalNumber,
  'Nilai Pembina': optionalNumber,
  'Tanggal Sesi': z.unknown(),
});
export type LedgerHistoryRow = z.infer<typeof LEDGER_HISTORY_ROW>;

/** A Log row as monev reads it back; `Status` is known only on the rows of sends. */
export const LOG_HISTORY_ROW = z.object({
  Run: optionalText,
  Kode: z.preprocess((value) => (value === null ? '' : value), textCell),
  Aksi: optionalText,
  Hasil: optionalText,
  Periode: optionalText,
  Sidik: optionalText,
  Status: z.preprocess(
    (value) => (SEND_STATUS.some((status) => status === value) ? value : undefined),
    z.enum(SEND_STATUS).optional(),
  ),
  Penerima: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/\s+/).filter((part) => part !== '') : []),
    z.array(z.string()),
  ),
});
export type LogHistoryRow = z.infer<typeof LOG_HISTORY_ROW>;

/**
 * Rows read back from Rekap or Log, typed by `schema`; a row the schema refuses (a hand-typed note,
 * a Periode left blank) is left out rather than guessed at; a Status monev does not know reads as absent.
 */
export function historyRows<T>(schema: z.ZodType<T>, records: readonly Readonly<Record<string, unknown>>[]): T[] {
  const rows: T[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push(parsed.data);
  }
  return rows;
}

export type RegistryRow = ReturnType<typeof REGISTRY_TAB.row.parse>;
