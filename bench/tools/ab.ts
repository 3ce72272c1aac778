/**
 * A/B comparison of two compiled Marquee builds under the same throughput cases, interleaved
 * (A, B, A, B…, with the ceiling in every round), so that the machine's drift hits both alike.
 * On a shared VM, where requests/s swing by tens of percent within minutes, this is how a
 * code change is judged: server CPU µs per request, per round and as the median of rounds.
 *
 *   node --import tsx bench/tools/ab.ts <buildDirA> <buildDirB> [cases,…] [rounds] [contacts]
 *
 * A build directory comes from `node scripts/build.mjs --out DIR --no-declarations` on each version;
 * DIR must be inside the project (e.g. node_modules/.cache/marquee-bench/ab-A) so that the
 * build finds its dependencies.
 */
import { prepareDataset } from '../datasets/datasets.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { pinSelf, planPinning } from '../lib/machine.js';
import { runLoad } from '../load/run-load.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';
import { poolInputs, throughputPools, type Pool } from '../lib/pools.js';

const [buildA, buildB] = process.argv.slice(2, 4);
if (!buildA || !buildB) throw new Error('usage: ab.ts <buildDirA> <buildDirB> [cases] [rounds] [contacts]');
const cases = (process.argv[4] ?? 'ping,getContact').split(',');
const rounds = Number(process.argv[5] ?? 4);
const contacts = Number(process.argv[6] ?? 100_000);
const pinning = planPinning();
pinSelf(pinning);
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataset = await prepareDataset('sqlite', contacts, { dataDir: DEFAULT_DATA_DIR, postgresUrl: '', fresh: false, log });
const inputs = await poolInputs(dataset, 10);
const pools: Record<string, Pool> = throughputPools({ key: dataset.key, secret: dataset.secret }, inputs);

const seen = new Map<string, number[]>();
const note = (label: string, micros: number) => seen.set(label, [...(seen.get(label) ?? []), micros]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function measure(label: string, start: () => ReturnType<typeof startCeiling>, pool: string): Promise<void> {
  const child = await start();
  try {
    const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: 1, seconds: 3, ...pools[pool]!() }, { serverPid: child.process.pid });
    note(label, result.serverCpuMicros ?? NaN);
    log(`  ${label}: ${result.serverCpuMicros?.toFixed(1)} µs/request, ${Math.round(result.requestsPerSecond)} req/s`);
  } finally {
    await child.stop();
  }
}

for (let round = 0; round < rounds; round++) {
  log(`round ${round + 1}`);
  await measure('ceiling', () => startCeiling({ pinning, buildDir: buildA, profileDir: null }), 'ceiling');
  for (const name of cases) {
    const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    for (const side of order) {
      await measure(`${name} ${side}`, () => startMarquee({ pinning, buildDir: side === 'A' ? buildA : buildB, profileDir: null }, dataset), name);
    }
  }
}
process.stdout.write('\nserver CPU µs per request (median of rounds; every round)\n');
for (const [label, values] of seen) process.stdout.write(`${label.padEnd(24)} ${median(values).toFixed(1).padStart(7)}   ${values.map((v) => v.toFixed(1)).join(' ')}\n`);
