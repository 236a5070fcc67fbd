import { parseArgs } from 'node:util';
import { ConfigError } from './shared/config-error.js';
import { OutFolderBusyError } from './adapters/fs/out-lock.js';
import { EXIT, UsageError, escapeControls, processIo, usageError, type CommandIo } from './commands/io.js';
import { cliMessage, closest, operationalCode } from './commands/messages.js';

/**
 * Each command's module is imported when that command runs: together they pull in exceljs, the
 * Functions Framework with express, and the Google provisioning code, a few hundred milliseconds of
 * start-up that most commands never need (`monev run --source google` needs none of them).
 */
const modules = {
  run: () => import('./commands/run.js'),
  provision: () => import('./commands/provision.js'),
  deploy: () => import('./commands/deploy.js'),
  files: () => import('./commands/files.js'),
  serve: () => import('./commands/serve.js'),
  validate: () => import('./commands/validate.js'),
  watch: () => import('./commands/watch.js'),
};

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** The value's placeholder in help, e.g. DIR. */
  readonly value?: string;
  /** An example value for messages. */
  readonly example?: string;
  readonly help: string;
}

interface CommandSpec {
  readonly usage: readonly string[];
  readonly summary: string;
  /** Lines of explanation under the usage in `monev CMD --help`. */
  readonly about: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Names of positional arguments; none when absent. */
  readonly positional?: readonly string[];
}

const period: OptionSpec = {
  type: 'string',
  value: 'PERIODE',
  example: '2025-TW3',
  help: 'periode penilaian, misalnya 2025-TW3 (bawaan: Periode di tab Pengaturan)',
};
const dataDir: OptionSpec = {
  type: 'string',
  value: 'DIR',
  example: 'data',
  help: 'folder berisi rekap.xlsx dan workbook satker',
};
const outDir: OptionSpec = { type: 'string', value: 'DIR', example: 'out', help: 'folder keluaran' };

/** Every command, its options and its help: the one place the command line is described. */
const COMMANDS = {
  run: {
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
      data: dataDir,
      out: outDir,
      source: { type: 'string', value: 'xlsx|google', example: 'google', help: 'asal workbook (bawaan xlsx)' },
      rekap: {
        type: 'string',
        value: 'ID|URL',
        example: 'https://docs.google.com/spreadsheets/d/…/edit',
        help: 'spreadsheet rekap, dengan --source google',
      },
      period,
      offices: {
        type: 'string',
        value: 'KODE,…',
        example: '3573,3507',
        help: 'hanya satker ini (diperingkat terhadap Rekap)',
      },
      'no-pdf': { type: 'boolean', help: 'tanpa laporan PDF dan tanpa surel' },
      'no-email': { type: 'boolean', help: 'membuat laporan tanpa mengirimnya' },
      resend: { type: 'boolean', help: 'mengirim ulang laporan yang sudah pernah terkirim' },
      'no-verify': {
        type: 'boolean',
        help: 'tidak memeriksa bukti dukung di Google Drive (bawaan: diperiksa bila kredensial Google ada)',
      },
    },
  },
  validate: {
    usage: ['monev validate FILE.xlsx --period 2025-TW3 [--kode 3573] [--json]'],
    summary: 'memeriksa satu workbook satker sebelum dikirim',
    about: [
      'Menampilkan temuan validasi satu workbook beserta selnya, lalu nilai sementara dengan bobot bawaan.',
      'FILE adalah path file .xlsx di komputer ini. Kode keluar 1 bila ada error.',
    ],
    options: {
      period: { ...period, help: 'periode penilaian, misalnya 2025-TW3 (wajib)' },
      kode: { type: 'string', value: 'KODE', example: '3573', help: 'kode satker yang seharusnya ada di Profil' },
      json: { type: 'boolean', help: 'keluaran JSON' },
    },
    positional: ['FILE.xlsx'],
  },
  template: {
    usage: ['monev template --out FILE.xlsx [--kode 3573] [--nama "Bawaslu Kota Malang"] [--tahun 2025]'],
    summary: 'membuat workbook satker kosong',
    about: ['Membuat workbook satker kosong dari skema (dropdown, catatan bantuan, langkah Tahapan).'],
    options: {
      out: { type: 'string', value: 'FILE.xlsx', example: 'satker-baru.xlsx', help: 'file yang dibuat' },
      kode: { type: 'string', value: 'KODE', example: '3573', help: 'Kode Satker di Profil' },
      nama: { type: 'string', value: 'NAMA', example: '"Bawaslu Kota Malang"', help: 'Nama Satker di Profil' },
      tahun: { type: 'string', value: 'TAHUN', example: '2025', help: 'Tahun di Profil' },
    },
  },
  sample: {
    usage: ['monev sample --out DIR [--offices 38] [--seed 2025] [--period 2025-TW3]'],
    summary: 'membuat provinsi contoh',
    about: ['Membuat provinsi contoh: rekap.xlsx dan satu workbook per satker. Seed yang sama, file yang sama.'],
    options: {
      out: { ...outDir, example: 'data', help: 'folder yang diisi' },
      offices: { type: 'string', value: 'N', example: '38', help: 'jumlah satker (bawaan 38)' },
      seed: { type: 'string', value: 'N', example: '2025', help: 'benih acak (bawaan 2025)' },
      period,
    },
  },
  start: {
    usage: ['monev start'],
    summary: 'contoh di data/ lalu menilai ke out/',
    about: ['Membuat contoh di data/ bila belum ada, lalu menilai periode di rekap ke out/.'],
    options: {},
  },
  provision: {
    usage: ['monev provision --rekap [--period 2025-TW3]', 'monev provision --rekap ID|URL'],
    summary: 'membuat spreadsheet rekap atau spreadsheet satker di Google Drive',
    about: [
      'Tanpa ID: membuat spreadsheet rekap (Satker berisi 38 satker, Bobot, Pengaturan).',
      'Dengan ID|URL rekap: membuat spreadsheet satker untuk tiap baris Satker yang Sumber-nya kosong,',
      'membagikannya ke alamat di kolom Email, lalu menulis tautannya ke Sumber. Aman dijalankan ulang.',
    ],
    options: {
      rekap: { type: 'string', value: 'ID|URL', example: 'https://docs.google.com/…', help: 'spreadsheet rekap' },
      period,
    },
  },
  serve: {
    usage: ['monev serve --data DIR [--out DIR] [--port 8080] [--host 127.0.0.1] [--oidc on|off]'],
    summary: 'fungsi HTTP di satu port lokal',
    about: [
      'Semua fungsi HTTP di satu port lokal: POST /sheetChanged, /scoreOffice, /runCycleHttp, /finishCycle.',
      'Hanya di 127.0.0.1 kecuali --host berkata lain; di luar loopback token OIDC fungsi privat',
      'diperiksa (--oidc on, bawaan), di loopback tidak (--oidc off, bawaan).',
    ],
    options: {
      data: dataDir,
      out: { ...outDir, help: 'folder keluaran (bawaan out)' },
      port: { type: 'string', value: 'PORT', example: '8080', help: 'port (bawaan 8080; 0 = port bebas)' },
      host: { type: 'string', value: 'ALAMAT', example: '127.0.0.1', help: 'alamat dengar (bawaan 127.0.0.1)' },
      oidc: { type: 'string', value: 'on|off', example: 'on', help: 'memeriksa token OIDC fungsi privat' },
    },
  },
  watch: {
    usage: ['monev watch --data DIR [--out DIR] [--period 2025-TW3]'],
    summary: 'menilai ulang satker saat file-nya berubah',
    about: ['Menilai ulang satker sesaat setelah file-nya berubah dan menampilkan perubahannya.'],
    options: { data: dataDir, out: { ...outDir, help: 'folder keluaran (bawaan out)' }, period },
  },
  deploy: {
    usage: ['monev deploy [--dry-run] [--project ID] [--region asia-southeast2] [--env KUNCI=nilai …]'],
    summary: 'memasang fungsi cloud dengan gcloud',
    about: [
      'Memasang fungsi cloud (nodejs22), antrean Cloud Tasks, jadwal Cloud Scheduler dan rahasia webhook',
      'dengan gcloud. --dry-run hanya menampilkan perintahnya.',
    ],
    options: {
      'dry-run': { type: 'boolean', help: 'hanya menampilkan perintah gcloud' },
      project: { type: 'string', value: 'ID', example: 'monev-jatim', help: 'proyek Google Cloud' },
      region: { type: 'string', value: 'REGION', example: 'asia-southeast2', help: 'region (bawaan Jakarta)' },
      env: {
        type: 'string',
        multiple: true,
        value: 'KUNCI=nilai',
        example: 'MONEV_REKAP=…',
        help: 'variabel lingkungan fungsi, boleh berulang',
      },
    },
  },
} as const satisfies Record<string, CommandSpec>;

type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

const EXIT_CODES = [
  'Kode keluar:',
  '  0  beres',
  '  1  ada satker tidak dinilai atau ber-error, atau laporan tidak terkirim (atau tidak pasti terkirim)',
  '  2  pemakaian, konfigurasi atau lingkungan salah (folder tidak ada, tidak bisa ditulis, disk penuh,',
  '     folder keluaran sedang dipakai run lain); pesannya menyebut file dan apa yang harus dilakukan',
  '  3  kesalahan internal monev sendiri (bukan kesalahan data); laporkan pesannya ke tim monev provinsi',
];

function generalHelp(): string {
  const width = Math.max(...COMMAND_NAMES.map((name) => name.length));
  return [
    'monev — monitoring dan evaluasi kinerja kelembagaan Bawaslu Jawa Timur',
    '',
    'Pemakaian: monev PERINTAH [opsi]   (monev PERINTAH --help untuk rincian)',
    '',
    'Perintah:',
    ...COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    'Contoh:',
    '  monev run --data data --out out',
    '  monev validate data/satker/3573.xlsx --period 2025-TW3',
    '',
    ...EXIT_CODES,
  ].join('\n');
}

function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const options = Object.entries(spec.options).map(
    ([option, o]) => [`--${option}${o.value ? ` ${o.value}` : ''}`, o.help] as const,
  );
  const width = Math.max(0, ...options.map(([flag]) => flag.length));
  return [
    `monev ${name} — ${spec.summary}`,
    '',
    'Pemakaian:',
    ...spec.usage.map((line) => `  ${line}`),
    '',
    ...spec.about,
    ...(options.length > 0
      ? [
          '',
          'Opsi:',
          ...options.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
          `  ${'--help'.padEnd(width)}  bantuan ini`,
        ]
      : []),
    '',
    ...EXIT_CODES,
  ].join('\n');
}

/** The `monev` command: parses arguments, runs one command, maps failures to exit codes. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return failure(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.out(generalHelp());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    io.out(topic !== undefined && isCommand(topic) ? commandHelp(topic) : generalHelp());
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    if (first.startsWith('-')) throw unknownOption(first, null);
    throw usageError('unknown-command', {
      command: first,
      suggestion: closest(first, COMMAND_NAMES),
      commands: COMMAND_NAMES,
    });
  }
  const command = first;
  const spec: CommandSpec = COMMANDS[command];
  const args = command === 'provision' ? bareRekap(rest) : [...rest];
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? (arg.slice(2).split('=')[0] ?? '') : arg.slice(1);
    if (name === 'help' || name === 'h') {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    if (!arg.startsWith('--') || !(name in spec.options)) throw unknownOption(arg.split('=')[0] ?? arg, command);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(spec.options).map(([name, o]) => [
          name,
          o.type === 'boolean'
            ? { type: 'boolean' as const }
            : { type: 'string' as const, multiple: o.multiple === true },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw translateParseError(error, spec);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const positionals = parsed.positionals;
  const extra = positionals[spec.positional?.length ?? 0];
  if (extra !== undefined) throw usageError('unexpected-argument', { command, value: extra });
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: string): boolean => values[name] === true;
  const required = (name: string): string => {
    const value = text(name);
    if (value === undefined || value.trim() === '')
      throw usageError('missing-option', { command, option: `--${name}`, example: spec.options[name]?.example ?? '…' });
    return value;
  };

  switch (command) {
    case 'run': {
      const source = text('source') ?? 'xlsx';
      if (source !== 'xlsx' && source !== 'google') throw usageError('unknown-source', { value: source });
      return (await modules.run()).runCommand(
        {
          source,
          data: source === 'google' ? undefined : required('data'),
          rekap: source === 'google' ? required('rekap') : undefined,
          out: required('out'),
          period: text('period'),
          offices: text('offices')
            ?.split(',')
            .map((code) => code.trim())
            .filter((code) => code !== ''),
          pdf: !flag('no-pdf'),
          email: !flag('no-email'),
          resend: flag('resend'),
          verify: !flag('no-verify'),
        },
        io,
      );
    }
    case 'provision': {
      const rekap = text('rekap');
      if (rekap === undefined) throw usageError('provision-needs-rekap', {});
      return (await modules.provision()).provisionCommand({ rekap, period: text('period') }, io);
    }
    case 'validate': {
      const file = positionals[0];
      if (!file)
        throw usageError('missing-file', { command, example: 'monev validate satker/3573.xlsx --period 2025-TW3' });
      return (await modules.validate()).validateCommand(
        { file, period: required('period'), code: text('kode'), json: flag('json') },
        io,
      );
    }
    case 'template':
      return (await modules.files()).templateCommand(
        { out: required('out'), code: text('kode'), name: text('nama'), year: text('tahun') },
        io,
      );
    case 'sample':
      return (await modules.files()).sampleCommand(
        { out: required('out'), offices: text('offices'), seed: text('seed'), period: text('period') },
        io,
      );
    case 'start':
      return (await modules.files()).startCommand(io);
    case 'serve': {
      // Port 0 takes any free port; the line printed at start names it.
      const port = Number(text('port') ?? '8080');
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw usageError('invalid-port', { value: text('port') ?? '' });
      const oidc = text('oidc');
      if (oidc !== undefined && oidc !== 'on' && oidc !== 'off') throw usageError('invalid-oidc', { value: oidc });
      return (await modules.serve()).serveCommand(
        {
          data: required('data'),
          out: text('out') ?? 'out',
          port,
          host: text('host'),
          oidc: oidc === undefined ? undefined : oidc === 'on',
        },
        io,
      );
    }
    case 'watch':
      return (await modules.watch()).watchCommand(
        { data: required('data'), out: text('out') ?? 'out', period: text('period') },
        io,
      );
    case 'deploy': {
      const env = values.env;
      return (await modules.deploy()).deployCommand(
        {
          dryRun: flag('dry-run'),
          project: text('project'),
          region: text('region'),
          env: Array.isArray(env) ? env : [],
        },
        io,
      );
    }
  }
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

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function unknownOption(option: string, command: CommandName | null): UsageError {
  const name = option.replace(/^-+/, '');
  const own = command ? Object.keys(COMMANDS[command].options) : [];
  const suggestion = closest(name, own);
  const elsewhere = suggestion
    ? null
    : (COMMAND_NAMES.find((other) => other !== command && name in COMMANDS[other].options) ?? null);
  return usageError('unknown-option', {
    option: escapeControls(option),
    command,
    suggestion: suggestion ? `--${suggestion}` : null,
    elsewhere,
  });
}

/** parseArgs' own errors are English: say the same in Indonesian, with an example for the option. */
function translateParseError(error: unknown, spec: CommandSpec): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return error;
  const option = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
  const name = option.replace(/^-+/, '');
  const o = spec.options[name];
  if (o?.type === 'boolean') return usageError('flag-with-value', { option });
  return usageError('missing-value', { option: option || 'ini', example: o?.example ?? '…' });
}

/** `monev provision --rekap` without a value creates the rekap: give the bare flag an empty value. */
function bareRekap(argv: readonly string[]): string[] {
  return argv.map((arg, i) =>
    arg === '--rekap' && (i === argv.length - 1 || (argv[i + 1] ?? '').startsWith('--')) ? '--rekap=' : arg,
  );
}
