/**
 * Numbers in Indonesian words ("seribu empat belas"), for messages that must say how monev read a number
 * without a separator the reader could take either way (issue 18: "dibaca sebagai 1.014" told an
 * Indonesian reader nothing about whether the dot was read as thousands or decimals).
 */

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** Thousands groups above the first, from the smallest: 10³, 10⁶, 10⁹, 10¹². */
const SCALES = ['ribu', 'juta', 'miliar', 'triliun'] as const;

/** At most this many decimals are read out, one digit at a time, as Indonesian does ("koma dua lima"). */
const MAX_DECIMALS = 6;

/**
 * `value` in words: "nol", "sebelas", "seratus", "seribu empat belas", "dua ribu lima ratus koma lima",
 * "minus tiga". Decimals are read digit by digit after "koma" (1,25 → "satu koma dua lima"), rounded to
 * six places, the way the number is written. Null for a number too large to read out (10¹⁵ and above) or
 * not finite: the caller then shows the digits alone.
 */
export function numberInWords(value: number): string | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return null;
  const [whole, fraction = ''] = plainDigits(Math.abs(value)).split('.');
  const words = wholeInWords(Number(whole));
  const decimals = fraction === '' ? '' : ` koma ${[...fraction].map((d) => UNITS[Number(d)]).join(' ')}`;
  const sign = value < 0 && (whole !== '0' || fraction !== '') ? 'minus ' : '';
  return `${sign}${words}${decimals}`;
}

/**
 * `value` written without a thousands separator and with the decimal comma ("1014", "2500,5"): the form
 * that cannot be misread, quoted beside its words.
 */
export function plainNumber(value: number): string {
  const digits = plainDigits(Math.abs(value)).replace('.', ',');
  return value < 0 && digits !== '0' ? `−${digits}` : digits;
}

/** "2500.5": the number's digits, at most MAX_DECIMALS decimals, no exponent, no trailing zeros. */
function plainDigits(value: number): string {
  return value.toFixed(MAX_DECIMALS).replace(/\.?0+$/, '');
}

function wholeInWords(n: number): string {
  if (n === 0) return UNITS[0];
  const parts: string[] = [];
  let rest = n;
  for (let scale = -1; rest > 0; scale++) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    if (group === 0) continue;
    if (scale === -1) parts.unshift(belowThousand(group));
    // One thousand is "seribu"; one million is "satu juta".
    else if (scale === 0 && group === 1) parts.unshift('seribu');
    else parts.unshift(`${belowThousand(group)} ${SCALES[scale] as string}`);
  }
  return parts.join(' ');
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 0 ? '' : hundreds === 1 ? 'seratus' : `${UNITS[hundreds] as string} ratus`;
  const tail = rest === 0 ? '' : belowHundred(rest);
  return [head, tail].filter((part) => part !== '').join(' ');
}

function belowHundred(n: number): string {
  if (n < 10) return UNITS[n] as string;
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${UNITS[n - 10] as string} belas`;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${UNITS[tens] as string} puluh${units === 0 ? '' : ` ${UNITS[units] as string}`}`;
}
