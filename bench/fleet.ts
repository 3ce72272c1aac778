/**
 * One Marquee process against two on one PostgreSQL (issue 21, item 3): the same signed
 * getContact and addOrUpdateContact loads, first all on one server, then split evenly over two
 * (half the connections bound to each: round robin by connection). Nothing is pinned here:
 * servers, PostgreSQL and wrk share the machine's cores, as a fleet's processes on one host
 * would, and the report states how many cores that is.
 *
 *   node --import tsx bench/fleet.ts [--contacts N] [--seconds S] [--connections N]
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareDataset } from './datasets/datasets.js';
import { buildMarquee } from './lib/build.js';
import type { Child } from './lib/child.js';
import type { Pinning } from './lib/machine.js';
import { DEFAULT_DATA_DIR } from './lib/paths.js';
import { poolInputs, throughputPools, type MarqueeCase } from './lib/pools.js';
import type { LoadResult, LoadSpec } from './load/run-load.js';
import { runWrk, wrkVersion } from './load/wrk.js';
import { startMarquee } from './scenarios/servers.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    postgres: { type: 'string', default: process.env.MARQUEE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const contacts = Number(values.contacts);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);
const log = (line: string) => process.stderr.write(`${line}\n`);
if (!wrkVersion()) throw new Error('the fleet case needs wrk on the PATH (Debian: apt-get install wrk)');

const shared: Pinning = {
  pinned: false,
  reason: 'the fleet case shares every core between servers, PostgreSQL and wrk',
  serverCpu: '',
  loadCpu: '',
  serverPrefix: () => [],
  loadPrefix: () => [],
};
const buildDir = buildMarquee(DEFAULT_DATA_DIR, log);
const dataset = await prepareDataset('postgres', contacts, { dataDir: DEFAULT_DATA_DIR, postgresUrl: values.postgres, fresh: false, log });
const inputs = await poolInputs(dataset, connections);
const pools = throughputPools({ key: dataset.key, secret: dataset.secret }, inputs);

/** The case's load over the given servers, connections split evenly, all at once; figures summed. */
async function measure(which: MarqueeCase, urls: string[]): Promise<{ rps: number; p99: number; errors: number }> {
  const pool = pools[which]();
  const share = Math.floor(connections / urls.length);
  const specs: LoadSpec[] = urls.map((url, i) => ({
    url,
    connections: share,
    seconds,
    warmupSeconds,
    // Writes: each server's connections get contacts of their own.
    ...(pool.perConnection ? { perConnection: pool.perConnection.slice(i * share, (i + 1) * share) } : { requests: pool.requests ?? [] }),
  }));
  const results: LoadResult[] = await Promise.all(specs.map((spec) => runWrk(shared, spec)));
  return {
    rps: results.reduce((sum, r) => sum + r.requestsPerSecond, 0),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + (r.statuses['>=400'] ?? 0), 0),
  };
}

async function withServers<T>(count: number, fn: (urls: string[]) => Promise<T>): Promise<T> {
  const children: Child[] = [];
  try {
    for (let i = 0; i < count; i++) children.push(await startMarquee({ pinning: shared, buildDir, profileDir: null }, dataset));
    return await fn(children.map((c) => c.ready.url as string));
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

const rows: string[] = [];
for (const which of ['getContact', 'addOrUpdateContact'] as const) {
  const figures: Array<{ rps: number; p99: number; errors: number }> = [];
  for (const count of [1, 2]) {
    log(`${which}: ${count} server process${count === 1 ? '' : 'es'}, ${connections} connections`);
    figures.push(await withServers(count, (urls) => measure(which, urls)));
  }
  const [one, two] = figures as [{ rps: number; p99: number; errors: number }, { rps: number; p99: number; errors: number }];
  rows.push(
    `| contact.${which} | ${Math.round(one.rps).toLocaleString('en-US')} | ${one.p99.toFixed(2)} | ${Math.round(two.rps).toLocaleString('en-US')} | ` +
      `${two.p99.toFixed(2)} | ${(two.rps / one.rps).toFixed(2)}× | ${one.errors + two.errors === 0 ? 'ok' : `errors ${one.errors + two.errors}`} |`,
  );
}
process.stdout.write(
  [
    '',
    `## One server process against two, one PostgreSQL (${contacts.toLocaleString('en-US')} contacts, ${connections} connections, ${cpus().length} cores shared by all)`,
    '',
    '| call | one process req/s | p99 ms | two processes req/s | p99 ms | two / one | answers |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
