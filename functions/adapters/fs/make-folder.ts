import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p` that always ends. Node's own `mkdir(path, { recursive: true })` never settles on Node 20
 * when the kernel answers ENOENT for a parent that exists (`/proc/x`, some FUSE and network mounts):
 * it creates the parent again and again. Here each missing folder is created once, from the top, and
 * the first refusal is the error the caller reports.
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(path); ;) {
    try {
      await mkdir(at);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (!(await stat(at)).isDirectory()) throw error;
        break;
      }
      const parent = dirname(at);
      if (code !== 'ENOENT' || parent === at) throw error;
      missing.push(at);
      at = parent;
    }
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      // Another process made it in the meantime.
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
