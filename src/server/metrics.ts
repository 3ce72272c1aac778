/**
 * Prometheus metrics: request counts by namespace/action/status and a latency histogram, the
 * size and bound of every per-process cache, plus prom-client's default process metrics.
 *
 * The two request metrics are counted here and handed to the prom-client registry when it is
 * scraped. prom-client validates and hashes the labels on every observation, which on a
 * signed ping cost as much as verifying the signature (docs/performance.md); here each label
 * set is looked up by one string key and the histogram bucket is found in a short array.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { CacheSize } from '../storage/cache-sizes.js';

export interface Metrics {
  readonly registry: Registry;
  observe(namespace: string, action: string, status: number, seconds: number): void;
  /** `observe` bound to one namespace and action, for a caller that keeps it (per URL). */
  observer(namespace: string, action: string): (status: number, seconds: number) => void;
  /** Counts a fault injected by a fault rule (server/faults/): its kind and the call's catalogued labels. */
  fault(kind: string, namespace: string, action: string): void;
}

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Count {
  labels: { namespace: string; action: string; status: string };
  value: number;
}

interface Latency {
  namespace: string;
  action: string;
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}

/** The minimal shape prom-client's registry reads from a metric when it is scraped. */
interface Collected {
  name: string;
  help: string;
  type: 'counter' | 'histogram' | 'gauge';
  aggregator: 'sum';
  get(): Promise<{
    name: string;
    help: string;
    type: string;
    aggregator: 'sum';
    values: Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>;
  }>;
}

/**
 * `caches`: the per-process caches and their bounds (storage/cache-sizes.ts), published as
 * gauges so that an operator (and the bench) sees each one stay within its bound.
 */
export function createMetrics(caches: () => ReadonlyArray<{ name: string } & CacheSize> = () => []): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'marquee_' });
  const counts = new Map<string, Count>();
  const latencies = new Map<string, Latency>();

  const requests: Collected = {
    name: 'marquee_requests_total',
    help: 'API requests by namespace, action and HTTP status',
    type: 'counter',
    aggregator: 'sum',
    async get() {
      return { ...requests, values: [...counts.values()].map((c) => ({ value: c.value, labels: c.labels })) };
    },
  };
  const duration: Collected = {
    name: 'marquee_request_duration_seconds',
    help: 'API request latency by namespace and action',
    type: 'histogram',
    aggregator: 'sum',
    async get() {
      const values: Array<{ value: number; labels: Record<string, string | number>; metricName: string }> = [];
      for (const l of latencies.values()) {
        let cumulative = 0;
        BUCKETS.forEach((le, i) => {
          cumulative += l.buckets[i] as number;
          values.push({ value: cumulative, labels: { le, namespace: l.namespace, action: l.action }, metricName: `${duration.name}_bucket` });
        });
        values.push({ value: l.count, labels: { le: '+Inf', namespace: l.namespace, action: l.action }, metricName: `${duration.name}_bucket` });
        values.push({ value: l.sum, labels: { namespace: l.namespace, action: l.action }, metricName: `${duration.name}_sum` });
        values.push({ value: l.count, labels: { namespace: l.namespace, action: l.action }, metricName: `${duration.name}_count` });
      }
      return { ...duration, values };
    },
  };
  const faultCounts = new Map<string, { labels: { kind: string; namespace: string; action: string }; value: number }>();
  const faults: Collected = {
    name: 'marquee_faults_injected_total',
    help: 'Faults injected by fault rules, by kind, namespace and action',
    type: 'counter',
    aggregator: 'sum',
    async get() {
      return { ...faults, values: [...faultCounts.values()].map((c) => ({ value: c.value, labels: c.labels })) };
    },
  };
  const gauge = (name: string, help: string, value: (c: { name: string } & CacheSize) => number | null): Collected => {
    const metric: Collected = {
      name,
      help,
      type: 'gauge',
      aggregator: 'sum',
      async get() {
        const values = caches().flatMap((c) => {
          const v = value(c);
          return v === null ? [] : [{ value: v, labels: { cache: c.name } }];
        });
        return { ...metric, values };
      },
    };
    return metric;
  };
  const cacheGauges = [
    gauge('marquee_cache_entries', 'Entries held by each per-process cache', (c) => c.entries),
    gauge('marquee_cache_bytes', 'Bytes held by each per-process cache bounded in bytes', (c) => c.bytes),
    gauge('marquee_cache_limit_entries', 'Bound of each cache bounded in entries', (c) => (c.unit === 'entries' ? c.limit : null)),
    gauge('marquee_cache_limit_bytes', 'Bound of each cache bounded in bytes', (c) => (c.unit === 'bytes' ? c.limit : null)),
  ];
  // The registry only ever calls get() (and reads name and type) on a registered metric.
  registry.registerMetric(requests as unknown as Parameters<Registry['registerMetric']>[0]);
  registry.registerMetric(duration as unknown as Parameters<Registry['registerMetric']>[0]);
  registry.registerMetric(faults as unknown as Parameters<Registry['registerMetric']>[0]);
  for (const g of cacheGauges) registry.registerMetric(g as unknown as Parameters<Registry['registerMetric']>[0]);

  const countOf = (namespace: string, action: string, status: number): Count => {
    const countKey = `${namespace}\u0000${action}\u0000${status}`;
    let count = counts.get(countKey);
    if (!count) {
      count = { labels: { namespace, action, status: String(status) }, value: 0 };
      counts.set(countKey, count);
    }
    return count;
  };
  const latencyOf = (namespace: string, action: string): Latency => {
    const key = `${namespace}\u0000${action}`;
    let latency = latencies.get(key);
    if (!latency) {
      latency = { namespace, action, buckets: new Array<number>(BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
      latencies.set(key, latency);
    }
    return latency;
  };
  const record = (latency: Latency, seconds: number) => {
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > (BUCKETS[bucket] as number)) bucket++;
    latency.buckets[bucket] = (latency.buckets[bucket] as number) + 1;
    latency.sum += seconds;
    latency.count++;
  };

  return {
    registry,
    observe(namespace, action, status, seconds) {
      countOf(namespace, action, status).value++;
      record(latencyOf(namespace, action), seconds);
    },
    observer(namespace, action) {
      // Created on first use, so a scrape lists only label sets that were seen. Nearly every
      // answer is a 200; other statuses are looked up by label.
      let latency: Latency | undefined;
      let ok: Count | undefined;
      return (status, seconds) => {
        if (status === 200) (ok ??= countOf(namespace, action, 200)).value++;
        else countOf(namespace, action, status).value++;
        record((latency ??= latencyOf(namespace, action)), seconds);
      };
    },
    fault(kind, namespace, action) {
      const key = `${kind}\u0000${namespace}\u0000${action}`;
      const count = faultCounts.get(key) ?? { labels: { kind, namespace, action }, value: 0 };
      count.value++;
      faultCounts.set(key, count);
    },
  };
}
