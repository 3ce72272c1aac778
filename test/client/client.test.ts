import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createClient, IvvyApiError } from '../../src/client/index.js';
import { describeEachDatabase } from '../support/suite.js';

describeEachDatabase('SDK client against Marquee', ({ server }) => {
  it('exposes typed per-namespace methods that sign with the shared protocol code', async () => {
    const { ack } = await server().client.test.ping({});
    assert.match(ack, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });

  it('signs with the Date header when asked', async () => {
    const client = createClient({ url: server().url, key: server().key, secret: server().secret, useDateHeader: true });
    assert.match((await client.call<{ ack: string }>('test', 'ping')).ack, /UTC$/);
  });

  it('rejects with IvvyApiError carrying the envelope', async () => {
    const bad = createClient({ url: server().url, key: server().key, secret: 'wrong', retries: 0 });
    await assert.rejects(bad.test.ping({}), (error: unknown) => {
      assert.ok(error instanceof IvvyApiError);
      assert.equal(error.status, 401);
      assert.equal(error.specificCode, 23003);
      return true;
    });
  });
});

describeEachDatabase(
  'SDK retries',
  ({ server }) => {
    it('waits out 429s using Retry-After and then succeeds', async () => {
      const client = createClient({ url: server().url, key: server().key, secret: server().secret, retries: 3 });
      const started = Date.now();
      const results = await Promise.all([1, 2, 3].map(() => client.test.ping({})));
      assert.equal(results.length, 3);
      assert.ok(Date.now() - started >= 900, 'the third call waited for a token');
      const impatient = createClient({ url: server().url, key: server().key, secret: server().secret, retries: 0 });
      await impatient.test.ping({}).catch(() => undefined);
      const refused = await impatient.raw('test', 'ping', {});
      assert.equal(refused.status, 429);
    });
  },
  { rateLimitPerSecond: 1, rateLimitBurst: 2 },
);

describe('SDK retries on gateway errors and pagination', () => {
  let http: Server;
  let url: string;
  let calls = 0;
  before(async () => {
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls += 1;
        if (req.url?.includes('ping') && calls <= 2) {
          res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>busy</h1>');
          return;
        }
        if (req.url?.includes('getContactList')) {
          const { start, perPage } = JSON.parse(body) as { start: number; perPage: number };
          const ids = Array.from({ length: 7 }, (_, i) => i + 1).slice(start, start + perPage);
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({ meta: { totalResults: 7, start, perPage, count: ids.length }, results: ids.map((id) => ({ id })) }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ack":"2024-01-01 00:00:00 UTC"}');
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const address = http.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => new Promise<void>((r) => http.close(() => r())));

  it('retries 503 with backoff', async () => {
    const client = createClient({ url, key: 'k', secret: 's', retries: 3, backoffMs: 10 });
    assert.deepEqual(await client.call('test', 'ping'), { ack: '2024-01-01 00:00:00 UTC' });
    assert.equal(calls, 3);
  });

  it('paginates a collection in order until totalResults', async () => {
    const client = createClient({ url, key: 'k', secret: 's' });
    const ids: number[] = [];
    for await (const item of client.paginate<{ id: number }>('contact', 'getContactList', {}, 3)) ids.push(item.id);
    assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7]);
  });

  it("pages a list action through its method's typed iterator, and through paginate without a type argument", async () => {
    const client = createClient({ url, key: 'k', secret: 's' });
    const ids: number[] = [];
    for await (const contact of client.contact.getContactList.all({}, 4)) ids.push(contact.id);
    for await (const contact of client.paginate('contact', 'getContactList', {}, 5)) ids.push(contact.id);
    assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7]);
  });
});
