import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportFolder } from '../functions/adapters/fs/report-folder.js';
import { ResultsFile } from '../functions/adapters/fs/results-file.js';
import { DriveEvidenceVerifier } from '../functions/adapters/google/drive-evidence-verifier.js';
import { DriveReportStore } from '../functions/adapters/google/drive-report-store.js';
import { GmailMailer } from '../functions/adapters/google/gmail-mailer.js';
import { GoogleServices } from '../functions/adapters/google/google-services.js';
import { GoogleWorkbookSource } from '../functions/adapters/google/google-source.js';
import { GoogleSummarySink } from '../functions/adapters/google/google-summary-sink.js';
import { createMailer } from '../functions/adapters/mail/create-mailer.js';
import { OutboxMailer } from '../functions/adapters/mail/outbox-mailer.js';
import { SmtpMailer } from '../functions/adapters/mail/smtp-mailer.js';
import { ChromiumPdfRenderer } from '../functions/adapters/pdf/chromium-renderer.js';
import { XlsxSummarySink } from '../functions/adapters/xlsx/summary-writer.js';
import { XlsxWorkbookSource } from '../functions/adapters/xlsx/xlsx-source.js';
import { parseConfig } from '../functions/config.js';
import { createRuntime } from '../functions/cloud-functions-runtime.js';
import { buildAdapters, type Workplace } from '../functions/choose-adapters.js';

/**
 * functions/choose-adapters.ts chooses every adapter `monev run`, `monev watch` and the functions' runtime use.
 * Nothing here reaches a network or a disk: Google clients, SMTP connections, Chromium and the files
 * are all made on first use, and no adapter is used.
 */
const FOLDER: Workplace = { kind: 'folder', dataDir: '/nonexistent/data', outDir: '/nonexistent/out' };
const LIVE: Workplace = {
  kind: 'google',
  rekap: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd',
  outDir: '/nonexistent/out',
};
const STAND_IN = { MONEV_GOOGLE_ROOT_URL: 'http://127.0.0.1:9' };
const SMTP = { MONEV_MAIL_TRANSPORT: 'smtp', MONEV_SMTP_URL: 'smtp://127.0.0.1:9' };
type Class = abstract new (...args: never[]) => unknown;

const cases: {
  name: string;
  place: Workplace;
  env: Record<string, string>;
  verify?: boolean;
  source: Class;
  sink: Class;
  reports: Class;
  evidence: Class | null;
  mailer: Class;
}[] = [
  {
    name: 'a data folder without Google: files, no evidence checks, mail to the outbox',
    place: FOLDER,
    env: {},
    source: XlsxWorkbookSource,
    sink: XlsxSummarySink,
    reports: ReportFolder,
    evidence: null,
    mailer: OutboxMailer,
  },
  {
    name: 'a data folder with a Google stand-in: evidence checked on Drive, mail by SMTP',
    place: FOLDER,
    env: { ...STAND_IN, ...SMTP },
    source: XlsxWorkbookSource,
    sink: XlsxSummarySink,
    reports: ReportFolder,
    evidence: DriveEvidenceVerifier,
    mailer: SmtpMailer,
  },
  {
    name: 'a data folder with a credentials file: evidence checked on Drive, mail by Gmail',
    place: FOLDER,
    env: { GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json', MONEV_MAIL_TRANSPORT: 'gmail' },
    source: XlsxWorkbookSource,
    sink: XlsxSummarySink,
    reports: ReportFolder,
    evidence: DriveEvidenceVerifier,
    mailer: GmailMailer,
  },
  {
    name: 'a data folder with credentials but verification off (--no-verify)',
    place: FOLDER,
    env: STAND_IN,
    verify: false,
    source: XlsxWorkbookSource,
    sink: XlsxSummarySink,
    reports: ReportFolder,
    evidence: null,
    mailer: OutboxMailer,
  },
  {
    name: 'a data folder keeps its reports in OUT/laporan even with a Drive reports folder',
    place: FOLDER,
    env: { ...STAND_IN, MONEV_DRIVE_REPORTS_FOLDER_ID: 'folder123' },
    source: XlsxWorkbookSource,
    sink: XlsxSummarySink,
    reports: ReportFolder,
    evidence: DriveEvidenceVerifier,
    mailer: OutboxMailer,
  },
  {
    name: 'Google Sheets without a reports folder: reports in OUT/laporan, mail by SMTP',
    place: LIVE,
    env: { ...STAND_IN, ...SMTP },
    source: GoogleWorkbookSource,
    sink: GoogleSummarySink,
    reports: ReportFolder,
    evidence: DriveEvidenceVerifier,
    mailer: SmtpMailer,
  },
  {
    name: 'Google Sheets with a reports folder: reports on Drive, mail by Gmail',
    place: LIVE,
    env: { ...STAND_IN, MONEV_DRIVE_REPORTS_FOLDER_ID: 'folder123', MONEV_MAIL_TRANSPORT: 'gmail' },
    source: GoogleWorkbookSource,
    sink: GoogleSummarySink,
    reports: DriveReportStore,
    evidence: DriveEvidenceVerifier,
    mailer: GmailMailer,
  },
  {
    name: 'Google Sheets with verification off: no evidence checks, mail to the outbox',
    place: LIVE,
    env: STAND_IN,
    verify: false,
    source: GoogleWorkbookSource,
    sink: GoogleSummarySink,
    reports: ReportFolder,
    evidence: null,
    mailer: OutboxMailer,
  },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('buildAdapters', () => {
  it.each(cases)('$name', async ({ place, env, verify, source, sink, reports, evidence, mailer }) => {
    const adapters = buildAdapters(parseConfig(env), place, { verifyEvidence: verify });
    expect(adapters.source).toBeInstanceOf(source);
    expect(adapters.sink).toBeInstanceOf(sink);
    expect(adapters.reports).toBeInstanceOf(reports);
    expect(adapters.results).toBeInstanceOf(ResultsFile);
    if (evidence === null) expect(adapters.evidence).toBeUndefined();
    else expect(adapters.evidence).toBeInstanceOf(evidence);
    expect(adapters.google === null).toBe(place.kind === 'folder');
    expect(adapters.renderer()).toBeInstanceOf(ChromiumPdfRenderer);
    const made = adapters.mailer();
    expect(made).toBeInstanceOf(mailer);
    await made.close();
  });

  it('checks evidence unless told otherwise', () => {
    expect(buildAdapters(parseConfig(STAND_IN), FOLDER).evidence).toBeInstanceOf(DriveEvidenceVerifier);
  });

  it('sends Gmail through the services live mode reads with', () => {
    const adapters = buildAdapters(parseConfig({ ...STAND_IN, MONEV_MAIL_TRANSPORT: 'gmail' }), LIVE);
    const services = adapters.google?.services;
    expect(services).toBeInstanceOf(GoogleServices);
    expect((adapters.mailer() as unknown as { services: unknown }).services).toBe(services);
  });

  it('gives a data folder one set of Google services, made only when evidence or Gmail needs it', () => {
    const made = vi.spyOn(GoogleServices, 'fromConfig');
    buildAdapters(parseConfig({}), FOLDER).mailer();
    expect(made).not.toHaveBeenCalled();
    const adapters = buildAdapters(parseConfig({ ...STAND_IN, MONEV_MAIL_TRANSPORT: 'gmail' }), FOLDER);
    adapters.mailer();
    adapters.mailer();
    expect(made).toHaveBeenCalledTimes(1);
  });
});

describe('createMailer', () => {
  it('asks for Google services only for Gmail', () => {
    const google = vi.fn(() => GoogleServices.fromConfig(parseConfig(STAND_IN).google));
    const from = 'monev <monev@jatim.bawaslu.go.id>';
    expect(createMailer({ transport: 'outbox', from }, '/nonexistent/out', google)).toBeInstanceOf(OutboxMailer);
    expect(google).not.toHaveBeenCalled();
    expect(createMailer({ transport: 'gmail', from }, '/nonexistent/out', google)).toBeInstanceOf(GmailMailer);
    expect(google).toHaveBeenCalledTimes(1);
  });
});

describe('the functions take their adapters from buildAdapters', () => {
  it('a cycle finished from a data folder sends by Gmail when configured, as monev run does', async () => {
    const runtime = createRuntime(
      parseConfig({ ...STAND_IN, MONEV_DATA_DIR: '/nonexistent/data', MONEV_MAIL_TRANSPORT: 'gmail' }),
      { log: () => undefined },
    );
    const { deps, close } = await runtime.finishing();
    expect(deps.source).toBeInstanceOf(XlsxWorkbookSource);
    expect(deps.mail?.mailer).toBeInstanceOf(GmailMailer);
    expect(deps.reports?.store).toBeInstanceOf(ReportFolder);
    await close();
  });

  it('a cycle finished on Google Sheets keeps its reports in the Drive reports folder', async () => {
    const runtime = createRuntime(
      parseConfig({
        ...STAND_IN,
        MONEV_REKAP: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd',
        MONEV_DRIVE_FOLDER_ID: 'folder123',
      }),
      { log: () => undefined },
    );
    const { deps, close } = await runtime.finishing();
    expect(deps.source).toBeInstanceOf(GoogleWorkbookSource);
    expect(deps.reports?.store).toBeInstanceOf(DriveReportStore);
    expect(deps.mail?.mailer).toBeInstanceOf(OutboxMailer);
    expect((await runtime.adapters()).evidence).toBeInstanceOf(DriveEvidenceVerifier);
    await close();
  });
});
