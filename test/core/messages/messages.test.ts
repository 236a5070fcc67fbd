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
};

// Configuration and unreadable-workbook texts: every code renders every parameter it is given.
const CONFIG: { [C in ConfigMessageCode]: ConfigMessageParams[C] } = {
  'invalid-environment': { lines: ['MONEV_SMTP_URL: «hint»'] },
  'env-smtp-url-scheme': {},
  'env-webhook-secret-short': {},
  'env-functions-url': {},
  'env-tasks-queue': {},
  'env-service-account': {},
  'env-google-root-url': {},
  'env-drive-folder-id': {},
  'env-gmail-sender': {},
  'env-smtp-needs-url': {},
  'env-tasks-queue-needs-target': {},
  'smtp-needs-url': {},
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
