/**
 * Which SQL statements one request of a throughput case runs once warm, how often and for how
 * long (the time inside better-sqlite3's call, SQLite's own work): starts
 * Marquee in this process on the kept dataset, plays the case's pool twice to warm the caches,
 * then counts the statements run by a third pass.
 *
 *   node --import tsx bench/tools/statements-case.ts <case> [contacts]
 */
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server/start.js';
import { setUpOneCase } from './one-case.js';

const counts = new Map<string, { n: number; ms: number }>();
let counting = false;
const proto = Database.prototype as unknown as { prepare: (source: string, ...rest: unknown[]) => Record<string, unknown> };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, source: string, ...rest: unknown[]) {
  const statement = prepare.call(this, source, ...rest);
  for (const method of ['all', 'get', 'run', 'iterate', 'raw']) {
    const original = statement[method];
    if (typeof original !== 'function') continue;
    statement[method] = function (this: unknown, ...args: unknown[]) {
      if (!counting) return (original as (...a: unknown[]) => unknown).apply(this, args);
      const started = performance.now();
      try {
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        const seen = counts.get(source) ?? { n: 0, ms: 0 };
        seen.n++;
        seen.ms += performance.now() - started;
        counts.set(source, seen);
      }
    };
  }
  return statement;
};

const { which, dataset, pool } = await setUpOneCase({ contacts: 10_000, seconds: 0 });
const server = await startServer(
  loadConfig({ host: '127.0.0.1', port: 0, databaseUrl: dataset.url, masterKey: dataset.masterKey, seed: false, rateLimitPerSecond: 0, validateResults: false, logLevel: 'warn' }),
  { handleSignals: false },
);
try {
  const requests = pool().requests ?? pool().perConnection?.flat() ?? [];
  const play = async () => {
    for (const r of requests) {
      const response = await fetch(server.url + r.path, { method: 'POST', headers: r.headers, body: r.body });
      await response.arrayBuffer();
    }
  };
  await play();
  await play();
  counting = true;
  await play();
  counting = false;
  process.stdout.write(`${which}: ${requests.length} requests; per request: statements, µs in them (one client, in turn)\n`);
  for (const [source, { n, ms }] of [...counts].sort((a, b) => b[1].ms - a[1].ms)) {
    process.stdout.write(`  ${(n / requests.length).toFixed(2)}  ${((1000 * ms) / requests.length).toFixed(1).padStart(6)}  ${source.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  }
} finally {
  await server.close();
}
