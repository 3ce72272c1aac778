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

/** CPU seconds of several processes together; processes that are gone count nothing. */
export function cpuSecondsOfAll(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
}
