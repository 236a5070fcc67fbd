/**
 * A problem with how monev was called or configured (bad arguments, an unreadable rekap, weights
 * that do not sum to 100). Its message is for the person running monev: Indonesian, naming the file,
 * tab and cell, and saying what to do. Nothing has been written when it is thrown.
 *
 * It lives in shared/, below both app/ and adapters/, because both throw it: an adapter finds a
 * configuration it cannot work with (no SMTP URL, no Drive folder) as often as a use case does.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
