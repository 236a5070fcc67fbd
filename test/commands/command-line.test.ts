import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineCommand,
  flag,
  integer,
  list,
  matching,
  oneOf,
  onOff,
  parsed,
  readCommandLine,
  text,
  type Environment,
} from '../../functions/commands/command-line.js';
import { UsageError, type CommandIo } from '../../functions/commands/io.js';
import type { CliMessageCode } from '../../functions/commands/messages.js';

/** One option of every kind the commands use, declared as `monev serve`, `run` and `deploy` declare theirs. */
const OPTIONS = {
  data: text({ value: 'DIR', example: 'data', help: 'folder data' }),
  out: text({ value: 'DIR', example: 'out', help: 'folder keluaran', required: true }),
  port: parsed({
    value: 'PORT',
    example: '8080',
    help: 'port',
    default: 8080,
    parse: integer({ min: 0, max: 65_535 }),
    error: 'invalid-port',
  }),
  source: parsed({
    value: 'xlsx|google',
    example: 'google',
    help: 'asal',
    default: 'xlsx',
    parse: oneOf(['xlsx', 'google']),
    error: 'unknown-source',
  }),
  oidc: parsed({ value: 'on|off', example: 'on', help: 'oidc', parse: onOff, error: 'invalid-oidc' }),
  project: parsed({
    value: 'ID',
    example: 'monev-jatim',
    help: 'proyek',
    env: ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'],
    parse: matching(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
    error: 'invalid-project',
  }),
  rekap: text({ value: 'ID|URL', example: 'https://docs.google.com/…', help: 'rekap', bare: '' }),
  'no-pdf': flag('tanpa PDF'),
  env: list({ value: 'KUNCI=nilai', example: 'MONEV_REKAP=…', help: 'lingkungan' }),
};

/** Stands in for cli.ts's message with its suggestion; the reader only decides when to use it. */
const unknownOption = (option: string) => new UsageError(`unbekannt ${option}`);

function read(argv: readonly string[], env: Environment = {}) {
  return readCommandLine({ options: OPTIONS }, argv, {
    command: 'uji',
    env,
    unknownOption,
  });
}

async function values(argv: readonly string[], env: Environment = {}) {
  const line = await read(argv, env);
  if (line === 'help') throw new Error('expected values, got help');
  return line.values;
}

const DEFAULTS = {
  data: undefined,
  out: 'o',
  port: 8080,
  source: 'xlsx',
  oidc: undefined,
  project: undefined,
  rekap: undefined,
  'no-pdf': false,
  env: [],
};

describe('reading options against their declaration', () => {
  const cases: { name: string; argv: string[]; env?: Environment; expected: Partial<typeof DEFAULTS> | object }[] = [
    { name: 'defaults where nothing is given', argv: ['--out', 'o'], expected: {} },
    {
      name: 'every kind given',
      argv: ['--out=o', '--data', 'd', '--port', '0', '--source', 'google', '--oidc', 'off', '--no-pdf'],
      expected: { data: 'd', port: 0, source: 'google', oidc: false, 'no-pdf': true },
    },
    { name: 'a number as JavaScript reads it', argv: ['--out', 'o', '--port', ' 1e3 '], expected: { port: 1000 } },
    {
      name: 'a list in order',
      argv: ['--out', 'o', '--env', 'B=2', '--env', 'A=1'],
      expected: { env: ['B=2', 'A=1'] },
    },
    {
      name: 'the environment when the flag is absent',
      argv: ['--out', 'o'],
      env: { GOOGLE_CLOUD_PROJECT: 'monev-jatim' },
      expected: { project: 'monev-jatim' },
    },
    {
      name: 'the first environment variable that is set and not empty',
      argv: ['--out', 'o'],
      env: { GOOGLE_CLOUD_PROJECT: '', CLOUDSDK_CORE_PROJECT: 'monev-cadangan' },
      expected: { project: 'monev-cadangan' },
    },
    {
      name: 'the flag before the environment',
      argv: ['--out', 'o', '--project', 'monev-flag'],
      env: { GOOGLE_CLOUD_PROJECT: 'monev-jatim' },
      expected: { project: 'monev-flag' },
    },
    { name: 'a bare flag before another option', argv: ['--rekap', '--out', 'o'], expected: { rekap: '' } },
    { name: 'a bare flag at the end', argv: ['--out', 'o', '--rekap'], expected: { rekap: '' } },
    { name: 'a bare-able flag with a value', argv: ['--rekap', '1AbC', '--out', 'o'], expected: { rekap: '1AbC' } },
  ];

  it.each(cases)('$name', async ({ argv, env, expected }) => {
    expect(await values(argv, env)).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe('what the reader refuses, with the catalogue code', () => {
  const cases: { name: string; argv: string[]; env?: Environment; code: CliMessageCode; message: string }[] = [
    {
      name: 'a required option absent',
      argv: [],
      code: 'missing-option',
      message: 'memerlukan --out, misalnya --out out',
    },
    { name: 'a required option blank', argv: ['--out', '  '], code: 'missing-option', message: '--out out' },
    { name: 'a port out of range', argv: ['--out', 'o', '--port', '65536'], code: 'invalid-port', message: '"65536"' },
    { name: 'a port with a fraction', argv: ['--out', 'o', '--port', '80.5'], code: 'invalid-port', message: '"80.5"' },
    {
      name: 'a choice not offered',
      argv: ['--out', 'o', '--source', 'gsheet'],
      code: 'unknown-source',
      message: '"gsheet"',
    },
    { name: 'neither on nor off', argv: ['--out', 'o', '--oidc', 'yes'], code: 'invalid-oidc', message: 'on atau off' },
    {
      name: 'an invalid value from the environment',
      argv: ['--out', 'o'],
      env: { GOOGLE_CLOUD_PROJECT: 'Monev Jatim' },
      code: 'invalid-project',
      message: '"Monev Jatim"',
    },
    { name: 'an option without its value', argv: ['--out'], code: 'missing-value', message: 'misalnya --out out' },
    {
      name: 'a flag with a value',
      argv: ['--out', 'o', '--no-pdf=1'],
      code: 'flag-with-value',
      message: '--no-pdf saja',
    },
    { name: 'a stray argument', argv: ['--out', 'o', 'lagi'], code: 'unexpected-argument', message: '"lagi"' },
  ];

  it.each(cases)('$name → $code', async ({ argv, env, code, message }) => {
    const reading = read(argv, env);
    await expect(reading).rejects.toBeInstanceOf(UsageError);
    await expect(reading).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it.each([
    ['--otu', ['--otu', 'o']],
    ['-o', ['-o', 'o']],
    ['--dat', ['--out', 'o', '--dat=d']],
  ])('leaves %s, an option it does not know, to the caller (which suggests one)', async (option, argv) => {
    await expect(read(argv)).rejects.toThrow(`unbekannt ${option}`);
  });

  it('answers help before reading values, in order among the options, and not after --', async () => {
    expect(await read(['--port', 'abc', '--help'])).toBe('help');
    expect(await read(['-h', '--otu'])).toBe('help');
    await expect(read(['--otu', '-h'])).rejects.toThrow('unbekannt --otu');
    await expect(read(['--out', 'o', '--', '--help'])).rejects.toMatchObject({ code: 'unexpected-argument' });
  });
});

describe('validators', () => {
  it.each([
    ['8080', 8080],
    ['0', 0],
    ['65535', 65_535],
    ['65536', null],
    ['-1', null],
    ['80.5', null],
    ['delapan', null],
  ])('integer 0–65535 reads %j as %j', (given, expected) => {
    expect(integer({ min: 0, max: 65_535 })(given)).toBe(expected);
  });

  it.each([
    ['on', true],
    ['off', false],
    ['ON', null],
    ['', null],
  ])('onOff reads %j as %j', (given, expected) => {
    expect(onOff(given)).toBe(expected);
  });

  it('oneOf keeps only the choices, exactly', () => {
    const source = oneOf(['xlsx', 'google']);
    expect([source('xlsx'), source('google'), source('Google'), source('')]).toEqual(['xlsx', 'google', null, null]);
  });
});

describe('a command receives its options typed', () => {
  it('gives each option the type its declaration says', async () => {
    const typed = await values(['--out', 'o']);
    expectTypeOf(typed.data).toEqualTypeOf<string | undefined>();
    expectTypeOf(typed.out).toEqualTypeOf<string>();
    expectTypeOf(typed.port).toEqualTypeOf<number>();
    expectTypeOf(typed.source).toEqualTypeOf<'xlsx' | 'google'>();
    expectTypeOf(typed.oidc).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(typed['no-pdf']).toEqualTypeOf<boolean>();
    expectTypeOf(typed.env).toEqualTypeOf<readonly string[]>();
    // @ts-expect-error A misspelt option does not compile.
    expect(typed.prot).toBeUndefined();
  });

  const io: CommandIo = { out: () => {}, err: () => {}, interactive: false };
  const invocation = { command: 'uji', io, env: {}, unknownOption };

  it('runs with the values read, and asks for an option the command needs only sometimes', async () => {
    const seen: unknown[] = [];
    const command = defineCommand({
      summary: 'uji',
      usage: ['monev uji'],
      about: [],
      options: { data: OPTIONS.data, source: OPTIONS.source },
      run: async (o, { required }) => {
        seen.push(o.source === 'google' ? null : required('data'));
        // @ts-expect-error Only an option that holds text can be required.
        if (o.source === 'never') required('source');
        return 0;
      },
    });
    expect(await command.run(['--data', 'd'], invocation)).toBe(0);
    expect(await command.run(['--source', 'google'], invocation)).toBe(0);
    expect(seen).toEqual(['d', null]);
    await expect(command.run(['--data', ' '], invocation)).rejects.toMatchObject({
      code: 'missing-option',
      message: 'monev uji memerlukan --data, misalnya --data data.',
    });
    expect(await command.run(['--help'], invocation)).toBe('help');
  });
});
