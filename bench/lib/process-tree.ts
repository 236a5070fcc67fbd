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

export function treeMemory(rootPid: number, options: { pss?: boolean } = {}): TreeMemory {
  let rssBytes = 0;
  let pssBytes = 0;
  let processes = 0;
  for (const pid of treePids(rootPid)) {
    const pages = residentPages(pid);
    if (pages === 0) continue;
    processes++;
    rssBytes += pages * PAGE_SIZE;
    if (options.pss ?? true) {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/smaps_rollup`) ?? '');
      pssBytes += pss ? Number(pss[1]) * 1024 : 0;
    }
  }
  return { rssBytes, pssBytes, processes };
}

/** The process and every process below it, from the parent ids in /proc/<pid>/stat. */
export function treePids(rootPid: number): number[] {
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
  const pids: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/**
 * Samples a process tree and keeps the peaks: RSS every 50 ms (one small read per process), the tree
 * itself every 200 ms (a scan of /proc), PSS every 500 ms (smaps_rollup walks the page tables, which
 * is not free). At these rates the sampler takes a few per cent of one core.
 */
export class TreeSampler {
  private timer: NodeJS.Timeout | undefined;
  private pids: number[] = [];
  private ticks = 0;
  peakRss = 0;
  peakPss = 0;
  peakProcesses = 0;

  constructor(private readonly rootPid: number) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    if (this.ticks % 4 === 0) this.pids = treePids(this.rootPid);
    const withPss = this.ticks % 10 === 0;
    this.ticks++;
    let rss = 0;
    let pss = 0;
    let processes = 0;
    for (const pid of this.pids) {
      const pages = residentPages(pid);
      if (pages === 0) continue;
      processes++;
      rss += pages * PAGE_SIZE;
      if (withPss)
        pss += Number(/^Pss:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/smaps_rollup`) ?? '')?.[1] ?? 0) * 1024;
    }
    this.peakRss = Math.max(this.peakRss, rss);
    if (withPss) this.peakPss = Math.max(this.peakPss, pss);
    this.peakProcesses = Math.max(this.peakProcesses, processes);
  }
}

/** Resident pages of a process; 0 when it has ended or is a zombie waiting to be reaped. */
function residentPages(pid: number): number {
  return Number(readProc(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0);
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading.
    return null;
  }
}
