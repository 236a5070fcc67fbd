import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import {
  AREA_SUMMARY_TAB,
  PEER_LEDGER_TAB,
  COMPONENTS,
  DATA_TABS,
  JATIM_OFFICES,
  LOG_TAB,
  PROFILE_TAB,
  REGISTRY_TAB,
  SETTINGS_TAB,
  SETTING_DEFAULTS,
  STAGES_TAB,
  STAGE_STATUS,
  STANDARD_STEPS,
  SUMMARY_TAB,
  WEIGHTS_TAB,
} from '../../../sheets-schema/index.js';
import { ConfigError } from '../../shared/config-error.js';
import { configMessage } from '../../core/messages/config.js';
import { parsePeriod } from '../../core/period.js';
import { readRekap } from '../../core/rekap-reader.js';
import { locateHeader } from '../../core/sheet-table.js';
import { headerColumn } from '../xlsx/office-template.js';
import type { GoogleServices } from './google-services.js';
import {
  addTab,
  TAB_GRID_ROWS,
  dataRows,
  guideLayout,
  keyValueLayout,
  outputTabLayout,
  tableLayout,
} from './layout-requests.js';
import { findTab, ledgerValidations } from './rekap-plan.js';
import { RekapSpreadsheet } from './rekap-spreadsheet.js';
import { spreadsheetLink } from './spreadsheet-ref.js';

/**
 * Creates the province's spreadsheets on Google Drive from sheets-schema, like the xlsx templates:
 * the rekap (Satker with the 38 offices, Bobot, Pengaturan, and the output tabs), and one office
 * spreadsheet per registry row without Sumber (Profil, the six data tabs with headers, notes,
 * dropdowns, protected header rows, Tahapan pre-filled), shared with the office's e-mails, its link
 * written back to Sumber. Each file carries Drive appProperties naming what it is, so a rerun finds
 * what an interrupted run created instead of creating it twice.
 */
type Request = sheets_v4.Schema$Request;

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const REKAP_FILE_NAME = 'Rekap Monev Bawaslu Jawa Timur';

export interface ProvisionedSpreadsheet {
  readonly code: string;
  readonly name: string;
  readonly id: string;
  readonly link: string;
  readonly sharedWith: readonly string[];
  /** False when an earlier, interrupted run had already created it. */
  readonly created: boolean;
}

export interface OfficeProvisioning {
  readonly spreadsheets: readonly ProvisionedSpreadsheet[];
  /** Registry rows that already had a Sumber and were left alone. */
  readonly alreadyLinked: number;
}

export class GoogleProvisioner {
  constructor(
    private readonly services: GoogleServices,
    private readonly folderId: string | undefined,
  ) {}

  /** The rekap spreadsheet; the one found when it exists already. */
  async provisionRekap(options: { period?: string } = {}): Promise<{ id: string; link: string; created: boolean }> {
    const [existing] = await this.findFiles({ monev: 'rekap' });
    if (existing?.id) {
      await this.ensureLayout(existing.id, REGISTRY_TAB.name, rekapLayout(options.period));
      return { id: existing.id, link: spreadsheetLink(existing.id), created: false };
    }
    const id = await this.createSpreadsheet(REKAP_FILE_NAME, { monev: 'rekap' });
    await this.layout(id, rekapLayout(options.period));
    return { id, link: spreadsheetLink(id), created: true };
  }

  /** An office spreadsheet for every active registry row whose Sumber is empty. */
  async provisionOffices(rekapReference: string, options: { period?: string } = {}): Promise<OfficeProvisioning> {
    const rekap = new RekapSpreadsheet(this.services, rekapReference);
    const snapshot = await rekap.load();
    const inputs = readRekap(snapshot.workbook);
    const registryTab = findTab(snapshot.tabs, REGISTRY_TAB.name);
    if (!registryTab) throw new ConfigError(configMessage('rekap-without-registry', { link: rekap.link }));
    const sourceColumn = locateHeader(registryTab.sheet, REGISTRY_TAB.columns).columnIndex.get('source');
    if (sourceColumn === undefined)
      throw new ConfigError(configMessage('registry-without-source', { link: rekap.link }));
    const pending = inputs.offices.filter((office) => office.source === null);
    if (pending.length === 0) return { spreadsheets: [], alreadyLinked: inputs.offices.length };

    const period = options.period ? parsePeriod(options.period) : inputs.period;
    const year = period?.year ?? new Date().getFullYear();
    const earlier = new Map(
      (await this.findFiles({ monev: 'satker' })).map((file) => [file.appProperties?.kode ?? '', file]),
    );
    const done: ProvisionedSpreadsheet[] = [];
    const links: Request[] = [];
    for (const office of pending) {
      const found = earlier.get(office.code);
      const id =
        found?.id ??
        (await this.createSpreadsheet(`Monev ${office.code} ${office.name}`, { monev: 'satker', kode: office.code }));
      const layout = officeLayout({ code: office.code, name: office.name, year });
      if (found?.id) await this.ensureLayout(id, PROFILE_TAB.name, layout);
      else await this.layout(id, layout);
      for (const email of office.emails) await this.share(id, email, office.name);
      const row = Number(/!A(\d+)$/.exec(office.ref)?.[1] ?? 0) - 1;
      links.push({
        updateCells: {
          start: { sheetId: registryTab.sheetId, rowIndex: row, columnIndex: sourceColumn },
          rows: [{ values: [{ userEnteredValue: { stringValue: spreadsheetLink(id) } }] }],
          fields: 'userEnteredValue',
        },
      });
      done.push({
        code: office.code,
        name: office.name,
        id,
        link: spreadsheetLink(id),
        sharedWith: office.emails,
        created: !found,
      });
    }
    // One write puts every new link into Sumber, so a rerun sees them all and creates nothing again.
    await this.services.write('Spreadsheet rekap', () =>
      this.services.clients.sheets.spreadsheets.batchUpdate({
        spreadsheetId: rekap.id,
        fields: 'spreadsheetId',
        requestBody: { requests: links },
      }),
    );
    return { spreadsheets: done, alreadyLinked: inputs.offices.length - pending.length };
  }

  private async findFiles(properties: Record<string, string>): Promise<drive_v3.Schema$File[]> {
    const clauses = Object.entries(properties).map(
      ([key, value]) => `appProperties has { key='${key}' and value='${value}' }`,
    );
    if (this.folderId) clauses.push(`'${this.folderId}' in parents`);
    clauses.push('trashed = false');
    const files: drive_v3.Schema$File[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.services.drive('Folder Drive', () =>
        this.services.clients.drive.files.list({
          q: clauses.join(' and '),
          fields: 'nextPageToken,files(id,name,appProperties)',
          pageSize: 200,
          pageToken,
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
        }),
      );
      files.push(...(page.files ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return files;
  }

  private async createSpreadsheet(name: string, appProperties: Record<string, string>): Promise<string> {
    const file = await this.services.drive(
      this.folderId ? 'Folder Drive MONEV_DRIVE_FOLDER_ID' : 'Drive akun layanan',
      () =>
        this.services.clients.drive.files.create({
          requestBody: {
            name,
            mimeType: SPREADSHEET_MIME,
            appProperties,
            ...(this.folderId ? { parents: [this.folderId] } : {}),
          },
          fields: 'id',
          supportsAllDrives: true,
        }),
    );
    if (!file.id) throw new Error('Drive tidak mengembalikan ID spreadsheet baru.');
    return file.id;
  }

  /** The whole layout in one batchUpdate: it applies completely or not at all. */
  private async layout(id: string, requests: Request[]): Promise<void> {
    await this.services.write('Spreadsheet baru', () =>
      this.services.clients.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        fields: 'spreadsheetId',
        requestBody: { requests },
      }),
    );
  }

  /** A spreadsheet an interrupted run created: laid out unless its first tab is already there. */
  private async ensureLayout(id: string, firstTab: string, requests: Request[]): Promise<void> {
    const data = await this.services.read('Spreadsheet', () =>
      this.services.clients.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties.title' }),
    );
    if (!(data.sheets ?? []).some((sheet) => sheet.properties?.title === firstTab)) await this.layout(id, requests);
  }

  private async share(id: string, email: string, officeName: string): Promise<void> {
    // Drive keeps one permission per person, so sharing again on a rerun changes nothing.
    await this.services.drive(`Izin berbagi untuk ${email}`, () =>
      this.services.clients.drive.permissions.create({
        fileId: id,
        supportsAllDrives: true,
        sendNotificationEmail: true,
        emailMessage: `Spreadsheet monev ${officeName}. Isi Rencana Aksi, IKU, IKI, Anjab, ABK dan Tahapan; hasil validasi muncul di tab Hasil Validasi.`,
        requestBody: { type: 'user', role: 'writer', emailAddress: email },
      }),
    );
  }
}

/** Petunjuk, Profil and the six data tabs, Profil from the spreadsheet's default first sheet (id 0). */
export function officeLayout(office: { code: string; name: string; year: number }): Request[] {
  const values: Record<(typeof PROFILE_TAB.keys)[number]['key'], { value: string | number; numFmt?: string }> = {
    officeCode: { value: office.code, numFmt: '@' },
    officeName: { value: office.name, numFmt: '@' },
    year: { value: office.year, numFmt: '0' },
  };
  const requests: Request[] = [
    { updateSheetProperties: { properties: { sheetId: 0, title: PROFILE_TAB.name }, fields: 'title' } },
    ...keyValueLayout(
      0,
      PROFILE_TAB.keys.map((key) => ({ label: key.label, help: key.help, required: key.required, ...values[key.key] })),
      PROFILE_TAB.name,
    ),
  ];
  DATA_TABS.forEach((tab, i) => {
    const columns = tab.columns.map(headerColumn);
    requests.push(addTab(i + 1, tab.name, columns.length), ...tableLayout(i + 1, columns, tab.name));
  });
  // Sheet ids 1–6 are the data tabs; Petunjuk comes first in the tab bar.
  requests.push(...guideLayout(DATA_TABS.length + 1));
  const stagesId = DATA_TABS.findIndex((tab) => tab.name === STAGES_TAB.name) + 1;
  const at = (key: string) => STAGES_TAB.columns.findIndex((column) => column.key === key);
  const belum = STAGE_STATUS.choices.find((choice) => choice.id === 'belum')?.label ?? 'Belum';
  requests.push(
    ...dataRows(
      stagesId,
      STANDARD_STEPS.map((step) => {
        const row: (string | number | null)[] = [];
        row[at('stage')] = step.stage;
        row[at('step')] = step.step;
        row[at('status')] = belum;
        return Array.from(row, (value) => value ?? null);
      }),
    ),
  );
  return requests;
}

/** Satker with the 38 offices, Bobot with the default weights, Pengaturan, and the output tabs. */
export function rekapLayout(period: string | undefined): Request[] {
  const registry = REGISTRY_TAB.columns.map(headerColumn);
  const requests: Request[] = [
    {
      updateSheetProperties: {
        properties: { sheetId: 0, title: REGISTRY_TAB.name, gridProperties: { frozenRowCount: 1 } },
        fields: 'title,gridProperties.frozenRowCount',
      },
    },
    ...tableLayout(0, registry, REGISTRY_TAB.name),
    ...dataRows(
      0,
      JATIM_OFFICES.map((office) =>
        REGISTRY_TAB.columns.map(
          (column) =>
            ({ code: office.code, name: office.name, kind: office.kind, source: null, email: null, active: 'Ya' })[
              column.key
            ] ?? null,
        ),
      ),
    ),
    addTab(1, WEIGHTS_TAB.name, WEIGHTS_TAB.columns.length),
    ...tableLayout(1, WEIGHTS_TAB.columns.map(headerColumn), WEIGHTS_TAB.name),
    ...dataRows(
      1,
      COMPONENTS.map((component) => [component.label, component.defaultWeight]),
    ),
    addTab(2, SETTINGS_TAB.name, 2, 0),
  ];
  const settings: Record<(typeof SETTINGS_TAB.keys)[number]['key'], string | number | null> = {
    period: period ?? null,
    cap: SETTING_DEFAULTS.cap,
    effectiveMinutes: SETTING_DEFAULTS.effectiveMinutes,
    provinceEmail: null,
    maxMentees: SETTING_DEFAULTS.maxMentees,
    repairDeadline: null,
    contact: null,
  };
  requests.push(
    ...keyValueLayout(
      2,
      SETTINGS_TAB.keys.map((key) => ({
        label: key.label,
        help: key.help,
        value: settings[key.key],
        numFmt: key.key === 'period' ? '@' : undefined,
      })),
      SETTINGS_TAB.name,
    ),
  );
  // The output tabs, so the first run only fills them.
  const ledger = {
    name: PEER_LEDGER_TAB.name,
    headers: [...PEER_LEDGER_TAB.headers, ...PEER_LEDGER_TAB.provinceHeaders],
  };
  [SUMMARY_TAB, AREA_SUMMARY_TAB, LOG_TAB, ledger].forEach((tab, i) => {
    const sheetId = 3 + i;
    requests.push(
      addTab(sheetId, tab.name, tab.headers.length),
      {
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: tab.headers.map((header) => ({
                userEnteredValue: { stringValue: header },
                userEnteredFormat: { textFormat: { bold: true } },
              })),
            },
          ],
          fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
        },
      },
      ...outputTabLayout(sheetId, tab.name, tab.headers),
      // Pembelajaran's session columns take a date and Ya/Tidak from the start (docs/SPEC.md §9).
      ...(tab === ledger
        ? ledgerValidations(
            sheetId,
            { headerRow: 0, columns: new Map(tab.headers.map((h, c) => [h, c])) },
            TAB_GRID_ROWS,
          )
        : []),
    );
  });
  return requests;
}
