import { randomUUID } from 'node:crypto';
import type { RegistryOffice } from '../core/rekap-reader.js';
import { channelToken } from '../core/signature.js';
import { jakartaTime, logRecord, type SheetRecord } from '../core/summary-rows.js';
import type { Clock, DriveChannel, DriveChannels, SummarySink } from '../ports.js';
import { mapLimit } from '../shared/map-limit.js';
import { withoutAddresses } from './publish-reports.js';
import { runId } from './rank-and-publish.js';
import { logResult, openedChannel, stoppedChannel } from '../core/messages/log.js';

/**
 * Keeps one Drive push channel open on every office spreadsheet (issue "Cloud functions"). Drive
 * closes a channel on a file after a day at most, so a daily job opens a fresh one per office and
 * stops the one it replaces, and stops channels on spreadsheets that left the registry.
 *
 * Bookkeeping lives in the rekap's Log tab (action `pantau`): one row per channel opened or
 * stopped, which works the same in local and Google mode through the SummarySink and needs no
 * store of its own. Losing it costs little: an unknown old channel keeps notifying until it
 * expires within the day, and its notifications fall into the same debounce window as the new one's.
 */
export const CHANNEL_TTL_MS = 24 * 60 * 60 * 1000;
/** A channel opened within the last hour is kept: a second delivery of the daily event changes nothing. */
export const FRESH_FOR_MS = 60 * 60 * 1000;

export interface RenewWatchesDeps {
  readonly registry: () => Promise<readonly RegistryOffice[]>;
  readonly channels: DriveChannels;
  readonly sink: SummarySink;
  readonly clock: Clock;
  readonly secret: string;
  /** The sheetChanged URL that Drive notifies. */
  readonly address: string;
  readonly newChannelId?: () => string;
}

export interface RenewOutcome {
  readonly opened: number;
  readonly kept: number;
  readonly stopped: number;
  readonly failed: number;
  /** Offices whose Sumber is not a spreadsheet (a local file path, or blank). */
  readonly skipped: number;
}

export async function renewWatches(deps: RenewWatchesDeps): Promise<RenewOutcome> {
  const now = deps.clock.now();
  const live = liveChannels((await deps.sink.readHistory()).log, now);
  const wanted = new Map<string, string>();
  let skipped = 0;
  for (const office of await deps.registry()) {
    const fileId = office.source === null ? null : spreadsheetIdOf(office.source);
    if (fileId === null) skipped++;
    else wanted.set(fileId, office.code);
  }

  const rows: { code: string; result: string }[] = [];
  const stale: DriveChannel[] = live.filter((channel) => !wanted.has(channel.fileId));
  let opened = 0;
  let kept = 0;
  let failed = 0;
  await mapLimit([...wanted], 4, async ([fileId, code]) => {
    const mine = live
      .filter((channel) => channel.fileId === fileId)
      .sort((a, b) => b.expiration.getTime() - a.expiration.getTime());
    const newest = mine[0];
    if (newest && now.getTime() - (newest.expiration.getTime() - CHANNEL_TTL_MS) < FRESH_FOR_MS) {
      kept++;
      stale.push(...mine.slice(1));
      return;
    }
    try {
      const channel = await deps.channels.watch({
        fileId,
        id: (deps.newChannelId ?? (() => `monev-${randomUUID()}`))(),
        address: deps.address,
        token: channelToken(deps.secret, fileId),
        expiration: new Date(now.getTime() + CHANNEL_TTL_MS),
      });
      opened++;
      rows.push({
        code,
        result: logResult('channel-opened', {
          id: channel.id,
          fileId: channel.fileId,
          resourceId: channel.resourceId,
          expiration: channel.expiration.toISOString(),
        }),
      });
      stale.push(...mine);
    } catch (error) {
      // The old channel, if any, still works until it expires; tomorrow's run tries again.
      failed++;
      rows.push({
        code,
        result: logResult('channel-open-failed', {
          reason: withoutAddresses(error instanceof Error ? error.message : String(error)),
        }),
      });
    }
  });

  let stopped = 0;
  const codeOf = (fileId: string) => wanted.get(fileId) ?? '';
  for (const channel of stale) {
    try {
      await deps.channels.stop(channel);
      stopped++;
      rows.push({ code: codeOf(channel.fileId), result: logResult('channel-stopped', { id: channel.id }) });
    } catch {
      // It expires within the day anyway; its notifications are debounced with the new channel's.
      rows.push({ code: codeOf(channel.fileId), result: logResult('channel-stop-failed', { id: channel.id }) });
    }
  }

  if (rows.length > 0) {
    const run = runId(now);
    const time = jakartaTime(now);
    await deps.sink.writeSummary({
      summary: [],
      areas: [],
      log: rows.map((row) =>
        logRecord({ run, time, code: row.code, action: 'pantau', result: row.result, period: '' }),
      ),
    });
  }
  return { opened, kept, stopped, failed, skipped };
}

/** Channels the Log says are open and not yet expired. */
export function liveChannels(log: readonly SheetRecord[], now: Date): DriveChannel[] {
  const open = new Map<string, DriveChannel>();
  for (const row of log) {
    if (row.Aksi !== 'pantau' || typeof row.Hasil !== 'string') continue;
    const opened = openedChannel(row.Hasil);
    if (opened) {
      const expiration = new Date(opened.expiration);
      if (!Number.isNaN(expiration.getTime())) open.set(opened.id, { ...opened, expiration });
      continue;
    }
    const stopped = stoppedChannel(row.Hasil);
    if (stopped) open.delete(stopped);
  }
  return [...open.values()].filter((channel) => channel.expiration.getTime() > now.getTime());
}

/** The Drive file ID in a registry Sumber: a spreadsheet URL or a bare ID; null for a local path. */
export function spreadsheetIdOf(source: string): string | null {
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(source)?.[1];
  if (fromUrl) return fromUrl;
  const bare = source.trim();
  return /^[A-Za-z0-9_-]{20,}$/.test(bare) ? bare : null;
}
