/**
 * Marquee as the bench runs it: compiled (BENCH_BUILD_DIR, built by bench/lib/build.ts the way
 * `npm start` builds dist/), through the production start path, on the dataset named by the
 * environment. The per-key rate limit is off (the bench drives one key at thousands of
 * requests a second; the limit protects a process, it is not what is measured) and result
 * validation is off, as in production. Prints one JSON line once it listens.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { BENCH_BUILD_DIR: build, BENCH_DATABASE_URL: databaseUrl, BENCH_MASTER_KEY: masterKey } = process.env;
if (!build || !databaseUrl || !masterKey) throw new Error('BENCH_BUILD_DIR, BENCH_DATABASE_URL and BENCH_MASTER_KEY are required');

const load = (path) => import(pathToFileURL(join(build, path)).href);
const { loadConfig } = await load('config.js');
const { startServer } = await load('server/start.js');

const server = await startServer(
  loadConfig({
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    masterKey,
    seed: false,
    rateLimitPerSecond: 0,
    validateResults: false,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  }),
  { handleSignals: false },
);
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url })}\n`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
