import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriveChannelError, GoogleDriveChannels } from '../../functions/adapters/drive-watch/google-drive-channels.js';
import {
  CHANNEL_TTL_MS,
  liveChannels,
  renewWatches,
  spreadsheetIdOf,
  type RenewWatchesDeps,
} from '../../functions/app/renew-watches.js';
import type { RegistryOffice } from '../../functions/core/rekap-reader.js';
import { verifyChannelToken } from '../../functions/core/signature.js';
import type { SheetRecord } from '../../functions/core/summary-rows.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { ANY_CALLER } from '../../functions/http/access.js';
import { registerFunctions } from '../../functions/http/register.js';
import type { DriveChannel, DriveChannels, SummarySink, SummaryUpdate } from '../../functions/ports.js';
import { localRuntime } from '../../functions/cloud-functions-runtime.js';
import {
  FakeClock,
  RecordingQueue,
  SECRET,
  sampleProvince,
  tabRecords,
  testConfig,
  type Province,
} from '../helpers/province.js';

const ADDRESS = 'https://asia-southeast2-monev-jatim.cloudfunctions.net/sheetChanged';
const IDS = [
  '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aa',
  '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_bb',
  '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_cc',
];
const HOUR = 60 * 60 * 1000;

// The adapter fits its port.
const _port: DriveChannels = new GoogleDriveChannels();
void _port;

/** Drive's side of channels, in memory: what is open, and every call made. */
class FakeDrive implements DriveChannels {
  readonly open = new Map<string, DriveChannel & { token: string; address: string }>();
  readonly watched: { fileId: string; id: string; address: string; token: string; expiration: Date }[] = [];
  readonly stopped: string[] = [];
  readonly refuse = new Set<string>();
  private next = 0;

  async watch(request: {
    fileId: string;
    id: string;
    address: string;
    token: string;
    expiration: Date;
  }): Promise<DriveChannel> {
    this.watched.push(request);
    if (this.refuse.has(request.fileId)) throw new DriveChannelError(request.fileId, { response: { status: 404 } });
    const channel = {
      id: request.id,
      fileId: request.fileId,
      resourceId: `res-${request.fileId.slice(-2)}`,
      expiration: request.expiration,
      token: request.token,
      address: request.address,
    };
    this.open.set(channel.id, channel);
    return channel;
  }

  async stop(channel: { id: string; resourceId: string }): Promise<void> {
    this.stopped.push(channel.id);
    this.open.delete(channel.id);
  }

  newId = () => `monev-channel-${++this.next}`;
}

/** The rekap's Log, in memory. */
class MemorySink implements SummarySink {
  readonly log: SheetRecord[] = [];
  async writeFeedback(): Promise<void> {}
  async writeSummary(update: SummaryUpdate): Promise<void> {
    this.log.push(...update.log);
  }
  async readHistory() {
    return { summary: [], log: this.log, areas: [], ledger: [] };
  }
  describe(): string[] {
    return [];
  }
}

const office = (code: string, source: string | null): RegistryOffice =>
  ({ code, name: `Bawaslu ${code}`, source }) as RegistryOffice;

describe('renewWatches', () => {
  const drive = new FakeDrive();
  const sink = new MemorySink();
  const clock = new FakeClock(Date.UTC(2025, 9, 6, 20, 15));
  let registry: RegistryOffice[] = [
    office('3501', IDS[0] as string),
    office('3502', `https://docs.google.com/spreadsheets/d/${IDS[1]}/edit#gid=0`),
    office('3503', IDS[2] as string),
    office('3504', 'satker/3504.xlsx'),
  ];
  const deps: RenewWatchesDeps = {
    registry: async () => registry,
    channels: drive,
    sink,
    clock,
    secret: SECRET,
    address: ADDRESS,
    newChannelId: drive.newId,
  };

  it('opens one web-hook channel per office spreadsheet, for at most a day, with a token for that sheet', async () => {
    await expect(renewWatches(deps)).resolves.toEqual({ opened: 3, kept: 0, stopped: 0, failed: 0, skipped: 1 });
    expect(drive.watched.map((call) => call.fileId).sort()).toEqual([...IDS].sort());
    for (const call of drive.watched) {
      expect(call.address).toBe(ADDRESS);
      expect(verifyChannelToken(SECRET, call.token)).toBe(call.fileId);
      expect(call.expiration.getTime() - clock.now().getTime()).toBeLessThanOrEqual(CHANNEL_TTL_MS);
    }
    expect(
      liveChannels(sink.log, clock.now())
        .map((channel) => channel.id)
        .sort(),
    ).toEqual([...drive.open.keys()].sort());
    expect(sink.log.every((row) => row.Aksi === 'pantau' && !String(row.Hasil).includes(SECRET))).toBe(true);
  });

  it('a second delivery of the daily event within the hour changes nothing', async () => {
    clock.advance(10 * 60 * 1000);
    await expect(renewWatches(deps)).resolves.toEqual({ opened: 0, kept: 3, stopped: 0, failed: 0, skipped: 1 });
    expect(drive.watched).toHaveLength(3);
  });

  it('the next day opens fresh channels and stops the ones they replace', async () => {
    const before = [...drive.open.keys()];
    clock.advance(23 * HOUR);
    await expect(renewWatches(deps)).resolves.toEqual({ opened: 3, kept: 0, stopped: 3, failed: 0, skipped: 1 });
    expect(drive.stopped.sort()).toEqual(before.sort());
    expect(drive.open.size).toBe(3);
    expect(
      liveChannels(sink.log, clock.now())
        .map((channel) => channel.id)
        .sort(),
    ).toEqual([...drive.open.keys()].sort());
  });

  it('stops the channel of an office that left the registry; a refused sheet keeps its old channel', async () => {
    registry = registry.filter((entry) => entry.code !== '3503');
    drive.refuse.add(IDS[1] as string);
    const stoppedBefore = drive.stopped.length;
    const old3502 = [...drive.open.values()].find((channel) => channel.fileId === IDS[1]);
    clock.advance(24 * HOUR - 5 * 60 * 1000);
    const outcome = await renewWatches(deps);
    expect(outcome).toEqual({ opened: 1, kept: 0, stopped: 2, failed: 1, skipped: 1 });
    expect(drive.stopped.slice(stoppedBefore)).not.toContain(old3502?.id);
    expect([...drive.open.values()].map((channel) => channel.fileId).sort()).toEqual([IDS[0], IDS[1]].sort());
    const failure = sink.log.find((row) => String(row.Hasil).startsWith('gagal'));
    expect(failure).toMatchObject({ Kode: '3502' });
    expect(String(failure?.Hasil)).toMatch(/belum dibagikan/);
  });

  it.each([
    ['https://docs.google.com/spreadsheets/d/1AbC_d-EfGhIjKlMnOpQrStUv/edit', '1AbC_d-EfGhIjKlMnOpQrStUv'],
    [' 1AbCdEfGhIjKlMnOpQrStUvWxYz ', '1AbCdEfGhIjKlMnOpQrStUvWxYz'],
    ['satker/3573.xlsx', null],
    ['3573', null],
  ])('spreadsheetIdOf(%j) is %j', (source, expected) => {
    expect(spreadsheetIdOf(source)).toBe(expected);
  });
});

describe('renewWatches as a function, then the change it announces', () => {
  let province: Province;
  const drive = new FakeDrive();
  const queue = new RecordingQueue();
  const clock = new FakeClock(Date.UTC(2025, 9, 6, 20, 15));

  beforeAll(async () => {
    province = await sampleProvince(3);
    await pointRegistryAtSpreadsheets(join(province.data, 'rekap.xlsx'));
    const config = testConfig(province, {
      MONEV_FUNCTIONS_URL: 'https://asia-southeast2-monev-jatim.cloudfunctions.net',
    });
    const runtime = localRuntime(config, { clock, queue, channels: drive, log: () => undefined });
    registerFunctions(() => createHandlers(runtime, ANY_CALLER));
  });
  afterAll(async () => province.cleanup());

  it('opens the channels, logs them in the rekap, and Drive notifications through them are queued', async () => {
    const response = await request(getTestServer('renewWatches'))
      .post('/')
      .set({
        'Content-Type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': '9100000000001',
        'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
        'ce-source': '//pubsub.googleapis.com/projects/monev-jatim/topics/monev-watch',
      })
      .send({ message: { data: Buffer.from('{}').toString('base64'), messageId: '9100000000001' } });
    expect(response.status).toBeLessThan(300);
    expect([...drive.open.values()].map((channel) => channel.fileId).sort()).toEqual([...IDS].sort());
    expect(drive.watched.every((call) => call.address === ADDRESS)).toBe(true);
    const log = await tabRecords(join(province.out, 'rekap.xlsx'), 'Log');
    expect(log.filter((row) => row.Aksi === 'pantau')).toHaveLength(3);

    const channel = [...drive.open.values()].find((open) => open.fileId === IDS[1]) as DriveChannel & { token: string };
    const notified = await request(getTestServer('sheetChanged')).post('/').set({
      'X-Goog-Channel-ID': channel.id,
      'X-Goog-Channel-Token': channel.token,
      'X-Goog-Resource-State': 'update',
      'X-Goog-Resource-ID': channel.resourceId,
    });
    expect(notified.status).toBe(202);
    expect(queue.codes()).toEqual(['3502']);
  });
});

/** The sample's Sumber column holds file paths; these offices live in Google Sheets instead. */
async function pointRegistryAtSpreadsheets(rekap: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(rekap);
  const sheet = workbook.getWorksheet('Satker');
  if (!sheet) throw new Error('Satker tab missing');
  let column = 0;
  let headerRow = 0;
  sheet.eachRow((row, number) => {
    row.eachCell((cell, col) => {
      if (!headerRow && cell.value === 'Sumber') {
        headerRow = number;
        column = col;
      }
    });
  });
  let i = 0;
  for (let r = headerRow + 1; r <= sheet.rowCount && i < IDS.length; r++) {
    const cell = sheet.getRow(r).getCell(column);
    if (cell.value)
      cell.value = i === 1 ? `https://docs.google.com/spreadsheets/d/${IDS[i++]}/edit` : (IDS[i++] as string);
  }
  await workbook.xlsx.writeFile(rekap);
}

describe('GoogleDriveChannels against the Drive v3 paths', () => {
  let server: Server;
  let rootUrl: string;
  const calls: { method: string; url: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      const watch = /^\/drive\/v3\/files\/([^/?]+)\/watch/.exec(req.url ?? '');
      if (watch?.[1] === 'missing') {
        res.writeHead(404).end(
          JSON.stringify({
            error: { code: 404, message: 'File not found: missing.', errors: [{ reason: 'notFound' }] },
          }),
        );
      } else if (watch) {
        res.writeHead(200).end(
          JSON.stringify({
            kind: 'api#channel',
            id: body.id,
            resourceId: `res-${watch[1]}`,
            resourceUri: `https://www.googleapis.com/drive/v3/files/${watch[1]}`,
            expiration: body.expiration,
          }),
        );
      } else if (req.url?.startsWith('/drive/v3/channels/stop')) {
        if (body.id === 'gone')
          res.writeHead(404).end(JSON.stringify({ error: { code: 404, message: 'Channel not found' } }));
        else res.writeHead(204).end();
      } else {
        res.writeHead(400).end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('files.watch with a web_hook channel, then channels.stop; a channel Drive forgot counts as stopped', async () => {
    const channels = new GoogleDriveChannels({ rootUrl });
    const expiration = new Date(Date.UTC(2025, 9, 7, 20, 15));
    const channel = await channels.watch({
      fileId: IDS[0] as string,
      id: 'monev-1',
      address: ADDRESS,
      token: 'tok',
      expiration,
    });
    expect(channel).toEqual({ id: 'monev-1', fileId: IDS[0], resourceId: `res-${IDS[0]}`, expiration });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: {
        id: 'monev-1',
        type: 'web_hook',
        address: ADDRESS,
        token: 'tok',
        expiration: String(expiration.getTime()),
      },
    });
    expect(calls[0]?.url).toMatch(new RegExp(`^/drive/v3/files/${IDS[0]}/watch\\?supportsAllDrives=true`));

    await channels.stop({ id: 'monev-1', resourceId: channel.resourceId });
    expect(calls[1]).toMatchObject({ method: 'POST', body: { id: 'monev-1', resourceId: channel.resourceId } });
    await expect(channels.stop({ id: 'gone', resourceId: 'res-x' })).resolves.toBeUndefined();
  });

  it('a sheet Drive cannot find says to share it with the service account', async () => {
    const channels = new GoogleDriveChannels({ rootUrl });
    await expect(
      channels.watch({ fileId: 'missing', id: 'monev-2', address: ADDRESS, token: 'tok', expiration: new Date() }),
    ).rejects.toThrow(/belum dibagikan ke akun layanan/);
  });
});
