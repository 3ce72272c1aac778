/** Runs the load generator (load/worker.ts) on the load core and returns its figures. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, tsEntry } from '../lib/child.js';
import type { Pinning } from '../lib/machine.js';
import type { LoadResult, LoadSpec } from './worker.js';

export type { LoadResult, LoadSpec, PreparedRequest } from './worker.js';

/** CPU seconds (user + system) a process has used so far, from /proc; null where there is no /proc. */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface MeasuredLoad extends LoadResult {
  /** Server CPU time per response over warm-up and run, in microseconds (null without /proc). */
  serverCpuMicros: number | null;
}

export async function runLoad(pinning: Pinning, spec: LoadSpec, serverPid?: number): Promise<MeasuredLoad> {
  const cpuBefore = cpuSecondsOf(serverPid);
  const dir = mkdtempSync(join(tmpdir(), 'marquee-bench-load-'));
  try {
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    const entry = tsEntry(join(import.meta.dirname, 'worker.ts'));
    const child = await startChild({
      prefix: pinning.loadPrefix(),
      command: entry.command,
      args: [...entry.args, file],
      timeoutMs: (spec.warmupSeconds + spec.seconds + 120) * 1000,
    });
    await child.stop();
    const result = (child.ready as { result: LoadResult }).result;
    const cpuAfter = cpuSecondsOf(serverPid);
    const responses = result.requests + result.warmupRequests;
    const serverCpuMicros =
      cpuBefore !== null && cpuAfter !== null && responses > 0 ? ((cpuAfter - cpuBefore) * 1e6) / responses : null;
    return { ...result, serverCpuMicros };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
