/** Where a command prints: stdout for results, stderr for progress and problems. Tests pass their own. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress can redraw one line. */
  readonly interactive: boolean;
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** Exit codes (docs/SPEC.md §7 and README): 0 ok, 1 some office unscored or with errors, 2 bad usage or configuration. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Wrong arguments: the message says what was expected. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
