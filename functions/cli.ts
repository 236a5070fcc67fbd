import { ConfigError } from './shared/config-error.js';
import { OutFolderBusyError } from './adapters/fs/out-lock.js';
import {
  defineCommand,
  flag,
  integer,
  list,
  matching,
  oneOf,
  onOff,
  parsed,
  text,
  type Command,
  type Environment,
} from './commands/command-line.js';
import { commandHelp, generalHelp, VALIDATE_EXIT_CODES } from './commands/help.js';
import { EXIT, UsageError, escapeControls, processIo, usageError, type CommandIo } from './commands/io.js';
import { cliMessage, closest, operationalCode } from './commands/messages.js';
import { DEPLOY_DEFAULTS } from './deploy/deploy-defaults.js';
import { DEFAULT_HOST, DEFAULT_OUT_DIR } from './shared/local-defaults.js';
import { SAMPLE_DEFAULTS } from './sample/sample-defaults.js';

/*
 * Each command's module is imported when that command runs (`await import` in its `run`): together they
 * pull in exceljs, the Functions Framework with express, and the Google provisioning code, a few hundred
 * milliseconds of start-up that most commands never need (`monev run --source google` needs none of
 * them). For the same reason a period is checked by a validator that loads core/period.ts when a
 * --period is given: it brings the sheets schema and zod with it.
 */

/** A --period's text, when it names a period (2025-TW3). */
async function periodText(given: string): Promise<string | null> {
  return (await import('./core/period.js')).parsePeriod(given) ? given : null;
}

const periodValue = { value: 'PERIODE', example: '2025-TW3' } as const;
const period = parsed({
  ...periodValue,
  help: 'periode penilaian, misalnya 2025-TW3 (bawaan: Periode di tab Pengaturan)',
  parse: periodText,
  error: 'invalid-period',
});
const dataDir = { value: 'DIR', example: 'data', help: 'folder berisi rekap.xlsx dan workbook satker' } as const;
/** The output folder where it may be left out: local mode's (MONEV_OUT_DIR's) default. */
const outDir = text({
  value: 'DIR',
  example: 'out',
  help: `folder keluaran (bawaan ${DEFAULT_OUT_DIR})`,
  default: DEFAULT_OUT_DIR,
});

/** "3573, 3507" → ["3573", "3507"]. */
function officeCodes(given: string | undefined): string[] | undefined {
  return given
    ?.split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** Every command, its options and its help: the one place the command line is described. */
const COMMANDS: Readonly<Record<string, Command>> = {
  run: defineCommand({
    usage: [
      'monev run --data DIR --out DIR [--period 2025-TW3] [--offices 3573,3507] [--no-pdf] [--no-email] [--resend] [--no-verify]',
      'monev run --source google --rekap ID|URL --out DIR [--period 2025-TW3] [--offices …] [--no-pdf] [--no-email] [--no-verify]',
    ],
    summary: 'menilai semua satker, menulis hasil, membuat dan mengirim laporan',
    about: [
      'Membaca rekap.xlsx dan workbook satker di DIR, memvalidasi, menilai, lalu menulis OUT/results.json,',
      'OUT/rekap.xlsx, OUT/validasi/<kode>.xlsx, laporan PDF di OUT/laporan dan mengirimkannya (bawaan: berkas',
      '.eml di OUT/outbox; lihat MONEV_MAIL_TRANSPORT). Dengan --source google, rekap dan workbook satker ada di',
      'Google Sheets. Satu folder keluaran hanya dipakai satu run pada satu waktu; setiap kiriman dicatat di',
      'OUT/jurnal-log.jsonl saat terjadi, sehingga run yang terhenti tidak mengirim laporan dua kali.',
    ],
    options: {
      data: text(dataDir),
      out: text({ value: 'DIR', example: 'out', help: 'folder keluaran', required: true }),
      source: parsed({
        value: 'xlsx|google',
        example: 'google',
        help: 'asal workbook (bawaan xlsx)',
        default: 'xlsx',
        parse: oneOf(['xlsx', 'google']),
        error: 'unknown-source',
      }),
      rekap: text({
        value: 'ID|URL',
        example: 'https://docs.google.com/spreadsheets/d/…/edit',
        help: 'spreadsheet rekap, dengan --source google',
      }),
      period,
      offices: text({ value: 'KODE,…', example: '3573,3507', help: 'hanya satker ini (diperingkat terhadap Rekap)' }),
      'no-pdf': flag('tanpa laporan PDF dan tanpa surel'),
      'no-email': flag('membuat laporan tanpa mengirimnya'),
      resend: flag('mengirim ulang laporan yang sudah pernah terkirim'),
      'no-verify': flag('tidak memeriksa bukti dukung di Google Drive (bawaan: diperiksa bila kredensial Google ada)'),
    },
    run: async (o, { io, required }) =>
      (await import('./commands/run.js')).runCommand(
        {
          source: o.source,
          data: o.source === 'google' ? undefined : required('data'),
          rekap: o.source === 'google' ? required('rekap') : undefined,
          out: o.out,
          period: o.period,
          offices: officeCodes(o.offices),
          pdf: !o['no-pdf'],
          email: !o['no-email'],
          resend: o.resend,
          verify: !o['no-verify'],
        },
        io,
      ),
  }),
  validate: defineCommand({
    usage: ['monev validate FILE.xlsx --period 2025-TW3 [--kode 3573] [--json]'],
    summary: 'memeriksa satu workbook satker sebelum dikirim',
    about: [
      'Menampilkan temuan validasi satu workbook beserta selnya: kesalahan lebih dulu, masing-masing dengan',
      'kenaikan indeks bila diperbaiki; lalu nilai sementara dengan bobot bawaan. FILE adalah path file .xlsx',
      'di komputer ini.',
    ],
    exitCodes: VALIDATE_EXIT_CODES,
    positional: { name: 'FILE.xlsx', example: 'monev validate satker/3573.xlsx --period 2025-TW3' },
    options: {
      period: parsed({
        ...periodValue,
        help: 'periode penilaian, misalnya 2025-TW3 (wajib)',
        required: true,
        parse: async (given) => (await import('./core/period.js')).parsePeriod(given),
        error: 'invalid-period',
      }),
      kode: text({ value: 'KODE', example: '3573', help: 'kode satker yang seharusnya ada di Profil' }),
      json: flag('keluaran JSON'),
    },
    run: async (o, { io, positional }) =>
      (await import('./commands/validate.js')).validateCommand(
        { file: positional, period: o.period, code: o.kode, json: o.json },
        io,
      ),
  }),
  template: defineCommand({
    usage: ['monev template --out FILE.xlsx [--kode 3573] [--nama "Bawaslu Kota Malang"] [--tahun 2025]'],
    summary: 'membuat workbook satker kosong',
    about: ['Membuat workbook satker kosong dari skema (dropdown, catatan bantuan, langkah Tahapan).'],
    options: {
      out: text({ value: 'FILE.xlsx', example: 'satker-baru.xlsx', help: 'file yang dibuat', required: true }),
      kode: text({ value: 'KODE', example: '3573', help: 'Kode Satker di Profil' }),
      nama: text({ value: 'NAMA', example: '"Bawaslu Kota Malang"', help: 'Nama Satker di Profil' }),
      tahun: parsed({
        value: 'TAHUN',
        example: '2025',
        help: 'Tahun di Profil',
        parse: integer({ min: 2000, max: 2100 }),
        error: 'invalid-year',
      }),
    },
    run: async (o, { io }) =>
      (await import('./commands/template.js')).templateCommand(
        { out: o.out, code: o.kode, name: o.nama, year: o.tahun },
        io,
      ),
  }),
  sample: defineCommand({
    usage: ['monev sample --out DIR [--offices 38] [--seed 2025] [--period 2025-TW3]'],
    summary: 'membuat provinsi contoh',
    about: ['Membuat provinsi contoh: rekap.xlsx dan satu workbook per satker. Seed yang sama, file yang sama.'],
    options: {
      out: text({ value: 'DIR', example: 'data', help: 'folder yang diisi', required: true }),
      offices: parsed({
        value: 'N',
        example: '38',
        help: `jumlah satker (bawaan ${SAMPLE_DEFAULTS.offices})`,
        default: SAMPLE_DEFAULTS.offices,
        parse: integer({ min: 1, max: 100_000 }),
        error: 'invalid-office-count',
      }),
      seed: parsed({
        value: 'N',
        example: '2025',
        help: `benih acak (bawaan ${SAMPLE_DEFAULTS.seed})`,
        default: SAMPLE_DEFAULTS.seed,
        parse: integer(),
        error: 'invalid-seed',
      }),
      period: parsed({
        ...periodValue,
        help: `periode contoh (bawaan ${SAMPLE_DEFAULTS.period})`,
        default: SAMPLE_DEFAULTS.period,
        parse: periodText,
        error: 'invalid-period',
      }),
    },
    run: async (o, { io }) =>
      (await import('./commands/sample.js')).sampleCommand(
        { out: o.out, offices: o.offices, seed: o.seed, period: o.period },
        io,
      ),
  }),
  start: defineCommand({
    usage: ['monev start'],
    summary: 'contoh di data/ lalu menilai ke out/',
    about: ['Membuat contoh di data/ bila belum ada, lalu menilai periode di rekap ke out/.'],
    options: {},
    run: async (_, { io }) => (await import('./commands/start.js')).startCommand(io),
  }),
  provision: defineCommand({
    usage: ['monev provision --rekap [--period 2025-TW3]', 'monev provision --rekap ID|URL'],
    summary: 'membuat spreadsheet rekap atau spreadsheet satker di Google Drive',
    about: [
      'Tanpa ID: membuat spreadsheet rekap (Satker berisi 38 satker, Bobot, Pengaturan).',
      'Dengan ID|URL rekap: membuat spreadsheet satker untuk tiap baris Satker yang Sumber-nya kosong,',
      'membagikannya ke alamat di kolom Email, lalu menulis tautannya ke Sumber. Aman dijalankan ulang.',
    ],
    options: {
      // Written alone, --rekap creates the rekap; with an ID or URL, the offices' spreadsheets.
      rekap: text({ value: 'ID|URL', example: 'https://docs.google.com/…', help: 'spreadsheet rekap', bare: '' }),
      period,
    },
    run: async (o, { io }) => {
      if (o.rekap === undefined) throw usageError('provision-needs-rekap', {});
      return (await import('./commands/provision.js')).provisionCommand({ rekap: o.rekap, period: o.period }, io);
    },
  }),
  serve: defineCommand({
    usage: ['monev serve --data DIR [--out DIR] [--port 8080] [--host 127.0.0.1] [--oidc on|off]'],
    summary: 'fungsi HTTP di satu port lokal',
    about: [
      'Semua fungsi HTTP di satu port lokal: POST /sheetChanged, /scoreOffice, /runCycleHttp, /finishCycle.',
      'Hanya di 127.0.0.1 kecuali --host berkata lain; di luar loopback token OIDC fungsi privat',
      'diperiksa (--oidc on, bawaan), di loopback tidak (--oidc off, bawaan).',
    ],
    options: {
      data: text({ ...dataDir, required: true }),
      out: outDir,
      // Port 0 takes any free port; the line printed at start names it.
      port: parsed({
        value: 'PORT',
        example: '8080',
        help: 'port (bawaan 8080; 0 = port bebas)',
        default: 8080,
        parse: integer({ min: 0, max: 65_535 }),
        error: 'invalid-port',
      }),
      host: text({
        value: 'ALAMAT',
        example: '127.0.0.1',
        help: `alamat dengar (bawaan ${DEFAULT_HOST})`,
        default: DEFAULT_HOST,
      }),
      // No default: serve decides from the host (on beyond loopback, off on it).
      oidc: parsed({
        value: 'on|off',
        example: 'on',
        help: 'memeriksa token OIDC fungsi privat',
        parse: onOff,
        error: 'invalid-oidc',
      }),
    },
    run: async (o, { io }) =>
      (await import('./commands/serve.js')).serveCommand(
        { data: o.data, out: o.out, port: o.port, host: o.host, oidc: o.oidc },
        io,
      ),
  }),
  watch: defineCommand({
    usage: ['monev watch --data DIR [--out DIR] [--period 2025-TW3]'],
    summary: 'menilai ulang satker saat file-nya berubah',
    about: ['Menilai ulang satker sesaat setelah file-nya berubah dan menampilkan perubahannya.'],
    options: { data: text({ ...dataDir, required: true }), out: outDir, period },
    run: async (o, { io }) =>
      (await import('./commands/watch.js')).watchCommand({ data: o.data, out: o.out, period: o.period }, io),
  }),
  deploy: defineCommand({
    usage: ['monev deploy [--dry-run] [--project ID] [--region asia-southeast2] [--env KUNCI=nilai …]'],
    summary: 'memasang fungsi cloud dengan gcloud',
    about: [
      'Memasang fungsi cloud (nodejs22), antrean Cloud Tasks, jadwal Cloud Scheduler dan rahasia webhook',
      'dengan gcloud. --dry-run hanya menampilkan perintahnya.',
    ],
    options: {
      'dry-run': flag('hanya menampilkan perintah gcloud'),
      project: parsed({
        value: 'ID',
        example: 'monev-jatim',
        help: 'proyek Google Cloud',
        // gcloud's own settings name the project when --project does not.
        env: ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'],
        parse: matching(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
        error: 'invalid-project',
      }),
      region: parsed({
        value: 'REGION',
        example: DEPLOY_DEFAULTS.region,
        help: 'region (bawaan Jakarta)',
        default: DEPLOY_DEFAULTS.region,
        parse: matching(/^[a-z]+-[a-z]+\d$/),
        error: 'invalid-region',
      }),
      env: list({
        value: 'KUNCI=nilai',
        example: 'MONEV_REKAP=…',
        help: 'variabel lingkungan fungsi, boleh berulang',
      }),
    },
    run: async (o, { io }) =>
      (await import('./commands/deploy.js')).deployCommand(
        { dryRun: o['dry-run'], project: o.project, region: o.region, env: o.env },
        io,
      ),
  }),
};

const COMMAND_NAMES = Object.keys(COMMANDS);

/** The `monev` command: parses arguments, runs one command, maps failures to exit codes. */
export async function main(
  argv: readonly string[],
  io: CommandIo = processIo(),
  env: Environment = process.env,
): Promise<number> {
  try {
    return await dispatch(argv, io, env);
  } catch (error) {
    return failure(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CommandIo, env: Environment): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.out(generalHelp(COMMANDS));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : commandNamed(topic);
    io.out(topic !== undefined && command ? commandHelp(topic, command) : generalHelp(COMMANDS));
    return EXIT.ok;
  }
  const command = commandNamed(first);
  if (!command) {
    if (first.startsWith('-')) throw unknownOption(first, null);
    throw usageError('unknown-command', {
      command: first,
      suggestion: closest(first, COMMAND_NAMES),
      commands: COMMAND_NAMES,
    });
  }
  const code = await command.run(rest, {
    command: first,
    io,
    env,
    unknownOption: (option) => unknownOption(option, first),
  });
  if (code !== 'help') return code;
  io.out(commandHelp(first, command));
  return EXIT.ok;
}

function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** An option the command does not know: the nearest of its own, or the command that has it. */
function unknownOption(option: string, command: string | null): UsageError {
  const name = option.replace(/^-+/, '');
  const own = command ? Object.keys(COMMANDS[command]?.options ?? {}) : [];
  const suggestion = closest(name, own);
  const elsewhere = suggestion
    ? null
    : (COMMAND_NAMES.find((other) => other !== command && Object.hasOwn(COMMANDS[other]?.options ?? {}, name)) ?? null);
  return usageError('unknown-option', {
    option: escapeControls(option),
    command,
    suggestion: suggestion ? `--${suggestion}` : null,
    elsewhere,
  });
}

/**
 * Usage and configuration problems, and problems of the machine (a folder missing or not writable, a
 * full disk), are the operator's to fix: their message, exit 2. Anything else is monev's own fault.
 */
function failure(error: unknown, io: CommandIo): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    io.err(error.message);
    return EXIT.usage;
  }
  if (error instanceof OutFolderBusyError) {
    const holder = error.holder
      ? `proses ${error.holder.pid} di ${error.holder.host}, sejak ${error.holder.since.slice(0, 19).replace('T', ' ')} UTC`
      : null;
    io.err(cliMessage('out-busy', { path: error.path, holder }));
    return EXIT.usage;
  }
  const operational = operationalError(error);
  if (operational) {
    io.err(operational);
    return EXIT.usage;
  }
  io.err(`Kesalahan internal monev: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  io.err('Ini bukan kesalahan data Anda. Laporkan pesan di atas ke tim monev provinsi.');
  return EXIT.internal;
}

/** A file-system error (also one wrapped as a cause) as the catalogue's message, naming the path. */
function operationalError(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, path } = current as NodeJS.ErrnoException;
    const kind = operationalCode(code);
    if (kind) return cliMessage(kind, { path: typeof path === 'string' ? targetOf(path) : 'folder keluaran (--out)' });
    current = current.cause;
  }
  return null;
}

/** Atomic writes go through ".NAME.<pid>.<random>.tmp" beside the target: name the target. */
function targetOf(path: string): string {
  return path.replace(/(^|[\\/])\.([^\\/]+)\.\d+\.[0-9a-f]+\.tmp$/, '$1$2');
}
