import type { SmtpUrlProblem } from '../../shared/smtp-url.js';
import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * Why a mail was not sent, or may have been: for the provincial team reading the run's output and the Log,
 * and for whoever configures the transport. Each message names the mail by its subject, says what to
 * check, and ends with the technical reason where there is one; none contains the body, the attachments,
 * or the password of an SMTP URL. The configuration's own checks of the mail settings use these too, so
 * a wrong SMTP URL reads the same whether the environment or the adapter finds it.
 */
export interface MailMessageParams {
  'smtp-needs-url': Record<string, never>;
  'invalid-smtp-url': SmtpUrlProblem;
  'no-recipient': { subject: string };
  'outbox-disk-full': { subject: string; directory: string };
  'outbox-write-failed': { subject: string; directory: string; reason: string };
  'smtp-closed': { subject: string };
  /** `server` is `smtp://host:port`, never the user or password; `technical` the transport's code and text. */
  'smtp-uncertain': { subject: string; server: string; technical: string };
  'smtp-auth-failed': { subject: string; server: string; technical: string };
  'smtp-connection-failed': { subject: string; server: string; technical: string };
  'smtp-all-rejected': { subject: string; server: string; recipients: readonly string[]; technical: string };
  'smtp-refused': { subject: string; server: string; from: string; technical: string };
  'gmail-uncertain': { subject: string; reason: string };
  'gmail-not-permitted': { subject: string };
  'gmail-refused': { subject: string; reason: string };
}

export type MailMessageCode = keyof MailMessageParams;

const mail = (subject: string) => `Surat "${subject}"`;
const technical = (detail: string) => `Rincian teknis: ${detail}`;
const NOT_RESENT = 'surat ini tidak dikirim ulang otomatis agar tidak ada yang menerima dua kali.';
const GMAIL_CHECK = 'Periksa MONEV_GMAIL_SENDER dan delegasi domain akun layanan.';

/** Why an SMTP URL cannot be used, in a few words: "skema "http:" tidak dikenal". */
function smtpUrlReason(p: SmtpUrlProblem): string {
  switch (p.problem) {
    case 'unreadable':
      return 'alamatnya tidak bisa dibaca';
    case 'unknown-scheme':
      return `skema "${p.scheme}" tidak dikenal`;
    case 'no-host':
      return 'nama server kosong';
  }
}

const CATALOGUE: Catalogue<MailMessageParams> = {
  'smtp-needs-url': () =>
    'MONEV_MAIL_TRANSPORT=smtp memerlukan MONEV_SMTP_URL, misalnya smtp://user:sandi@smtp.example.go.id:587',
  'invalid-smtp-url': (p) =>
    `URL SMTP tidak valid (${smtpUrlReason(p)}); tulis seperti smtp://pengguna:sandi@smtp.contoh.go.id:587 atau smtps://…:465.`,
  'no-recipient': (p) =>
    `${mail(p.subject)} tidak punya alamat penerima yang terisi; isi alamat surel kantor di lembar data.`,
  'outbox-disk-full': (p) =>
    `Disk penuh: surat "${p.subject}" tidak bisa disimpan di "${p.directory}". Kosongkan ruang disk; surat ini dicoba lagi pada run berikutnya.`,
  'outbox-write-failed': (p) =>
    `${mail(p.subject)} tidak bisa disimpan di folder "${p.directory}" (${p.reason}); periksa bahwa folder itu ada, bisa ditulis, dan disknya tidak penuh.`,
  'smtp-closed': (p) => `${mail(p.subject)} tidak dikirim karena pengirim SMTP sudah ditutup.`,
  'smtp-uncertain': (p) =>
    `${mail(p.subject)} mungkin sudah diterima server SMTP ${p.server}, tetapi server berhenti menjawab sebelum mengonfirmasi; ${NOT_RESENT} ${technical(p.technical)}`,
  'smtp-auth-failed': (p) =>
    `${mail(p.subject)} tidak terkirim: server SMTP ${p.server} menolak login; periksa nama pengguna dan sandi di URL SMTP. ${technical(p.technical)}`,
  'smtp-connection-failed': (p) =>
    `${mail(p.subject)} tidak terkirim: tidak bisa terhubung ke server SMTP ${p.server}; periksa alamat, port, TLS (smtp:// atau smtps://) dan jaringan. ${technical(p.technical)}`,
  'smtp-all-rejected': (p) =>
    `${mail(p.subject)} tidak terkirim: server SMTP ${p.server} menolak semua penerima (${p.recipients.join(', ')}); periksa alamat surel di lembar data. ${technical(p.technical)}`,
  'smtp-refused': (p) =>
    `${mail(p.subject)} tidak terkirim: server SMTP ${p.server} menolaknya; periksa ukuran lampiran dan alamat pengirim ${p.from}. ${technical(p.technical)}`,
  'gmail-uncertain': (p) =>
    `${mail(p.subject)} mungkin sudah dikirim Gmail, tetapi jawabannya tidak sampai (${p.reason}); ${NOT_RESENT} Periksa folder Terkirim akun pengirim.`,
  'gmail-not-permitted': (p) =>
    `${mail(p.subject)} tidak terkirim lewat Gmail: akun layanan tidak diizinkan mengirim sebagai pengirim ini (aktifkan delegasi domain dengan cakupan gmail.send). ${GMAIL_CHECK}`,
  'gmail-refused': (p) => `${mail(p.subject)} tidak terkirim lewat Gmail: ${p.reason}. ${GMAIL_CHECK}`,
};

export const mailMessage = messagesOf(CATALOGUE);
export const MAIL_MESSAGE_CODES = Object.keys(CATALOGUE) as MailMessageCode[];
