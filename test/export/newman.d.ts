/** The part of newman's Node API the export tests use (newman ships no type declarations). */
declare module 'newman' {
  import type { EventEmitter } from 'node:events';

  export interface RunOptions {
    collection: object;
    /** Names or ids of the folders or requests to run. */
    folder?: string | string[];
    envVar?: Array<{ key: string; value: string }>;
    reporters?: string[];
    timeoutRequest?: number;
  }

  export interface Execution {
    item: { name: string };
    request: { headers: { get(name: string): string | undefined } };
    response?: { code: number; text(): string };
    requestError?: Error;
  }

  export interface RunSummary {
    run: { executions: Execution[]; failures: Array<{ error: Error }> };
  }

  export function run(options: RunOptions, callback: (error: Error | null, summary: RunSummary) => void): EventEmitter;
}
