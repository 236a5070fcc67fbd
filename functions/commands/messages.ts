/**
 * What the `monev` command says when it cannot do what was asked: wrong usage (exit 2) and problems
 * of the machine it runs on (a folder missing, not writable, a full disk; also exit 2). The pattern of
 * core/findings.ts: each code has its parameters and one Indonesian message, the mapped type makes
 * the compiler insist that every code has one, and a code names a message stably (tests and scripts
 * match codes, never wording). Paths and option names are quoted as given.
 */
interface Params {
  'unknown-command': { command: string; suggestion: string | null; commands: readonly string[] };
  'unknown-option': { option: string; command: string | null; suggestion: string | null; elsewhere: string | null };
  'missing-option': { command: string; option: string; example: string };
  'missing-value': { option: string; example: string };
  'flag-with-value': { option: string };
  'unexpected-argument': { command: string; value: string };
  'missing-file': { command: string; example: string };
  'unknown-source': { value: string };
  'invalid-port': { value: string };
  'invalid-oidc': { value: string };
  'invalid-period': { value: string };
  'provision-needs-rekap': Record<string, never>;
  'validate-file-unreadable': { file: string; reason: string };
  'out-is-data': { out: string };
  'out-busy': { path: string; holder: string | null };
  'disk-full': { path: string };
  'not-permitted': { path: string };
  'read-only': { path: string };
  'not-found': { path: string };
  'not-a-folder': { path: string };
  'too-many-files': { path: string };
  'invalid-year': { value: string };
  'invalid-office-count': { value: string };
  'invalid-seed': { value: string };
  'serve-oidc-needs-settings': { why: string };
  'port-in-use': { port: number };
  'host-not-here': { host: string };
  'deploy-needs-project': Record<string, never>;
  'invalid-project': { value: string };
  'invalid-region': { value: string };
  'deploy-needs-rekap': Record<string, never>;
  'deploy-needs-folder': Record<string, never>;
  'build-failed': Record<string, never>;
  'deploy-step-failed': { title: string; code: number };
  'gcloud-missing': { command: string };
  'invalid-env': { value: string };
  'env-reserved': { key: string };
  'env-comma': { key: string };
}

export type CliMessageCode = keyof Params;

const HELP_HINT = 'Lihat monev --help.';
/** After an operational error: what the journal and the atomic writes guarantee. */
const KEPT =
  'Yang sudah selesai tetap tersimpan (setiap surel yang terkirim tercatat di jurnal-log.jsonl dan masuk tab Log pada run berikutnya); jalankan lagi setelah diperbaiki, laporan yang sudah terkirim tidak dikirim ulang.';

const CATALOGUE: { readonly [C in CliMessageCode]: (p: Params[C]) => string } = {
  'unknown-command': (p) =>
    `Perintah "${p.command}" tidak dikenal.${p.suggestion ? ` Maksud Anda "monev ${p.suggestion}"?` : ''} Pilihan: ${p.commands.join(', ')}. ${HELP_HINT}`,
  'unknown-option': (p) =>
    `Opsi ${p.option} tidak dikenal${p.command ? ` untuk monev ${p.command}` : ''}.` +
    (p.suggestion ? ` Maksud Anda ${p.suggestion}?` : '') +
    (p.elsewhere ? ` (${p.option} dipakai oleh monev ${p.elsewhere}.)` : '') +
    ` Lihat monev ${p.command ? `${p.command} ` : ''}--help.`,
  'missing-option': (p) => `monev ${p.command} memerlukan ${p.option}, misalnya ${p.option} ${p.example}.`,
  'missing-value': (p) => `Opsi ${p.option} memerlukan nilai, misalnya ${p.option} ${p.example}.`,
  'flag-with-value': (p) => `Opsi ${p.option} tidak memakai nilai; tulis ${p.option} saja.`,
  'unexpected-argument': (p) =>
    `monev ${p.command} tidak menerima "${p.value}". Opsi ditulis dengan dua tanda hubung, misalnya --period 2025-TW3; lihat monev ${p.command} --help.`,
  'missing-file': (p) => `monev ${p.command} memerlukan nama file, misalnya: ${p.example}.`,
  'unknown-source': (p) =>
    `--source "${p.value}" tidak dikenal. Pilihan: xlsx (bawaan, dengan --data) atau google (dengan --rekap).`,
  'invalid-port': (p) => `--port "${p.value}" bukan nomor port, misalnya --port 8080.`,
  'invalid-oidc': (p) => `--oidc "${p.value}" tidak dikenal. Pilihan: on atau off.`,
  'invalid-period': (p) => `--period "${p.value}" tidak dikenal. Tulis seperti 2025-TW3.`,
  'provision-needs-rekap': () =>
    'monev provision memerlukan --rekap (membuat rekap baru) atau --rekap ID|URL (membuat spreadsheet satker).',
  'validate-file-unreadable': (p) =>
    `File "${p.file}" tidak dapat dibuka: ${p.reason}. Periksa nama dan foldernya (misalnya data/satker/3573.xlsx, relatif terhadap folder tempat perintah dijalankan), lalu jalankan monev validate lagi.`,
  'out-is-data': (p) =>
    `Folder keluaran (--out ${p.out}) sama dengan folder data. File masukan tidak boleh ditimpa; pilih folder lain, misalnya --out out.`,
  'out-busy': (p) =>
    `Folder keluaran sedang dipakai oleh monev lain${p.holder ? ` (${p.holder})` : ''}, jadi run ini berhenti tanpa menulis atau mengirim apa pun. Tunggu sampai run itu selesai, lalu jalankan lagi. Bila yakin tidak ada monev lain yang berjalan, hapus "${p.path}".`,
  'disk-full': (p) => `Disk penuh: monev tidak dapat menulis "${p.path}". Kosongkan ruang pada disk itu. ${KEPT}`,
  'not-permitted': (p) =>
    `Izin ditolak: monev tidak boleh menulis atau membaca "${p.path}". Periksa pemilik dan izin folder itu, atau pilih folder lain dengan --out. ${KEPT}`,
  'read-only': (p) =>
    `"${p.path}" berada di disk yang hanya bisa dibaca. Pilih folder keluaran lain dengan --out. ${KEPT}`,
  'not-found': (p) => `"${p.path}" tidak ditemukan. Periksa nama foldernya (--data, --out) lalu jalankan lagi.`,
  'not-a-folder': (p) => `"${p.path}" bukan folder, padahal monev memerlukan folder di sana. Periksa --data dan --out.`,
  'too-many-files': (p) =>
    `Terlalu banyak file terbuka saat membuka "${p.path}". Tutup program lain atau naikkan batasnya (ulimit -n), lalu jalankan lagi. ${KEPT}`,
  'invalid-year': (p) => `--tahun "${p.value}" tidak dikenal. Tulis tahun empat angka, misalnya --tahun 2025.`,
  'invalid-office-count': (p) =>
    `--offices "${p.value}" tidak dikenal. Untuk sample, isi jumlah satker, misalnya --offices 38.`,
  'invalid-seed': (p) => `--seed "${p.value}" harus bilangan bulat, misalnya --seed 2025.`,
  'serve-oidc-needs-settings': (p) =>
    `Pemeriksaan token OIDC (${p.why}) memerlukan MONEV_FUNCTIONS_URL (audiens: URL itu + /namaFungsi) dan MONEV_TASKS_SERVICE_ACCOUNT (satu-satunya pemanggil yang diterima). Isi keduanya, atau pakai --oidc off hanya di jaringan yang Anda percaya.`,
  'port-in-use': (p) => `Port ${p.port} sudah dipakai; pilih yang lain dengan --port.`,
  'host-not-here': (p) => `--host ${p.host} bukan alamat mesin ini; misalnya --host 127.0.0.1 atau --host 0.0.0.0.`,
  'deploy-needs-project': () =>
    'monev deploy memerlukan --project, misalnya --project monev-jatim (atau GOOGLE_CLOUD_PROJECT).',
  'invalid-project': (p) =>
    `--project "${p.value}" bukan ID proyek Google Cloud (huruf kecil, angka, tanda hubung; 6–30 karakter).`,
  'invalid-region': (p) => `--region "${p.value}" bukan region Google Cloud, misalnya asia-southeast2 (Jakarta).`,
  'deploy-needs-rekap': () =>
    'monev deploy memerlukan --env MONEV_REKAP=<ID atau URL spreadsheet rekap>: fungsi membaca daftar satker dari sana.',
  'deploy-needs-folder': () =>
    'monev deploy memerlukan --env MONEV_DRIVE_FOLDER_ID=<ID folder Drive>: siklus triwulanan menyimpan hasil tiap satker di sana (dan laporannya). Bagikan folder itu ke akun layanan sebagai Editor.',
  'build-failed': () => 'npm run build gagal; perbaiki dulu kesalahan kompilasinya.',
  'deploy-step-failed': (p) =>
    `Langkah "${p.title}" gagal (kode ${p.code}). Perbaiki penyebabnya lalu jalankan monev deploy lagi; langkah yang sudah selesai tidak diulang dua kali.`,
  'gcloud-missing': (p) =>
    `${p.command} tidak ditemukan. Pasang Google Cloud CLI (https://cloud.google.com/sdk/docs/install) lalu gcloud auth login.`,
  'invalid-env': (p) => `--env "${p.value}" harus berbentuk KUNCI=nilai, misalnya --env MONEV_MAIL_TRANSPORT=gmail.`,
  'env-reserved': (p) => `--env ${p.key} diatur oleh monev deploy sendiri; hapus dari perintah.`,
  'env-comma': (p) => `--env ${p.key}: nilai tidak boleh memuat koma (gcloud --set-env-vars memisahkan dengan koma).`,
};

/**
 * The words of `monev validate`'s listing (commands/validate.ts). An operator reads Indonesian: an error
 * is a *kesalahan* (it costs score until put right), a warning a *peringatan*.
 */
export const VALIDATE_TEXT = {
  level: { error: 'KESALAHAN', warning: 'PERINGATAN' },
  heading: (level: 'error' | 'warning', count: number) =>
    level === 'error'
      ? `KESALAHAN (${count}) — perbaiki sebelum workbook dikirim; angka +… poin: kenaikan indeks bila baris itu diperbaiki`
      : `PERINGATAN (${count}) — periksa; tidak mengurangi nilai kecuali disebut dalam pesannya`,
  clean: 'Tidak ada temuan. Data siap dinilai.',
  counts: (errors: number, warnings: number) => `${errors} kesalahan, ${warnings} peringatan.`,
  provisional: (index: string, components: string, potential: string | null) =>
    `Nilai sementara (bobot bawaan): indeks ${index}; ${components}.${potential ? ` Indeks ${potential}.` : ''}`,
} as const;

export function cliMessage<C extends CliMessageCode>(code: C, params: Params[C]): string {
  return CATALOGUE[code](params);
}

export const CLI_MESSAGE_CODES = Object.keys(CATALOGUE) as CliMessageCode[];

/** The codes whose message quotes one value and nothing else: what an option names when it refuses a value. */
export type ValueMessageCode = {
  [C in CliMessageCode]: keyof Params[C] extends 'value' ? ('value' extends keyof Params[C] ? C : never) : never;
}[CliMessageCode];

export function valueMessage(code: ValueMessageCode, value: string): string {
  // Every ValueMessageCode's parameters are exactly { value }; the mapped type above guarantees it.
  return (CATALOGUE[code] as (p: { value: string }) => string)({ value });
}

/** The operational error's code for a Node file-system error code, or null when it is not one of them. */
export function operationalCode(errno: string | undefined): CliMessageCode | null {
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EACCES':
    case 'EPERM':
      return 'not-permitted';
    case 'EROFS':
      return 'read-only';
    case 'ENOENT':
      return 'not-found';
    case 'ENOTDIR':
      return 'not-a-folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too-many-files';
    default:
      return null;
  }
}

/** The closest name within two edits (one for names of four letters or fewer), for "Maksud Anda …?". */
export function closest(name: string, candidates: readonly string[]): string | null {
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (best === null || distance < best.distance) best = { candidate, distance };
  }
  if (best === null) return null;
  const allowed = name.length <= 4 ? 1 : 2;
  const prefix = candidates.find((candidate) => name.length >= 3 && candidate.startsWith(name));
  return best.distance <= allowed ? best.candidate : (prefix ?? null);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
