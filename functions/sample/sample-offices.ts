import { JATIM_OFFICES } from '../../sheets-schema/index.js';
import type { SampleOffice } from './content.js';

/** The Kota Malang pilot of 2025: its sample workbook is clean and strong, and never gets mistakes. */
export const PILOT_OFFICE = '3573';

/**
 * The first `count` offices: the 38 real ones in registry order, then synthetic "Contoh" offices
 * (codes from 9001) so that load tests can ask for thousands.
 */
export function sampleOffices(count: number): SampleOffice[] {
  const offices: SampleOffice[] = [];
  for (let i = 0; i < count; i++) {
    const real = JATIM_OFFICES[i];
    if (real) {
      const place = real.region
        .replace(/^(Kabupaten|Kota) /, '')
        .toLowerCase()
        .replace(/\s+/g, '');
      offices.push({
        code: real.code,
        name: real.name,
        kind: real.kind,
        slug: `${real.kind === 'Kota' ? 'kota' : 'kab'}-${place}`,
        host: `${place}${real.kind === 'Kota' ? 'kota' : 'kab'}`,
      });
    } else {
      const n = i + 1;
      offices.push({
        code: syntheticCode(i - JATIM_OFFICES.length),
        name: `Bawaslu Kabupaten Contoh ${n}`,
        kind: 'Kabupaten',
        slug: `kab-contoh-${n}`,
        host: `contoh${n}kab`,
      });
    }
  }
  return offices;
}

/**
 * A four-digit Kemendagri-shaped code for the n-th office beyond Jawa Timur's (n from 0): 9001–9999 first,
 * then 1000 upwards, skipping Jawa Timur's own 35xx, so that a 5 520-office province still has codes
 * the rekap reader accepts.
 */
function syntheticCode(n: number): string {
  if (n < 999) return String(9001 + n);
  const low = 1000 + (n - 999);
  const code = low >= 3500 ? low + 100 : low;
  if (code > 9000) throw new Error(`Contoh provinsi paling banyak ${JATIM_OFFICES.length + 999 + 7900} satker.`);
  return String(code);
}
