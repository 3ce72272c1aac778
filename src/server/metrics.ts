/** Prometheus metrics: request counts by namespace/action/status and a latency histogram. */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  observe(namespace: string, action: string, status: number, seconds: number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'marquee_' });
  const requests = new Counter({
    name: 'marquee_requests_total',
    help: 'API requests by namespace, action and HTTP status',
    labelNames: ['namespace', 'action', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'marquee_request_duration_seconds',
    help: 'API request latency by namespace and action',
    labelNames: ['namespace', 'action'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    observe(namespace, action, status, seconds) {
      requests.inc({ namespace, action, status: String(status) });
      latency.observe({ namespace, action }, seconds);
    },
  };
}
