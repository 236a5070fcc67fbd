import { maskNip } from '../../nip.js';
import type { OfficeResult, PersonDetails } from '../../scoring/office.js';
import { categoryClass, DATA_PROBLEM_MARK, fixedId, score } from '../format.js';
import { firstRows } from '../long-list.js';
import { rowRanges } from '../report-text.js';

/**
 * *Indikator Kinerja Individu (IKI)*: how much of IKU is cascaded to persons, and each person's score with
 * the NIP masked. Null for an unscored office.
 */
export function ikiSection(office: OfficeResult) {
  if (office.status !== 'scored') return null;
  const persons = office.details.iki;
  const named = firstRows([...persons.filter((person) => person.nip !== null), ...unreadablePersons(persons)]);
  const unreadable = persons.filter((person) => person.nip === null).flatMap((person) => person.rows.map((r) => r.row));
  return {
    coverage: office.ikiCoverage === null ? '–' : fixedId(office.ikiCoverage, 1),
    morePersons: named.more,
    persons: named.rows.map((person) => {
      if ('unreadableRows' in person)
        return {
          nip: 'tidak terbaca',
          name: person.name,
          position: person.position ?? '–',
          score: '–',
          category: DATA_PROBLEM_MARK,
          categoryClass: categoryClass(null, true),
          note: `${person.unreadableRows} baris dengan NIP tidak terbaca, dihitung 0`,
        };
      const broken = person.rows.filter((r) => r.hasError).length;
      const allBroken = broken > 0 && broken === person.rows.filter((r) => r.due).length;
      return {
        nip: maskNip(person.nip as string),
        name: person.name ?? '–',
        position: person.position ?? '–',
        score: score(person.score),
        // Issue 18: a person whose rows are all in error is a data problem, not a score of 0.
        category: allBroken ? DATA_PROBLEM_MARK : (person.category ?? '–'),
        categoryClass: categoryClass(allBroken ? null : person.category, allBroken),
        note: broken === 0 ? null : `termasuk ${broken} baris data salah, dihitung 0`,
      };
    }),
    unreadable:
      unreadable.length === 0
        ? null
        : `${unreadable.length} baris IKI dengan NIP tidak terbaca (${rowRanges('IKI', 'A', unreadable)}) dihitung 0 sebagai masalah data, bukan nilai pegawai. Perbaiki NIP-nya agar baris itu dinilai.`,
  };
}

/**
 * The people behind rows whose NIP cannot be read (issue 18: 3575's seventh person, whose six NIPs were
 * typed as numbers, was missing from the table beside an IKI of 49,77). Scoring counts each such row as
 * a person of its own (docs/SPEC.md §4); the report lists them by the Nama and Jabatan they carry, once,
 * marked as a data problem. Rows without a Nama name nobody and stay in the line below the table.
 */
function unreadablePersons(persons: readonly PersonDetails[]) {
  const byName = new Map<string, { name: string; position: string | null; unreadableRows: number }>();
  for (const person of persons) {
    if (person.nip !== null || person.name === null) continue;
    const key = `${person.name.trim().toLowerCase()}|${(person.position ?? '').trim().toLowerCase()}`;
    const seen = byName.get(key);
    if (seen) seen.unreadableRows += person.rows.length;
    else byName.set(key, { name: person.name, position: person.position, unreadableRows: person.rows.length });
  }
  return [...byName.values()];
}
