/**
 * Runs one load on the load core, with wrk when the machine has it (bench/load/wrk.ts) or the
 * autocannon worker (load/worker.ts) otherwise, and charges the server's CPU time to the
 * responses: the server process, plus any processes working for it (PostgreSQL backends).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, tsEntry } from '../lib/child.js';
import type { Pinning } from '../lib/machine.js';
import { cpuSecondsBetween, cpuSecondsByPid, cpuSecondsOf } from '../lib/proc.js';
import type { LoadResult, LoadSpec } from './worker.js';
import { runWrk } from './wrk.js';

export type { LoadResult, LoadSpec, PreparedRequest } from './worker.js';
export { cpuSecondsOf } from '../lib/proc.js';

export type Generator = 'wrk' | 'autocannon';

export interface MeasuredLoad extends LoadResult {
  generator: Generator;
  /** Server CPU time per response over warm-up and run, in microseconds (null without /proc). */
  serverCpuMicros: number | null;
  /** The part of it spent by helper processes (PostgreSQL backends), when there were any. */
  helperCpuMicros: number | null;
}

async function runAutocannon(pinning: Pinning, spec: LoadSpec): Promise<LoadResult> {
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
    return (child.ready as { result: LoadResult }).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RunLoadOptions {
  generator?: Generator;
  serverPid?: number;
  /** Processes that work for the server (their CPU counts as the server's), listed before and after. */
  helperPids?: () => Promise<number[]>;
}

export async function runLoad(pinning: Pinning, spec: LoadSpec, options: RunLoadOptions = {}): Promise<MeasuredLoad> {
  const generator = options.generator ?? 'autocannon';
  const helpersBefore = cpuSecondsByPid(options.helperPids ? await options.helperPids() : []);
  const cpuBefore = cpuSecondsOf(options.serverPid);
  const result = generator === 'wrk' ? await runWrk(pinning, spec) : await runAutocannon(pinning, spec);
  const cpuAfter = cpuSecondsOf(options.serverPid);
  const helpersAfter = cpuSecondsByPid(options.helperPids ? await options.helperPids() : []);
  const helperSeconds = cpuSecondsBetween(helpersBefore, helpersAfter);
  const responses = result.requests + result.warmupRequests;
  const perResponse = (seconds: number) => (seconds * 1e6) / responses;
  const serverCpuMicros =
    cpuBefore !== null && cpuAfter !== null && responses > 0 ? perResponse(cpuAfter - cpuBefore + helperSeconds) : null;
  return {
    ...result,
    generator,
    serverCpuMicros,
    helperCpuMicros: options.helperPids && responses > 0 ? perResponse(helperSeconds) : null,
  };
}
