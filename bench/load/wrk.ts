/**
 * wrk, Debian's C load generator, driving the same pools of prepared requests as the
 * autocannon worker: one thread on the load core, a Lua script that formats every request once
 * and then hands them out in turn. wrk spends a few microseconds per request where autocannon
 * spends tens, so at 50 connections the load generator is never what limits the server.
 *
 * Its CPU time is read from the shell that waited for it (the children's times in
 * /proc/<shell>/stat), so the result says how much of its core it used.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pinning } from '../lib/machine.js';
import { CLOCK_TICKS, statFields } from '../lib/proc.js';
import type { LoadResult, LoadSpec, PreparedRequest } from './worker.js';

/** wrk's version line when it is on the PATH (Debian: `apt-get install wrk`), else null. */
export function wrkVersion(): string | null {
  try {
    // wrk prints its version and usage on any unknown option, with exit status 1.
    execFileSync('wrk', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return null;
  } catch (error) {
    const out = String((error as { stdout?: unknown }).stdout ?? '');
    const line = out.split('\n')[0] ?? '';
    return line.startsWith('wrk ') ? line.split(' Copyright')[0]!.trim() : null;
  }
}

/** A Lua string literal of any bytes (LuaJIT has no \u escapes, so everything odd is \ddd). */
function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, "0")}`;
  }
  return `${out}"`;
}

function luaRequest(r: PreparedRequest): string {
  const headers = Object.entries(r.headers)
    .map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`)
    .join(', ');
  const body = r.body !== undefined && (r.method ?? 'POST') !== 'GET' ? luaString(r.body) : 'nil';
  return `  { ${luaString(r.method ?? 'POST')}, ${luaString(r.path)}, { ${headers} }, ${body} },`;
}

/** Every pool flattened into one cycle; writes keep their rows apart because consecutive requests differ. */
function script(spec: LoadSpec): string {
  const pools = spec.perConnection ?? [spec.requests ?? []];
  const longest = Math.max(...pools.map((p) => p.length));
  const cycle: PreparedRequest[] = [];
  // Interleaved pool by pool, so each connection's turn touches a different pool's rows.
  for (let i = 0; i < longest; i++) for (const pool of pools) if (i < pool.length) cycle.push(pool[i]!);
  if (cycle.length === 0) throw new Error('empty request pool');
  return [
    'local pool = {',
    ...cycle.map(luaRequest),
    '}',
    'local prepared = {}',
    'local n = 0',
    'local i = 0',
    'function init(args)',
    '  for k, r in ipairs(pool) do prepared[k] = wrk.format(r[1], r[2], r[3], r[4]) end',
    '  n = #prepared',
    'end',
    'function request()',
    '  i = i % n + 1',
    '  return prepared[i]',
    'end',
    'function done(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'{"wrk":true,"requests":%d,"micros":%d,"bytes":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,' +
      '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n\',',
    '    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),',
    '    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))',
    'end',
    '',
  ].join('\n');
}

interface WrkSummary {
  requests: number;
  micros: number;
  bytes: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
}

/** One wrk run; returns its summary and the CPU seconds wrk used. */
function runOnce(pinning: Pinning, spec: LoadSpec, scriptFile: string, seconds: number): Promise<{ summary: WrkSummary; cpuSeconds: number }> {
  // The shell waits for wrk, then prints its own stat line, whose cutime/cstime are wrk's.
  const shell = 'wrk "$@"; status=$?; echo; cat /proc/$$/stat; exit $status';
  const args = ['-t1', `-c${spec.connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', scriptFile, spec.url];
  const [command, ...prefix] = [...pinning.loadPrefix(), 'sh'];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...prefix, '-c', shell, 'sh', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const lines = out.split('\n').filter((l) => l.trim() !== '');
      const json = lines.find((l) => l.startsWith('{"wrk":true'));
      const stat = lines[lines.length - 1] ?? '';
      if (code !== 0 || !json) {
        reject(new Error(`wrk failed (exit ${code}): ${(err || out).slice(0, 500)}`));
        return;
      }
      const fields = statFields(stat);
      // cutime and cstime: the 14th and 15th fields after the command name.
      const cpuSeconds = (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
      resolve({ summary: JSON.parse(json) as WrkSummary, cpuSeconds });
    });
  });
}

/** Warm-up (figures dropped but its responses counted for CPU accounting), then the measured run. */
export async function runWrk(pinning: Pinning, spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-bench-wrk-'));
  try {
    const file = join(dir, 'pool.lua');
    writeFileSync(file, script(spec));
    const warmup = spec.warmupSeconds > 0 ? await runOnce(pinning, spec, file, spec.warmupSeconds) : null;
    const { summary, cpuSeconds } = await runOnce(pinning, spec, file, spec.seconds);
    const seconds = summary.micros / 1e6;
    const failed = summary.status + summary.read + summary.write + summary.connect;
    return {
      requests: summary.requests,
      seconds,
      requestsPerSecond: summary.requests / seconds,
      p50: summary.p50 / 1000,
      p90: summary.p90 / 1000,
      p99: summary.p99 / 1000,
      max: summary.max / 1000,
      // wrk counts answers of 400 and above as status errors without telling them apart.
      statuses: { '2xx/3xx': summary.requests - summary.status, '>=400': summary.status },
      errors: failed,
      timeouts: summary.timeout,
      bytesPerResponse: summary.requests > 0 ? summary.bytes / summary.requests : 0,
      loadCpuShare: cpuSeconds / seconds,
      warmupRequests: warmup?.summary.requests ?? 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
