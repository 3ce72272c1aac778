/**
 * How long `createSandbox()` takes to hand back a working sandbox (issue 20: "well under a
 * second"), from the built package as users load it (dist/, `npm run build`). The first
 * sandbox of a process loads the server's modules and its template database (built once per
 * machine and day, then read from disk: src/sandbox/template-cache.ts); every later one copies
 * the template in memory. Reported: the module load, that first start, and the median of N
 * later starts, each ready to answer (one signed ping) and closed before the next.
 *
 *   node --import tsx bench/sandbox-start.ts [--runs N]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as SandboxModule from '../src/sandbox/index.js';
import { ROOT } from './lib/paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const TARGET_SECONDS = 0.25;

// The built entry point, not the sources: tsx would add its transpiling to every module load.
const entry = pathToFileURL(join(ROOT, 'dist', 'sandbox', 'index.js')).href;
const { createSandbox } = (await import(entry)) as typeof SandboxModule;

async function start(): Promise<number> {
  const started = process.hrtime.bigint();
  const sandbox = await createSandbox();
  await sandbox.client.call('test', 'ping', {});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await sandbox.close();
  return seconds;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// What the first createSandbox() loads before it can start anything (index.ts loads it lazily).
const loadStarted = process.hrtime.bigint();
await import(pathToFileURL(join(ROOT, 'dist', 'sandbox', 'create.js')).href);
const load = Number(process.hrtime.bigint() - loadStarted) / 1e9;
const first = await start();
const later: number[] = [];
for (let i = 0; i < runs; i++) later.push(await start());
const typical = median(later);
process.stdout.write(
  [
    '',
    '## createSandbox() start-up',
    '',
    '| case | seconds | target | |',
    '| --- | --- | --- | --- |',
    `| loading the server's modules (once per process) | ${load.toFixed(3)} s | | |`,
    `| first sandbox of a process (template from disk, or built) | ${first.toFixed(3)} s | | |`,
    `| later sandboxes, median of ${runs} | ${typical.toFixed(3)} s | ≤ ${TARGET_SECONDS} s | ${typical <= TARGET_SECONDS ? 'ok' : 'FAIL'} |`,
    '',
  ].join('\n'),
);
