import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DriveEvidenceVerifier } from '../../functions/adapters/google/drive-evidence-verifier.js';
import { GoogleServices } from '../../functions/adapters/google/google-services.js';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-workbook.js';
import { parseConfig } from '../../functions/config.js';
import { driveTargets } from '../../functions/core/evidence/office-evidence.js';
import { readOffice } from '../../functions/core/office-reader.js';
import { parsePeriod } from '../../functions/core/period.js';
import type { DriveTarget } from '../../functions/core/evidence/drive-link.js';
import { startFakeGoogleApi } from '../../test/fakes/google-api-server.js';

export interface EvidenceSettings {
  readonly latencyMs: number;
  /** Drive requests per window: Drive's rate (MONEV_DRIVE_REQUESTS_PER_MINUTE) over a shrunk window. */
  readonly perWindow: number;
  readonly windowMs: number;
  /** MONEV_DRIVE_CONCURRENCY. */
  readonly concurrency: number;
}

export interface EvidenceResult {
  readonly offices: number;
  readonly settings: EvidenceSettings;
  /** Drive links cited (per office, summed) and distinct Drive files among them. */
  readonly citedTargets: number;
  readonly distinctFiles: number;
  readonly runs: readonly {
    readonly wallMs: number;
    readonly getRequests: number;
    /** `files.get` requests Drive answered with the file (or 404), not with a quota answer: lookups. */
    readonly getLookups?: number;
    readonly listRequests: number;
    readonly throttled: number;
  }[];
  /** The shortest time the quota allows for the requests of a run. */
  readonly quotaMinimumMs: number;
}

/**
 * Evidence verification of a whole province against the fake Drive (latency and a per-window quota
 * enforced, answering 403 userRateLimitExceeded when it is spent): each office asks for its own Drive
 * targets at once, as a run does, through one verifier. Counts Drive lookups per distinct file and
 * compares the time with the quota's minimum for the requests made.
 */
export async function benchEvidence(
  dataDir: string,
  options: { offices: number; repetitions: number; settings: EvidenceSettings; log: (line: string) => void },
): Promise<EvidenceResult> {
  const { settings } = options;
  const period = parsePeriod('2025-TW3');
  if (!period) throw new Error('period');
  const google = await startFakeGoogleApi();
  try {
    const files = (await readdir(join(dataDir, 'satker'))).filter((name) => name.endsWith('.xlsx')).sort();
    const asks: DriveTarget[][] = [];
    for (const file of files) {
      const path = join(dataDir, 'satker', file);
      try {
        const parsed = readOffice(await readXlsxWorkbook(path), { code: null }, period);
        asks.push(driveTargets(parsed));
      } catch {
        // The sample's unreadable office cites nothing.
      }
      await google.loadXlsx(path);
    }
    const citedTargets = asks.reduce((sum, targets) => sum + targets.length, 0);
    const distinctFiles = new Set(asks.flat().map((target) => target.id)).size;
    options.log(`  ${asks.length} offices cite ${citedTargets} Drive links, ${distinctFiles} distinct files`);
    google.setLatency(settings.latencyMs);
    google.setQuota({ drive: settings.perWindow, windowMs: settings.windowMs });

    const config = parseConfig({
      MONEV_GOOGLE_ROOT_URL: google.url,
      MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@bench.iam.gserviceaccount.com',
      MONEV_GOOGLE_QUOTA_WINDOW_MS: String(settings.windowMs),
      MONEV_DRIVE_REQUESTS_PER_MINUTE: String(settings.perWindow),
      MONEV_DRIVE_CONCURRENCY: String(settings.concurrency),
      MONEV_GOOGLE_BACKOFF_MS: '50',
    }).google;
    const runs: EvidenceResult['runs'][number][] = [];
    for (let rep = 0; rep < options.repetitions; rep++) {
      google.resetCounts();
      const verifier = DriveEvidenceVerifier.fromConfig(GoogleServices.fromConfig(config), config);
      const started = performance.now();
      await Promise.all(asks.map((targets) => verifier.verify(targets)));
      const wallMs = performance.now() - started;
      const run = {
        wallMs,
        getRequests: google.count('drive.files.get'),
        getLookups:
          google.count('drive.files.get') -
          google.count('drive.files.get', { status: 403 }) -
          google.count('drive.files.get', { status: 429 }),
        listRequests: google.count('drive.files.list'),
        throttled: google.count(undefined, { status: 403 }) + google.count(undefined, { status: 429 }),
      };
      options.log(
        `  run ${rep + 1}: ${(wallMs / 1000).toFixed(1)} s, ${run.getRequests} files.get, ${run.listRequests} files.list, ${run.throttled} quota answers`,
      );
      runs.push(run);
    }
    const requests = (runs[0]?.getRequests ?? 0) + (runs[0]?.listRequests ?? 0);
    // A full bucket at the start, then one window per further `perWindow` requests, plus one answer.
    const quotaMinimumMs =
      Math.max(0, Math.ceil(requests / settings.perWindow) - 1) * settings.windowMs + settings.latencyMs;
    return { offices: asks.length, settings, citedTargets, distinctFiles, runs, quotaMinimumMs };
  } finally {
    await google.close();
  }
}
