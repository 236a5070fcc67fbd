import { formatId } from '../numbers.js';
import { periodLabel, type Period } from '../period.js';
import type { OfficeResult } from '../scoring/office.js';
import { PREDICATE_LABELS } from '../scoring/province.js';

/**
 * The e-mail that carries a report: the subject names office, period, index and predicate; the body
 * summarises and lists what to fix first. Plain text here; the HTML part renders the same model.
 */
const FIX_LIMIT = 10;

export function officeMailModel(office: OfficeResult, period: Period) {
  const errors = office.findings.filter((f) => f.level === 'error');
  const warnings = office.findings.filter((f) => f.level === 'warning');
  const index = office.scores.index === null ? null : formatId(office.scores.index);
  const verdict = office.predicate ? `${office.predicate} ${PREDICATE_LABELS[office.predicate]}` : 'tidak dinilai';
  return {
    subject: `Monev ${periodLabel(period)} — ${office.name}: ${index === null ? verdict : `indeks ${index} (${verdict})`}`,
    greeting: `Yth. Pimpinan dan operator ${office.name},`,
    lead:
      office.status === 'scored'
        ? `Berikut hasil monitoring dan evaluasi kinerja kelembagaan ${periodLabel(period)}: indeks ${index ?? '–'}, predikat ${verdict}${office.rank === null ? '' : `, peringkat ${office.rank}`}.`
        : `Workbook satker belum dapat dinilai untuk ${periodLabel(period)}. Alasannya tercantum di bawah; setelah diperbaiki, penilaian berikutnya akan memasukkan satker ini.`,
    counts: `${errors.length} error dan ${warnings.length} peringatan ditemukan pada workbook.`,
    fixes: errors.slice(0, FIX_LIMIT).map((f) => ({ cell: f.cell, message: f.message })),
    moreFixes: Math.max(0, errors.length - FIX_LIMIT),
    closing: 'Laporan lengkap terlampir (PDF). Daftar seluruh temuan ada di tab Hasil Validasi pada workbook satker.',
    signature: 'Tim Monev Bawaslu Provinsi Jawa Timur',
  };
}

export type OfficeMailModel = ReturnType<typeof officeMailModel>;

export function officeMailText(model: OfficeMailModel): string {
  const lines = [model.greeting, '', model.lead, model.counts];
  if (model.fixes.length > 0) {
    lines.push('', 'Yang perlu diperbaiki lebih dulu:');
    for (const fix of model.fixes) lines.push(`- ${fix.cell}: ${fix.message}`);
    if (model.moreFixes > 0) lines.push(`- … dan ${model.moreFixes} error lain.`);
  }
  lines.push('', model.closing, '', model.signature);
  return lines.join('\n');
}

export function provinceMailModel(offices: readonly OfficeResult[], period: Period) {
  const scored = offices.filter((o) => o.status === 'scored');
  const top = [...scored].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).slice(0, 3);
  const average =
    scored.length === 0 ? null : scored.reduce((sum, o) => sum + (o.scores.index ?? 0), 0) / scored.length;
  const unscored = offices.filter((o) => o.status === 'unscored');
  return {
    subject: `Monev ${periodLabel(period)} — Rekap Bawaslu Kabupaten/Kota se-Jawa Timur: rata-rata indeks ${average === null ? '–' : formatId(average)}`,
    greeting: 'Yth. Pimpinan Bawaslu Provinsi Jawa Timur,',
    lead: `Berikut rekap monitoring dan evaluasi kinerja kelembagaan ${periodLabel(period)}: ${scored.length} dari ${offices.length} satker dinilai, rata-rata indeks ${average === null ? '–' : formatId(average)}.`,
    counts: `Tiga teratas: ${top.map((o) => `${o.name} (${formatId(o.scores.index ?? 0)})`).join(', ') || '–'}.`,
    fixes: unscored.map((o) => ({
      cell: o.name,
      message: o.findings.find((f) => f.level === 'error')?.message ?? 'tidak dinilai',
    })),
    moreFixes: 0,
    closing: 'Rekap lengkap terlampir (PDF), termasuk peta capaian per bidang dan pasangan belajar.',
    signature: 'Tim Monev Bawaslu Provinsi Jawa Timur',
  };
}
