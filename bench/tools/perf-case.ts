/**
 * Linux `perf` view of one throughput case: the whole server process (every thread, kernel
 * included) sampled while the bench's load generator drives it, summarised by thread and by
 * symbol. Complements profile-case.ts, whose V8 profile sees only the main thread's JavaScript.
 *
 *   node --import tsx bench/tools/perf-case.ts <ping|getContact|getContactList|addOrUpdateContact|ceiling> [contacts] [seconds]
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../load/run-load.js';
import { setUpOneCase } from './one-case.js';
import { startCeiling, startMarquee } from '../scenarios/servers.js';

const { which, seconds, pinning, buildDir, dataset, pool, log } = await setUpOneCase({ contacts: 100_000, seconds: 8 });
const options = { pinning, buildDir, profileDir: null };
const child = which === 'ceiling' ? await startCeiling(options, ['--perf-basic-prof']) : await startMarquee(options, dataset, ['--perf-basic-prof']);
const out = join(mkdtempSync(join(tmpdir(), 'marquee-perf-')), 'perf.data');
const pid = String(child.process.pid);
const warmup = 2;
const recorder = new Promise<void>((resolve) => {
  setTimeout(() => {
    const perf = spawn('perf', ['record', '-F', '999', '-g', '-p', pid, '-o', out, '--', 'sleep', String(seconds - 1)], { stdio: 'ignore' });
    perf.once('exit', () => resolve());
  }, (warmup + 0.5) * 1000);
});
try {
  const result = await runLoad(pinning, { url: child.ready.url as string, connections: 10, warmupSeconds: warmup, seconds, ...pool() }, { serverPid: child.process.pid });
  log(`${which}: ${Math.round(result.requestsPerSecond)} req/s, server ${result.serverCpuMicros?.toFixed(1)} µs CPU/request`);
  await recorder;
} finally {
  await child.stop();
}
const report = (sort: string, extra: string[] = []) =>
  execFileSync('perf', ['report', '-i', out, '--no-children', '--sort', sort, '--stdio', '--percent-limit', '0.7', '-g', 'none', ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .join('\n');
process.stdout.write(`By thread:\n${report('comm')}\n\nBy symbol:\n${report('comm,dso,sym')}\n`);
log(`perf data: ${out}`);
