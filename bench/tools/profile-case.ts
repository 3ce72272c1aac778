/**
 * Profiles Marquee under one throughput case: starts it with --cpu-prof on a kept dataset,
 * drives it with the bench's load generator for a while, stops it, and prints where the time
 * went (tools/profile-top.ts). For the "profile before optimising" loop.
 *
 *   node --import tsx bench/tools/profile-case.ts <ceiling|ping|getContact|getContactList|addOrUpdateContact> [contacts] [seconds]
 *
 * `ceiling` profiles the bare node:http server, to see what of a request's cost is Node's own.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { prepareDataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { buildMarquee } from '../lib/build.js';
import { pinSelf, planPinning } from '../lib/machine.js';
import { runLoad } from '../load/run-load.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';
import { throughputPools } from './pools.js';

const which = process.argv[2] ?? 'ping';
const contacts = Number(process.argv[3] ?? 10_000);
const seconds = Number(process.argv[4] ?? 10);
const pinning = planPinning();
pinSelf(pinning);
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataDir = DEFAULT_DATA_DIR;
const buildDir = buildMarquee(dataDir, log);
const dataset = await prepareDataset('sqlite', contacts, {
  dataDir,
  postgresUrl: '',
  fresh: false,
  log,
});
const profileDir = mkdtempSync(join(tmpdir(), 'marquee-profile-'));
const ids = await sampleContactIds(dataset, 2000, 7);
const credentials = { key: dataset.key, secret: dataset.secret };
const pools = throughputPools(credentials, ids);
const pool = pools[which];
if (!pool) throw new Error(`unknown case ${which}`);
const child =
  which === 'ceiling'
    ? await startCeiling({ pinning, buildDir, profileDir }, ['--cpu-prof', '--cpu-prof-dir', profileDir])
    : await startMarquee({ pinning, buildDir, profileDir }, dataset);
const micros = () => Number(process.hrtime.bigint() / 1000n);
const warmup = 2;
const from = micros() + (warmup + 1.5) * 1e6;
let to: number;
try {
  const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: warmup, seconds, ...pool() }, child.process.pid);
  to = micros() - 1e6;
  log(`${which}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, statuses ${JSON.stringify(result.statuses)}, server ${result.serverCpuMicros?.toFixed(1)} µs CPU/request`);
} finally {
  await child.stop();
}
const profile = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
if (!profile) throw new Error('no profile written');
log(`profile: ${join(profileDir, profile)}`);
process.stdout.write(
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'profile-top.ts'), join(profileDir, profile), '45', String(from), String(to)], {
    encoding: 'utf8',
  }),
);
