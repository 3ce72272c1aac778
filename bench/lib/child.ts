/**
 * Child processes the bench measures or drives: started (pinned) from a TypeScript entry
 * file, considered up once they print a JSON line with `ready: true`, and stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

export interface Child {
  readonly process: ChildProcess;
  /** The ready line's fields (e.g. the URL the server listens on). */
  readonly ready: Record<string, unknown>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  prefix: string[];
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the ready line. */
  timeoutMs?: number;
  /** Ready once this URL answers any HTTP response (for programs that print no JSON, e.g. json-server). */
  probeUrl?: string;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export function tsEntry(file: string, nodeFlags: string[] = []): { command: string; args: string[] } {
  return { command: process.execPath, args: [...nodeFlags, '--import', 'tsx', file] };
}

/** A TCP port that was free a moment ago (for programs that cannot report the port they got). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function startChild(options: SpawnOptions): Promise<Child> {
  const [command, ...args] = [...options.prefix, options.command, ...options.args];
  const child = spawn(command as string, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    errors.push(chunk.toString('utf8'));
    if (errors.length > 50) errors.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`${options.args.join(' ')} did not become ready\n${errors.join('')}`));
    }, options.timeoutMs ?? 120_000);
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`${options.args.join(' ')} exited with ${code} before it was ready\n${errors.join('')}`));
    });
    const becomeReady = (ready: Record<string, unknown>) => {
      settled = true;
      clearTimeout(timer);
      // Keep draining output so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      resolve({
        process: child,
        ready,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    if (options.probeUrl !== undefined) {
      const probeUrl = options.probeUrl;
      const poll = async () => {
        while (!settled) {
          if (await answers(probeUrl)) {
            if (!settled) becomeReady({ url: new URL(probeUrl).origin });
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      };
      void poll();
      child.stdout?.resume();
      return;
    }
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (settled) return;
      let ready: Record<string, unknown> | null = null;
      if (line.startsWith('{')) {
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (parsed.ready === true) ready = parsed;
        } catch {
          // not our line
        }
      }
      if (ready !== null) becomeReady(ready);
    });
  });
}
