import { describe, expect, it } from 'vitest';
import {
  configMessage,
  type ConfigMessageCode,
  type ConfigMessageParams,
} from '../../../functions/core/messages/config.js';
import {
  rekapMessage,
  type RekapMessageCode,
  type RekapMessageParams,
} from '../../../functions/core/messages/rekap.js';
import {
  logResult,
  openedChannel,
  stoppedChannel,
  type LogResultCode,
  type LogResultParams,
} from '../../../functions/core/messages/log.js';
import { mailMessage, type MailMessageCode, type MailMessageParams } from '../../../functions/core/messages/mail.js';
import { runMessage, type RunMessageCode, type RunMessageParams } from '../../../functions/core/messages/run.js';
import {
  unreadable,
  unreadableFix,
  unreadableReason,
  type UnreadableFixCode,
  type UnreadableFixParams,
  type UnreadableReasonCode,
  type UnreadableReasonParams,
} from '../../../functions/core/messages/unreadable.js';

// One example per code, typed so that a new code without an example does not compile. The expected
// texts are the ones operators saw before the catalogues existed; the labels in them come from sheets-schema/.
const REKAP: { [C in RekapMessageCode]: [RekapMessageParams[C], string] } = {
  'registry-tab-missing': [
    {},
    'Tab "Satker" tidak ditemukan. Tab ini memuat daftar satker yang dinilai; tambahkan tab "Satker" dengan kolom Kode, Nama, Jenis, Sumber, Email, Aktif.',
  ],
  'registry-columns-missing': [
    { at: 'Satker!A1', columns: ['Sumber', 'Aktif'] },
    'Satker!A1: kolom "Sumber", "Aktif" tidak ditemukan di tab Satker. Tambahkan kolom tersebut di baris judul.',
  ],
  'invalid-active': [
    { at: 'Satker!F3', value: 'mungkin' },
    'Satker!F3: Aktif berisi "mungkin". Isi dengan Ya atau Tidak.',
  ],
  'duplicate-office': [
    { at: 'Satker!A4', code: '3573', earlier: 'Satker!A2' },
    'Satker!A4: Kode 3573 sudah terdaftar di Satker!A2. Setiap satker hanya boleh terdaftar sekali; hapus atau perbaiki salah satunya.',
  ],
  'office-without-name': [
    { at: 'Satker!A5', code: '3573' },
    'Satker!A5: satker 3573 tidak punya Nama; dinilai dengan nama "3573".',
  ],
  'no-active-office': [{}, 'Tab Satker tidak memuat satker aktif. Isi minimal satu baris dengan Kode dan Sumber.'],
  'weights-columns-missing': [
    { at: 'Bobot!A1', columns: ['Komponen', 'Bobot'] },
    'Bobot!A1: tab Bobot tidak memiliki kolom "Komponen" dan "Bobot". Tambahkan kolomnya, atau hapus tab Bobot untuk memakai bobot bawaan.',
  ],
  'unknown-component': [
    { at: 'Bobot!A7', value: 'Anjab' },
    'Bobot!A7: komponen "Anjab" tidak dikenal. Gunakan salah satu: IKU, Rencana Aksi, IKI, Tahapan, Kualitas Data.',
  ],
  'invalid-component-weight': [
    { at: 'Bobot!B2', component: 'IKU', value: '-5' },
    'Bobot!B2: bobot IKU berisi "-5". Isi dengan angka 0 atau lebih.',
  ],
  'weights-not-100': [
    { sum: '90', parts: ['IKU 25', 'Rencana Aksi 30'] },
    'Tab Bobot: jumlah bobot komponen 90, bukan 100 (IKU 25, Rencana Aksi 30). Sesuaikan agar jumlahnya 100; tidak ada hasil yang ditulis sebelum bobot benar.',
  ],
  'invalid-setting-number': [
    { at: 'Pengaturan!B3', label: 'WKE', value: 'nol', min: '0', fallback: '75.000' },
    'Pengaturan!B3: WKE berisi "nol". Isi dengan angka lebih dari 0, atau kosongkan untuk nilai bawaan 75.000.',
  ],
  'invalid-period-setting': [
    { at: 'Pengaturan!B1', value: 'TW3' },
    'Pengaturan!B1: Periode berisi "TW3". Tulis seperti 2025-TW3 (tahun, tanda hubung, TW dan nomor triwulan 1–4).',
  ],
  'invalid-max-mentees': [
    { at: 'Pengaturan!B5', value: '2,5' },
    'Pengaturan!B5: Maks Binaan berisi "2,5". Isi dengan bilangan bulat 1 atau lebih, misalnya 3.',
  ],
  'invalid-repair-deadline': [
    { at: 'Pengaturan!B6', value: 'besok' },
    'Pengaturan!B6: Batas Perbaikan berisi "besok", bukan tanggal. Tulis seperti 15/10/2025 atau 15 Oktober 2025, atau kosongkan.',
  ],
  'invalid-office-code': [
    { at: 'Satker!A7', value: '3573[U+200B]', invisible: ['U+200B'], wide: false },
    'Satker!A7: Kode berisi "3573[U+200B]", yang memuat karakter tak terlihat (U+200B); Kode harus kode Kemendagri 4 angka, misalnya 3573. Hapus isi sel itu, ketik ulang kodenya dengan angka biasa, lalu jalankan lagi.',
  ],
};

const RUN: { [C in RunMessageCode]: [RunMessageParams[C], string] } = {
  'unknown-period': [{ value: '2025-Q3' }, '--period "2025-Q3" tidak dikenal. Tulis seperti 2025-TW3.'],
  'period-missing': [
    {},
    'Periode belum ditentukan. Isi Periode di tab Pengaturan (misalnya 2025-TW3) atau berikan --period 2025-TW3.',
  ],
  'unknown-offices': [
    { codes: ['9999', '1234'] },
    '--offices: kode 9999, 1234 tidak ada (atau tidak aktif) di tab Satker. Periksa kodenya, misalnya 3573 untuk Kota Malang.',
  ],
  'office-not-registered': [{ office: '3573' }, 'Satker 3573 tidak terdaftar (atau tidak aktif) di tab Satker.'],
  'cycle-not-recorded': [
    { cycle: 'c1' },
    'Siklus c1 tidak tercatat; tugas ini berasal dari siklus yang tidak dimulai di sini.',
  ],
  'cycle-not-recorded-to-finish': [{ cycle: 'c1' }, 'Siklus c1 tidak tercatat; tidak ada yang dapat diselesaikan.'],
  'office-not-in-cycle': [{ code: '3573', cycle: 'c1' }, 'Satker 3573 bukan bagian dari siklus c1.'],
  'cycle-incomplete': [
    { cycle: 'c1', missing: 5, total: 39, checks: 3 },
    'Siklus c1: 5 dari 39 satker belum dinilai setelah 3 pemeriksaan; laporan tidak dikirim. Periksa log scoreOffice, lalu mulai siklus lagi.',
  ],
  'cycle-period-unknown': [
    { cycle: 'c1', period: '2025-Q3' },
    'Siklus c1 mencatat periode "2025-Q3" yang tidak dikenal.',
  ],
  'mail-summary': [
    { where: 'ke out/outbox (MONEV_MAIL_TRANSPORT=outbox)', outbox: true, sent: 39, unchanged: 0, failed: 0 },
    'E-mail ke out/outbox (MONEV_MAIL_TRANSPORT=outbox): 39 ditulis ke outbox (belum dikirim), 0 tidak ditulis ulang karena laporannya tidak berubah (--resend untuk memaksa), 0 gagal.',
  ],
  'mail-failed': [{ code: '3573', reason: 'server menolak' }, '  Laporan 3573 tidak terkirim: server menolak'],
  'mail-more-failed': [{ count: 2 }, '  … dan 2 lagi (lihat tab Log, kolom Hasil).'],
  'mail-uncertain': [
    { codes: ['3573', 'rekap'] },
    '  Tidak pasti terkirim: 3573, rekap. Server surel berhenti menjawab setelah menerima suratnya, atau monev terhenti ' +
      'setelah menyerahkannya ke server; surat ini tidak dikirim ulang otomatis agar tidak ada yang menerima dua kali. ' +
      'Tanyakan ke penerima: bila belum sampai, jalankan lagi dengan --resend --offices KODE; bila sudah, ubah Status ' +
      'barisnya (tidak-pasti) di tab Log menjadi terkirim. Sampai salah satunya dilakukan, setiap run mencantumkannya lagi.',
  ],
  'mail-no-address': [
    { codes: ['3507'] },
    '  Tanpa alamat e-mail: 3507 (isi kolom Email di tab Satker atau Email Provinsi di Pengaturan).',
  ],
};

// Mail texts as the adapters wrote them inline before the catalogue: a subject, a server without its
// password, the transport's technical detail at the end.
const S = 'Laporan Monev Kota Malang TW3';
const TECH = 'EAUTH: Invalid login';
const MAIL: { [C in MailMessageCode]: [MailMessageParams[C], string] } = {
  'smtp-needs-url': [
    {},
    'MONEV_MAIL_TRANSPORT=smtp memerlukan MONEV_SMTP_URL, misalnya smtp://user:sandi@smtp.example.go.id:587',
  ],
  'invalid-smtp-url': [
    { problem: 'unknown-scheme', scheme: 'http:' },
    'URL SMTP tidak valid (skema "http:" tidak dikenal); tulis seperti smtp://pengguna:sandi@smtp.contoh.go.id:587 atau smtps://…:465.',
  ],
  'no-recipient': [
    { subject: S },
    `Surat "${S}" tidak punya alamat penerima yang terisi; isi alamat surel kantor di lembar data.`,
  ],
  'outbox-disk-full': [
    { subject: S, directory: 'out/outbox' },
    `Disk penuh: surat "${S}" tidak bisa disimpan di "out/outbox". Kosongkan ruang disk; surat ini dicoba lagi pada run berikutnya.`,
  ],
  'outbox-write-failed': [
    { subject: S, directory: 'out/outbox', reason: 'EACCES: permission denied' },
    `Surat "${S}" tidak bisa disimpan di folder "out/outbox" (EACCES: permission denied); periksa bahwa folder itu ada, bisa ditulis, dan disknya tidak penuh.`,
  ],
  'smtp-closed': [{ subject: S }, `Surat "${S}" tidak dikirim karena pengirim SMTP sudah ditutup.`],
  'smtp-uncertain': [
    { subject: S, server: 'smtp://mail.contoh.go.id:587', technical: 'ETIMEDOUT: Timeout' },
    `Surat "${S}" mungkin sudah diterima server SMTP smtp://mail.contoh.go.id:587, tetapi server berhenti menjawab sebelum mengonfirmasi; surat ini tidak dikirim ulang otomatis agar tidak ada yang menerima dua kali. Rincian teknis: ETIMEDOUT: Timeout`,
  ],
  'smtp-auth-failed': [
    { subject: S, server: 'smtp://mail.contoh.go.id:587', technical: TECH },
    `Surat "${S}" tidak terkirim: server SMTP smtp://mail.contoh.go.id:587 menolak login; periksa nama pengguna dan sandi di URL SMTP. Rincian teknis: ${TECH}`,
  ],
  'smtp-not-handed-over': [
    { subject: S, server: 'smtp://mail.contoh.go.id:587', technical: 'ETIMEDOUT: Timeout' },
    `Surat "${S}" tidak terkirim: koneksi ke server SMTP smtp://mail.contoh.go.id:587 terputus atau tidak dijawab sebelum suratnya selesai dikirim, jadi server belum menerimanya; surat ini dicoba lagi pada run berikutnya. Rincian teknis: ETIMEDOUT: Timeout`,
  ],
  'smtp-connection-failed': [
    { subject: S, server: 'smtps://mail.contoh.go.id:465', technical: 'ECONNREFUSED: connect' },
    `Surat "${S}" tidak terkirim: tidak bisa terhubung ke server SMTP smtps://mail.contoh.go.id:465; periksa alamat, port, TLS (smtp:// atau smtps://) dan jaringan. Rincian teknis: ECONNREFUSED: connect`,
  ],
  'smtp-all-rejected': [
    {
      subject: S,
      server: 'smtp://mail.contoh.go.id:587',
      recipients: ['x@contoh.go.id', 'y@contoh.go.id'],
      technical: 'EENVELOPE: No recipients',
    },
    `Surat "${S}" tidak terkirim: server SMTP smtp://mail.contoh.go.id:587 menolak semua penerima (x@contoh.go.id, y@contoh.go.id); periksa alamat surel di lembar data. Rincian teknis: EENVELOPE: No recipients`,
  ],
  'smtp-refused': [
    {
      subject: S,
      server: 'smtp://mail.contoh.go.id:587',
      from: 'monev@jatim.bawaslu.go.id',
      technical: 'EMESSAGE: too big',
    },
    `Surat "${S}" tidak terkirim: server SMTP smtp://mail.contoh.go.id:587 menolaknya; periksa ukuran lampiran dan alamat pengirim monev@jatim.bawaslu.go.id. Rincian teknis: EMESSAGE: too big`,
  ],
  'gmail-uncertain': [
    { subject: S, reason: 'koneksi terputus' },
    `Surat "${S}" mungkin sudah dikirim Gmail, tetapi jawabannya tidak sampai (koneksi terputus); surat ini tidak dikirim ulang otomatis agar tidak ada yang menerima dua kali. Periksa folder Terkirim akun pengirim.`,
  ],
  'gmail-not-permitted': [
    { subject: S },
    `Surat "${S}" tidak terkirim lewat Gmail: akun layanan tidak diizinkan mengirim sebagai pengirim ini (aktifkan delegasi domain dengan cakupan gmail.send). Periksa MONEV_GMAIL_SENDER dan delegasi domain akun layanan.`,
  ],
  'gmail-refused': [
    { subject: S, reason: 'pesan terlalu besar' },
    `Surat "${S}" tidak terkirim lewat Gmail: pesan terlalu besar. Periksa MONEV_GMAIL_SENDER dan delegasi domain akun layanan.`,
  ],
};

// Configuration and unreadable-workbook texts: every code renders every parameter it is given.
const CONFIG: { [C in ConfigMessageCode]: ConfigMessageParams[C] } = {
  'invalid-environment': { lines: ['MONEV_SMTP_URL: «hint»'] },
  'env-webhook-secret-short': {},
  'env-functions-url': {},
  'env-tasks-queue': {},
  'env-service-account': {},
  'env-google-root-url': {},
  'env-drive-folder-id': {},
  'env-gmail-sender': {},
  'env-tasks-queue-needs-target': {},
  'data-dir-missing': {},
  'cycles-folder-missing': {},
  'rekap-file-unreadable': { path: '«path»', reason: '«reason»', file: '«file»', dataDir: '«dir»' },
  'rekap-too-large': { path: '«path»', mb: 50 },
  'rekap-output-unreadable': { path: '«path»', reason: '«reason»' },
  'rekap-not-a-spreadsheet': { reference: '«reference»' },
  'rekap-unreadable': { link: '«link»', reason: '«reason»' },
  'rekap-without-registry': { link: '«link»' },
  'registry-without-source': { link: '«link»' },
};

const REASONS: { [C in UnreadableReasonCode]: UnreadableReasonParams[C] } = {
  'file-not-found': {},
  'is-directory': {},
  'access-denied': {},
  'cannot-open': {},
  'empty-file': {},
  'password-protected': {},
  'password-protected-ods': {},
  'not-regular-file': {},
  'archive-size-mismatch': {},
  'old-xls': {},
  'password-or-xls': {},
  'text-not-xlsx': {},
  'not-xlsx': {},
  'corrupt-workbook': {},
  'not-a-workbook': {},
  'source-absolute': {},
  'source-outside': {},
  'source-link-outside': {},
  'invalid-google-source': { source: '«source»' },
  'google-unreachable': {},
  'google-no-answer': {},
  'google-quota': {},
  'google-unavailable': { status: 503 },
  'google-unauthenticated': {},
  'google-api-disabled': {},
  'google-storage-full': {},
  'google-not-shared': { what: '«what»', account: '«account»' },
  'google-not-found': { what: '«what»', where: '«where»', account: '«account»' },
  'google-not-a-spreadsheet': { what: '«what»' },
  'google-missing-tab': { what: '«what»' },
  'google-rejected': { what: '«what»', status: 400 },
  'rekap-locked': { holder: '«holder»', until: '«until»' },
  'unexpected-read': {},
  'unexpected-score': {},
  'cycle-service-failure': {},
  'source-blank': {},
};

const FIXES: { [C in UnreadableFixCode]: UnreadableFixParams[C] } = {
  'resave-as-xlsx': {},
  'save-as-xlsx': {},
  'remove-password': {},
  'remove-password-ods': {},
  'remove-password-or-save-as-xlsx': {},
  'check-source-file': {},
  'source-inside-data-folder': {},
  'copy-into-data-folder': {},
  'nothing-to-do': {},
  'fill-source': {},
};

const LOG: { [C in LogResultCode]: [LogResultParams[C], string] } = {
  'run-started': [{ offices: 38 }, '38 satker'],
  'report-made': [{}, 'PDF dibuat'],
  'report-failed': [{ reason: 'Chromium berhenti' }, 'gagal: Chromium berhenti'],
  'send-no-address': [{}, 'tidak dikirim: alamat e-mail kosong'],
  sending: [{}, 'mengirim'],
  sent: [
    { accepted: 2, onlyMissing: true, refused: 1 },
    'terkirim ke 2 alamat yang belum menerimanya; 1 alamat ditolak, dicoba lagi pada run berikutnya',
  ],
  'send-uncertain': [{ reason: 'server diam' }, 'tidak pasti: server diam'],
  'send-stopped': [
    {},
    'tidak pasti: monev berhenti setelah menyerahkan surat ke server dan sebelum jawabannya tercatat; ' +
      'tidak dikirim ulang otomatis (tanyakan ke penerima, lalu --resend bila belum sampai)',
  ],
  'written-to-outbox': [
    { accepted: 2, onlyMissing: false },
    'ditulis ke outbox untuk 2 alamat; belum dikirim (kirim berkas .eml-nya dengan program surel, atau jalankan dengan MONEV_MAIL_TRANSPORT=smtp atau gmail)',
  ],
  'send-failed': [{ reason: 'login ditolak' }, 'gagal: login ditolak'],
  'cycle-finished': [{ cycle: 'c1', scored: 37, missing: 1 }, 'siklus c1: 37 satker, 1 gagal dinilai'],
  'channel-opened': [
    { id: 'monev-1', fileId: 'F1', resourceId: 'R1', expiration: '2026-11-30T00:00:00.000Z' },
    'kanal monev-1 dibuka untuk F1, resource R1, berakhir 2026-11-30T00:00:00.000Z',
  ],
  'channel-open-failed': [{ reason: 'HTTP 403' }, 'gagal membuka kanal: HTTP 403'],
  'channel-stopped': [{ id: 'monev-1' }, 'kanal monev-1 dihentikan'],
  'channel-stop-failed': [{ id: 'monev-1' }, 'kanal monev-1 gagal dihentikan'],
};

type Render = (code: string, params: object) => string;

describe('message catalogues', () => {
  it.each(Object.entries(REKAP))('rekap %s', (code, [params, expected]) => {
    expect((rekapMessage as unknown as Render)(code, params)).toBe(expected);
  });

  it.each(Object.entries(RUN))('run %s', (code, [params, expected]) => {
    expect((runMessage as unknown as Render)(code, params)).toBe(expected);
  });

  it.each(Object.entries(MAIL))('mail %s', (code, [params, expected]) => {
    expect((mailMessage as unknown as Render)(code, params)).toBe(expected);
  });

  it.each([
    [{ problem: 'unreadable' }, 'alamatnya tidak bisa dibaca'],
    [{ problem: 'no-host' }, 'nama server kosong'],
  ] as const)('mail invalid-smtp-url says why: %o', (problem, reason) => {
    expect(mailMessage('invalid-smtp-url', problem)).toContain(`URL SMTP tidak valid (${reason});`);
  });

  it.each(Object.entries(LOG))('log %s', (code, [params, expected]) => {
    expect((logResult as unknown as Render)(code, params)).toBe(expected);
  });

  it('reads back the channel rows it writes, and nothing else', () => {
    const opened = LOG['channel-opened'][0];
    expect(openedChannel(logResult('channel-opened', opened))).toEqual(opened);
    expect(stoppedChannel(logResult('channel-stopped', { id: 'monev-1' }))).toBe('monev-1');
    expect(openedChannel(logResult('channel-stop-failed', { id: 'monev-1' }))).toBeNull();
    expect(stoppedChannel(logResult('channel-stop-failed', { id: 'monev-1' }))).toBeNull();
  });

  const catalogues: [string, Render, Record<string, object>][] = [
    ['config', configMessage as unknown as Render, CONFIG],
    ['unreadable reason', unreadableReason as unknown as Render, REASONS],
    ['unreadable fix', unreadableFix as unknown as Render, FIXES],
  ];
  for (const [name, render, examples] of catalogues) {
    it.each(Object.entries(examples))(`${name} %s names every parameter`, (code, params) => {
      const text = render(code, params);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/undefined|\[object/);
      for (const value of Object.values(params)) {
        for (const part of Array.isArray(value) ? value : [value]) expect(text).toContain(String(part));
      }
    });
  }

  // The head of an office reads these on the report of an unscored office: no operator's steps.
  it.each(Object.entries(REASONS))('unreadable %s has a reason and a to-do for the office', (code, params) => {
    const text = (unreadable as unknown as (c: string, p: object) => ReturnType<typeof unreadable>)(code, params);
    expect(text.reason).toBe((unreadableReason as unknown as Render)(code, params));
    for (const part of [text.office.reason, text.office.todo]) {
      expect(part.length).toBeGreaterThan(10);
      expect(part).not.toMatch(/jalankan|monev (run|validate)|MONEV_|GOOGLE_|kolom Sumber|undefined/i);
    }
    expect(text.office.todo).toMatch(/\.$/);
  });

  it('says where a Google ID was given, the Sumber column unless told otherwise', () => {
    expect(unreadableReason('google-not-found', { what: 'Spreadsheet satker', account: 'a@b.iam' })).toBe(
      'Spreadsheet satker tidak ditemukan: periksa ID atau URL di kolom Sumber, dan pastikan sudah dibagikan ke a@b.iam',
    );
  });
});
