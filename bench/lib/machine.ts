import { cpus, loadavg, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { treePids } from './process-tree.js';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly date: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: cpuLimit() ?? list.length,
    memoryGiB: totalmem() / 2 ** 30,
    kernel: `Linux ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** The 1-minute load average, the machine's busyness as the kernel sees it (2 cores: 2.0 is full). */
export function load1(): number {
  return loadavg()[0] ?? 0;
}

/** Cores allowed by the cgroup, when it says (a container may see more CPUs than it may use). */
function cpuLimit(): number | null {
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(' ');
    if (quota === undefined || quota === 'max' || period === undefined) return null;
    return Number(quota) / Number(period);
  } catch {
    return null;
  }
}

/**
 * How much of the machine's CPU went to processes other than the bench's own during a section: the
 * machine's busy time from /proc/stat, less this process's time with that of every descendant it (or a
 * descendant) reaped, less that of descendants orphaned to init: Chromium leaves helper processes to be
 * reaped by init, and their time would otherwise show up as someone else's. Descendants are followed
 * by sampling every 100 ms.
 */
export class OthersCpu {
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  private readonly machineAtStart = machineBusyTicks();
  private readonly selfAtStart = cpuTicks(process.pid)?.total ?? 0;
  private readonly descendants = new Set<number>();
  private readonly orphans = new Map<number, number>();

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
  }

  /** Share of all cores (0–1) that others used since the start. */
  stop(cores: number): number {
    this.sample();
    clearInterval(this.timer);
    const ticksPerSecond = 100; // USER_HZ, the unit of /proc/stat and /proc/<pid>/stat on Linux
    let own = (cpuTicks(process.pid)?.total ?? 0) - this.selfAtStart;
    for (const ticks of this.orphans.values()) own += ticks;
    const others = Math.max(0, machineBusyTicks() - this.machineAtStart - own);
    return others / ticksPerSecond / (((performance.now() - this.startedAt) / 1000) * cores);
  }

  private sample(): void {
    for (const pid of treePids(process.pid)) if (pid !== process.pid) this.descendants.add(pid);
    for (const pid of this.descendants) {
      const ticks = cpuTicks(pid);
      if (ticks === null) {
        this.descendants.delete(pid);
      } else if (ticks.ppid === 1) {
        // Orphaned: init reaps it, so its time never reaches this process's children's time.
        this.orphans.set(pid, Math.max(ticks.total, this.orphans.get(pid) ?? 0));
      }
    }
  }
}

/** A process's user + system time with that of the children it reaped, and its parent; null once gone. */
function cpuTicks(pid: number): { total: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      total: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
      ppid: Number(fields[1]),
    };
  } catch {
    return null;
  }
}

function machineBusyTicks(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}
