/**
 * `client.batch.runAndWait(jobs)`: submits a batch (batch.run), follows its progress until it
 * is complete and returns its results (batch.results), all with the client's signed calls.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IvvyApiError } from './errors.js';

export interface BatchJobInput {
  namespace: string;
  action: string;
  params: unknown;
}

export interface BatchResultItem {
  namespace: string;
  action: string;
  request: unknown;
  /** The job's result, or its error envelope. */
  response: unknown;
}

export interface BatchResults {
  asyncId: string;
  results: BatchResultItem[];
}

export interface RunAndWaitOptions {
  callbackUrl?: string;
  /** First pause between progress checks (default 250 ms), growing to at most maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up (rejecting) after this long; default 10 minutes. */
  timeoutMs?: number;
  onProgress?: (percent: number, asyncId: string) => void;
  signal?: AbortSignal;
}

export interface BatchHelpers {
  runAndWait(jobs: readonly BatchJobInput[], options?: RunAndWaitOptions): Promise<BatchResults>;
}

/** batch.results answers 24114 while the batch is still running. */
const NOT_COMPLETED = 24114;

type Call = <T>(namespace: string, action: string, params?: unknown) => Promise<T>;

export function batchHelpers(call: Call): BatchHelpers {
  return {
    async runAndWait(jobs, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
      const maxPoll = options.maxPollMs ?? 2_000;
      let pause = options.pollMs ?? 250;
      const { asyncId } = await call<{ asyncId: string }>('batch', 'run', {
        jobs,
        ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
      });
      for (;;) {
        options.signal?.throwIfAborted();
        const { progress } = await call<{ progress: number }>('batch', 'progress', { async: asyncId });
        options.onProgress?.(progress, asyncId);
        if (progress >= 100) {
          try {
            return await call<BatchResults>('batch', 'results', { async: asyncId });
          } catch (error) {
            if (!(error instanceof IvvyApiError && error.specificCode === NOT_COMPLETED)) throw error;
          }
        }
        if (Date.now() + pause > deadline) throw new Error(`batch ${asyncId} did not complete in time (at ${progress}%)`);
        await sleep(pause, undefined, options.signal ? { signal: options.signal } : {});
        pause = Math.min(maxPoll, Math.ceil(pause * 1.5));
      }
    },
  };
}
