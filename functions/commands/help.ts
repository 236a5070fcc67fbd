import type { Command } from './command-line.js';

/** The help texts of `monev --help` and `monev CMD --help`, written from the table of commands. */

const INTERNAL_LINE =
  '  3  kesalahan internal monev sendiri (bukan kesalahan data); laporkan pesannya ke tim monev provinsi';

const EXIT_CODES = [
  'Kode keluar:',
  '  0  beres',
  '  1  ada satker tidak dinilai atau ber-error, atau laporan tidak terkirim (atau tidak pasti terkirim)',
  '  2  pemakaian, konfigurasi atau lingkungan salah (folder tidak ada, tidak bisa ditulis, disk penuh,',
  '     folder keluaran sedang dipakai run lain); pesannya menyebut file dan apa yang harus dilakukan',
  INTERNAL_LINE,
];

/**
 * `monev validate`'s codes (commands/validate.ts): 1 when the workbook has an error (a file that is not a
 * valid .xlsx, too large, or of another office is one too), 2 when FILE cannot be opened at all or the
 * command line is wrong.
 */
export const VALIDATE_EXIT_CODES = [
  '  0  tidak ada kesalahan (peringatan boleh ada): workbook siap dikirim',
  '  1  workbook memuat kesalahan, atau tidak dapat dinilai (bukan .xlsx yang sah, terlalu besar,',
  '     Kode Satker atau Tahun di Profil tidak cocok)',
  '  2  perintah salah (tanpa FILE atau --period, periode tidak dikenal) atau FILE tidak bisa dibuka',
  '     (tidak ada, sebuah folder, tanpa izin baca)',
  INTERNAL_LINE,
];

export function generalHelp(commands: Readonly<Record<string, Command>>): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((name) => name.length));
  return [
    'monev — monitoring dan evaluasi kinerja kelembagaan Bawaslu Jawa Timur',
    '',
    'Pemakaian: monev PERINTAH [opsi]   (monev PERINTAH --help untuk rincian)',
    '',
    'Perintah:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${commands[name]?.summary ?? ''}`),
    '',
    'Contoh:',
    '  monev run --data data --out out',
    '  monev validate data/satker/3573.xlsx --period 2025-TW3',
    '',
    ...EXIT_CODES,
  ].join('\n');
}

export function commandHelp(name: string, command: Command): string {
  const options = Object.entries(command.options).map(
    ([flag, o]) => [`--${flag}${o.type === 'boolean' ? '' : ` ${o.value}`}`, o.help] as const,
  );
  const width = Math.max(0, ...options.map(([flag]) => flag.length));
  return [
    `monev ${name} — ${command.summary}`,
    '',
    'Pemakaian:',
    ...command.usage.map((line) => `  ${line}`),
    '',
    ...command.about,
    ...(options.length > 0
      ? [
          '',
          'Opsi:',
          ...options.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
          `  ${'--help'.padEnd(width)}  bantuan ini`,
        ]
      : []),
    '',
    ...(command.exitCodes ? ['Kode keluar:', ...command.exitCodes] : EXIT_CODES),
  ].join('\n');
}
