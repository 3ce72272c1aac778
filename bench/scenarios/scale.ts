/**
 * Scale: how Marquee behaves as the contact table grows. For each dataset, on a fresh server
 * (cold caches): getContactList pages at start = 0, 50% and 90% of the data; a full sequential
 * export paging at the cap; and fetching the 100 contacts changed since a fromModifiedDate
 * mark, as a sync engine does. Requests are sent one at a time by a signing client on the
 * load core. Also how long the server takes from its spawn to a ready /readyz, its resident set
 * after the export, and every cache's size against its bound then (issue 21).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Collection } from '../../src/client/index.js';
import { formatTimestamp } from '../../src/protocol/timestamp.js';
import type { Dataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
import type { Child } from '../lib/child.js';
import { startMarquee, type ServerOptions } from './servers.js';

export interface ScaleOptions extends ServerOptions {
  /** Timed repetitions of each single request (after the first, cold one). */
  repeats: number;
  log: (line: string) => void;
}

export interface Timing {
  /** The first request, on a server that has not seen this query before. */
  cold: number;
  p50: number;
  max: number;
}

export interface ScaleResult {
  kind: string;
  contacts: number;
  pages: Array<{ at: string; start: number } & Timing>;
  export: { seconds: number; pages: number; contacts: number; pageP50: number; pageP99: number; pageMax: number };
  incremental: Timing & { found: number };
  /** Spawn of the server process to its first 200 from /readyz (issue 21). */
  readySeconds: number;
  /** Resident set after the full export (VmRSS) and its peak (VmHWM), MB; null off Linux. */
  memory: { rssMB: number; peakMB: number } | null;
  /** Every per-process cache after the export, from /metrics, with its bound. */
  caches: CacheReading[];
}

export interface CacheReading {
  name: string;
  entries: number;
  bytes: number | null;
  limit: number;
  unit: 'entries' | 'bytes';
}

const CAP = 100;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function repeat(times: number, fn: () => Promise<unknown>): Promise<Timing> {
  const cold = (await timed(fn)).ms;
  const rest: number[] = [];
  for (let i = 0; i < times; i++) rest.push((await timed(fn)).ms);
  return { cold, p50: percentile(rest, 50), max: Math.max(...rest) };
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number | undefined): { rssMB: number; peakMB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The cache gauges of /metrics (server/metrics.ts). */
async function cachesOf(url: string): Promise<CacheReading[]> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const gauge = (name: string) => new Map([...text.matchAll(new RegExp(`^${name}\\{cache="([^"]+)"\\} (\\d+)$`, 'gm'))].map((m) => [m[1] as string, Number(m[2])]));
  const [entries, bytes, limitEntries, limitBytes] = ['entries', 'bytes', 'limit_entries', 'limit_bytes'].map((g) => gauge(`marquee_cache_${g}`)) as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  return [...entries].map(([name, n]) => {
    const byBytes = limitBytes.has(name);
    return { name, entries: n, bytes: bytes.get(name) ?? null, limit: (byBytes ? limitBytes.get(name) : limitEntries.get(name)) ?? NaN, unit: byBytes ? 'bytes' : 'entries' };
  });
}

/** Starts the server and waits for /readyz to answer 200, timing both from the spawn. */
async function startTimed(options: ScaleOptions, dataset: Dataset): Promise<{ child: Child; readySeconds: number }> {
  // The first fetch of this process loads its HTTP client (undici, ~100 ms): not the server's time.
  await fetch('data:,ok').then((r) => r.text());
  const started = process.hrtime.bigint();
  const child = await startMarquee(options, dataset);
  for (;;) {
    const res = await fetch(new URL('/readyz', child.ready.url as string)).catch(() => null);
    if (res?.status === 200) break;
    await sleep(5);
  }
  return { child, readySeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function runScale(options: ScaleOptions, dataset: Dataset): Promise<ScaleResult> {
  const { child, readySeconds } = await startTimed(options, dataset);
  options.log(`  ready (readyz 200) ${readySeconds.toFixed(3)} s after the spawn`);
  try {
    const client = createClient({ url: child.ready.url as string, key: dataset.key, secret: dataset.secret, retries: 0 });
    const list = (params: Record<string, unknown>) => client.call<Collection<{ id: number }>>('contact', 'getContactList', params);
    const n = dataset.contacts;

    const pages: ScaleResult['pages'] = [];
    for (const [at, fraction] of [['0', 0], ['50%', 0.5], ['90%', 0.9]] as const) {
      const start = Math.floor(n * fraction);
      const timing = await repeat(options.repeats, async () => {
        const page = await list({ start, perPage: CAP });
        if (page.results.length !== Math.min(CAP, n - start)) throw new Error(`page at ${start}: ${page.results.length} results`);
      });
      pages.push({ at, start, ...timing });
      options.log(`  page at ${at} (start ${start}): cold ${timing.cold.toFixed(1)} ms, p50 ${timing.p50.toFixed(1)} ms`);
    }

    // The export: one client reading every contact in order, a page at the cap at a time.
    const pageTimes: number[] = [];
    let exported = 0;
    let last = 0;
    const exportStarted = process.hrtime.bigint();
    for (let start = 0; ; ) {
      const { ms, value: page } = await timed(() => list({ start, perPage: CAP }));
      pageTimes.push(ms);
      for (const c of page.results) {
        if (c.id <= last) throw new Error(`export out of order at ${start}: ${c.id} after ${last}`);
        last = c.id;
      }
      exported += page.results.length;
      start += page.results.length;
      if (page.results.length < CAP || start >= page.meta.totalResults) break;
    }
    const exportSeconds = Number(process.hrtime.bigint() - exportStarted) / 1e9;
    if (exported !== n) throw new Error(`export returned ${exported} contacts of ${n}`);
    options.log(`  export of ${exported.toLocaleString('en-US')} contacts: ${exportSeconds.toFixed(2)} s in ${pageTimes.length} pages`);
    const memory = memoryOf(child.process.pid);
    const caches = await cachesOf(child.ready.url as string);
    if (memory) options.log(`  resident set after the export ${memory.rssMB.toFixed(0)} MB (peak ${memory.peakMB.toFixed(0)} MB)`);

    // A sync engine's cycle: 100 contacts change through the API after its last mark, then it
    // fetches what changed since the mark, once. Each trial is a new mark and new changes, so
    // every fetch is the first of its kind (nothing about it is cached yet).
    const fetches: number[] = [];
    let found = -1;
    for (let trial = 0; trial < Math.min(5, Math.max(1, options.repeats)); trial++) {
      const mark = Math.ceil((Date.now() + 1) / 1000) * 1000;
      while (Date.now() < mark) await sleep(mark - Date.now());
      const stamp = Date.now() % 1e6;
      for (const [i, id] of (await sampleContactIds(dataset, 100, stamp)).entries()) {
        await client.call('contact', 'addOrUpdateContact', { id, phone: `05${stamp}${i}` });
      }
      const { ms, value: page } = await timed(() => list({ filter: { fromModifiedDate: formatTimestamp(mark) }, perPage: CAP }));
      found = page.meta.totalResults;
      if (found !== 100 || page.results.length !== 100) throw new Error(`incremental fetch found ${found} changed contacts, expected 100`);
      fetches.push(ms);
    }
    const incremental = { cold: fetches[0] as number, p50: percentile(fetches, 50), max: Math.max(...fetches) };
    options.log(`  100 changes since a mark (${fetches.length} trials): p50 ${incremental.p50.toFixed(1)} ms, max ${incremental.max.toFixed(1)} ms`);

    return {
      kind: dataset.kind,
      contacts: n,
      pages,
      export: {
        seconds: exportSeconds,
        pages: pageTimes.length,
        contacts: exported,
        pageP50: percentile(pageTimes, 50),
        pageP99: percentile(pageTimes, 99),
        pageMax: Math.max(...pageTimes),
      },
      incremental: { ...incremental, found },
      readySeconds,
      memory,
      caches,
    };
  } finally {
    await child.stop();
  }
}
