import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import pino from 'pino';
import { rawHttp } from '../support/raw-http.js';
import { describeEachDatabase } from '../support/suite.js';

const lines: string[] = [];
const capture = pino(
  { level: 'debug', redact: { paths: ['req.headers["x-api-authorization"]'], censor: '[redacted]' } },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  }),
);

describeEachDatabase(
  'operations endpoints and logs',
  ({ server }) => {
    it('serves /healthz and /readyz', async () => {
      const health = await rawHttp(server().url, { method: 'GET', path: '/healthz' });
      assert.equal(health.status, 200);
      assert.deepEqual(health.json, { status: 'ok' });
      const ready = await rawHttp(server().url, { method: 'GET', path: '/readyz' });
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.json, { status: 'ready' });
    });

    it('exposes Prometheus counters by namespace, action and status, and a latency histogram', async () => {
      await server().client.test.ping({});
      await server().client.raw('test', 'nosuch', {});
      const metrics = await rawHttp(server().url, { method: 'GET', path: '/metrics' });
      assert.equal(metrics.status, 200);
      assert.match(metrics.text, /marquee_requests_total\{namespace="test",action="ping",status="200"\} \d+/);
      assert.match(metrics.text, /marquee_requests_total\{namespace="unknown",action="unknown",status="404"\} 1/);
      assert.match(metrics.text, /marquee_request_duration_seconds_bucket\{le="0.005",namespace="test",action="ping"\}/);
    });

    it('publishes every per-process cache with its bound, and each holds within it', async () => {
      // Fill a few: a contact read (item cache, paging), and the keys used.
      const { id } = await server().client.call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Cache', lastName: 'Gauge', email: 'cache.gauge@example.com' });
      await server().client.call('contact', 'getContact', { id });
      await server().client.call('contact', 'getContactList', { perPage: 10 });
      const metrics = await rawHttp(server().url, { method: 'GET', path: '/metrics' });
      const gauge = (name: string) =>
        new Map([...metrics.text.matchAll(new RegExp(`^${name}\\{cache="([a-z:-]+)"\\} (\\d+)$`, 'gm'))].map((m) => [m[1] as string, Number(m[2])]));
      const entries = gauge('marquee_cache_entries');
      const bytes = gauge('marquee_cache_bytes');
      const limitEntries = gauge('marquee_cache_limit_entries');
      const limitBytes = gauge('marquee_cache_limit_bytes');
      for (const name of ['api-keys', 'contact-list-items', 'paging-queries', 'collection-queries']) assert.ok(entries.has(name), `${name} is published`);
      assert.ok((entries.get('contact-list-items') ?? 0) >= 1 && (bytes.get('contact-list-items') ?? 0) > 0, 'the contact read was kept');
      for (const [name, n] of entries) {
        const limit = limitEntries.get(name);
        if (limit !== undefined) assert.ok(n <= limit, `${name}: ${n} entries of at most ${limit}`);
        else assert.ok((bytes.get(name) ?? Infinity) <= (limitBytes.get(name) ?? -1), `${name}: bytes within their bound`);
      }
    });

    it('logs requests with their id and never the secret or the signature', async () => {
      const res = await server().client.raw('test', 'ping', {});
      const requestId = res.headers.get('x-request-id');
      assert.ok(requestId);
      const text = lines.join('');
      assert.ok(text.includes(requestId), 'request id is logged');
      assert.ok(!text.includes(server().secret), 'secret never logged');
      assert.ok(!/IWS [0-9a-f]+:[0-9a-f]{40}/.test(text), 'signature never logged');
    });
  },
  { logLevel: 'debug' },
  { log: capture },
);
