import { DATA_TABS, PROFILE_TAB } from '../../sheets-schema/index.js';
import type { Cell, Sheet, Workbook } from '../../functions/core/workbook.js';

/**
 * An office whose six data tabs hold `rows` rows each, every one of them wrong (docs/SPEC.md §4 "errors
 * cost what they hide"): the worst case of issue 17 item 2, where gains were computed by rescoring the
 * office once per finding. Rows cycle through a few kinds of mistake (an unreadable number, a missing
 * required value, an unknown choice), and every other row cites evidence, so the evidence rules and
 * several finding codes are exercised. Used by the scoring tests and by `npm run bench` (wrong-office).
 */
export function wrongOfficeWorkbook(rows: number, code = '3573'): Workbook {
  const sheets: Sheet[] = [
    {
      name: PROFILE_TAB.name,
      rows: [
        [text('Kode Satker'), text(code)],
        [text('Nama Satker'), text('Bawaslu Uji Salah Semua')],
        [text('Tahun'), num(2025)],
      ],
    },
  ];
  for (const tab of DATA_TABS) {
    const headers = tab.columns.map((column) => column.header);
    const body: (Cell | undefined)[][] = [];
    for (let i = 0; i < rows; i++) body.push(headers.map((header) => wrongCell(tab.name, header, i)));
    sheets.push({ name: tab.name, rows: [headers.map(text), ...body] });
  }
  return { sheets };
}

const text = (value: string): Cell => ({ value, format: 'text' });
const num = (value: number): Cell => ({ value, format: 'number' });

/** The mistake row i makes: i mod 3 picks an unreadable number, a blank required cell or an unknown choice. */
function wrongCell(tab: string, header: string, i: number): Cell | undefined {
  const kind = i % 3;
  const evidence =
    i % 2 === 0 ? text(`https://drive.google.com/file/d/bukti-${tab.length}-${i}-abcdefghij/view`) : undefined;
  switch (header) {
    case 'Bidang':
      return kind === 2 ? text('Bidang Tidak Ada') : num((i % 8) + 1);
    case 'Kegiatan':
    case 'Uraian Tugas':
    case 'Langkah':
    case 'Indikator':
      return kind === 1 ? undefined : text(`Baris ${i + 1}`);
    case 'Kode':
      return text(`IKU-${i + 1}`);
    case 'Kode IKU':
      return text(`IKU-${i + 1}`);
    case 'NIP':
      return kind === 0
        ? text('1987031520101210')
        : text(`19870315201012${String(1000 + (i % 9000)).padStart(4, '0')}`);
    case 'Nama':
      return text(`Pegawai ${i + 1}`);
    case 'Jabatan':
      return text(`Jabatan ${i + 1}`);
    case 'Polaritas':
      return kind === 2 ? text('Sedang') : undefined;
    case 'Bobot':
      return kind === 0 ? text('sepuluh') : num(1);
    case 'Target TW I':
      return kind === 0 ? text('dua puluh') : num(4);
    case 'Target TW II':
    case 'Target TW III':
      return num(4);
    case 'Realisasi TW I':
    case 'Realisasi TW II':
      return num(2);
    case 'Pegawai Ada':
      return kind === 1 ? undefined : text('dua');
    case 'Beban Kerja':
      return kind === 0 ? text('banyak') : num(100);
    case 'Norma Waktu':
      return kind === 2 ? num(0) : kind === 1 ? undefined : num(30);
    case 'Tahap':
      return kind === 2 ? num(7) : num((i % 4) + 1);
    case 'Status':
      return kind === 2 ? text('Selesai') : text('Hampir');
    case 'Bukti Dukung':
      return evidence;
    default:
      return undefined;
  }
}
