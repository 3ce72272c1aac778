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
