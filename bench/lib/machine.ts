/**
 * The machine the bench runs on, and how processes are pinned to its cores: the server under
 * test on one core, the load generator (and this orchestrator) on another, when there are two
 * or more cores and `taskset` exists.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, release, type } from 'node:os';

export interface Pinning {
  /** Whether processes are pinned at all. */
  readonly pinned: boolean;
  /** Why not, when they are not. */
  readonly reason: string | null;
  readonly serverCpu: string;
  readonly loadCpu: string;
  /** The command prefix that runs a program on the server core. */
  serverPrefix(): string[];
  /** The command prefix that runs a program on the load core. */
  loadPrefix(): string[];
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The CPUs this process may run on (a container may allow fewer than the machine has). */
function allowedCpus(): number[] {
  // A bench started by run.ts inherits its load-core pinning; the set before that is passed down.
  const inherited = process.env.MARQUEE_BENCH_CPUS;
  if (inherited) return inherited.split(',').map(Number);
  try {
    const out = execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' });
    const list = out.split(':').pop()?.trim() ?? '';
    const ids: number[] = [];
    for (const part of list.split(',')) {
      const [a, b] = part.split('-').map(Number);
      if (a === undefined || Number.isNaN(a)) continue;
      for (let i = a; i <= (b ?? a); i++) ids.push(i);
    }
    return ids;
  } catch {
    return cpus().map((_, i) => i);
  }
}

export function planPinning(): Pinning {
  const taskset = hasTaskset();
  const allowed = taskset ? allowedCpus() : cpus().map((_, i) => i);
  const reason = !taskset ? 'taskset is not installed' : allowed.length < 2 ? `only ${allowed.length} core available` : null;
  const serverCpu = String(allowed[0] ?? 0);
  const loadCpu = String(allowed[1] ?? allowed[0] ?? 0);
  const pinned = reason === null;
  return {
    pinned,
    reason,
    serverCpu,
    loadCpu,
    serverPrefix: () => (pinned ? ['taskset', '-c', serverCpu] : []),
    loadPrefix: () => (pinned ? ['taskset', '-c', loadCpu] : []),
  };
}

/** Moves this orchestrator (every thread of it) to the load core, off the server's core. */
export function pinSelf(pinning: Pinning): void {
  if (!pinning.pinned) return;
  process.env.MARQUEE_BENCH_CPUS ??= [...new Set([pinning.serverCpu, pinning.loadCpu])].join(',');
  execFileSync('taskset', ['-a', '-pc', pinning.loadCpu, String(process.pid)], { stdio: 'ignore' });
}

export interface MachineInfo {
  os: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  loadAverage: [number, number, number];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    os: `${type()} ${release()}`,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number],
  };
}
