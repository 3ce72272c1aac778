/**
 * Starts and kills Marquee server processes for crash and multi-process tests. The default
 * script is the fixture server (test/batch/fixtures/server.ts: the real app, runtime and
 * workers plus the fixture actions), which prints `{"url": …}` on one line once it listens.
 *
 * A start that fails (the process exits, prints something else, or does not answer in time)
 * SIGKILLs the process before rejecting, and any child still running when the test process
 * exits is SIGKILLed too: an orphaned server holding a database or a port can hang the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { nodeScriptArgs } from './node-script.js';

export const FIXTURE_SERVER = fileURLToPath(new URL('../batch/fixtures/server.ts', import.meta.url));

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown hook runs, in-flight transactions are lost. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  /** The script to run (default: the fixture server). */
  script?: string;
  /** How long the process has to print its URL (default 30 s). */
  startTimeoutMs?: number;
}

/** Children not yet known to have exited; SIGKILLed if the test process exits first. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export async function startChildServer(env: Record<string, string>, options: ChildServerOptions = {}): Promise<ChildServer> {
  const { script = FIXTURE_SERVER, startTimeoutMs = 30_000 } = options;
  installExitHook();
  const child = spawn(process.execPath, nodeScriptArgs(script), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  // An 'error' (spawn failure, failed kill) is reported through the start or `ended` below.
  child.on('error', () => undefined);
  // Settles once the process is gone ('error' alone when it could not be spawned at all).
  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => {
      if (child.pid === undefined || !alive(child)) resolve();
    });
  }).then(() => {
    running.delete(child);
  });
  const signal = async (name: NodeJS.Signals) => {
    if (alive(child)) child.kill(name);
    await ended;
  };

  const lines = createInterface({ input: child.stdout! });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child server ${script} did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      child.once('error', (error) => fail(new Error(`child server ${script} could not be started: ${error.message}`)));
      child.once('exit', (code, sig) => fail(new Error(`child server ${script} exited with ${sig ?? code} before it listened`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { url: string }).url);
        } catch {
          reject(new Error(`child server ${script} printed ${JSON.stringify(line)} instead of {"url": …}`));
        }
      });
    });
    return { url, process: child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
  } catch (error) {
    lines.close();
    await signal('SIGKILL');
    throw error;
  }
}
