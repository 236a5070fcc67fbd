import { finding } from '../findings.js';
import type { OfficeFinding, OfficeResult } from '../scoring/office.js';
import { sortFindings } from '../sort-findings.js';

/**
 * The same evidence cited by two or more scored offices (docs/SPEC.md §8): `evidence-shared` on every
 * citing cell, naming the other offices. It costs no score and needs no Drive, so it runs offline too;
 * it needs the whole province, so it runs where offices are ranked. Offices not touched come back as
 * they were (the same objects), so a caller can tell which offices gained findings.
 */
export function markSharedEvidence(offices: readonly OfficeResult[]): OfficeResult[] {
  const citing = new Map<string, Set<string>>();
  for (const office of offices) {
    if (office.status !== 'scored' || !office.evidence) continue;
    for (const citation of office.evidence.citations) {
      const codes = citing.get(citation.key) ?? new Set<string>();
      codes.add(office.code);
      citing.set(citation.key, codes);
    }
  }
  const names = new Map(offices.map((office) => [office.code, `${office.name} (${office.code})`]));
  return offices.map((office) => {
    const evidence = office.evidence;
    if (office.status !== 'scored' || !evidence) return office;
    const others = (key: string) =>
      [...(citing.get(key) ?? [])].filter((code) => code !== office.code).map((code) => names.get(code) ?? code);
    if (!evidence.citations.some((citation) => others(citation.key).length > 0)) return office;
    const findings: OfficeFinding[] = [...office.findings];
    const citations = evidence.citations.map((citation) => {
      const sharedWith = others(citation.key);
      if (sharedWith.length === 0) return citation;
      // It costs nothing, so putting it right gains nothing (docs/SPEC.md §8).
      findings.push({
        ...finding('evidence-shared', citation.tab, citation.cell, { link: citation.link, offices: sharedWith }),
        gain: 0,
      });
      return { ...citation, sharedWith };
    });
    return { ...office, findings: sortFindings(findings), evidence: { ...evidence, citations } };
  });
}
