/**
 * The defaults of working on this machine, in a module of their own so that the `monev` command can
 * name them in its help without loading the configuration (zod) or the commands behind it.
 */

/** Where the output goes when no folder is named: `monev serve`, `monev watch`, `monev start`, MONEV_OUT_DIR. */
export const DEFAULT_OUT_DIR = 'out';

/** Where `monev serve` listens unless --host says otherwise: loopback, which nothing outside the machine reaches. */
export const DEFAULT_HOST = '127.0.0.1';
