import assert from 'node:assert/strict';
import { it } from 'node:test';
import { revokeApiKey } from '../../src/auth/keys.js';
import { ping } from '../../src/domain/test/actions.js';
import { createRegistry } from '../../src/registry/registry.js';
import { rawHttp } from '../support/raw-http.js';
import { signedRaw } from '../support/signed-raw.js';
import { describeEachDatabase } from '../support/suite.js';

const MINUTE = 60_000;

function assertEnvelope(json: unknown, errorCode: number, specificCode?: number): void {
  const body = json as Record<string, unknown>;
  assert.equal(body.errorCode, errorCode, JSON.stringify(json));
  if (specificCode !== undefined) assert.equal(body.specificCode, specificCode, JSON.stringify(json));
  assert.equal(typeof body.message, 'string');
  assert.ok(!JSON.stringify(json).includes('    at '), 'no stack trace in the body');
}

describeEachDatabase('wire protocol', ({ server }) => {
  const creds = () => ({ key: server().key, secret: server().secret });
  const send = (o: Parameters<typeof signedRaw>[0]) => rawHttp(server().url, signedRaw(o));

  it('answers a request signed with IVVY-Date, as the SDKs sign', async () => {
    const res = await send({ ...creds() });
    assert.equal(res.status, 200);
    assert.match((res.json as { ack: string }).ack, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    assert.match(String(res.headers['content-type']), /^application\/json/);
  });

  it('answers a request signed with the standard Date header', async () => {
    const res = await send({ ...creds(), dateMode: 'date' });
    assert.equal(res.status, 200, res.text);
  });

  it('signs the Content-Type as sent, charset included (the .NET SDK sends one)', async () => {
    const res = await send({ ...creds(), contentType: 'application/json; charset=utf-8' });
    assert.equal(res.status, 200, res.text);
  });

  it('accepts an empty body and signs its MD5', async () => {
    const res = await send({ ...creds(), body: '' });
    assert.equal(res.status, 200, res.text);
  });

  it('covers extra IVVY-* headers in the signature', async () => {
    const ok = await send({ ...creds(), extraIvvyHeaders: { 'IVVY-Trace': 'abc' } });
    assert.equal(ok.status, 200, ok.text);
    const tampered = signedRaw({ ...creds(), extraIvvyHeaders: { 'IVVY-Trace': 'abc' } });
    tampered.headers = { ...tampered.headers, 'IVVY-Trace': 'abd' };
    const res = await rawHttp(server().url, tampered);
    assertEnvelope(res.json, 401, 23003);
  });

  it('rejects a missing or malformed authorization header with 401', async () => {
    const req = signedRaw(creds());
    delete req.headers?.['X-Api-Authorization'];
    const missing = await rawHttp(server().url, req);
    assert.equal(missing.status, 401);
    assertEnvelope(missing.json, 401, 23001);
    const malformed = signedRaw(creds());
    malformed.headers = { ...malformed.headers, 'X-Api-Authorization': 'Basic Zm9vOmJhcg==' };
    assertEnvelope((await rawHttp(server().url, malformed)).json, 401, 23001);
  });

  it('rejects an unknown key and a wrong signature with 401', async () => {
    assertEnvelope((await send({ key: 'f'.repeat(32), secret: 'nope' })).json, 401, 23002);
    assertEnvelope((await send({ ...creds(), secret: 'wrong secret' })).json, 401, 23003);
  });

  it('rejects a body that does not match its Content-MD5 with 401', async () => {
    const req = signedRaw({ ...creds(), body: '{"a":1}' });
    req.body = '{"a":2}';
    const res = await rawHttp(server().url, req);
    assert.equal(res.status, 401);
    assertEnvelope(res.json, 401, 23004);
  });

  it('treats requests more than 5 minutes off server time as stale (23005), both directions', async () => {
    for (const offset of [-6 * MINUTE, 6 * MINUTE]) {
      for (const dateMode of ['ivvy', 'date'] as const) {
        const res = await send({ ...creds(), dateMode, now: new Date(Date.now() + offset) });
        assert.equal(res.status, 401);
        assert.deepEqual(res.json, { errorCode: 401, message: 'Request is stale', specificCode: 23005 });
      }
    }
    const withinWindow = await send({ ...creds(), now: new Date(Date.now() - 4 * MINUTE) });
    assert.equal(withinWindow.status, 200);
  });

  it('requires a Date or IVVY-Date header', async () => {
    const req = signedRaw(creds());
    delete req.headers?.['IVVY-Date'];
    assertEnvelope((await rawHttp(server().url, req)).json, 401, 23006);
  });

  it('answers 463 for a revoked key', async () => {
    const other = await server().newAccount();
    assert.equal(await revokeApiKey(server().runtime.storage.db, other.key), true);
    const res = await send({ key: other.key, secret: other.secret });
    assert.equal(res.status, 463);
    assertEnvelope(res.json, 463, 23007);
  });

  it('answers 405 to any method other than POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await rawHttp(server().url, { method, path: '/api/1.0/test?action=ping' });
      assert.equal(res.status, 405, method);
      assertEnvelope(res.json, 405, 23008);
      assert.equal(res.headers.allow, 'POST');
    }
  });

  it('answers 404 for unknown namespaces, actions, versions and paths', async () => {
    assertEnvelope((await send({ ...creds(), namespace: 'nosuch' })).json, 404, 23009);
    assertEnvelope((await send({ ...creds(), action: 'pong' })).json, 404, 23010);
    assertEnvelope((await send({ ...creds(), path: '/api/2.0/test?action=ping' })).json, 404, 23015);
    const elsewhere = await rawHttp(server().url, { path: '/somewhere' });
    assert.equal(elsewhere.status, 404);
    assertEnvelope(elsewhere.json, 404);
  });

  it('requires the action query parameter', async () => {
    const res = await send({ ...creds(), path: '/api/1.0/test' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { errorCode: 400, message: "'action' is required", specificCode: 23017 });
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await send({ ...creds(), body: '{"id": ' });
    assert.equal(res.status, 400);
    assertEnvelope(res.json, 400, 23012);
  });

  it('answers 413 to a body over the limit, before reading it all', async () => {
    const big = `{"pad":"${'x'.repeat(server().runtime.config.bodyLimit)}"}`;
    const res = await send({ ...creds(), body: big });
    assert.equal(res.status, 413);
    assertEnvelope(res.json, 413, 23013);
  });

  it('rejects a non-object body as invalid parameters', async () => {
    const res = await send({ ...creds(), body: '[1,2]' });
    assert.equal(res.status, 400);
    assertEnvelope(res.json, 400, 23016);
    const emptyArray = await send({ ...creds(), body: '[]' });
    assert.equal(emptyArray.status, 200, 'PHP clients send [] for "no parameters"');
  });

  it('tags every response with a request id', async () => {
    const res = await send(creds());
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});

describeEachDatabase(
  'catalogued but unimplemented actions',
  ({ server }) => {
    it('answer 501 Not Implemented, never data', async () => {
      const res = await rawHttp(
        server().url,
        signedRaw({ key: server().key, secret: server().secret, namespace: 'contact', action: 'getContact', body: '{"id":1}' }),
      );
      assert.equal(res.status, 501);
      assertEnvelope(res.json, 501, 23011);
    });
  },
  {},
  { registry: createRegistry([ping]) },
);

describeEachDatabase(
  'rate limiting',
  ({ server }) => {
    it('answers 429 with Retry-After once a key exceeds its rate', async () => {
      const statuses: number[] = [];
      let retryAfter: unknown;
      for (let i = 0; i < 5; i++) {
        const res = await rawHttp(server().url, signedRaw({ key: server().key, secret: server().secret }));
        statuses.push(res.status);
        if (res.status === 429) {
          assertEnvelope(res.json, 429, 23014);
          retryAfter = res.headers['retry-after'];
        }
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.equal(retryAfter, '1');
      // Another key has its own bucket.
      const other = await server().newAccount();
      const res = await rawHttp(server().url, signedRaw({ key: other.key, secret: other.secret }));
      assert.equal(res.status, 200);
    });
  },
  { rateLimitPerSecond: 1, rateLimitBurst: 3 },
);
