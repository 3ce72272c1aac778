/** Starting the servers the bench measures, each pinned to the server core. */
import { join } from 'node:path';
import { freePort, startChild, tsEntry, type Child } from '../lib/child.js';
import type { Pinning } from '../lib/machine.js';
import type { Dataset } from '../datasets/datasets.js';

const SERVERS = join(import.meta.dirname, '..', 'servers');

export interface ServerOptions {
  pinning: Pinning;
  /** Compiled Marquee (lib/build.ts). */
  buildDir: string;
  /** Directory for V8 CPU profiles of Marquee (`--profile`); none when null. */
  profileDir: string | null;
}

export async function startCeiling(options: ServerOptions, nodeFlags: string[] = []): Promise<Child> {
  const entry = tsEntry(join(SERVERS, 'ceiling.ts'), nodeFlags);
  return startChild({ prefix: options.pinning.serverPrefix(), command: entry.command, args: entry.args });
}

export async function startMarquee(options: ServerOptions, dataset: Dataset, nodeFlags: string[] = []): Promise<Child> {
  const flags = [...nodeFlags, ...(options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [])];
  return startChild({
    prefix: options.pinning.serverPrefix(),
    command: process.execPath,
    args: ['--enable-source-maps', ...flags, join(SERVERS, 'marquee.mjs')],
    env: { BENCH_BUILD_DIR: options.buildDir, BENCH_DATABASE_URL: dataset.url, BENCH_MASTER_KEY: dataset.masterKey, LOG_LEVEL: 'warn' },
  });
}

/** json-server 0.17 as people run it (`json-server db.json`), minus its per-request log lines. */
export async function startJsonServer(options: ServerOptions, dbFile: string): Promise<Child> {
  const port = await freePort();
  const bin = join(import.meta.dirname, '..', '..', 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
  return startChild({
    prefix: options.pinning.serverPrefix(),
    command: process.execPath,
    args: [bin, '--quiet', '--port', String(port), '--host', '127.0.0.1', dbFile],
    probeUrl: `http://127.0.0.1:${port}/contacts/1`,
    timeoutMs: 300_000,
  });
}
