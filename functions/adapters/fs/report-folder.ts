import { join } from 'node:path';
import type { ReportStore } from '../../ports.js';
import { writeFileAtomic } from './atomic-file.js';

/** Local mode keeps reports in OUT/laporan; the Rekap's Laporan column shows the path inside OUT. */
export class ReportFolder implements ReportStore {
  constructor(private readonly outDir: string) {}

  async save(fileName: string, bytes: Uint8Array): Promise<string> {
    await writeFileAtomic(join(this.outDir, 'laporan', fileName), bytes);
    return `laporan/${fileName}`;
  }
}
