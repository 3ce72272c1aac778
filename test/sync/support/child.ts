/** Runs test/sync/fixtures/run-sync.ts in a child process (optionally killed at a request). */
import { spawn } from 'node:child_process';
import type { SyncConfig } from '../../../src/sync/config.js';
import { nodeScriptArgs } from '../../support/node-script.js';
import type { RunSummary } from '../../../src/sync/engine/run.js';

export interface ChildOutcome {
  killed: boolean;
  summary: (RunSummary & { requests: number }) | null;
  stderr: string;
}

export function runSyncChild(config: SyncConfig, kill?: { at: number; mode: 'before' | 'after' }, reconcile = false): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeScriptArgs('test/sync/fixtures/run-sync.ts'), {
      env: {
        ...process.env,
        MARQUEE_SYNC_TEST_CONFIG: JSON.stringify(config),
        MARQUEE_SYNC_KILL_AT: kill ? String(kill.at) : '0',
        MARQUEE_SYNC_KILL_MODE: kill?.mode ?? 'before',
        MARQUEE_SYNC_RECONCILE: reconcile ? 'force' : 'auto',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ killed: true, summary: null, stderr });
      if (code !== 0) return reject(new Error(`sync child exited ${code}: ${stderr}`));
      resolve({ killed: false, summary: JSON.parse(stdout.trim().split('\n').pop()!) as ChildOutcome['summary'], stderr });
    });
  });
}
