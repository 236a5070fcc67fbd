import type { GoogleConfig } from '../../config.js';
import type { DriveTarget } from '../../core/evidence/drive-link.js';
import type { DriveLookup, EvidenceVerification } from '../../core/evidence/office-evidence.js';
import type { EvidenceVerifier } from '../../ports.js';
import { errorShape } from './google-api-error.js';
import type { GoogleServices } from './google-services.js';
import { QuotaScheduler } from './quota-scheduler.js';

/**
 * Evidence on Google Drive (docs/SPEC.md §8), through the run's quota scheduler: `files.get` for each
 * distinct ID once per run (a promise per ID, so two offices citing one file wait for one lookup), and
 * for a folder one `files.list` asking for a single item inside that is not trashed. `supportsAllDrives`
 * makes files on Shared Drives visible; a link's `resourcekey` goes in the X-Goog-Drive-Resource-Keys
 * header, as Drive expects for files shared by link before its 2021 security update.
 *
 * Drive answers 404 both for a file that does not exist and for one not shared with the service
 * account, so both are "unreachable". Under quota answers (403 userRateLimitExceeded, 429) the lookups
 * slow to the rate Drive grants, learned from those answers, and go on until the run's deadline
 * (granted-rate.ts); server errors are retried with backoff. A lookup that still fails (or a 400, never
 * retried) leaves that link unverified rather than failed: Drive's trouble must not cost an office its
 * score.
 */
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const GOOGLE_EDITOR_MIME = 'application/vnd.google-apps.';

export class DriveEvidenceVerifier implements EvidenceVerifier {
  private readonly lookups = new Map<string, Promise<DriveLookup | null>>();
  private answered = 0;
  private failed = 0;
  private readonly scheduler: QuotaScheduler;

  /**
   * Drive's quota is its own, apart from Sheets': lookups get a scheduler of their own, with the
   * run's backoff and deadline, the Drive bucket and more requests in flight than the Sheets calls,
   * since a province cites thousands of files and each lookup is a short metadata read. Drive does not
   * say what it grants (a project's quota may be lower than the setting), so the lookups are paced to
   * the rate its quota answers show.
   */
  constructor(
    private readonly services: GoogleServices,
    drive: { readonly perMinute: number; readonly concurrency: number },
  ) {
    this.scheduler = new QuotaScheduler({
      ...services.scheduler.options,
      drivePerMinute: drive.perMinute,
      concurrency: drive.concurrency,
      learnedKinds: ['drive'],
    });
  }

  static fromConfig(services: GoogleServices, config: GoogleConfig): DriveEvidenceVerifier {
    return new DriveEvidenceVerifier(services, {
      perMinute: config.quota.drivePerMinute,
      concurrency: config.quota.driveConcurrency,
    });
  }

  /** Requests sent and retried, for benchmarks. */
  get requests(): QuotaScheduler['stats'] {
    return this.scheduler.stats;
  }

  /** Distinct IDs looked up so far, and those that ended without an answer. */
  get stats(): { readonly lookups: number; readonly unanswered: number } {
    return { lookups: this.lookups.size, unanswered: this.failed };
  }

  async verify(targets: readonly DriveTarget[]): Promise<EvidenceVerification> {
    const answers = await Promise.all(targets.map(async (target) => [target.id, await this.lookup(target)] as const));
    const lookups = new Map<string, DriveLookup>();
    for (const [id, answer] of answers) if (answer) lookups.set(id, answer);
    return {
      // Drive counts as unreachable only when it answered nothing at all this run.
      verified: this.answered > 0 || this.failed === 0,
      lookups,
      account: await this.services.clients.serviceAccount(),
    };
  }

  private lookup(target: DriveTarget): Promise<DriveLookup | null> {
    let pending = this.lookups.get(target.id);
    if (!pending) {
      pending = this.ask(target).then((answer) => {
        if (answer) this.answered++;
        else this.failed++;
        return answer;
      });
      this.lookups.set(target.id, pending);
    }
    return pending;
  }

  private async ask(target: DriveTarget): Promise<DriveLookup | null> {
    const drive = this.services.clients.drive;
    const headers = target.resourceKey
      ? { 'X-Goog-Drive-Resource-Keys': `${target.id}/${target.resourceKey}` }
      : undefined;
    try {
      const { data: file } = await this.scheduler.run('drive', () =>
        drive.files.get(
          { fileId: target.id, supportsAllDrives: true, fields: 'id,mimeType,trashed,size' },
          headers ? { headers } : {},
        ),
      );
      if (file.trashed) return { status: 'trashed', folder: file.mimeType === FOLDER_MIME };
      if (file.mimeType !== FOLDER_MIME) {
        // Google Docs, Sheets, Slides and Forms have no size; any other file of 0 bytes holds nothing.
        const editor = (file.mimeType ?? '').startsWith(GOOGLE_EDITOR_MIME);
        return { status: editor || Number(file.size ?? '1') > 0 ? 'ok' : 'empty', folder: false };
      }
      const { data: list } = await this.scheduler.run('drive', () =>
        drive.files.list(
          {
            q: `'${target.id}' in parents and trashed = false`,
            pageSize: 1,
            fields: 'files(id)',
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
          },
          headers ? { headers } : {},
        ),
      );
      return { status: (list.files ?? []).length > 0 ? 'ok' : 'empty', folder: true };
    } catch (error) {
      if (errorShape(error).status === 404) return { status: 'unreachable', folder: false };
      return null;
    }
  }
}
