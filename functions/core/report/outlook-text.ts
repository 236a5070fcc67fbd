import type { OutlookRow } from '../scoring/outlook.js';
import { quantity } from './format.js';

const QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/**
 * What the rest of the year must bring for an IKU at risk, in its Satuan (docs/SPEC.md §8 v3 `needed`),
 * worded as the rule computes it: Kumulatif the total of the remaining quarters, Akhir Periode the level
 * to reach in TW IV, Rata-rata the mean of each remaining quarter; for a Minimal row a ceiling ("paling
 * banyak"). "TW IV perlu 80 persen", "TW III–IV perlu 45 dokumen".
 */
export function neededText(row: OutlookRow, quarter: number): string {
  if (row.polarity === 'minimal' && row.needed < 0)
    return 'target akhir tahun tidak lagi dapat dicapai: batas setahun sudah terlampaui';
  const text = neededAmountText(row, quarter);
  return unreachable(row) ? `${text}: target akhir tahun tidak lagi dapat dicapai` : text;
}

function neededAmountText(row: OutlookRow, quarter: number): string {
  const rest = quarter >= 3 ? 'TW IV' : `TW ${QUARTERS[quarter]}–IV`;
  const amount = `${row.polarity === 'minimal' ? 'paling banyak ' : ''}${quantity(row.needed)}${row.unit ? ` ${row.unit}` : ''}`;
  switch (row.aggregation) {
    case 'kumulatif':
      return `${rest} perlu ${amount}${quarter < 3 ? ' (jumlah)' : ''}`;
    case 'akhir-periode':
      return `TW IV perlu mencapai ${amount}`;
    case 'rata-rata':
      return `${rest} perlu rata-rata ${amount}${quarter < 3 ? ' tiap triwulan' : ''}`;
  }
}

/**
 * A need no quarter can bring: more than 100 of a percentage (a mean of 181 % in TW IV); a Minimal row's
 * ceiling below zero is said above. The reader is told the target is out of reach, not sent after it.
 */
function unreachable(row: OutlookRow): boolean {
  return row.polarity !== 'minimal' && /^(persen|%)$/i.test((row.unit ?? '').trim()) && row.needed > 100;
}

/**
 * How the projection was made, so that "bila laju sejauh ini berlanjut" is only written where a pace is
 * projected (Kumulatif); Akhir Periode and Rata-rata are projected relative to plan.
 */
export function projectionBasis(row: OutlookRow): string {
  return row.aggregation === 'kumulatif' ? 'bila laju sejauh ini berlanjut' : 'relatif terhadap rencana sejauh ini';
}
