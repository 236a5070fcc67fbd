import { parseArgs } from 'node:util';
import { UsageError, usageError, type CommandIo } from './io.js';
import { valueMessage, type ValueMessageCode } from './messages.js';

/**
 * How a `monev` command declares its options, and how the command line is read against that
 * declaration. After the Functions Framework's options.ts: each option is declared once, with its flag
 * (the key it is declared under), its type, its default, the environment variables it falls back on,
 * its validator with the catalogue's message for a refused value, and its help line. The command then
 * receives one typed object, keyed by flag: `options['no-pdf']` is a boolean, `options.port` a number,
 * and a flag the command does not declare does not compile.
 */

/** The environment an option may fall back on; passed in, so tests give their own. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A switch such as --no-pdf: true when given, false otherwise; it never takes a value. */
export interface FlagOption {
  readonly type: 'boolean';
  readonly help: string;
}

/** An option that may be given more than once (--env A=1 --env B=2): every value, in order. */
export interface ListOption {
  readonly type: 'list';
  /** The value's placeholder in help, e.g. KUNCI=nilai. */
  readonly value: string;
  /** An example value for messages ("misalnya --env MONEV_REKAP=…"). */
  readonly example: string;
  readonly help: string;
}

/** An option with one value, e.g. --data DIR; V is what the command receives. */
export interface ValueOption<V> {
  readonly type: 'string';
  readonly value: string;
  readonly example: string;
  readonly help: string;
  /** Read in this order when the command line does not give the option; the first that is set and not empty wins. */
  readonly env: readonly string[];
  /** What the flag means written alone (`monev provision --rekap`); without it a bare flag needs a value. */
  readonly bare?: string;
  /** The command's value from the text given (undefined when neither the command line nor the environment gives one). */
  readonly read: (text: string | undefined, command: string, flag: string) => Promise<V>;
}

export type Option = FlagOption | ListOption | ValueOption<unknown>;
export type Options = Readonly<Record<string, Option>>;

/** What a command receives for each of its options. */
export type OptionValues<O extends Options> = {
  readonly [K in keyof O]: O[K] extends ValueOption<infer V>
    ? V
    : O[K] extends ListOption
      ? readonly string[]
      : O[K] extends FlagOption
        ? boolean
        : never;
};

export function flag(help: string): FlagOption {
  return { type: 'boolean', help };
}

export function list(declaration: Omit<ListOption, 'type'>): ListOption {
  return { type: 'list', ...declaration };
}

interface TextDeclaration<T> {
  readonly value: string;
  readonly example: string;
  readonly help: string;
  readonly env?: readonly string[];
  /** Absent or blank is the catalogue's `missing-option`, naming the option and its example. */
  readonly required?: boolean;
  /** The value when neither the command line nor the environment gives one. */
  readonly default?: NoInfer<T>;
  readonly bare?: string;
}

interface ParsedDeclaration<T> extends TextDeclaration<T> {
  /** The validator: the command's value from the text, or null when the text is not valid. */
  readonly parse: (text: string) => T | null | Promise<T | null>;
  /** The catalogue's message for a text `parse` refuses; it quotes the text. */
  readonly error: ValueMessageCode;
}

/** An option whose value is its text, e.g. --data DIR. */
export function text(declaration: TextDeclaration<string> & { readonly required: true }): ValueOption<string>;
export function text(declaration: TextDeclaration<string> & { readonly default: string }): ValueOption<string>;
export function text(declaration: TextDeclaration<string>): ValueOption<string | undefined>;
export function text(declaration: TextDeclaration<string>): ValueOption<string | undefined> {
  return valueOption(declaration, (given) => given);
}

/** An option whose text a validator checks and turns into the command's value, e.g. --port 8080 → 8080. */
export function parsed<T>(declaration: ParsedDeclaration<T> & { readonly required: true }): ValueOption<T>;
export function parsed<T>(declaration: ParsedDeclaration<T> & { readonly default: NoInfer<T> }): ValueOption<T>;
export function parsed<T>(declaration: ParsedDeclaration<T>): ValueOption<T | undefined>;
export function parsed<T>(declaration: ParsedDeclaration<T>): ValueOption<T | undefined> {
  return valueOption<T>(declaration, async (given) => {
    const value = await declaration.parse(given);
    if (value === null) throw new UsageError(valueMessage(declaration.error, given), declaration.error);
    return value;
  });
}

function valueOption<T>(
  declaration: TextDeclaration<T>,
  parse: (text: string) => T | Promise<T>,
): ValueOption<T | undefined> {
  return {
    type: 'string',
    value: declaration.value,
    example: declaration.example,
    help: declaration.help,
    env: declaration.env ?? [],
    bare: declaration.bare,
    read: async (given, command, flag) => {
      if (declaration.required && (given === undefined || given.trim() === ''))
        throw usageError('missing-option', { command, option: flag, example: declaration.example });
      return given === undefined ? declaration.default : parse(given);
    },
  };
}

/** Validators for `parsed`. */
export function oneOf<const C extends readonly string[]>(choices: C): (text: string) => C[number] | null {
  return (given) => choices.find((choice) => choice === given) ?? null;
}

/** A whole number within bounds, read as JavaScript reads a number (so " 8080 " is 8080). */
export function integer(bounds: { min?: number; max?: number } = {}): (text: string) => number | null {
  const { min = -Infinity, max = Infinity } = bounds;
  return (given) => {
    const number = Number(given);
    return Number.isInteger(number) && number >= min && number <= max ? number : null;
  };
}

export function matching(pattern: RegExp): (text: string) => string | null {
  return (given) => (pattern.test(given) ? given : null);
}

export function onOff(given: string): boolean | null {
  return given === 'on' ? true : given === 'off' ? false : null;
}

/** A positional argument (validate's FILE): missing is the catalogue's `missing-file`, with this example. */
export interface Positional {
  readonly name: string;
  readonly example: string;
}

/** One command as its declaration gives it: help, options, and what runs. */
export interface CommandDeclaration<O extends Options> {
  readonly summary: string;
  readonly usage: readonly string[];
  /** Lines of explanation under the usage in `monev CMD --help`. */
  readonly about: readonly string[];
  readonly options: O;
  readonly positional?: Positional;
  /**
   * The command's own "Kode keluar" lines in `monev CMD --help`, when its codes mean something narrower
   * than the general list (validate: 1 is "the workbook has errors", never "a report not delivered").
   */
  readonly exitCodes?: readonly string[];
  /** Runs the command with its options read and checked; it loads the command's module only now. */
  readonly run: (options: OptionValues<O>, context: CommandContext<O>) => Promise<number>;
}

export interface CommandContext<O extends Options> {
  readonly io: CommandIo;
  readonly env: Environment;
  /** The positional argument; present when the command declares one. */
  readonly positional: string;
  /**
   * The value of an option this use of the command needs although the command does not always
   * (`monev run` needs --data unless --source google): absent or blank is `missing-option`.
   */
  required(flag: TextFlag<O>): string;
}

/** The flags of a command's options that hold text. */
type TextFlag<O extends Options> = {
  [K in keyof O & string]: OptionValues<O>[K] extends string | undefined ? K : never;
}[keyof O & string];

/** A command as the table of commands holds it: the declaration without its option types. */
export interface Command {
  readonly summary: string;
  readonly usage: readonly string[];
  readonly about: readonly string[];
  readonly options: Options;
  readonly positional?: Positional;
  readonly exitCodes?: readonly string[];
  /** Reads the command line and runs; 'help' when --help (or -h) is among the arguments. */
  readonly run: (argv: readonly string[], context: Invocation) => Promise<number | 'help'>;
}

export interface Invocation {
  readonly command: string;
  readonly io: CommandIo;
  readonly env: Environment;
  /** The message for an option the command does not know (with "Maksud Anda …?"). */
  readonly unknownOption: (option: string) => UsageError;
}

export function defineCommand<O extends Options>(declaration: CommandDeclaration<O>): Command {
  const { run, ...described } = declaration;
  return {
    ...described,
    run: async (argv, invocation) => {
      const line = await readCommandLine(declaration, argv, invocation);
      if (line === 'help') return 'help';
      const { command, io, env } = invocation;
      return run(line.values, {
        io,
        env,
        positional: line.positional ?? '',
        required: (flag) => {
          const value = line.values[flag];
          if (typeof value === 'string' && value.trim() !== '') return value;
          const option = declaration.options[flag];
          const example = option && option.type !== 'boolean' ? option.example : '…';
          throw usageError('missing-option', { command, option: `--${flag}`, example });
        },
      });
    },
  };
}

/**
 * The command line against a command's declaration, in the order a reader would check it: --help
 * first, then options the command does not know, malformed ones (parseArgs' errors in Indonesian),
 * stray arguments, the positional, then each option in its declared order.
 */
export async function readCommandLine<O extends Options>(
  declaration: Pick<CommandDeclaration<O>, 'options' | 'positional'>,
  argv: readonly string[],
  invocation: Pick<Invocation, 'command' | 'env' | 'unknownOption'>,
): Promise<'help' | { values: OptionValues<O>; positional?: string }> {
  const { command, env } = invocation;
  const options: Options = declaration.options;
  const args = withBareValues(argv, options);
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? (arg.slice(2).split('=')[0] ?? '') : arg.slice(1);
    if (name === 'help' || name === 'h') return 'help';
    if (!arg.startsWith('--') || !Object.hasOwn(options, name))
      throw invocation.unknownOption(arg.split('=')[0] ?? arg);
  }
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          o.type === 'boolean'
            ? { type: 'boolean' as const }
            : { type: 'string' as const, multiple: o.type === 'list' },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw translateParseError(error, options);
  }
  const given = parsedArgs.values as Record<string, string | boolean | string[] | undefined>;
  const positionals = parsedArgs.positionals;
  const extra = positionals[declaration.positional ? 1 : 0];
  if (extra !== undefined) throw usageError('unexpected-argument', { command, value: extra });
  const positional = positionals[0];
  if (declaration.positional && !positional)
    throw usageError('missing-file', { command, example: declaration.positional.example });
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    const raw = given[name];
    if (option.type === 'boolean') values[name] = raw === true;
    else if (option.type === 'list') values[name] = Array.isArray(raw) ? raw : [];
    else
      values[name] = await option.read(
        typeof raw === 'string' ? raw : fromEnvironment(option.env, env),
        command,
        `--${name}`,
      );
  }
  // Built above from the same declaration, one entry per option with the type its declaration gives.
  return { values: values as OptionValues<O>, positional };
}

function fromEnvironment(names: readonly string[], env: Environment): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** A flag with a `bare` meaning written alone (at the end, or before another option) gets that value. */
function withBareValues(argv: readonly string[], options: Options): string[] {
  return argv.map((arg, i) => {
    const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    const bare = option?.type === 'string' ? option.bare : undefined;
    const alone = i === argv.length - 1 || (argv[i + 1] ?? '').startsWith('--');
    return bare !== undefined && alone ? `${arg}=${bare}` : arg;
  });
}

/** parseArgs' own errors are English: say the same in Indonesian, with an example for the option. */
function translateParseError(error: unknown, options: Options): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return error;
  const option = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
  const declared = options[option.replace(/^-+/, '')];
  if (declared?.type === 'boolean') return usageError('flag-with-value', { option });
  return usageError('missing-value', { option: option || 'ini', example: declared?.example ?? '…' });
}
