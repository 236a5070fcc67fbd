import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from './app/errors.js';
import { EXIT, UsageError, processIo, type CommandIo } from './commands/io.js';

/**
 * Each command's module is imported when that command runs: together they pull in exceljs, the
 * Functions Framework with express, and the Google provisioning code, a few hundred milliseconds of
 * start-up that most commands never need (`monev run --source google` needs none of them).
 */
const commands = {
  run: () => import('./commands/run.js'),
  provision: () => import('./commands/provision.js'),
  deploy: () => import('./commands/deploy.js'),
  files: () => import('./commands/files.js'),
  serve: () => import('./commands/serve.js'),
  validate: () => import('./commands/validate.js'),
  watch: () => import('./commands/watch.js'),
};

const HELP = `monev — monitoring dan evaluasi kinerja kelembagaan Bawaslu Jawa Timur

Pemakaian:
  monev run --data DIR --out DIR [--period 2025-TW3] [--offices 3573,3507] [--no-pdf] [--no-email] [--resend] [--no-verify]
      Membaca rekap.xlsx dan workbook satker di DIR, memvalidasi, menilai, lalu menulis
      OUT/results.json, OUT/rekap.xlsx, OUT/validasi/<kode>.xlsx, laporan PDF di OUT/laporan
      dan mengirimkannya (bawaan: berkas .eml di OUT/outbox; lihat MONEV_MAIL_TRANSPORT).
      Bukti dukung di Google Drive diperiksa bila kredensial Google tersedia; --no-verify melewatinya.
  monev run --source google --rekap ID|URL --out DIR [--period 2025-TW3] [--offices …] [--no-pdf] [--no-email] [--no-verify]
      Sama, dengan rekap dan workbook satker di Google Sheets (lihat README, "Live mode"):
      Hasil Validasi ditulis ke spreadsheet tiap satker, Rekap/Rekap Bidang/Log ke rekap.
  monev provision --rekap [--period 2025-TW3]
      Membuat spreadsheet rekap di Google Drive (Satker berisi 38 satker, Bobot, Pengaturan).
  monev provision --rekap ID|URL
      Membuat spreadsheet satker untuk tiap baris Satker yang Sumber-nya kosong, membagikannya
      ke alamat di kolom Email, lalu menulis tautannya ke Sumber. Aman dijalankan ulang.
  monev validate FILE.xlsx --period 2025-TW3 [--kode 3573] [--json]
      Menampilkan temuan validasi satu workbook beserta selnya.
  monev template --out FILE.xlsx [--kode 3573] [--nama "Bawaslu Kota Malang"] [--tahun 2025]
      Membuat workbook satker kosong dari skema (dropdown, catatan bantuan, langkah Tahapan).
  monev sample --out DIR [--offices 38] [--seed 2025] [--period 2025-TW3]
      Membuat provinsi contoh: rekap.xlsx dan satu workbook per satker.
  monev start
      Membuat contoh di data/ bila belum ada, lalu menilai periode di rekap ke out/.
  monev serve --data DIR [--out DIR] [--port 8080] [--host 127.0.0.1] [--oidc on|off]
      Semua fungsi HTTP di satu port lokal: POST /sheetChanged, /scoreOffice, /runCycleHttp, /finishCycle.
      Hanya di 127.0.0.1 kecuali --host berkata lain; di luar loopback token OIDC fungsi privat
      diperiksa (--oidc on, bawaan), di loopback tidak (--oidc off, bawaan).
  monev watch --data DIR [--out DIR] [--period 2025-TW3]
      Menilai ulang satker sesaat setelah file-nya berubah dan menampilkan perubahannya.
  monev deploy [--dry-run] [--project ID] [--region asia-southeast2] [--env KUNCI=nilai …]
      Memasang fungsi cloud (nodejs22), antrean Cloud Tasks, jadwal Cloud Scheduler dan rahasia
      webhook dengan gcloud. --dry-run hanya menampilkan perintahnya.

Kode keluar: 0 beres · 1 ada satker tidak dinilai atau ber-error · 2 pemakaian/konfigurasi salah.`;

const OPTIONS = {
  data: { type: 'string' },
  source: { type: 'string' },
  rekap: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  offices: { type: 'string' },
  'no-pdf': { type: 'boolean', default: false },
  'no-email': { type: 'boolean', default: false },
  resend: { type: 'boolean', default: false },
  'no-verify': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  kode: { type: 'string' },
  nama: { type: 'string' },
  tahun: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  oidc: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  project: { type: 'string' },
  region: { type: 'string' },
  env: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

/** The `monev` command: parses arguments, runs one command, maps failures to exit codes. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: bareRekap(argv),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const required = (name: keyof typeof values, example: string): string => {
      const value = values[name];
      if (typeof value !== 'string' || value.trim() === '')
        throw new UsageError(`monev ${command} memerlukan --${name}, misalnya --${name} ${example}.`);
      return value;
    };
    switch (command) {
      case 'run': {
        const source = values.source ?? 'xlsx';
        if (source !== 'xlsx' && source !== 'google')
          throw new UsageError(
            `--source "${source}" tidak dikenal. Pilihan: xlsx (bawaan, dengan --data) atau google (dengan --rekap).`,
          );
        return await (
          await commands.run()
        ).runCommand(
          {
            source,
            data: source === 'google' ? undefined : required('data', 'data'),
            rekap: source === 'google' ? required('rekap', 'https://docs.google.com/spreadsheets/d/…/edit') : undefined,
            out: required('out', 'out'),
            period: values.period,
            offices: values.offices
              ?.split(',')
              .map((code) => code.trim())
              .filter((code) => code !== ''),
            pdf: !values['no-pdf'],
            email: !values['no-email'],
            resend: values.resend,
            verify: !values['no-verify'],
          },
          io,
        );
      }
      case 'provision':
        if (values.rekap === undefined)
          throw new UsageError(
            'monev provision memerlukan --rekap (membuat rekap baru) atau --rekap ID|URL (membuat spreadsheet satker).',
          );
        return await (await commands.provision()).provisionCommand({ rekap: values.rekap, period: values.period }, io);
      case 'validate': {
        const file = rest[0];
        if (!file)
          throw new UsageError(
            'monev validate memerlukan nama file, misalnya: monev validate satker/3573.xlsx --period 2025-TW3.',
          );
        return await (
          await commands.validate()
        ).validateCommand({ file, period: required('period', '2025-TW3'), code: values.kode, json: values.json }, io);
      }
      case 'template':
        return await (
          await commands.files()
        ).templateCommand(
          { out: required('out', 'satker-baru.xlsx'), code: values.kode, name: values.nama, year: values.tahun },
          io,
        );
      case 'sample':
        return await (
          await commands.files()
        ).sampleCommand(
          { out: required('out', 'data'), offices: values.offices, seed: values.seed, period: values.period },
          io,
        );
      case 'start':
        return await (await commands.files()).startCommand(io);
      case 'serve': {
        // Port 0 takes any free port; the line printed at start names it.
        const port = Number(values.port ?? '8080');
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port "${values.port}" bukan nomor port, misalnya --port 8080.`);
        if (values.oidc !== undefined && values.oidc !== 'on' && values.oidc !== 'off')
          throw new UsageError(`--oidc "${values.oidc}" tidak dikenal. Pilihan: on atau off.`);
        return await (
          await commands.serve()
        ).serveCommand(
          {
            data: required('data', 'data'),
            out: values.out ?? 'out',
            port,
            host: values.host,
            oidc: values.oidc === undefined ? undefined : values.oidc === 'on',
          },
          io,
        );
      }
      case 'watch':
        return await (
          await commands.watch()
        ).watchCommand({ data: required('data', 'data'), out: values.out ?? 'out', period: values.period }, io);
      case 'deploy':
        return await (
          await commands.deploy()
        ).deployCommand(
          { dryRun: values['dry-run'], project: values.project, region: values.region, env: values.env ?? [] },
          io,
        );
      default:
        throw new UsageError(
          `Perintah "${command}" tidak dikenal. Pilihan: run, provision, validate, template, sample, start, serve, watch, deploy (lihat monev --help).`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || isParseArgsError(error)) {
      io.err(error instanceof Error ? error.message : String(error));
      return EXIT.usage;
    }
    io.err(`Kesalahan internal monev: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    io.err('Ini bukan kesalahan data Anda. Laporkan pesan di atas ke tim monev provinsi.');
    return EXIT.internal;
  }
}

/** `monev provision --rekap` without a value creates the rekap: give the bare flag an empty value. */
function bareRekap(argv: readonly string[]): string[] {
  return argv.map((arg, i) =>
    arg === '--rekap' && (i === argv.length - 1 || (argv[i + 1] ?? '').startsWith('--')) ? '--rekap=' : arg,
  );
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
