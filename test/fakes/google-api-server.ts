import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { readXlsxBuffer } from '../../functions/adapters/xlsx/read-workbook.js';
import { UnreadableWorkbookError } from '../../functions/adapters/xlsx/unreadable-workbook-error.js';
import { locateHeader } from '../../functions/core/sheet-table.js';
import type { Workbook } from '../../functions/core/workbook.js';
import { REGISTRY_TAB } from '../../sheets-schema/index.js';
import {
  FakeApiError,
  driveNotFound,
  driveRateLimited,
  invalidArgument,
  notASpreadsheet,
  quotaExceeded,
  serverError,
  sheetsNotFound,
  sheetsPermissionDenied,
} from './google/api-error.js';
import {
  FOLDER_MIME,
  SPREADSHEET_MIME,
  defaultFileView,
  fileResource,
  parseDriveQuery,
  parseMultipart,
  type StoredFile,
} from './google/drive-store.js';
import { applyFieldMask, parseFieldMask } from './google/field-mask.js';
import { checkKnownFields, SPREADSHEET_FIELDS } from './google/known-fields.js';
import { citedDriveIds, withChips } from './google/evidence-cells.js';
import { SAMPLE_CHIP_OFFICE, SAMPLE_DRIVE_FILES } from '../../functions/sample/evidence-stories.js';
import { cellData, spreadsheetFromWorkbook } from './google/load-workbook.js';
import {
  batchUpdate,
  findSheetByTitle,
  newSheet,
  sheetValues,
  spreadsheetUrl,
  spreadsheetView,
  valuesAppend,
  valuesBatchUpdate,
  writeCell,
  type StoredSpreadsheet,
} from './google/sheets-store.js';

/**
 * A fake of the Google APIs monev talks to, on 127.0.0.1 with a random port: Sheets v4, Drive v3
 * and Gmail v1 at their real request paths, with `fields` masks, Google's error JSON, in-memory
 * spreadsheets and files, a per-method request log, the Sheets per-minute quotas (with a window
 * that tests and benchmarks can shrink), and faults on demand: latency, 429, 5xx, dropped
 * connections and spreadsheets that are not shared with the caller.
 *
 *   const google = await startFakeGoogleApi({ quota: { reads: 60, writes: 60, windowMs: 1000 } });
 *   const id = google.addSpreadsheet(workbook, { title: 'Satker 3573' });
 *   env.MONEV_GOOGLE_ROOT_URL = google.url;
 *   google.inject({ method: 'sheets.spreadsheets.get', times: 3, fault: { status: 503 } });
 *   expect(google.count('sheets.spreadsheets.get')).toBe(1);
 *   await google.close();
 */
export type ApiMethod =
  | 'sheets.spreadsheets.get'
  | 'sheets.spreadsheets.create'
  | 'sheets.spreadsheets.batchUpdate'
  | 'sheets.spreadsheets.values.get'
  | 'sheets.spreadsheets.values.batchUpdate'
  | 'sheets.spreadsheets.values.append'
  | 'drive.files.list'
  | 'drive.files.get'
  | 'drive.files.create'
  | 'drive.files.update'
  | 'drive.permissions.create'
  | 'drive.permissions.list'
  | 'gmail.users.messages.send'
  | 'cloudtasks.tasks.create';

export type Fault =
  { readonly status: number } | { readonly drop: 'before' | 'after' } | { readonly latencyMs: number };

export interface FaultRule {
  /** The method the fault applies to; all methods when absent. A RegExp matches method names. */
  readonly method?: ApiMethod | RegExp;
  /** Only requests about this spreadsheet or file. */
  readonly target?: string;
  /** How many requests the fault hits before it stops; unlimited when absent. */
  readonly times?: number;
  /** Chance per matching request, drawn from the server's seeded generator; 1 when absent. */
  readonly probability?: number;
  readonly fault: Fault;
}

export interface QuotaOptions {
  /** Sheets read requests per window ("per minute per user"); unlimited when absent. */
  readonly reads?: number;
  readonly writes?: number;
  /** Drive requests per window (Drive meters quota units per minute per user; one request each here). */
  readonly drive?: number;
  /** Length of the quota window; 60 000 ms like Google's, smaller in tests. */
  readonly windowMs?: number;
  /** Sent as a Retry-After header on 429 answers; Google's Sheets API usually sends none. */
  readonly retryAfterSeconds?: number;
}

export interface FakeGoogleApiOptions {
  readonly quota?: QuotaOptions;
  /** Added to every request; a [min, max] pair draws from the seeded generator. */
  readonly latencyMs?: number | readonly [number, number];
  readonly seed?: number;
}

export interface RequestRecord {
  readonly method: ApiMethod | 'unknown';
  readonly target: string | null;
  readonly status: number;
  /** The response status, or 0 when the connection was dropped. */
  readonly at: number;
}

interface Route {
  readonly method: ApiMethod;
  readonly target: string | null;
  readonly handle: (request: ParsedRequest) => unknown;
}

interface ParsedRequest {
  readonly url: URL;
  readonly body: Buffer;
  readonly headers: IncomingMessage['headers'];
  json<T>(): T;
}

const READS = new Set<ApiMethod>(['sheets.spreadsheets.get', 'sheets.spreadsheets.values.get']);
const WRITES = new Set<ApiMethod>([
  'sheets.spreadsheets.create',
  'sheets.spreadsheets.batchUpdate',
  'sheets.spreadsheets.values.batchUpdate',
  'sheets.spreadsheets.values.append',
]);

export class FakeGoogleApi {
  /** Root URL for MONEV_GOOGLE_ROOT_URL, with a trailing slash. */
  url = '';
  /** Drive IDs the loaded workbooks cite as evidence, each served as a file (see loadXlsx). */
  readonly evidenceIds = new Set<string>();
  /** Every Gmail message sent, with its decoded RFC 822 bytes. */
  readonly sentMail: { userId: string; raw: string; message: Buffer }[] = [];
  /** Cloud Tasks created, by task name: a second create of a name is ALREADY_EXISTS, as Cloud Tasks answers. */
  readonly tasks = new Map<string, Record<string, unknown>>();

  private readonly spreadsheets = new Map<string, StoredSpreadsheet>();
  private readonly files = new Map<string, StoredFile>();
  private readonly unshared = new Set<string>();
  private faults: { rule: FaultRule; left: number }[] = [];
  private readonly log: RequestRecord[] = [];
  private quota: QuotaOptions;
  private latency: FakeGoogleApiOptions['latencyMs'];
  private window = { start: 0, reads: 0, writes: 0, drive: 0 };
  private random: () => number;
  private idCounter = 0;
  private readonly server: Server;

  constructor(options: FakeGoogleApiOptions = {}) {
    this.quota = options.quota ?? {};
    this.latency = options.latencyMs;
    this.random = mulberry32(options.seed ?? 20_250_930);
    this.server = createServer((req, res) => void this.serve(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolveListen) => this.server.listen(0, '127.0.0.1', resolveListen));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolveClose) => this.server.close(() => resolveClose()));
  }

  // -- configuration ----------------------------------------------------------------------------

  setQuota(quota: QuotaOptions): void {
    this.quota = quota;
    this.window = { start: 0, reads: 0, writes: 0, drive: 0 };
  }

  setLatency(latency: FakeGoogleApiOptions['latencyMs']): void {
    this.latency = latency;
  }

  /** Adds a fault; the returned function removes it. */
  inject(rule: FaultRule): () => void {
    const entry = { rule, left: rule.times ?? Infinity };
    this.faults.push(entry);
    return () => {
      this.faults = this.faults.filter((e) => e !== entry);
    };
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The caller loses access: Sheets answers 403 PERMISSION_DENIED, Drive 404 notFound. */
  unshare(id: string): void {
    this.unshared.add(id);
  }

  share(id: string): void {
    this.unshared.delete(id);
  }

  // -- request log ------------------------------------------------------------------------------

  get requests(): readonly RequestRecord[] {
    return this.log;
  }

  /** Requests received for a method (all methods when absent), optionally about one target or with one status. */
  count(method?: ApiMethod, filter: { target?: string; status?: number } = {}): number {
    return this.log.filter(
      (r) =>
        (method === undefined || r.method === method) &&
        (filter.target === undefined || r.target === filter.target) &&
        (filter.status === undefined || r.status === filter.status),
    ).length;
  }

  /** Requests per method, e.g. `{ 'sheets.spreadsheets.get': 39, … }`. */
  counts(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const record of this.log) result[record.method] = (result[record.method] ?? 0) + 1;
    return result;
  }

  resetCounts(): void {
    this.log.length = 0;
  }

  // -- content ----------------------------------------------------------------------------------

  addSpreadsheet(
    workbook: Workbook,
    options: { id?: string; title?: string; parents?: string[]; appProperties?: Record<string, string> } = {},
  ): string {
    const id = options.id ?? this.newId();
    const title = options.title ?? id;
    this.spreadsheets.set(id, spreadsheetFromWorkbook(id, title, workbook));
    this.files.set(
      id,
      this.newFile(id, {
        name: title,
        mimeType: SPREADSHEET_MIME,
        parents: options.parents,
        appProperties: options.appProperties,
      }),
    );
    return id;
  }

  /** A Drive file that is not a spreadsheet (an uploaded .xlsx or CSV): Sheets refuses to open it. */
  addFile(file: {
    id?: string;
    name: string;
    mimeType: string;
    content?: Uint8Array;
    parents?: string[];
    appProperties?: Record<string, string>;
  }): string {
    const id = file.id ?? this.newId();
    this.files.set(id, { ...this.newFile(id, file), content: file.content ? Buffer.from(file.content) : null });
    return id;
  }

  /**
   * An .xlsx file as a Google spreadsheet; a file Excel cannot read becomes a plain Drive file. Every
   * Drive file its cells cite becomes a shared file with content (the sample's story files take the
   * state SAMPLE_DRIVE_FILES gives them); with `chips`, its Drive links become smart chips.
   */
  async loadXlsx(path: string, options: { id?: string; title?: string; chips?: boolean } = {}): Promise<string> {
    const bytes = await readFile(path);
    try {
      const workbook = await readXlsxBuffer(bytes);
      for (const cited of citedDriveIds(workbook)) {
        this.evidenceIds.add(cited);
        if (this.files.has(cited)) continue;
        const story = SAMPLE_DRIVE_FILES.find((file) => file.id === cited);
        this.addEvidence({ id: cited, state: story?.state ?? 'ok', folder: story?.folder ?? false });
      }
      return this.addSpreadsheet(options.chips ? withChips(workbook) : workbook, {
        id: options.id,
        title: options.title ?? basename(path),
      });
    } catch (error) {
      if (!(error instanceof UnreadableWorkbookError)) throw error;
      return this.addFile({ name: basename(path), mimeType: 'text/csv', content: bytes });
    }
  }

  /**
   * A sample province folder (rekap.xlsx and the office workbooks its Sumber names) as spreadsheets:
   * every Sumber is replaced by the office spreadsheet's ID, or its URL when `asUrl` says so.
   */
  async loadSampleProvince(
    dataDir: string,
    options: { asUrl?: (code: string) => boolean } = {},
  ): Promise<{ rekapId: string; offices: Map<string, string> }> {
    const rekap = await readXlsxBuffer(await readFile(join(dataDir, 'rekap.xlsx')));
    const registry = rekap.sheets.find((sheet) => sheet.name === REGISTRY_TAB.name);
    if (!registry) throw new Error('rekap.xlsx has no Satker tab');
    const { headerIndex, columnIndex } = locateHeader(registry, REGISTRY_TAB.columns);
    const codeAt = columnIndex.get('code') as number;
    const sourceAt = columnIndex.get('source') as number;
    const offices = new Map<string, string>();
    const rows = registry.rows.map((row) => (row ? [...row] : row));
    for (let r = headerIndex + 1; r < rows.length; r++) {
      const row = rows[r];
      const source = row?.[sourceAt]?.value;
      const code = row?.[codeAt]?.value;
      if (!row || typeof source !== 'string' || code === undefined || code === null) continue;
      const id = await this.loadXlsx(resolve(dataDir, source), {
        title: `Monev ${String(code)}`,
        chips: String(code) === SAMPLE_CHIP_OFFICE,
      });
      offices.set(String(code), id);
      row[sourceAt] = { value: options.asUrl?.(String(code)) ? spreadsheetUrl(id) : id, format: 'text' };
    }
    const workbook: Workbook = {
      sheets: rekap.sheets.map((sheet) => (sheet === registry ? { ...sheet, rows } : sheet)),
    };
    return { rekapId: this.addSpreadsheet(workbook, { title: 'Rekap Monev Jawa Timur' }), offices };
  }

  /** A copy of a stored spreadsheet, for assertions. */
  spreadsheet(id: string): StoredSpreadsheet | undefined {
    const stored = this.spreadsheets.get(id);
    return stored ? structuredClone(stored) : undefined;
  }

  spreadsheetIds(): string[] {
    return [...this.spreadsheets.keys()];
  }

  /** A tab's effective values by row (formula errors as their text), or undefined when the tab is missing. */
  values(id: string, title: string): (string | number | boolean | null)[][] | undefined {
    const stored = this.spreadsheets.get(id);
    const sheet = stored ? findSheetByTitle(stored, title) : undefined;
    return sheet ? sheetValues(sheet) : undefined;
  }

  /** Sets one cell's value: a number or text (kept as text even when it starts with "="), or empties it. */
  setCell(id: string, title: string, row: number, column: number, value: string | number | null): void {
    const stored = this.spreadsheets.get(id);
    const sheet = stored ? findSheetByTitle(stored, title) : undefined;
    if (!sheet) throw new Error(`No tab ${title} in ${id}`);
    const entered =
      value === null ? undefined : typeof value === 'number' ? { numberValue: value } : { stringValue: value };
    writeCell(sheet, row, column, entered ? { userEnteredValue: entered } : {}, parseFieldMask('userEnteredValue'));
  }

  file(
    id: string,
  ): (drive_v3.Schema$File & { content: Buffer | null; permissions: drive_v3.Schema$Permission[] }) | undefined {
    const file = this.files.get(id);
    return file
      ? { ...fileResource(file), content: file.content, permissions: structuredClone(file.permissions) }
      : undefined;
  }

  listFiles(): (drive_v3.Schema$File & { content: Buffer | null })[] {
    return [...this.files.values()].map((file) => ({ ...fileResource(file), content: file.content }));
  }

  /** A folder, e.g. the parent folder of provisioning or reports. */
  addFolder(name: string): string {
    const id = this.newId();
    this.files.set(id, this.newFile(id, { name, mimeType: FOLDER_MIME }));
    return id;
  }

  /**
   * A Bukti Dukung document as operators leave it in Drive: a file with content (`ok`), of 0 bytes
   * (`empty`), in the trash, or not shared with the service account (Drive then answers 404); a
   * folder holding one file, or none. A `resourceKey` makes Drive insist on that key in the request.
   */
  addEvidence(evidence: {
    id?: string;
    state: 'ok' | 'empty' | 'trashed' | 'unshared';
    folder?: boolean;
    resourceKey?: string;
  }): string {
    const id = evidence.id ?? this.newId();
    const folder = evidence.folder === true;
    const file: StoredFile = {
      ...this.newFile(id, { name: `Bukti ${id.slice(0, 6)}`, mimeType: folder ? FOLDER_MIME : 'application/pdf' }),
      content: folder ? null : Buffer.from(evidence.state === 'empty' ? '' : '%PDF-1.7 bukti'),
      trashed: evidence.state === 'trashed',
      resourceKey: evidence.resourceKey,
    };
    this.files.set(id, file);
    if (folder && evidence.state !== 'empty')
      this.addFile({ name: 'Notulen.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF'), parents: [id] });
    if (evidence.state === 'unshared') this.unshared.add(id);
    return id;
  }

  // -- serving ----------------------------------------------------------------------------------

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = Buffer.concat(chunks);
    const request: ParsedRequest = {
      url,
      body,
      headers: req.headers,
      json: <T>() => (body.length > 0 ? JSON.parse(body.toString('utf8')) : {}) as T,
    };
    const route = this.route(req.method ?? 'GET', url);
    const record = (status: number) =>
      this.log.push({ method: route?.method ?? 'unknown', target: route?.target ?? null, status, at: Date.now() });
    try {
      await this.delay(this.drawLatency());
      if (!route)
        throw new FakeApiError(404, 'NOT_FOUND', `The requested URL ${url.pathname} was not found on this server.`);
      const fault = await this.applyFaults(route);
      if (fault && 'drop' in fault && fault.drop === 'before') {
        record(0);
        req.socket.destroy();
        return;
      }
      if (
        fault &&
        'status' in fault &&
        route.method.startsWith('drive.') &&
        (fault.status === 403 || fault.status === 429)
      )
        throw driveRateLimited(fault.status);
      if (fault && 'status' in fault)
        throw fault.status === 429
          ? quotaExceeded(READS.has(route.method) ? 'read' : 'write', this.quota.retryAfterSeconds)
          : serverError(fault.status);
      this.checkQuota(route.method);
      const mask = url.searchParams.get('fields');
      if (mask && route.method === 'sheets.spreadsheets.get')
        checkKnownFields(parseFieldMask(mask), SPREADSHEET_FIELDS);
      const result = route.handle(request);
      if (fault && 'drop' in fault) {
        record(0);
        req.socket.destroy();
        return;
      }
      const fields = url.searchParams.get('fields');
      const payload =
        fields && result !== null && typeof result === 'object' && !Buffer.isBuffer(result)
          ? applyFieldMask(result, parseFieldMask(fields))
          : result;
      record(200);
      if (Buffer.isBuffer(payload)) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(payload);
      } else {
        res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(payload ?? {}));
      }
    } catch (error) {
      const apiError =
        error instanceof FakeApiError
          ? error
          : error instanceof SyntaxError
            ? invalidArgument(`Invalid JSON payload received. ${error.message}`)
            : new FakeApiError(500, 'INTERNAL', 'Internal error encountered.');
      if (!(error instanceof FakeApiError) && !(error instanceof SyntaxError))
        process.stderr.write(`fake Google API: ${(error as Error).stack ?? String(error)}\n`);
      record(apiError.code);
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
      if (apiError.extra.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(apiError.extra.retryAfterSeconds);
      res.writeHead(apiError.code, headers).end(JSON.stringify(apiError.body()));
    }
  }

  private async applyFaults(route: Route): Promise<Fault | null> {
    for (const entry of this.faults) {
      const { rule } = entry;
      if (entry.left <= 0) continue;
      if (
        rule.method !== undefined &&
        (typeof rule.method === 'string' ? rule.method !== route.method : !rule.method.test(route.method))
      )
        continue;
      if (rule.target !== undefined && rule.target !== route.target) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      entry.left--;
      if ('latencyMs' in rule.fault) {
        await this.delay(rule.fault.latencyMs);
        continue;
      }
      return rule.fault;
    }
    return null;
  }

  private checkQuota(method: ApiMethod): void {
    const kind = READS.has(method)
      ? 'reads'
      : WRITES.has(method)
        ? 'writes'
        : method.startsWith('drive.')
          ? 'drive'
          : null;
    if (!kind) return;
    const limit = this.quota[kind];
    if (limit === undefined) return;
    const windowMs = this.quota.windowMs ?? 60_000;
    const start = Math.floor(Date.now() / windowMs) * windowMs;
    if (start !== this.window.start) this.window = { start, reads: 0, writes: 0, drive: 0 };
    if (this.window[kind] >= limit) {
      if (kind === 'drive') throw driveRateLimited(403);
      const retryAfter = this.quota.retryAfterSeconds;
      throw quotaExceeded(kind === 'reads' ? 'read' : 'write', retryAfter);
    }
    this.window[kind]++;
  }

  private drawLatency(): number {
    const latency = this.latency;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return latency[0] + this.random() * (latency[1] - latency[0]);
  }

  private delay(ms: number): Promise<void> {
    return ms > 0 ? new Promise((resolveDelay) => setTimeout(resolveDelay, ms)) : Promise.resolve();
  }

  private newId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let id = `1${String(++this.idCounter).padStart(4, '0')}`;
    while (id.length < 44) id += alphabet[Math.floor(this.random() * alphabet.length)];
    return id;
  }

  private newFile(
    id: string,
    file: { name: string; mimeType: string; parents?: string[]; appProperties?: Record<string, string> },
  ): StoredFile {
    const now = new Date().toISOString();
    return {
      id,
      name: file.name,
      mimeType: file.mimeType,
      parents: file.parents ?? [],
      appProperties: file.appProperties ?? {},
      trashed: false,
      content: null,
      createdTime: now,
      modifiedTime: now,
      permissions: [
        {
          kind: 'drive#permission',
          id: 'owner',
          type: 'user',
          role: 'owner',
          emailAddress: 'monev@fake.iam.gserviceaccount.com',
        },
      ],
    };
  }

  private createTask(queue: string, task: { name?: string }): unknown {
    const name = task.name ?? `${queue}/tasks/${++this.idCounter}`;
    if (!name.startsWith(`${queue}/tasks/`)) throw invalidArgument('Task name does not belong to the queue.');
    if (this.tasks.has(name)) throw new FakeApiError(409, 'ALREADY_EXISTS', 'Requested entity already exists');
    const created = { ...task, name, dispatchCount: 0, createTime: new Date().toISOString() };
    this.tasks.set(name, created);
    return created;
  }

  // -- routing ----------------------------------------------------------------------------------

  private route(httpMethod: string, url: URL): Route | null {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (httpMethod === 'GET' && (m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(path)))
      return this.sheetsRoute('sheets.spreadsheets.get', m[1] as string, (id) => this.getSpreadsheet(id, url));
    if (httpMethod === 'POST' && (m = /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/.exec(path))) {
      return this.sheetsRoute('sheets.spreadsheets.batchUpdate', m[1] as string, (id, request) =>
        this.batchUpdate(id, request.json<sheets_v4.Schema$BatchUpdateSpreadsheetRequest>()),
      );
    }
    if (httpMethod === 'POST' && (m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/.exec(path))) {
      return this.sheetsRoute(
        'sheets.spreadsheets.values.batchUpdate',
        m[1] as string,
        (id, request) => this.commit(id, valuesBatchUpdate(this.sheet(id), request.json())).response,
      );
    }
    if (httpMethod === 'POST' && (m = /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+):append$/.exec(path))) {
      const range = decodeURIComponent(m[2] as string);
      return this.sheetsRoute(
        'sheets.spreadsheets.values.append',
        m[1] as string,
        (id, request) =>
          this.commit(id, valuesAppend(this.sheet(id), range, url.searchParams.get('valueInputOption'), request.json()))
            .response,
      );
    }
    if (httpMethod === 'GET' && (m = /^\/v4\/spreadsheets\/([^/:]+)\/values\/([^:]+)$/.exec(path))) {
      const range = decodeURIComponent(m[2] as string);
      return this.sheetsRoute('sheets.spreadsheets.values.get', m[1] as string, (id) => {
        const view = spreadsheetView(this.sheet(id), { ranges: [range], includeGridData: true });
        const rows = view.sheets?.[0]?.data?.[0]?.rowData ?? [];
        return {
          range,
          majorDimension: 'ROWS',
          values: rows.map((row) => (row.values ?? []).map((cell) => cell.formattedValue ?? '')),
        };
      });
    }
    if (httpMethod === 'POST' && (m = /^\/v2\/(projects\/[^/]+\/locations\/[^/]+\/queues\/[^/]+)\/tasks$/.exec(path))) {
      const queue = m[1] as string;
      return {
        method: 'cloudtasks.tasks.create',
        target: queue,
        handle: (request) => this.createTask(queue, request.json<{ task?: { name?: string } }>().task ?? {}),
      };
    }
    if (httpMethod === 'POST' && path === '/v4/spreadsheets')
      return {
        method: 'sheets.spreadsheets.create',
        target: null,
        handle: (request) => this.createSpreadsheet(request.json()),
      };

    if (path === '/drive/v3/files' && httpMethod === 'GET')
      return { method: 'drive.files.list', target: null, handle: () => this.listDriveFiles(url) };
    if (path === '/drive/v3/files' && httpMethod === 'POST')
      return {
        method: 'drive.files.create',
        target: null,
        handle: (request) => this.createFile(request.json(), null, null),
      };
    if (path === '/upload/drive/v3/files' && httpMethod === 'POST') {
      return {
        method: 'drive.files.create',
        target: null,
        handle: (request) => {
          const part = this.uploadParts(request);
          return this.createFile(part.metadata, part.media, part.mediaType);
        },
      };
    }
    if ((m = /^\/(upload\/)?drive\/v3\/files\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(m[2] as string);
      const upload = m[1] !== undefined;
      if (httpMethod === 'GET')
        return { method: 'drive.files.get', target: id, handle: (request) => this.getFile(id, url, request) };
      if (httpMethod === 'PATCH') {
        return {
          method: 'drive.files.update',
          target: id,
          handle: (request) => {
            const part = upload
              ? this.uploadParts(request)
              : { metadata: request.json<Record<string, unknown>>(), media: null, mediaType: null };
            return this.updateFile(id, url, part.metadata, part.media);
          },
        };
      }
    }
    if ((m = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(path))) {
      const id = decodeURIComponent(m[1] as string);
      if (httpMethod === 'POST')
        return {
          method: 'drive.permissions.create',
          target: id,
          handle: (request) => this.createPermission(id, request.json()),
        };
      if (httpMethod === 'GET')
        return {
          method: 'drive.permissions.list',
          target: id,
          handle: () => ({ kind: 'drive#permissionList', permissions: this.visibleFile(id).permissions }),
        };
    }
    if (httpMethod === 'POST' && (m = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(path))) {
      const userId = decodeURIComponent(m[1] as string);
      return {
        method: 'gmail.users.messages.send',
        target: null,
        handle: (request) => this.sendMail(userId, request.json()),
      };
    }
    return null;
  }

  private sheetsRoute(
    method: ApiMethod,
    rawId: string,
    handle: (id: string, request: ParsedRequest) => unknown,
  ): Route {
    const id = decodeURIComponent(rawId);
    return { method, target: id, handle: (request) => handle(id, request) };
  }

  private sheet(id: string): StoredSpreadsheet {
    if (this.unshared.has(id)) throw sheetsPermissionDenied();
    const stored = this.spreadsheets.get(id);
    if (stored) return stored;
    const file = this.files.get(id);
    if (file && !file.trashed) throw notASpreadsheet();
    throw sheetsNotFound();
  }

  private commit<T extends { next: StoredSpreadsheet }>(id: string, result: T): T {
    this.spreadsheets.set(id, result.next);
    const file = this.files.get(id);
    if (file) file.modifiedTime = new Date().toISOString();
    return result;
  }

  private getSpreadsheet(id: string, url: URL): sheets_v4.Schema$Spreadsheet {
    const ranges = url.searchParams.getAll('ranges');
    // With a field mask, includeGridData is ignored: the mask alone decides whether grid data comes back.
    const includeGridData = url.searchParams.has('fields') || url.searchParams.get('includeGridData') === 'true';
    return spreadsheetView(this.sheet(id), { ranges, includeGridData });
  }

  private batchUpdate(
    id: string,
    body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  ): sheets_v4.Schema$BatchUpdateSpreadsheetResponse {
    const { next, replies } = this.commit(id, batchUpdate(this.sheet(id), body.requests ?? []));
    const response: sheets_v4.Schema$BatchUpdateSpreadsheetResponse = { spreadsheetId: id, replies };
    if (body.includeSpreadsheetInResponse) {
      response.updatedSpreadsheet = spreadsheetView(next, {
        ranges: body.responseRanges ?? undefined,
        includeGridData: body.responseIncludeGridData === true,
      });
    }
    return response;
  }

  private createSpreadsheet(body: sheets_v4.Schema$Spreadsheet): sheets_v4.Schema$Spreadsheet {
    const id = this.newId();
    const title = body.properties?.title ?? 'Untitled spreadsheet';
    const sheets = (body.sheets?.length ? body.sheets : [{ properties: { title: 'Sheet1' } }]).map((sheet, index) => {
      const stored = newSheet({
        ...(sheet.properties as object),
        sheetId: sheet.properties?.sheetId ?? (index === 0 ? 0 : 100 + index),
        title: sheet.properties?.title ?? `Sheet${index + 1}`,
        index,
      } as Parameters<typeof newSheet>[0]);
      for (const data of sheet.data ?? []) {
        (data.rowData ?? []).forEach((row, r) =>
          (row.values ?? []).forEach((cell, c) =>
            writeCell(stored, (data.startRow ?? 0) + r, (data.startColumn ?? 0) + c, cell, null),
          ),
        );
      }
      return stored;
    });
    this.spreadsheets.set(id, {
      spreadsheetId: id,
      properties: {
        title,
        locale: body.properties?.locale ?? 'in_ID',
        timeZone: body.properties?.timeZone ?? 'Asia/Jakarta',
      },
      sheets,
      nextProtectedRangeId: 1,
    });
    this.files.set(id, this.newFile(id, { name: title, mimeType: SPREADSHEET_MIME }));
    return spreadsheetView(this.spreadsheets.get(id) as StoredSpreadsheet, { includeGridData: false });
  }

  // -- Drive ------------------------------------------------------------------------------------

  private visibleFile(id: string): StoredFile {
    const file = this.files.get(id);
    if (!file || this.unshared.has(id)) throw driveNotFound(id);
    return file;
  }

  private uploadParts(request: ParsedRequest): {
    metadata: Record<string, unknown>;
    media: Buffer | null;
    mediaType: string | null;
  } {
    const type = request.url.searchParams.get('uploadType');
    const contentType = String(request.headers['content-type'] ?? '');
    if (type === 'multipart') return parseMultipart(request.body, contentType);
    if (type === 'media') return { metadata: {}, media: request.body, mediaType: contentType };
    throw invalidArgument(`Invalid uploadType: ${type ?? '(none)'}`);
  }

  private listDriveFiles(url: URL): drive_v3.Schema$FileList {
    const q = url.searchParams.get('q');
    const match = q ? parseDriveQuery(q) : () => true;
    const visible = [...this.files.values()].filter((file) => !this.unshared.has(file.id) && match(file));
    const pageSize = Number(url.searchParams.get('pageSize') ?? 100);
    const offset = Number(url.searchParams.get('pageToken') ?? 0);
    const page = visible.slice(offset, offset + pageSize);
    const next = offset + pageSize < visible.length ? String(offset + pageSize) : undefined;
    const usesFields = url.searchParams.has('fields');
    return {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((file) => (usesFields ? fileResource(file) : defaultFileView(file))),
      ...(next ? { nextPageToken: next } : {}),
    };
  }

  private createFile(
    metadata: drive_v3.Schema$File,
    media: Buffer | null,
    mediaType: string | null,
  ): drive_v3.Schema$File {
    const id = this.newId();
    const name = metadata.name ?? 'Untitled';
    const mimeType = metadata.mimeType ?? mediaType ?? 'application/octet-stream';
    for (const parent of metadata.parents ?? []) this.visibleFile(parent);
    const file: StoredFile = {
      ...this.newFile(id, {
        name,
        mimeType,
        parents: metadata.parents ?? [],
        appProperties: (metadata.appProperties ?? {}) as Record<string, string>,
      }),
      content: media,
    };
    this.files.set(id, file);
    if (mimeType === SPREADSHEET_MIME) {
      this.spreadsheets.set(id, {
        spreadsheetId: id,
        properties: { title: name, locale: 'in_ID', timeZone: 'Asia/Jakarta' },
        sheets: [newSheet({ sheetId: 0, title: 'Sheet1', index: 0 })],
        nextProtectedRangeId: 1,
      });
    }
    return fileResource(file);
  }

  private getFile(id: string, url: URL, request: ParsedRequest): drive_v3.Schema$File | Buffer {
    const file = this.visibleFile(id);
    if (file.resourceKey) {
      // "id/key" pairs, comma-separated, as Drive reads the header.
      const given = String(request.headers['x-goog-drive-resource-keys'] ?? '').split(',');
      if (!given.includes(`${id}/${file.resourceKey}`)) throw driveNotFound(id);
    }
    if (url.searchParams.get('alt') === 'media') return file.content ?? Buffer.alloc(0);
    return url.searchParams.has('fields') ? fileResource(file) : defaultFileView(file);
  }

  private updateFile(id: string, url: URL, metadata: drive_v3.Schema$File, media: Buffer | null): drive_v3.Schema$File {
    const file = this.visibleFile(id);
    if (metadata.name) file.name = metadata.name;
    if (metadata.trashed !== undefined && metadata.trashed !== null) file.trashed = metadata.trashed;
    if (metadata.appProperties) Object.assign(file.appProperties, metadata.appProperties);
    const add = url.searchParams.get('addParents');
    const remove = url.searchParams.get('removeParents');
    if (remove) file.parents = file.parents.filter((parent) => !remove.split(',').includes(parent));
    if (add) for (const parent of add.split(',')) if (!file.parents.includes(parent)) file.parents.push(parent);
    if (media) file.content = media;
    file.modifiedTime = new Date().toISOString();
    return url.searchParams.has('fields') ? fileResource(file) : defaultFileView(file);
  }

  private createPermission(id: string, body: drive_v3.Schema$Permission): drive_v3.Schema$Permission {
    const file = this.visibleFile(id);
    if (!body.type || !body.role) throw invalidArgument('The permission type and role fields are required.');
    if ((body.type === 'user' || body.type === 'group') && !body.emailAddress)
      throw invalidArgument('The permission emailAddress field is required.');
    const email = body.emailAddress?.toLowerCase();
    // Drive keeps one permission per person: granting again updates the role instead of adding another.
    const existing = file.permissions.find((p) => p.emailAddress?.toLowerCase() === email && p.type === body.type);
    if (existing) {
      if (existing.role !== 'owner') existing.role = body.role;
      return { kind: 'drive#permission', id: existing.id, type: existing.type, role: existing.role };
    }
    const permission = {
      kind: 'drive#permission',
      id: `perm-${file.permissions.length}-${Math.floor(this.random() * 1e9)}`,
      type: body.type,
      role: body.role,
      emailAddress: body.emailAddress,
    };
    file.permissions.push(permission);
    return { kind: permission.kind, id: permission.id, type: permission.type, role: permission.role };
  }

  private sendMail(userId: string, body: { raw?: string }): { id: string; threadId: string; labelIds: string[] } {
    if (!body.raw)
      throw invalidArgument("'raw' RFC822 payload message string or uploading message via /upload/* URL required");
    const message = Buffer.from(body.raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    this.sentMail.push({ userId, raw: body.raw, message });
    const id = this.newId().slice(0, 16);
    return { id, threadId: id, labelIds: ['SENT'] };
  }
}

export async function startFakeGoogleApi(options: FakeGoogleApiOptions = {}): Promise<FakeGoogleApi> {
  return new FakeGoogleApi(options).listen();
}

/** Small seeded generator, so fault draws and IDs repeat from run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export { cellData, spreadsheetUrl };
