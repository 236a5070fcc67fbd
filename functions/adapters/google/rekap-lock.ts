import { randomInt, randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { unreadable } from '../../core/messages/unreadable.js';
import { apiMessage, GoogleApiError, isMissingRange } from './google-api-error.js';
import type { GoogleServices } from './google-services.js';
import { REKAP_FIELDS } from './rekap-spreadsheet.js';

/**
 * Two runs writing the same rekap at once (the quarterly cycle and a change-triggered scoring, or two
 * operators) would each see a period's key as missing and both append it. The Sheets API has no
 * compare-and-set on cells, but adding a sheet whose title exists fails, atomically: a hidden tab
 * `_monev_kunci` is the lock. Whoever adds it holds the rekap; its first cells name the holder and
 * when the lease ends, so a lock left by a crashed run is broken after its lease (by deleting that
 * very sheet id, which only one breaker can do). The request that takes the lock also returns the
 * rekap as it stands, so planning under the lock costs no extra read.
 */
export const LOCK_TITLE = '_monev_kunci';

export interface HeldLock {
  readonly sheetId: number;
  readonly token: string;
  /** The rekap right after the lock was taken. */
  readonly spreadsheet: sheets_v4.Schema$Spreadsheet;
}

export interface LockTiming {
  /** How long a holder may keep the lock before others may break it. */
  readonly leaseMs: number;
  /** How long to wait for a live lock before giving up. */
  readonly waitMs: number;
  /** Pause between looks at a lock someone else holds. */
  readonly pollMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class RekapLock {
  constructor(
    private readonly services: GoogleServices,
    private readonly spreadsheetId: string,
    private readonly timing: LockTiming,
  ) {}

  async acquire(): Promise<HeldLock> {
    const token = randomUUID();
    const giveUpAt = this.timing.now() + this.timing.waitMs;
    for (;;) {
      const taken = await this.take(token, []);
      if (taken) return taken;
      const holder = await this.holder();
      if (!holder) continue;
      if (holder.token === token) {
        // Our own earlier attempt went through but its answer was lost.
        return { sheetId: holder.sheetId, token, spreadsheet: await this.current() };
      }
      if (holder.expiresAt <= this.timing.now()) {
        const broken = await this.take(token, [{ deleteSheet: { sheetId: holder.sheetId } }]);
        if (broken) return broken;
        continue;
      }
      if (this.timing.now() >= giveUpAt) {
        throw new GoogleApiError(
          'locked',
          unreadable('rekap-locked', {
            holder: holder.token.slice(0, 8),
            until: new Date(holder.expiresAt).toISOString(),
          }),
          undefined,
        );
      }
      await this.timing.sleep(
        Math.min(this.timing.pollMs * (0.5 + Math.random()), Math.max(1, holder.expiresAt - this.timing.now())),
      );
    }
  }

  /** Gives the lock back; a lock already gone (taken over after its lease) needs nothing. */
  async release(lock: HeldLock): Promise<void> {
    const result = await this.services.tryWrite(() =>
      this.services.clients.sheets.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        fields: 'spreadsheetId',
        requestBody: { requests: [{ deleteSheet: { sheetId: lock.sheetId } }] },
      }),
    );
    if (!result.ok && !/No sheet with id|No grid with id/i.test(apiMessage(result.error)))
      throw await this.services.fail(result.error, 'Spreadsheet rekap');
  }

  /** Adds the lock tab (after `before`, e.g. deleting a stale one); null when another holder has it. */
  private async take(token: string, before: sheets_v4.Schema$Request[]): Promise<HeldLock | null> {
    const sheetId = randomInt(1_000_000_000, 2_000_000_000);
    const expiresAt = new Date(this.timing.now() + this.timing.leaseMs).toISOString();
    const result = await this.services.tryWrite(() =>
      this.services.clients.sheets.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        fields: `updatedSpreadsheet(${REKAP_FIELDS})`,
        requestBody: {
          requests: [
            ...before,
            {
              addSheet: {
                properties: {
                  sheetId,
                  title: LOCK_TITLE,
                  hidden: true,
                  gridProperties: { rowCount: 1, columnCount: 2 },
                },
              },
            },
            {
              updateCells: {
                start: { sheetId, rowIndex: 0, columnIndex: 0 },
                rows: [
                  {
                    values: [
                      { userEnteredValue: { stringValue: token } },
                      { userEnteredValue: { stringValue: expiresAt } },
                    ],
                  },
                ],
                fields: 'userEnteredValue',
              },
            },
          ],
          includeSpreadsheetInResponse: true,
          responseIncludeGridData: true,
        },
      }),
    );
    if (result.ok) return { sheetId, token, spreadsheet: result.data.updatedSpreadsheet ?? {} };
    const message = apiMessage(result.error);
    if (/already exists|No sheet with id|No grid with id/i.test(message)) return null;
    throw await this.services.fail(result.error, 'Spreadsheet rekap');
  }

  private async holder(): Promise<{ sheetId: number; token: string; expiresAt: number } | null> {
    try {
      const data = await this.services.scheduler.run('read', () =>
        this.services.clients.sheets.spreadsheets.get({
          spreadsheetId: this.spreadsheetId,
          ranges: [`'${LOCK_TITLE}'!A1:B1`],
          fields: 'sheets(properties.sheetId,data.rowData.values.effectiveValue)',
        }),
      );
      const sheet = data.data.sheets?.[0];
      const values = sheet?.data?.[0]?.rowData?.[0]?.values ?? [];
      const expiresAt = Date.parse(values[1]?.effectiveValue?.stringValue ?? '');
      // A lock without a readable lease (typed over by hand) counts as expired.
      return {
        sheetId: sheet?.properties?.sheetId ?? 0,
        token: values[0]?.effectiveValue?.stringValue ?? '',
        expiresAt: Number.isNaN(expiresAt) ? 0 : expiresAt,
      };
    } catch (error) {
      if (isMissingRange(error)) return null;
      throw await this.services.fail(error, 'Spreadsheet rekap');
    }
  }

  private current(): Promise<sheets_v4.Schema$Spreadsheet> {
    return this.services.read('Spreadsheet rekap', () =>
      this.services.clients.sheets.spreadsheets.get({
        spreadsheetId: this.spreadsheetId,
        includeGridData: true,
        fields: REKAP_FIELDS,
      }),
    );
  }
}
