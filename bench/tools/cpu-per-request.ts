/**
 * Server CPU time per request for the ceiling and Marquee's throughput cases, measured in
 * turns several times and summarised by the minimum: on a busy machine, requests per second
 * swing with whatever else runs, while the least CPU a request was seen to take is a stable
 * figure to compare code changes by. (The published numbers still come from `npm run bench`
 * on a quiet machine.)
 *
 *   node --import tsx bench/tools/cpu-per-request.ts [contacts] [rounds] [cases,…]
 */
import { prepareDataset } from '../datasets/datasets.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { buildMarquee } from '../lib/build.js';
import type { Child } from '../lib/child.js';
import { pinSelf, planPinning } from '../lib/machine.js';
import { runLoad } from '../load/run-load.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';
import { poolInputs, throughputPools, type Pool } from '../lib/pools.js';

const contacts = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
const wanted = (process.argv[4] ?? 'ceiling,ping,getContact,getContactList,addOrUpdateContact').split(',');
const pinning = planPinning();
pinSelf(pinning);
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataDir = DEFAULT_DATA_DIR;
const buildDir = buildMarquee(dataDir, log);
const dataset = await prepareDataset('sqlite', contacts, { dataDir, postgresUrl: '', fresh: false, log });
const inputs = await poolInputs(dataset, 10);
const credentials = { key: dataset.key, secret: dataset.secret };
const pools: Record<string, Pool> = throughputPools(credentials, inputs);
const seen = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const name of wanted) {
    const pool = pools[name];
    if (!pool) throw new Error(`unknown case ${name}`);
    const child: Child = name === 'ceiling' ? await startCeiling({ pinning, buildDir, profileDir: null }) : await startMarquee({ pinning, buildDir, profileDir: null }, dataset);
    try {
      const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: 1, seconds: 3, ...pool() }, { serverPid: child.process.pid });
      const bad = Object.keys(result.statuses).some((s) => !s.startsWith('2'));
      if (bad) log(`${name}: non-2xx answers ${JSON.stringify(result.statuses)}`);
      seen.set(name, [...(seen.get(name) ?? []), result.serverCpuMicros ?? NaN]);
      log(`round ${round + 1} ${name}: ${result.serverCpuMicros?.toFixed(1)} µs/request, ${Math.round(result.requestsPerSecond)} req/s`);
    } finally {
      await child.stop();
    }
  }
}
const best = (name: string) => Math.min(...(seen.get(name) ?? [NaN]));
const ceiling = best('ceiling');
for (const name of wanted) {
  const micros = best(name);
  process.stdout.write(`${name.padEnd(20)} ${micros.toFixed(1).padStart(8)} µs/request (min of ${rounds})  ceiling/this ${((100 * ceiling) / micros).toFixed(1)}%\n`);
}
