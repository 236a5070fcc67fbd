import { join } from 'node:path';
import type { ResultsDocument } from '../../core/results-document.js';
import type { ResultsStore } from '../../ports.js';
import { writeFileAtomic } from './atomic-file.js';

/** results.json in the output folder (docs/SPEC.md §7), written atomically. */
export class ResultsFile implements ResultsStore {
  constructor(private readonly outDir: string) {}

  async save(document: ResultsDocument): Promise<string> {
    const path = join(this.outDir, 'results.json');
    await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
    return path;
  }
}
