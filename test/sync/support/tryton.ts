/**
 * A real Tryton server for the sync tests. The packages and the template database come from
 * scripts/tryton/setup.sh (run here when missing); each test process starts its own trytond
 * on a free port over the shared database directory and stops it when done, and each suite
 * gets a fresh database copied from the template.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The directory scripts/tryton/setup.sh prepares (same default). */
export const TRYTON_DIR =
  process.env.MARQUEE_TRYTON_DIR ?? (isWritableDir('/dev/shm') ? '/dev/shm/marquee-tryton' : '/tmp/marquee-tryton');
export const TRYTON_PASSWORD = process.env.MARQUEE_TRYTON_PASSWORD ?? 'admin';

export interface TrytonDatabase {
  url: string;
  database: string;
  username: string;
  password: string;
  drop(): Promise<void>;
}

function isWritableDir(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

let server: { child: ChildProcess; url: string; conf: string } | null = null;

function ensureTemplate(): void {
  // setup.sh is quick when the template is current, and rebuilds it when it is not.
  const result = spawnSync('bash', ['scripts/tryton/setup.sh'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('scripts/tryton/setup.sh failed: Tryton is not available for the sync tests');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 0, method: 'common.server.version', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function ensureServer(): Promise<string> {
  if (server) return server.url;
  ensureTemplate();
  const port = await freePort();
  const conf = join(TRYTON_DIR, `trytond-test-${process.pid}.conf`);
  writeFileSync(
    conf,
    `[database]\nuri = sqlite://\npath = ${TRYTON_DIR}\n\n[password]\npasslib = ${join(TRYTON_DIR, 'passlib.ini')}\n\n[web]\nlisten = 127.0.0.1:${port}\n`,
  );
  const child = spawn('trytond', ['-c', conf], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  server = { child, url, conf };
  for (let i = 0; i < 100; i++) {
    if (await answers(`${url}/`)) return url;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  await stopTryton();
  throw new Error('trytond did not start');
}

export async function stopTryton(): Promise<void> {
  if (!server) return;
  const { child, conf } = server;
  server = null;
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
  }
  rmSync(conf, { force: true });
}

export async function createTrytonDatabase(): Promise<TrytonDatabase> {
  const url = await ensureServer();
  const database = `sync_${randomBytes(5).toString('hex')}`;
  copyFileSync(join(TRYTON_DIR, 'template.sqlite'), join(TRYTON_DIR, `${database}.sqlite`));
  return {
    url,
    database,
    username: 'admin',
    password: TRYTON_PASSWORD,
    async drop() {
      rmSync(join(TRYTON_DIR, `${database}.sqlite`), { force: true });
    },
  };
}
