/**
 * System calls one throughput case makes: the server's threads traced with `strace -c -f` for
 * a few seconds under the bench's load, counted per request. Shows what a request costs the
 * kernel (locks, page reads, WAL writes, socket writes) and what it could stop asking for.
 *
 *   node --import tsx bench/tools/syscalls-case.ts <ping|getContact|getContactList|addOrUpdateContact|ceiling> [contacts] [seconds]
 */
import { spawn } from 'node:child_process';
import { runLoad } from '../load/run-load.js';
import { setUpOneCase } from './one-case.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';

const { which, seconds, pinning, buildDir, dataset, pool, log } = await setUpOneCase({ contacts: 100_000, seconds: 6 });
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
  const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: 2, seconds, ...pool() }, { serverPid: child.process.pid });
  log(`${which}: ${Math.round(result.requestsPerSecond)} req/s untraced-average (tracing slows the server)`);
  await tracer;
} finally {
  await child.stop();
}
process.stdout.write(summary);
