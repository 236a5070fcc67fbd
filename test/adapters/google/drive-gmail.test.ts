import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriveReportStore } from '../../../functions/adapters/google/drive-report-store.js';
import { GmailMailer } from '../../../functions/adapters/google/gmail-mailer.js';
import { googleMode } from '../../../functions/adapters/google/google-mode.js';
import { GoogleServices } from '../../../functions/adapters/google/google-services.js';
import { handlebarsTemplates } from '../../../functions/adapters/html/render-html.js';
import { runCycle } from '../../../functions/app/run-cycle.js';
import { parseConfig } from '../../../functions/config.js';
import type { MailMessage, Mailer } from '../../../functions/ports.js';
import { FEEDBACK_TAB, SUMMARY_TAB } from '../../../sheets-schema/index.js';
import { startFakeGoogleApi, type FakeGoogleApi } from '../../fakes/google-api-server.js';
import { fakeEnv, sampleProvince } from './support.js';

/** Reports on Drive (a folder per period, replaced not duplicated) and mail through the Gmail API. */
describe('Drive report store and Gmail mailer', () => {
  let google: FakeGoogleApi;
  let parent: string;
  let services: () => GoogleServices;

  beforeEach(async () => {
    google = await startFakeGoogleApi();
    parent = google.addFolder('Laporan Monev');
    services = () => GoogleServices.fromConfig(parseConfig(fakeEnv(google.url)).google);
  });

  afterEach(async () => {
    await google.close();
  });

  const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7 ${text}`);

  it('keeps one folder per period and replaces a report saved again', async () => {
    const first = new DriveReportStore(services(), parent);
    const link = await first.save('3573-2025-TW3.pdf', pdf('satu'));
    await first.save('rekap-2025-TW3.pdf', pdf('rekap'));
    google.inject({ method: 'drive.files.update', times: 1, fault: { status: 503 } });
    // The next run: a fresh store finds the folder and the file, and replaces the content.
    const again = await new DriveReportStore(services(), parent).save('3573-2025-TW3.pdf', pdf('dua'));
    expect(again).toBe(link);
    expect(link).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[^/]+\/view/);

    const folders = google
      .listFiles()
      .filter((file) => file.mimeType === 'application/vnd.google-apps.folder' && file.parents?.includes(parent));
    expect(folders.map((folder) => folder.name)).toEqual(['2025-TW3']);
    const reports = google.listFiles().filter((file) => file.parents?.includes(folders[0]?.id as string));
    expect(reports.map((file) => file.name).sort()).toEqual(['3573-2025-TW3.pdf', 'rekap-2025-TW3.pdf']);
    expect(reports.find((file) => file.name === '3573-2025-TW3.pdf')?.content?.toString()).toBe('%PDF-1.7 dua');
  });

  it('sends buildMime’s message through users.messages.send', async () => {
    const mailer = new GmailMailer(services(), 'monev Bawaslu Jawa Timur <monev@jatim.bawaslu.go.id>');
    const receipt = await mailer.send({
      to: ['operator@example.go.id'],
      subject: 'Laporan monev Triwulan III 2025',
      text: 'Terlampir laporan.',
      html: '<p>Terlampir laporan.</p>',
      attachments: [{ filename: '3573-2025-TW3.pdf', content: pdf('x'), contentType: 'application/pdf' }],
    });
    expect(receipt).toEqual({ messageId: expect.any(String), accepted: ['operator@example.go.id'], rejected: [] });
    expect(google.sentMail).toHaveLength(1);
    expect(google.sentMail[0]?.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const parsed = await simpleParser(google.sentMail[0]?.message as Buffer);
    expect(parsed.subject).toBe('Laporan monev Triwulan III 2025');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['3573-2025-TW3.pdf']);
  });

  describe('sends each mail at most once', () => {
    const mail = {
      to: ['operator@example.go.id'],
      subject: 'Laporan monev Triwulan III 2025',
      text: 'Terlampir laporan.',
      html: '<p>Terlampir laporan.</p>',
      attachments: [],
    };
    const sends = () => google.count('gmail.users.messages.send');

    it('a connection dropped after Gmail took the mail is uncertain and not sent again', async () => {
      google.inject({ method: 'gmail.users.messages.send', times: 1, fault: { drop: 'after' } });
      const sending = new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail);
      await expect(sending).rejects.toMatchObject({ code: 'uncertain', delivery: 'unknown' });
      await expect(sending).rejects.toThrow(/mungkin sudah dikirim Gmail/);
      expect(google.sentMail).toHaveLength(1);
      expect(sends()).toBe(1);
    });

    it('a server error is uncertain too: Gmail may have sent before failing', async () => {
      google.inject({ method: 'gmail.users.messages.send', times: 1, fault: { status: 503 } });
      const sending = new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail);
      await expect(sending).rejects.toMatchObject({ code: 'uncertain', delivery: 'unknown' });
      expect(sends()).toBe(1);
    });

    it('a quota answer surely sent nothing: it is retried and the mail goes once', async () => {
      google.inject({ method: 'gmail.users.messages.send', times: 2, fault: { status: 429 } });
      const receipt = await new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail);
      expect(receipt.accepted).toEqual(['operator@example.go.id']);
      expect(sends()).toBe(3);
      expect(google.sentMail).toHaveLength(1);
    });

    it('hands over just before the request: nothing is sent until beforeHandover resolved, nothing when it fails', async () => {
      const seen: number[] = [];
      await new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail, async () => {
        seen.push(sends());
      });
      expect(seen).toEqual([0]);
      expect(sends()).toBe(1);
      const full = new Error('ENOSPC');
      await expect(
        new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail, () => Promise.reject(full)),
      ).rejects.toBe(full);
      expect(sends()).toBe(1);
    });

    it('a refusal (403 without delegation) failed for certain', async () => {
      google.inject({ method: 'gmail.users.messages.send', times: 1, fault: { status: 403 } });
      const sending = new GmailMailer(services(), 'monev <monev@jatim.bawaslu.go.id>').send(mail);
      await expect(sending).rejects.toMatchObject({ code: 'auth-failed', delivery: 'failed' });
      expect(google.sentMail).toHaveLength(0);
    });
  });

  it('links each office’s e-mail to its Hasil Validasi tab (#gid=), and attaches no file', async () => {
    const province = await sampleProvince(2);
    try {
      const loaded = await google.loadSampleProvince(province.dataDir);
      const mode = googleMode(parseConfig(fakeEnv(google.url)).google, loaded.rekapId);
      const sent: MailMessage[] = [];
      const mailer: Mailer = {
        send: async (message, beforeHandover) => {
          await beforeHandover?.();
          sent.push(message);
          return { messageId: `<${sent.length}@test>`, accepted: message.to, rejected: [] };
        },
        close: async () => {},
      };
      const renderer = { render: async (document: { id: string }) => pdf(document.id), close: async () => {} };
      await runCycle({
        source: mode.source,
        sink: mode.sink,
        results: { save: async () => 'results.json' },
        clock: { now: () => new Date('2025-10-05T03:00:00Z') },
        reports: { renderer, templates: handlebarsTemplates, store: { save: async (name) => name } },
        mail: { mailer, resend: false },
      });
      for (const [code, id] of loaded.offices) {
        const tab = google.spreadsheet(id)?.sheets.find((sheet) => sheet.properties.title === FEEDBACK_TAB.name);
        const link = `https://docs.google.com/spreadsheets/d/${id}/edit#gid=${tab?.properties.sheetId}`;
        const mail = sent.find((message) => message.reference?.startsWith(`${code} `));
        expect(tab, code).toBeDefined();
        expect(mail?.text, code).toContain(`Tab Hasil Validasi: ${link}`);
        expect(mail?.text, code).toContain('Daftar seluruh temuan ada di tab Hasil Validasi');
        // Handlebars escapes "=" in the attribute; a mail program reads it back as "=".
        expect(mail?.html, code).toContain(`href="${link.replace(/=/g, '&#x3D;')}"`);
        expect(mail?.attachments.map((a) => a.contentType)).not.toContain(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
      }
    } finally {
      await province.cleanup();
    }
  });

  it('links each office’s Drive report in the Rekap’s Laporan column', async () => {
    const province = await sampleProvince(4);
    try {
      const loaded = await google.loadSampleProvince(province.dataDir);
      const config = parseConfig(fakeEnv(google.url, { MONEV_DRIVE_REPORTS_FOLDER_ID: parent }));
      const mode = googleMode(config.google, loaded.rekapId);
      const store = new DriveReportStore(mode.services, parent);
      const renderer = { render: async (document: { id: string }) => pdf(document.id), close: async () => {} };
      await runCycle({
        source: mode.source,
        sink: mode.sink,
        results: { save: async () => 'results.json' },
        clock: { now: () => new Date('2025-10-05T03:00:00Z') },
        reports: { renderer, templates: handlebarsTemplates, store },
      });
      const [header = [], ...rows] = google.values(loaded.rekapId, SUMMARY_TAB.name) ?? [];
      const links = rows.map((row) => row[header.indexOf('Laporan')]);
      expect(links).toHaveLength(4);
      for (const link of links) expect(String(link)).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    } finally {
      await province.cleanup();
    }
  });
});
