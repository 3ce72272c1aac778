/**
 * Runs the `marquee` CLI in a child process: from source, or, under `npm test` (whose pretest
 * has just built dist/), the built command users run, which starts several times faster.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/repo-root.js';

const MAIN = join(REPO_ROOT, 'src', 'cli', 'main.ts');
const BIN = join(REPO_ROOT, 'bin', 'marquee.js');

/** The node arguments that run `marquee` (set MARQUEE_TEST_CLI=dist to use the build). */
export function cliArgv(args: string[]): string[] {
  return process.env.MARQUEE_TEST_CLI === 'dist' ? [BIN, ...args] : ['--import', 'tsx', MAIN, ...args];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, cliArgv(args), {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
