import { cpus, loadavg, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

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
 * CPU time of the whole machine and of this process with its reaped children (the monev processes it
 * ran, the browsers it launched), in clock ticks, to tell how much of a section's CPU went to others.
 */
export interface CpuSnapshot {
  readonly at: number;
  readonly machineBusy: number;
  readonly own: number;
}

export function cpuSnapshot(): CpuSnapshot {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  const self = readFileSync('/proc/self/stat', 'utf8');
  const own = self
    .slice(self.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 15)
    .reduce((sum, value) => sum + Number(value), 0);
  return { at: performance.now(), machineBusy: user + nice + system + irq + softirq + steal, own };
}

/** Share of the machine's cores that processes other than the bench's kept busy between two snapshots. */
export function othersShare(start: CpuSnapshot, end: CpuSnapshot, cores: number): number {
  const ticksPerSecond = 100; // USER_HZ, the unit of /proc/stat and /proc/<pid>/stat on Linux
  const others = Math.max(0, end.machineBusy - start.machineBusy - (end.own - start.own));
  return others / ticksPerSecond / (((end.at - start.at) / 1000) * cores);
}
