import { cliMessage, type CliMessageCode } from './messages.js';

/** Where a command prints: stdout for results, stderr for progress and problems. Tests pass their own. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress can redraw one line. */
  readonly interactive: boolean;
}

/**
 * The process's own streams. Text is printed with control characters escaped (sheet text can hold
 * an escape sequence that would recolour, retitle or clear the terminal). A reader that goes away
 * (`monev run | head`) closes the pipe: output stops quietly and the run itself goes on to the end,
 * so the reports it is sending and the Log it is writing are not cut off by a closed terminal pager.
 */
export function processIo(): CommandIo {
  const open = { out: watch(process.stdout), err: watch(process.stderr) };
  return {
    out: (text) => {
      if (open.out.writable) process.stdout.write(`${escapeControls(text)}\n`);
    },
    err: (text) => {
      if (open.err.writable) process.stderr.write(`${escapeControls(text)}\n`);
    },
    interactive: Boolean(process.stderr.isTTY),
  };
}

const watched = new WeakMap<NodeJS.WriteStream, { writable: boolean }>();

function watch(stream: NodeJS.WriteStream): { writable: boolean } {
  let state = watched.get(stream);
  if (state) return state;
  const created = { writable: true };
  state = created;
  watched.set(stream, state);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    created.writable = false;
  });
  return state;
}

/**
 * Control characters as `\u001b`-style escapes (valid inside JSON strings too, so `--json` output stays
 * the same data): C0 except new line and tab, DEL, C1 (U+0080–U+009F; some terminals obey them), and the
 * bidirectional overrides that can make text read differently from what it is.
 */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Exit codes (docs/SPEC.md §7 and README): 0 ok; 1 some office unscored or with errors, or a report not
 * delivered; 2 bad usage, configuration or environment (nothing done, or what was done is kept); 3 a
 * fault of monev itself.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Wrong arguments, or a machine that cannot do the job: the message says what was expected. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** The catalogue's code (commands/messages.ts) when the message came from there. */
    readonly code?: CliMessageCode,
  ) {
    super(message);
  }
}

/** A UsageError with its message from the CLI catalogue. */
export function usageError<C extends CliMessageCode>(code: C, params: Parameters<typeof cliMessage<C>>[1]): UsageError {
  return new UsageError(cliMessage(code, params), code);
}
