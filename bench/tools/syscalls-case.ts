/**
 * System calls one throughput case makes: the server's threads traced with `strace -c -f` for
 * a few seconds under the bench's load, counted per request. Shows what a request costs the
 * kernel (locks, page reads, WAL writes, socket writes) and what it could stop asking for.
 *
 *   node --import tsx bench/tools/syscalls-case.ts <ping|getContact|getContactList|addOrUpdateContact|ceiling> [contacts] [seconds]
 */
import { spawn } from 'node:child_process';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { buildMarquee } from '../lib/build.js';
import { pinSelf, planPinning } from '../lib/machine.js';
import { prepareDataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
import { runLoad } from '../load/run-load.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';
import { throughputPools } from './pools.js';

const which = process.argv[2] ?? 'ping';
const contacts = Number(process.argv[3] ?? 100_000);
const seconds = Number(process.argv[4] ?? 6);
const pinning = planPinning();
pinSelf(pinning);
const log = (line: string) => process.stderr.write(`${line}\n`);
const buildDir = buildMarquee(DEFAULT_DATA_DIR, log);
const dataset = await prepareDataset('sqlite', contacts, { dataDir: DEFAULT_DATA_DIR, postgresUrl: '', fresh: false, log });
const ids = await sampleContactIds(dataset, 2000, 7);
const pool = throughputPools({ key: dataset.key, secret: dataset.secret }, ids)[which];
if (!pool) throw new Error(`unknown case ${which}`);
const options = { pinning, buildDir, profileDir: null };
const child = which === 'ceiling' ? await startCeiling(options) : await startMarquee(options, dataset);
const traced = 3;
let summary = '';
const tracer = new Promise<void>((resolve) => {
  setTimeout(() => {
    const detail = process.env.STRACE_LOG ? ['-o', process.env.STRACE_LOG, '-e', 'trace=!futex,epoll_pwait'] : ['-c'];
    const strace = spawn('timeout', ['-s', 'INT', String(traced), 'strace', ...detail, '-f', '-p', String(child.process.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
    strace.stderr.on('data', (chunk: Buffer) => (summary += chunk.toString('utf8')));
    strace.once('exit', () => resolve());
  }, 2500);
});
try {
  const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: 2, seconds, ...pool() }, child.process.pid);
  log(`${which}: ${Math.round(result.requestsPerSecond)} req/s untraced-average (tracing slows the server)`);
  await tracer;
} finally {
  await child.stop();
}
process.stdout.write(summary);
