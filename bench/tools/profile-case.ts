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
import { runLoad } from '../load/run-load.js';
import { setUpOneCase } from './one-case.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';

const { which, seconds, pinning, buildDir, dataset, pool, log } = await setUpOneCase({ contacts: 10_000, seconds: 10 });
const profileDir = mkdtempSync(join(tmpdir(), 'marquee-profile-'));
const child =
  which === 'ceiling'
    ? await startCeiling({ pinning, buildDir, profileDir }, ['--cpu-prof', '--cpu-prof-dir', profileDir])
    : await startMarquee({ pinning, buildDir, profileDir }, dataset);
const micros = () => Number(process.hrtime.bigint() / 1000n);
const warmup = 2;
const from = micros() + (warmup + 1.5) * 1e6;
let to: number;
try {
  const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: warmup, seconds, ...pool() }, { serverPid: child.process.pid });
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
