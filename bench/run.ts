/**
 * `npm run bench [-- options]`: prepares its datasets, starts every server it measures, and
 * prints one report (throughput side by side with the node:http ceiling and json-server, scale
 * on SQLite and PostgreSQL, and issue 7's targets as PASS/FAIL). Also writes every figure to
 * bench/results/latest.json (bench/results/quick.json for --quick runs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStorage } from '../src/storage/database.js';
import { prepareDataset, type Dataset, type DatabaseKind } from './datasets/datasets.js';
import { DEFAULT_DATA_DIR, ROOT } from './lib/paths.js';
import { buildMarquee } from './lib/build.js';
import { machineInfo, pinSelf, planPinning } from './lib/machine.js';
import { cacheTable, scaleTable, targetsTable, throughputTable, verdicts } from './lib/report.js';
import { runScale, type ScaleResult } from './scenarios/scale.js';
import { runThroughput, type ThroughputResults } from './scenarios/throughput.js';
import type { Generator } from './load/run-load.js';
import { wrkVersion } from './load/wrk.js';


const USAGE = `npm run bench -- [options]

  --quick                 small datasets and short runs (under 3 minutes); writes bench/results/quick.json
  --contacts N            contacts in the throughput dataset (default 100000; quick 10000)
  --heavy N               contacts of the heavy-records dataset, every one with 20 invitations, 10 registrations,
                          5 companies and 10 custom fields (default 2000; quick 300; 0 skips those cases)
  --scale N,N             dataset sizes for the scale runs (default 100000,1000000; quick 10000,100000)
  --postgres URL          PostgreSQL server for the scale runs, as an admin URL
                          (default $MARQUEE_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --no-postgres           skip PostgreSQL
  --data-dir DIR          where SQLite datasets and json-server's file are kept (default node_modules/.cache/marquee-bench)
  --fresh                 rebuild the datasets even when kept ones are intact
  --only throughput|scale|venue|rooms|cli|sync|sandbox|fleet  run one part (fleet: one Marquee process against two on one PostgreSQL, bench/fleet.ts; sandbox: createSandbox() start-up, bench/sandbox-start.ts; venue: getAvailableFunctionSpaces on a busy venue, bench/venue-availability.ts;
                          rooms: getRoomRates over 10 room types × 365 nights, bench/room-rates.ts; cli: marquee start-up times, bench/cli-startup.ts;
                          sync: CRM sync of 10,000 contacts + 2,000 companies into Tryton and the HubSpot double, bench/scenarios/sync.ts)
  --seconds S             measured seconds per throughput case (default 10; quick 3)
  --warmup S              warm-up seconds before each (default 3; quick 1)
  --connections N,N       connection counts of the throughput cases (default 10,50; the venue and rooms cases use the first)
  --generator wrk|autocannon  load generator (default wrk when on the PATH: Debian's package wrk; else autocannon)
  --repeats N             timed repetitions of each single scale request (default 20; quick 5)
  --profile               run Marquee with --cpu-prof; profiles go to bench/results/profiles/
  --out FILE              results file (default bench/results/latest.json, quick.json with --quick)
`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    contacts: { type: 'string' },
    heavy: { type: 'string' },
    scale: { type: 'string' },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    only: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    generator: { type: 'string' },
    repeats: { type: 'string' },
    profile: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const quick = values.quick;
const int = (text: string | undefined, fallback: number, name: string): number => {
  if (text === undefined) return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got '${text}'`);
  return n;
};
const options = {
  contacts: int(values.contacts, quick ? 10_000 : 100_000, 'contacts'),
  heavy: values.heavy === '0' ? 0 : int(values.heavy, quick ? 300 : 2_000, 'heavy'),
  scale: (values.scale ?? (quick ? '10000,100000' : '100000,1000000')).split(',').map((s) => int(s.trim(), 0, 'scale')),
  postgres: values['no-postgres'] ? null : (values.postgres ?? process.env.MARQUEE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
  dataDir: resolve(values['data-dir'] ?? DEFAULT_DATA_DIR),
  fresh: values.fresh,
  only: values.only as 'throughput' | 'scale' | 'venue' | 'rooms' | 'cli' | 'sync' | 'sandbox' | 'fleet' | undefined,
  seconds: int(values.seconds, quick ? 3 : 10, 'seconds'),
  warmup: int(values.warmup, quick ? 1 : 3, 'warmup'),
  connections: (values.connections ?? '10,50').split(',').map((s) => int(s.trim(), 0, 'connections')),
  generator: (values.generator ?? (wrkVersion() ? 'wrk' : 'autocannon')) as Generator,
  repeats: int(values.repeats, quick ? 5 : 20, 'repeats'),
  profileDir: values.profile ? join(ROOT, 'bench', 'results', 'profiles') : null,
  out: resolve(values.out ?? join(ROOT, 'bench', 'results', quick ? 'quick.json' : 'latest.json')),
};
if (options.generator !== 'wrk' && options.generator !== 'autocannon') throw new Error(`--generator must be wrk or autocannon, got '${String(options.generator)}'`);
if (options.generator === 'wrk' && !wrkVersion()) throw new Error('--generator wrk: wrk is not on the PATH (Debian: apt-get install wrk)');
if (options.only !== undefined && !['throughput', 'scale', 'venue', 'rooms', 'cli', 'sync', 'sandbox', 'fleet'].includes(options.only)) {
  throw new Error(`--only must be throughput, scale, venue, rooms, cli, sync, sandbox or fleet, got '${options.only}'`);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
const pinning = planPinning();
pinSelf(pinning);
if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });

const machineBefore = machineInfo();
log(`${machineBefore.cpuModel}, ${machineBefore.cores} cores, Node ${machineBefore.node}; load average ${machineBefore.loadAverage.join(' ')}`);
if (machineBefore.loadAverage[0] > 1) log(`warning: the machine is busy (1-minute load ${machineBefore.loadAverage[0]}); figures will be low and noisy`);
log(
  pinning.pinned
    ? `server pinned to CPU ${pinning.serverCpu}, load generator and this process to CPU ${pinning.loadCpu} (taskset)`
    : `NOT PINNED: ${pinning.reason}; server and load generator share the cores`,
);

const buildDir = buildMarquee(options.dataDir, log);
const datasetOptions = { dataDir: options.dataDir, postgresUrl: options.postgres ?? '', fresh: options.fresh, log };
const kinds: DatabaseKind[] = options.postgres ? ['sqlite', 'postgres'] : ['sqlite'];

let throughput: ThroughputResults | null = null;
if (options.only === undefined || options.only === 'throughput') {
  const dataset = await prepareDataset('sqlite', options.contacts, { ...datasetOptions, jsonServer: true });
  const onPostgres = options.postgres ? await prepareDataset('postgres', options.contacts, datasetOptions) : null;
  const heavy = options.heavy > 0 ? await prepareDataset('sqlite', options.heavy, { ...datasetOptions, heavy: options.heavy }) : null;
  log(
    `\nthroughput: ${options.generator}, ${options.connections.join(' and ')} connections, ${options.warmup} s warm-up, ${options.seconds} s measured per case, ` +
      `each after the ceiling`,
  );
  throughput = await runThroughput(
    {
      pinning,
      buildDir,
      profileDir: options.profileDir,
      connections: options.connections,
      generator: options.generator,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      log,
    },
    dataset,
    onPostgres,
    heavy,
  );
}

const scale: ScaleResult[] = [];
const datasets: Dataset[] = [];
if (options.only === undefined || options.only === 'scale') {
  for (const kind of kinds) {
    for (const size of options.scale) {
      const dataset = await prepareDataset(kind, size, datasetOptions);
      datasets.push(dataset);
      log(`\nscale: ${kind}, ${size.toLocaleString('en-US')} contacts`);
      scale.push(await runScale({ pinning, buildDir, profileDir: options.profileDir, repeats: options.repeats, log }, dataset));
    }
  }
}

async function databaseVersions(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const storage = await openStorage('sqlite::memory:');
  try {
    const row = await storage.db.selectNoFrom((eb) => eb.fn<string>('sqlite_version').as('v')).executeTakeFirst();
    out.sqlite = String(row?.v);
  } finally {
    await storage.close();
  }
  if (options.postgres) {
    const client = new pg.Client({ connectionString: options.postgres });
    await client.connect();
    try {
      out.postgres = String((await client.query('show server_version')).rows[0]?.server_version);
    } finally {
      await client.end();
    }
  }
  return out;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function gitRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (uncommitted changes under src/)` : head;
  } catch {
    return 'unknown';
  }
}

const targets = verdicts(throughput, scale);
const machineAfter = machineInfo();
const header = [
  `Marquee bench, ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick run: small datasets, short runs; not for publishing)' : ''}`,
  `${machineBefore.cpuModel}, ${machineBefore.cores} cores, ${machineBefore.memoryGb} GB, Node ${machineBefore.node}; ` +
    (pinning.pinned ? `server on CPU ${pinning.serverCpu}, load generator on CPU ${pinning.loadCpu} (taskset)` : `not pinned: ${pinning.reason}`) +
    `; load average ${machineBefore.loadAverage[0]} before, ${machineAfter.loadAverage[0]} after`,
].join('\n');

const sections = [header];
if (throughput) {
  sections.push(
    `Throughput: ${throughput.datasets.map((d) => `${d.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} with ${d.contacts.toLocaleString('en-US')} ${d.heavy ? 'heavy contacts' : 'contacts'}`).join(', ')}; ` +
      `${throughput.generator === 'wrk' ? (wrkVersion() ?? 'wrk') : 'autocannon'}, ${throughput.warmupSeconds} s warm-up + ${throughput.seconds} s per row, ` +
      `each row after a ceiling run of its own (server CPU: Marquee's process, plus PostgreSQL's backends where shown)\n\n${throughputTable(throughput)}`,
  );
}
if (scale.length > 0) {
  sections.push(`Scale: getContactList, one client, pages of 100; each cell "first request / p50 of ${options.repeats} more" in ms\n\n${scaleTable(scale)}`);
  sections.push(`Caches after each export (from /metrics)\n\n${cacheTable(scale)}`);
}
sections.push(`Targets (issues 7 and 21; one core for the server)\n\n${targetsTable(targets)}`);
process.stdout.write(`\n${sections.join('\n\n')}\n`);

const versions = {
  marquee: (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  revision: gitRevision(),
  node: process.version,
  autocannon: packageVersion('autocannon'),
  wrk: wrkVersion(),
  jsonServer: packageVersion('json-server'),
  ...(await databaseVersions()),
};
mkdirSync(resolve(options.out, '..'), { recursive: true });
writeFileSync(
  options.out,
  `${JSON.stringify(
    {
      date: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      quick,
      machine: { ...machineBefore, loadAverageAfter: machineAfter.loadAverage },
      pinning: { pinned: pinning.pinned, reason: pinning.reason, serverCpu: pinning.serverCpu, loadCpu: pinning.loadCpu },
      versions,
      options: { ...options, postgres: options.postgres ? options.postgres.replace(/\/\/[^@]*@/, '//') : null },
      throughput,
      scale,
      datasets: datasets.map((d) => ({ kind: d.kind, contacts: d.contacts, seedSeconds: d.seedSeconds })),
      targets,
    },
    null,
    2,
  )}\n`,
);
log(`\nresults written to ${options.out} (${Math.round((Date.now() - started) / 1000)} s)`);

// The venue case keeps its own dataset and prints its own table (bench/venue-availability.ts).
if (options.only === undefined || options.only === 'venue') {
  const venue = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'venue-availability.ts'), '--seconds', String(options.seconds), '--warmup', String(options.warmup), '--connections', String(options.connections[0]), ...(options.fresh ? ['--fresh'] : [])],
    { stdio: 'inherit' },
  );
  if (venue.status !== 0) log(`venue availability case failed (exit ${venue.status})`);
}

if (options.only === undefined || options.only === 'rooms') {
  const rooms = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'room-rates.ts'), '--seconds', String(options.seconds), '--warmup', String(options.warmup), '--connections', String(options.connections[0]), ...(options.fresh ? ['--fresh'] : []), ...(options.profileDir ? ['--profile'] : [])],
    { stdio: 'inherit' },
  );
  if (rooms.status !== 0) log(`room rates case failed (exit ${rooms.status})`);
}

if (options.only === undefined || options.only === 'cli') {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'cli-startup.ts')], { stdio: 'inherit' });
  if (cli.status !== 0) log(`CLI start-up case failed (exit ${cli.status})`);
}

if (options.only === undefined || options.only === 'sandbox') {
  const sandbox = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'sandbox-start.ts')], { stdio: 'inherit' });
  if (sandbox.status !== 0) log(`sandbox start-up case failed (exit ${sandbox.status})`);
}

// One server process against two on one PostgreSQL (bench/fleet.ts); needs wrk and PostgreSQL.
if ((options.only === undefined || options.only === 'fleet') && options.postgres && wrkVersion()) {
  const fleet = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'fleet.ts'), '--contacts', String(options.contacts), '--seconds', String(options.seconds), '--warmup', String(options.warmup), '--postgres', options.postgres],
    { stdio: 'inherit' },
  );
  if (fleet.status !== 0) log(`fleet case failed (exit ${fleet.status})`);
}

// CRM sync at volume against a real Tryton and the HubSpot double (bench/scenarios/sync.ts).
if (options.only === undefined || options.only === 'sync') {
  const sync = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'scenarios', 'sync.ts')], { stdio: 'inherit' });
  if (sync.status !== 0) log(`CRM sync case failed (exit ${sync.status})`);
}
