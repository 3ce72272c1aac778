/**
 * The load generator, run in its own process on the load core: autocannon against one URL
 * with a pool of prepared requests (taken in turn), a warm-up run whose figures are dropped,
 * then the measured run. Latencies are recorded per response with sub-millisecond precision
 * (autocannon's own histogram keeps whole milliseconds). Prints one JSON line.
 *
 *   node --import tsx bench/load/worker.ts <spec.json>
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface PreparedRequest {
  /** POST unless given (json-server is read with GET). */
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadSpec {
  url: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Either one pool every connection cycles through… */
  requests?: PreparedRequest[];
  /** …or one pool per connection (writes that must not collide on the same row). */
  perConnection?: PreparedRequest[][];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** Share of one core the load generator used: near 1 means it, not the server, was the limit. */
  loadCpuShare: number;
  /** Responses during the warm-up (for per-request CPU accounting over the whole load). */
  warmupRequests: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const toRequest = (r: PreparedRequest) => ({
  method: r.method ?? ('POST' as const),
  path: r.path,
  headers: r.headers,
  ...(r.body !== undefined ? { body: r.body } : {}),
});

async function run(spec: LoadSpec, seconds: number, record: boolean): Promise<LoadResult> {
  const pools = spec.perConnection ?? [spec.requests ?? []];
  if (pools.length === 0 || pools.some((p) => p.length === 0)) throw new Error('empty request pool');
  let connection = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: spec.url,
      connections: spec.connections,
      duration: seconds,
      // Static requests are serialised once per connection; each connection cycles through its pool.
      requests: [toRequest(pools[0]![0]!)],
      setupClient: (client) => {
        const pool = pools[connection++ % pools.length]!;
        client.setRequests(pool.map(toRequest));
      },
    };
    instance = autocannon(options, (error: unknown, result) => (error ? reject(error as Error) : resolve(result)));
  });
  instance!.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
    if (!record) return;
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await done;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = Float64Array.from(latencies).sort();
  const total = latencies.length;
  return {
    requests: total,
    seconds: result.duration,
    requestsPerSecond: total / result.duration,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: total > 0 ? bytes / total : 0,
    loadCpuShare: (cpu.user + cpu.system) / 1e6 / result.duration,
    warmupRequests: 0,
  };
}

const spec = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as LoadSpec;
const warmup = spec.warmupSeconds > 0 ? await run(spec, spec.warmupSeconds, true) : null;
const result = await run(spec, spec.seconds, true);
result.warmupRequests = warmup?.requests ?? 0;
process.stdout.write(`${JSON.stringify({ ready: true, result })}\n`);
