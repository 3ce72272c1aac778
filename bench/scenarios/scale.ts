/**
 * Scale: how Marquee behaves as the contact table grows. For each dataset, on a fresh server
 * (cold caches): getContactList pages at start = 0, 50% and 90% of the data; a full sequential
 * export paging at the cap; and fetching the 100 contacts changed since a fromModifiedDate
 * mark, as a sync engine does. Requests are sent one at a time by a signing client on the
 * load core.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Collection } from '../../src/client/index.js';
import { formatTimestamp } from '../../src/protocol/timestamp.js';
import type { Dataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
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

export async function runScale(options: ScaleOptions, dataset: Dataset): Promise<ScaleResult> {
  const child = await startMarquee(options, dataset);
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
    };
  } finally {
    await child.stop();
  }
}
