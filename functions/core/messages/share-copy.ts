import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * The text of the share copy rekap-<periode>.xlsx (issue 18 item 6), which the province forwards to the
 * Ketua as it is: each tab's title and the line under it saying how to read the tab, and the label of
 * the province-average row.
 */
export interface ShareCopyTextParams {
  title: { tab: string; period: string };
  'summary-note': { scored: number };
  'areas-note': Record<string, never>;
  'trend-note': { period: string };
  average: Record<string, never>;
}

const SHARE_COPY_TEXT: Catalogue<ShareCopyTextParams> = {
  title: (p) => `${p.tab} Monev Bawaslu Jawa Timur — ${p.period}`,
  'summary-note': (p) =>
    `Urut menurut peringkat. Baris terakhir: rata-rata provinsi dari ${p.scored} satker yang dinilai. Kolom Keterangan menyebut satker yang tidak dinilai dan nilai 0 karena data kurang.`,
  'areas-note': () =>
    'Nilai tiap bidang 0–100, urut menurut peringkat. Makin merah makin lemah: sel merah tua perlu perhatian lebih dulu; sel putih bernilai 100.',
  'trend-note': (p) => `Indeks tiap satker per periode sampai ${p.period}, urut menurut peringkat periode ini.`,
  average: () => 'Rata-rata provinsi',
};

export const shareCopyText = messagesOf(SHARE_COPY_TEXT);
