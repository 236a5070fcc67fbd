import { DriveEvidenceVerifier } from '../../functions/adapters/google/drive-evidence-verifier.js';
import { GoogleServices } from '../../functions/adapters/google/google-services.js';
import { parseConfig } from '../../functions/config.js';
import type { DriveTarget } from '../../functions/core/evidence/drive-link.js';
import type { DriveLookup } from '../../functions/core/evidence/office-evidence.js';
import { startFakeGoogleApi } from '../../test/fakes/google-api-server.js';

export interface DriveStormSettings {
  /** Distinct Drive files looked up (one `files.get` each: no folders). */
  readonly lookups: number;
  /** Files cited per office; a run verifies `officesAtOnce` offices at a time (run-cycle's mapLimit). */
  readonly perOffice: number;
  readonly officesAtOnce: number;
  /** Drive's quota in the storm: requests per window. */
  readonly perWindow: number;
  readonly windowMs: number;
  readonly latencyMs: number;
}

export interface DriveStormResult {
  readonly settings: DriveStormSettings;
  /** The calm run: no quota. */
  readonly calmMs: number;
  readonly runs: readonly {
    readonly wallMs: number;
    /** `files.get` requests sent, quota answers included, and the quota answers among them. */
    readonly requests: number;
    readonly quotaAnswers: number;
    /** Links left without an answer (unverified). */
    readonly unverified: number;
    /** Links whose outcome differs from the calm run's. */
    readonly differing: number;
  }[];
  /** The shortest time the quota allows: the first window's requests at once, one window per further batch, one answer. */
  readonly quotaMinimumMs: number;
}

/**
 * A Drive quota storm (docs/SPEC.md §8; issue 17 §5): the fake Drive grants `perWindow` requests per
 * window and answers 403 `userRateLimitExceeded` beyond; monev verifies the offices' links with its
 * production settings (backoff from 1 s, a 5-minute deadline, MONEV_DRIVE_REQUESTS_PER_MINUTE 12 000,
 * 32 in flight), as a local run with credentials does. Each storm run's outcomes are compared with a
 * calm run's, link by link, and its time with the quota's minimum.
 */
export async function benchDriveStorm(options: {
  settings: DriveStormSettings;
  repetitions: number;
  log: (line: string) => void;
}): Promise<DriveStormResult> {
  const { settings } = options;
  const google = await startFakeGoogleApi();
  try {
    const states = ['ok', 'ok', 'empty', 'trashed', 'unshared'] as const;
    const ids = Array.from({ length: settings.lookups }, (_, i) =>
      google.addEvidence({ state: states[i % states.length] ?? 'ok' }),
    );
    const offices: DriveTarget[][] = [];
    for (let i = 0; i < ids.length; i += settings.perOffice)
      offices.push(ids.slice(i, i + settings.perOffice).map((id) => ({ id, resourceKey: null })));
    const config = parseConfig({
      MONEV_GOOGLE_ROOT_URL: google.url,
      MONEV_GOOGLE_SERVICE_ACCOUNT: 'monev@bench.iam.gserviceaccount.com',
    }).google;
    const verifyAll = async (): Promise<{ wallMs: number; outcomes: Map<string, DriveLookup | undefined> }> => {
      const verifier = DriveEvidenceVerifier.fromConfig(GoogleServices.fromConfig(config), config);
      const outcomes = new Map<string, DriveLookup | undefined>();
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        for (let office = next++; office < offices.length; office = next++) {
          const asked = offices[office] ?? [];
          const verification = await verifier.verify(asked);
          for (const { id } of asked) outcomes.set(id, verification.lookups.get(id));
        }
      };
      await Promise.all(Array.from({ length: settings.officesAtOnce }, worker));
      return { wallMs: performance.now() - started, outcomes };
    };

    google.setLatency(settings.latencyMs);
    const calm = await verifyAll();
    options.log(`  calm: ${(calm.wallMs / 1000).toFixed(2)} s for ${settings.lookups} lookups`);
    const runs: DriveStormResult['runs'][number][] = [];
    for (let rep = 0; rep < options.repetitions; rep++) {
      google.setQuota({ drive: settings.perWindow, windowMs: settings.windowMs });
      google.resetCounts();
      const storm = await verifyAll();
      const run = {
        wallMs: storm.wallMs,
        requests: google.count('drive.files.get'),
        quotaAnswers: google.count(undefined, { status: 403 }) + google.count(undefined, { status: 429 }),
        unverified: [...storm.outcomes.values()].filter((lookup) => lookup === undefined).length,
        differing: ids.filter((id) => JSON.stringify(storm.outcomes.get(id)) !== JSON.stringify(calm.outcomes.get(id)))
          .length,
      };
      options.log(
        `  storm ${rep + 1}: ${(run.wallMs / 1000).toFixed(2)} s, ${run.requests} files.get (${run.quotaAnswers} quota answers), ${run.unverified} unverified, ${run.differing} differing from the calm run`,
      );
      runs.push(run);
    }
    const quotaMinimumMs =
      (Math.ceil(settings.lookups / settings.perWindow) - 1) * settings.windowMs + settings.latencyMs;
    return { settings, calmMs: calm.wallMs, runs, quotaMinimumMs };
  } finally {
    await google.close();
  }
}
