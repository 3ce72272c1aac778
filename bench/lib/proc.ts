/** CPU time of processes, read from /proc (Linux): what the bench charges each request. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of a /proc/<pid>/stat line after the parenthesised command name (state is [0]). */
export function statFields(statLine: string): string[] {
  return statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a process has used so far; null where there is no /proc. */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // utime and stime.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds of each of several processes; processes that are gone are left out. */
export function cpuSecondsByPid(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const seconds = cpuSecondsOf(pid);
    if (seconds !== null) out.set(pid, seconds);
  }
  return out;
}

/**
 * CPU seconds a changing set of processes used between two readings: a process that started
 * in between counts from zero (a pool opening connections during the load); one that ended
 * counts nothing, as its last use cannot be read (an idle connection closing).
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}
