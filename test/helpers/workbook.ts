import { DATA_TABS, PROFILE_TAB } from '../../sheets-schema/index.js';
import { readOffice, type ParsedOffice } from '../../functions/core/office-reader.js';
import { parsePeriod, type Period } from '../../functions/core/period.js';
import { scoreOffice, type OfficeResult, type ScoringSettings } from '../../functions/core/scoring/office.js';
import type { Cell, CellValue, Sheet, Workbook } from '../../functions/core/workbook.js';

/**
 * Builds the core's Workbook from plain arrays, so rule tests read like the sheet they describe.
 * A cell is a raw value (numbers get the `number` format, everything else `text`), a full
 * `{ value, format }`, or undefined for an empty cell.
 */
export type CellInput = CellValue | undefined | Cell;
export type RowInput = readonly CellInput[];

export const pct = (value: number): Cell => ({ value, format: 'percent' });
export const date = (value: number | string): Cell => ({ value, format: 'date' });
export const text = (value: string | number | boolean | null): Cell => ({ value, format: 'text' });

export function toCell(input: CellInput): Cell | undefined {
  if (input === undefined) return undefined;
  if (input !== null && typeof input === 'object') return input;
  return { value: input, format: typeof input === 'number' ? 'number' : 'text' };
}

export function sheet(name: string, rows: readonly RowInput[]): Sheet {
  return { name, rows: rows.map((row) => row.map(toCell)) };
}

export function workbook(...sheets: Sheet[]): Workbook {
  return { sheets };
}

/** A data row given by header: `{ Kode: 'IKU-01', 'Target TW I': 25 }`. Missing headers are empty cells. */
export type Row = Readonly<Record<string, CellInput>>;

export type DataTabName = 'Rencana Aksi' | 'IKU' | 'IKI' | 'Anjab' | 'ABK' | 'Tahapan';
export type OfficeTabName = typeof PROFILE_TAB.name | DataTabName;

/** The template headers of each data tab, in template order. */
export const HEADERS = Object.fromEntries(
  DATA_TABS.map((tab) => [tab.name, tab.columns.map((column) => column.header)]),
) as Record<DataTabName, string[]>;

/** Header row plus one row per record; a key that is not a header is a mistake in the test. */
export function tableRows(headers: readonly string[], records: readonly Row[]): RowInput[] {
  return [
    headers,
    ...records.map((record) => {
      for (const key of Object.keys(record))
        if (!headers.includes(key)) throw new Error(`Test row names unknown header "${key}"`);
      return headers.map((header) => record[header]);
    }),
  ];
}

const NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** `{ 'Target TW I': a, … 'Target TW IV': d }`; pass undefined for a blank quarter. */
export function targets(...values: CellInput[]): Row {
  return quarters('Target', values);
}

export function realizations(...values: CellInput[]): Row {
  return quarters('Realisasi', values);
}

function quarters(kind: string, values: readonly CellInput[]): Row {
  return Object.fromEntries(values.map((value, i) => [`${kind} TW ${NUMERALS[i]}`, value]));
}

export const URL_A = 'https://drive.google.com/file/d/bukti-dukung-1';
export const URL_B = 'https://jatim.bawaslu.go.id/bukti-2';
export const NIP_A = '19870315 201012 1 001';
export const NIP_B = '199001012015032002';

export function profile(values: { code?: CellInput; name?: CellInput; year?: CellInput } = {}): { rows: RowInput[] } {
  return {
    rows: [
      ['Kode Satker', 'code' in values ? values.code : '3573'],
      ['Nama Satker', 'name' in values ? values.name : 'Bawaslu Kota Malang'],
      ['Tahun', 'year' in values ? values.year : 2025],
    ],
  };
}

/**
 * The default valid office, scored for 2025-TW3 (k = 3), worked out by hand:
 * - Rencana Aksi: row 1 T = 1+1+1 = 3, R = 3 → 100; row 2 T = 0+2+2 = 4, R = 0+2+1 = 3 → 75.
 *   Component (100 + 75) / 2 = 87,5; area 1 = 100, area 4 = 75.
 * - IKU (equal weights): IKU-01 Maksimal Kumulatif T = 75, R = 20+25+30 = 75 → 100;
 *   IKU-02 Minimal Akhir Periode T = 10, R = 11 → 100·(20 − 11)/10 = 90. Component 95.
 * - IKI: person A rows 100 and (T = 15, R = 12) 80 → 90; person B 100. Component 95. Coverage 100.
 * - Tahapan: 6 Selesai with date and link, 2 Proses, 2 Belum → (6 + 1)/10 → 70.
 * - Data quality: 2 + 2 + 3 + 2 + 2 + 10 = 21 rows, all valid → 100.
 * - Index (35·95 + 30·87,5 + 15·95 + 10·70 + 10·100)/100 = 9075/100 = 90,75 → AA.
 */
export const DEFAULT_TABS: Readonly<Record<DataTabName, readonly Row[]>> = {
  'Rencana Aksi': [
    {
      No: 1,
      Bidang: 1,
      Kegiatan: 'Rekonsiliasi laporan keuangan',
      ...targets(1, 1, 1, 1),
      ...realizations(1, 1, 1),
      'Bukti Dukung': URL_A,
    },
    {
      No: 2,
      Bidang: 'Pengolahan Data',
      Kegiatan: 'Pemutakhiran data pengawasan',
      ...targets(0, 2, 2, 0),
      ...realizations(0, 2, 1),
      'Bukti Dukung': URL_B,
    },
  ],
  IKU: [
    {
      Kode: 'IKU-01',
      Indikator: 'Persentase laporan pengawasan tepat waktu',
      Polaritas: 'Maksimal',
      Sifat: 'Kumulatif',
      ...targets(25, 25, 25, 25),
      ...realizations(20, 25, 30),
    },
    {
      Kode: 'IKU-02',
      Indikator: 'Jumlah temuan audit',
      Polaritas: 'Minimal',
      Sifat: 'Akhir Periode',
      ...targets(10, 10, 10, 10),
      ...realizations(12, 10, 11),
    },
  ],
  IKI: [
    {
      NIP: NIP_A,
      Nama: 'Andi',
      'Kode IKU': 'IKU-01',
      Indikator: 'Laporan disusun',
      ...targets(10, 10, 10, 10),
      ...realizations(10, 10, 10),
    },
    {
      NIP: NIP_A,
      Nama: 'Andi',
      'Kode IKU': 'IKU-02',
      Indikator: 'Tindak lanjut temuan',
      ...targets(5, 5, 5, 5),
      ...realizations(5, 5, 2),
    },
    {
      NIP: NIP_B,
      Nama: 'Budi',
      'Kode IKU': 'IKU-01',
      Indikator: 'Data diunggah',
      ...targets(4, 4, 4, 4),
      ...realizations(4, 4, 4),
    },
  ],
  Anjab: [
    { Jabatan: 'Kepala Sekretariat', 'Jenis Jabatan': 'Struktural', 'Pegawai Ada': 1 },
    { Jabatan: 'Staf Keuangan', 'Jenis Jabatan': 'Pelaksana', 'Pegawai Ada': 2 },
  ],
  ABK: [
    { Jabatan: 'Kepala Sekretariat', 'Uraian Tugas': 'Memimpin sekretariat', 'Beban Kerja': 250, 'Norma Waktu': 240 },
    { Jabatan: 'Staf Keuangan', 'Uraian Tugas': 'Menyusun laporan keuangan', 'Beban Kerja': 1200, 'Norma Waktu': 100 },
  ],
  Tahapan: [
    ...[
      [1, 'Pembentukan tim pelaksana'],
      [1, 'Rapat penyepakatan ruang lingkup, target dan jadwal'],
      [1, 'Inventarisasi data SDM dan dokumen kelembagaan'],
      [2, 'Pemetaan regulasi'],
      [2, 'Analisis jabatan'],
      [2, 'Analisis beban kerja'],
    ].map(([stage, step]) => ({
      Tahap: stage,
      Langkah: step,
      Status: 'Selesai',
      'Tanggal Selesai': '15/08/2025',
      'Bukti Dukung': URL_A,
    })),
    { Tahap: 3, Langkah: 'Penyusunan IKU', Status: 'Proses' },
    { Tahap: 3, Langkah: 'Penyusunan IKI', Status: 'Proses' },
    { Tahap: 4, Langkah: 'Penyusunan instrumen monitoring dan evaluasi', Status: 'Belum' },
    { Tahap: 4, Langkah: 'Pelaksanaan monitoring dan evaluasi', Status: 'Belum' },
  ],
};

/** A tab as records under the template headers, as raw rows, or null for "tab absent". */
export type TabInput = readonly Row[] | { readonly rows: readonly RowInput[] } | null;

/** The complete valid office with the given tabs replaced; `extra` sheets are appended. */
export function officeWorkbook(tweaks: Partial<Record<OfficeTabName, TabInput>> = {}, ...extra: Sheet[]): Workbook {
  const sheets: Sheet[] = [];
  const profil = PROFILE_TAB.name in tweaks ? tweaks[PROFILE_TAB.name] : profile();
  if (profil !== null && profil !== undefined)
    sheets.push(sheet(PROFILE_TAB.name, 'rows' in profil ? profil.rows : []));
  for (const name of Object.keys(DEFAULT_TABS) as DataTabName[]) {
    const input = name in tweaks ? tweaks[name] : DEFAULT_TABS[name];
    if (input === null || input === undefined) continue;
    sheets.push(sheet(name, 'rows' in input ? input.rows : tableRows(HEADERS[name], input)));
  }
  return workbook(...sheets, ...extra);
}

export const OFFICE = { code: '3573', name: 'Bawaslu Kota Malang' } as const;

export const SETTINGS: ScoringSettings = {
  cap: 120,
  effectiveMinutes: 75_000,
  weights: { iku: 35, actionPlan: 30, iki: 15, stages: 10, dataQuality: 10 },
};

export function period(id = '2025-TW3'): Period {
  const parsed = parsePeriod(id);
  if (!parsed) throw new Error(`Bad test period ${id}`);
  return parsed;
}

export interface ScoreOptions {
  readonly period?: string;
  readonly code?: string;
  readonly settings?: Partial<ScoringSettings>;
}

export function readWorkbook(book: Workbook, options: ScoreOptions = {}): ParsedOffice {
  return readOffice(book, { code: options.code ?? OFFICE.code }, period(options.period));
}

/** Reads and scores one office the way a run does, without rank and peers. */
export function scoreWorkbook(book: Workbook, options: ScoreOptions = {}): OfficeResult {
  const office = { code: options.code ?? OFFICE.code, name: OFFICE.name };
  return scoreOffice(office, readWorkbook(book, options), period(options.period), { ...SETTINGS, ...options.settings });
}
