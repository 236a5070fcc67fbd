import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and every process below it (Chromium's browser, GPU and renderer processes
 * under Node), read from /proc. RSS summed over the tree counts pages shared between Chromium's
 * processes once per process, so it overstates what the tree holds: it is the cautious figure, and
 * PSS (shared pages split between their sharers) is shown next to it.
 */
export interface TreeMemory {
  readonly rssBytes: number;
  readonly pssBytes: number;
  readonly processes: number;
}

const PAGE_SIZE = 4096;

export function treeMemory(rootPid: number): TreeMemory {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name sits in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  let rssBytes = 0;
  let pssBytes = 0;
  let processes = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const statm = readProc(`/proc/${pid}/statm`);
    if (statm) {
      processes++;
      rssBytes += Number(statm.split(' ')[1]) * PAGE_SIZE;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/smaps_rollup`) ?? '');
      pssBytes += pss ? Number(pss[1]) * 1024 : 0;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { rssBytes, pssBytes, processes };
}

/** Samples a process tree every `intervalMs` until stopped and keeps the peaks. */
export class TreeSampler {
  private timer: NodeJS.Timeout | undefined;
  peakRss = 0;
  peakPss = 0;
  peakProcesses = 0;
  samples = 0;

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const memory = treeMemory(this.rootPid);
    if (memory.processes === 0) return;
    this.samples++;
    this.peakRss = Math.max(this.peakRss, memory.rssBytes);
    this.peakPss = Math.max(this.peakPss, memory.pssBytes);
    this.peakProcesses = Math.max(this.peakProcesses, memory.processes);
  }
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading.
    return null;
  }
}
