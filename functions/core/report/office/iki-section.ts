import { maskNip } from '../../nip.js';
import type { OfficeResult } from '../../scoring/office.js';
import { categoryClass, fixedId, score } from '../format.js';
import { firstRows } from '../long-list.js';
import { rowRanges } from '../report-text.js';

/**
 * *Indikator Kinerja Individu (IKI)*: how much of IKU is cascaded to persons, and each person's score with
 * the NIP masked. Null for an unscored office.
 */
export function ikiSection(office: OfficeResult) {
  if (office.status !== 'scored') return null;
  const persons = office.details.iki;
  const named = firstRows(persons.filter((person) => person.nip !== null));
  const unreadable = persons.filter((person) => person.nip === null).flatMap((person) => person.rows.map((r) => r.row));
  return {
    coverage: office.ikiCoverage === null ? '–' : fixedId(office.ikiCoverage, 1),
    // A row whose NIP cannot be read belongs to nobody: it is a data problem, never a named person's score.
    morePersons: named.more,
    persons: named.rows.map((person) => {
      const broken = person.rows.filter((r) => r.hasError).length;
      const allBroken = broken > 0 && broken === person.rows.filter((r) => r.due).length;
      return {
        nip: maskNip(person.nip as string),
        name: person.name ?? '–',
        position: person.position ?? '–',
        score: score(person.score),
        category: allBroken ? 'Data salah' : (person.category ?? '–'),
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
