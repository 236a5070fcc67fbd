/**
 * Dropdown values of the sheets. Each choice has the id the code uses, the label written into
 * templates and reports, and the other spellings operators type that mean the same thing.
 * Matching ignores case, spaces, dots and hyphens (see `choiceKey`).
 */
export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly spellings: readonly string[];
}

export interface ChoiceSet {
  readonly name: string;
  readonly choices: readonly Choice[];
  /** Used when the cell is blank and the column is optional. */
  readonly defaultId?: string;
}

export function choiceKey(text: string): string {
  return text.toLowerCase().replace(/[\s.\-_/]+/g, '');
}

function defineChoices(set: ChoiceSet): ChoiceSet & { find(text: string): Choice | undefined } {
  const byKey = new Map<string, Choice>();
  for (const choice of set.choices) {
    for (const spelling of [choice.id, choice.label, ...choice.spellings]) byKey.set(choiceKey(spelling), choice);
  }
  return { ...set, find: (text: string) => byKey.get(choiceKey(text)) };
}

export const POLARITY = defineChoices({
  name: 'Polaritas',
  choices: [
    { id: 'maksimal', label: 'Maksimal', spellings: ['maks', 'max', 'maximal', 'maksimum', 'positif', 'naik'] },
    { id: 'minimal', label: 'Minimal', spellings: ['min', 'minimum', 'negatif', 'turun'] },
  ],
  defaultId: 'maksimal',
});

export const AGGREGATION = defineChoices({
  name: 'Sifat',
  choices: [
    { id: 'kumulatif', label: 'Kumulatif', spellings: ['kumulative', 'akumulasi', 'jumlah'] },
    {
      id: 'akhir-periode',
      label: 'Akhir Periode',
      spellings: ['akhir', 'posisi akhir', 'nilai akhir', 'periode akhir'],
    },
    { id: 'rata-rata', label: 'Rata-rata', spellings: ['ratarata', 'rerata', 'rata', 'average'] },
  ],
  defaultId: 'kumulatif',
});

export const STAGE_STATUS = defineChoices({
  name: 'Status',
  choices: [
    { id: 'belum', label: 'Belum', spellings: ['belum mulai', 'belum dimulai', 'belum dilaksanakan'] },
    {
      id: 'proses',
      label: 'Proses',
      spellings: ['dalam proses', 'sedang', 'sedang berjalan', 'berjalan', 'on progress'],
    },
    { id: 'selesai', label: 'Selesai', spellings: ['sudah', 'sudah selesai', 'tuntas', 'done'] },
  ],
});

export const STAGE_NUMBER = defineChoices({
  name: 'Tahap',
  choices: [1, 2, 3, 4].map((n) => ({
    id: String(n),
    label: String(n),
    spellings: [`tahap ${n}`, ['I', 'II', 'III', 'IV'][n - 1] as string, `tahap ${['I', 'II', 'III', 'IV'][n - 1]}`],
  })),
});

export const OFFICE_KIND = defineChoices({
  name: 'Jenis',
  choices: [
    { id: 'kabupaten', label: 'Kabupaten', spellings: ['kab'] },
    { id: 'kota', label: 'Kota', spellings: [] },
    { id: 'provinsi', label: 'Provinsi', spellings: ['prov'] },
  ],
});

export const YES_NO = defineChoices({
  name: 'Aktif',
  choices: [
    { id: 'ya', label: 'Ya', spellings: ['y', 'aktif', 'yes', 'true', '1'] },
    { id: 'tidak', label: 'Tidak', spellings: ['t', 'tdk', 'nonaktif', 'tidak aktif', 'no', 'false', '0'] },
  ],
  defaultId: 'ya',
});
