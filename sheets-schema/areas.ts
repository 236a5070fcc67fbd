import { choiceKey, type Choice } from './choices.js';

/**
 * The eight areas (bidang) of the 2025 institutional-strengthening programme, each piloted in one
 * office (docs/data/bidang.csv). A Bidang cell may hold the number, the id or the name.
 * `short` labels charts, where the full name does not fit.
 */
export const AREAS = [
  {
    no: 1,
    id: 'akuntabilitas-keuangan',
    name: 'Akuntabilitas Keuangan',
    short: 'Akuntabilitas Keuangan',
    pilotOffice: '3572',
  },
  {
    no: 2,
    id: 'informasi-hukum-ppid',
    name: 'Pelayanan Informasi Hukum dan PPID',
    short: 'Informasi Hukum & PPID',
    pilotOffice: '3513',
  },
  {
    no: 3,
    id: 'hubungan-kelembagaan',
    name: 'Hubungan dan Eksistensi Kelembagaan',
    short: 'Hubungan Kelembagaan',
    pilotOffice: '3521',
  },
  { no: 4, id: 'pengolahan-data', name: 'Pengolahan Data', short: 'Pengolahan Data', pilotOffice: '3507' },
  { no: 5, id: 'literasi-demokrasi', name: 'Literasi Demokrasi', short: 'Literasi Demokrasi', pilotOffice: '3504' },
  {
    no: 6,
    id: 'tata-kelola-internal',
    name: 'Penataan Tata Kelola Internal',
    short: 'Tata Kelola Internal',
    pilotOffice: '3526',
  },
  {
    no: 7,
    id: 'modernisasi-birokrasi',
    name: 'Modernisasi Birokrasi',
    short: 'Modernisasi Birokrasi',
    pilotOffice: '3576',
  },
  {
    no: 8,
    id: 'kinerja-kelembagaan',
    name: 'Peningkatan Kinerja Kelembagaan',
    short: 'Kinerja Kelembagaan',
    pilotOffice: '3573',
  },
] as const;

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];
export const AREA_IDS = AREAS.map((area) => area.id) as [AreaId, ...AreaId[]];

const areaChoices: Choice[] = AREAS.map((area) => ({
  id: area.id,
  label: area.name,
  spellings: [String(area.no), `bidang ${area.no}`],
}));

const byKey = new Map<string, Area>();
for (const area of AREAS) {
  for (const spelling of [String(area.no), area.id, area.name, `bidang ${area.no}`])
    byKey.set(choiceKey(spelling), area);
}

export const AREA_CHOICES = {
  name: 'Bidang',
  choices: areaChoices,
  find: (text: string): Choice | undefined => {
    const area = byKey.get(choiceKey(text));
    return area && areaChoices[area.no - 1];
  },
};

export function areaById(id: AreaId): Area {
  return AREAS.find((area) => area.id === id) as Area;
}
