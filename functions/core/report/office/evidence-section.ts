import { evidenceCounts, type LinkOutcome } from '../../evidence/office-evidence.js';
import { formatId } from '../../numbers.js';
import type { OfficeResult } from '../../scoring/office.js';

/**
 * The *Bukti dukung* part of reports and e-mails (docs/SPEC.md §8): how many links, how many checked in
 * Drive and found, and each failed or copied link at its cell with what to do. Kept apart from the
 * rest of the report model so the section can move without touching it.
 */
const WHAT_TO_DO: Readonly<Record<Exclude<LinkOutcome, 'ok' | 'unverified'>, string>> = {
  unreachable: 'tidak dapat dibuka: bagikan file ke akun layanan monev, atau perbaiki tautannya',
  trashed: 'file ada di Sampah: pulihkan, atau ganti tautannya',
  empty: 'file atau folder kosong: unggah dokumen buktinya',
};

export function evidenceSection(office: OfficeResult) {
  const evidence = office.evidence;
  if (!evidence) return null;
  const counts = evidenceCounts(evidence);
  const failed = evidence.citations.flatMap((c) =>
    c.outcome === 'ok' || c.outcome === 'unverified'
      ? []
      : [{ cell: c.cell, link: c.link, reason: WHAT_TO_DO[c.outcome] }],
  );
  const shared = evidence.citations
    .filter((c) => c.sharedWith.length > 0)
    .map((c) => ({ cell: c.cell, link: c.link, offices: c.sharedWith.join(', ') }));
  const reused = office.findings.filter((f) => f.code === 'evidence-reused').map((f) => f.cell);
  return {
    ...counts,
    /** "82 %" of links found in Drive; null when nothing was checked. */
    okShare: verifiedShare(office),
    failedLinks: failed,
    sharedLinks: shared,
    reusedCells: reused.join(', '),
  };
}

/** Share of an office's links that Drive confirmed, as text ("82,5 %"); "–" when none was checked. */
export function verifiedShare(office: OfficeResult): string {
  const evidence = office.evidence;
  if (!evidence || !evidence.verified || evidence.citations.length === 0) return '–';
  const counts = evidenceCounts(evidence);
  return `${formatId((100 * counts.ok) / counts.links, 1)} %`;
}

/** For e-mails: one sentence on failed links, or null when none failed. */
export function failedLinksSentence(office: OfficeResult): string | null {
  const evidence = office.evidence;
  if (!evidence) return null;
  const { failed, links, verified } = evidenceCounts(evidence);
  if (!verified) return null;
  if (failed === 0) return `Semua ${links} tautan bukti dukung di Google Drive dapat dibuka monev.`;
  return `${failed} dari ${links} tautan bukti dukung gagal diperiksa (tidak dapat dibuka, ada di Sampah, atau kosong); rinciannya ada di laporan dan tab Hasil Validasi.`;
}
