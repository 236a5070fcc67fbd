import type { Random } from '../random.js';

/**
 * Synthetic staff: names drawn from common Indonesian given names and family names (the people do
 * not exist) and NIPs with the structure of PP 11/2017 — birth date, month of appointment, sex,
 * serial — so they pass validation without belonging to anyone.
 */
const MALE = [
  'Ahmad',
  'Budi',
  'Agus',
  'Eko',
  'Hendra',
  'Wahyu',
  'Rizky',
  'Bambang',
  'Dedi',
  'Fajar',
  'Arif',
  'Yusuf',
  'Imam',
  'Galih',
  'Taufik',
  'Joko',
  'Andi',
  'Rudi',
  'Syaiful',
  'Moch.',
];
const FEMALE = [
  'Siti',
  'Rina',
  'Dwi',
  'Fitri',
  'Dian',
  'Putri',
  'Yuli',
  'Sri',
  'Nur',
  'Ayu',
  'Lestari',
  'Indah',
  'Novita',
  'Ratna',
  'Wulan',
  'Anisa',
  'Retno',
  'Eka',
  'Maya',
  'Laila',
];
const FAMILY = [
  'Santoso',
  'Wulandari',
  'Prasetyo',
  'Hidayat',
  'Rahmawati',
  'Saputra',
  'Kurniawan',
  'Setiawan',
  'Purnomo',
  'Susanti',
  'Nugroho',
  'Maharani',
  'Firmansyah',
  'Hasanah',
  'Wibowo',
  'Handayani',
  'Suryadi',
  'Anggraini',
  'Hakim',
  'Fauzi',
  'Ramadhan',
  'Utami',
  'Kusuma',
  'Pratiwi',
  'Syahputra',
  'Mubarok',
  'Habibah',
  'Zainuddin',
  'Safitri',
  'Ma’ruf',
];
const DEGREES = ['S.H.', 'S.E.', 'S.Kom.', 'S.Sos.', 'S.IP.', 'S.Pd.', 'S.AP.', 'A.Md.'];

export interface Person {
  readonly name: string;
  /** 18 digits, no spaces. */
  readonly nip: string;
}

export function makePerson(rng: Random, taken: Set<string>): Person {
  const male = rng.chance(0.55);
  const given = rng.pick(male ? MALE : FEMALE);
  const family = rng.pick(FAMILY);
  const degree = rng.chance(0.7) ? `, ${rng.pick(DEGREES)}` : '';
  const master = degree && rng.chance(0.2) ? (rng.chance(0.5) ? ', M.H.' : ', M.Si.') : '';
  let nip = makeNip(rng, male);
  while (taken.has(nip)) nip = makeNip(rng, male);
  taken.add(nip);
  return { name: `${given} ${family}${degree}${master}`, nip };
}

function makeNip(rng: Random, male: boolean): string {
  const birthYear = rng.int(1968, 1998);
  const birth = new Date(Date.UTC(birthYear, 0, 1 + rng.int(0, 364)));
  const appointedYear = Math.min(2024, birthYear + rng.int(22, 32));
  const appointedMonth = rng.pick([1, 2, 3, 4, 12]);
  return [
    birth.toISOString().slice(0, 10).replace(/-/g, ''),
    `${appointedYear}${pad2(appointedMonth)}`,
    male ? '1' : '2',
    String(rng.int(1, 9)).padStart(3, '0'),
  ].join('');
}

/** The printed form "19870315 201012 1 001", which the validator reads as the same person. */
export function spacedNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
