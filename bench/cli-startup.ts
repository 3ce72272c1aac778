/**
 * How long the `marquee` command takes, end to end, as a user types it (issue 19): `marquee --help`
 * and `marquee call test ping` against a running server, through bin/marquee.js and dist/. Each is
 * run a few times and the median reported, against the targets (0.25 s and 0.4 s).
 *
 *   node --import tsx bench/cli-startup.ts [--runs N]
 *
 * Needs dist/ (`npm run build`, which `npm ci` runs through the prepare script).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const bin = join(ROOT, 'bin', 'marquee.js');

function time(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`marquee ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return seconds;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'marquee-cli-bench-'));
// A real server to call: `marquee serve` on an empty SQLite database, its demo key from the banner.
const server = await import('node:child_process').then(({ spawn }) =>
  spawn(process.execPath, [bin, 'serve', '--port', '0', '--database', `sqlite:${join(dir, 'm.db')}`], {
    env: { ...process.env, MARQUEE_MASTER_KEY_FILE: join(dir, 'master.key'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
try {
  const creds = await new Promise<{ url: string; key: string; secret: string }>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serving the iVvy API v1\.0 at (\S+)/.exec(out)?.[1];
      const key = /API key:\s+(\w+)/.exec(out)?.[1];
      const secret = /API secret:\s+(\w+)/.exec(out)?.[1];
      if (url && key && secret) resolve({ url, key, secret });
    });
    server.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
  const cases = [
    { label: 'marquee --help', target: 0.25, args: ['--help'] },
    { label: 'marquee call test ping', target: 0.4, args: ['call', 'test', 'ping', '--url', creds.url, '--key', creds.key, '--secret', creds.secret] },
  ];
  const rows = cases.map((c) => {
    time(c.args); // warm the file cache
    const seconds = median(Array.from({ length: runs }, () => time(c.args)));
    return `| ${c.label.padEnd(24)} | ${seconds.toFixed(3)} s | ≤ ${c.target} s | ${seconds <= c.target ? 'ok' : 'FAIL'} |`;
  });
  process.stdout.write(
    [`\nCLI start-up: median of ${runs} runs, end to end (node bin/marquee.js)\n`, '| command                  | median  | target   |      |', '| ------------------------ | ------- | -------- | ---- |', ...rows, ''].join('\n'),
  );
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
