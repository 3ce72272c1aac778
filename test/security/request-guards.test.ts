import assert from 'node:assert/strict';
import { it } from 'node:test';
import { INT_MAX, MAX_FILTER_VALUE_LENGTH, MAX_JSON_DEPTH } from '../../src/protocol/limits.js';
import { rawHttp, type RawReply } from '../support/raw-http.js';
import { signedRaw } from '../support/signed-raw.js';
import { describeEachDatabase } from '../support/suite.js';
import { dataFingerprint } from '../support/fuzz/fingerprint.js';

function envelope(reply: RawReply, errorCode: number, specificCode: number): Record<string, unknown> {
  const body = reply.json as Record<string, unknown>;
  assert.equal(reply.status, errorCode, reply.text);
  assert.equal(body.errorCode, errorCode, reply.text);
  assert.equal(body.specificCode, specificCode, reply.text);
  return body;
}

// The requests that once crashed the server or got a 5xx, one by one, with the exact answer
// each gets now (the fuzz suite covers their neighbours). Answers are the same on both
// databases: that is what the bounds of protocol/limits.ts are for.
describeEachDatabase(
  'request guards',
  ({ server }) => {
    const call = (action: string, body: string | Buffer, namespace = 'contact') =>
      rawHttp(server().url, signedRaw({ key: server().key, secret: server().secret, namespace, action, body }));

    it('answers 400 to every malformed URL, before any other check, and keeps serving', async () => {
      for (const path of ['/api/1.0/%E0%A4%A?action=ping', '/api/%ZZ/test?action=ping', '/api/1.0/%?action=ping', '/api/1.0/%C3?action=ping']) {
        for (const method of ['POST', 'GET']) {
          envelope(await rawHttp(server().url, { method, path }), 400, 23021);
        }
      }
      envelope(await rawHttp(server().url, { method: 'GET', path: '/i/%E0%A4%A' }), 400, 23021);
      envelope(await rawHttp(server().url, { method: 'GET', path: '/%ZZ' }), 400, 23021);
      const alive = await call('ping', '{}', 'test');
      assert.equal(alive.status, 200, alive.text);
    });

    it('refuses ids and numbers beyond what the columns of both databases hold', async () => {
      const big = envelope(await call('getContact', JSON.stringify({ id: INT_MAX + 1 })), 400, 23016);
      assert.equal(big.message, "'id' does not validate");
      envelope(await call('getContact', JSON.stringify({ id: 2 ** 63 })), 400, 23016);
      envelope(await call('getContactList', JSON.stringify({ filter: { id: '9223372036854775808' } })), 400, 23016);
      envelope(await call('addOrUpdateEvent', JSON.stringify({ title: 'Gala', budget: 1e30 }), 'event'), 400, 23016);
      const found = await call('getContact', JSON.stringify({ id: INT_MAX }));
      envelope(found, 404, 24096);
    });

    it('refuses U+0000 and lone surrogates in any text or key, naming the field, and stores nothing', async () => {
      const before = await dataFingerprint(server());
      const nul = envelope(await call('addOrUpdateContact', JSON.stringify({ firstName: 'A\u0000', lastName: 'B', email: 'a@example.com' })), 400, 23016);
      assert.equal(nul.message, "'firstName' does not validate");
      const surrogate = envelope(await call('getContactList', '{"filter":{"lastName__CONTAINS":"x\\ud800"}}'), 400, 23016);
      assert.equal(surrogate.message, "'filter.lastName__CONTAINS' does not validate");
      envelope(await call('getContactList', '{"filter":{"last\\u0000Name":"x"}}'), 400, 23016);
      assert.equal(await dataFingerprint(server()), before);
      // Escaped text that merely mentions them is fine.
      const literal = await call('getContactList', '{"filter":{"lastName":"\\\\u0000"}}');
      assert.equal(literal.status, 200, literal.text);
    });

    it('refuses bodies that are not UTF-8 or nest too deeply, before parsing them', async () => {
      envelope(await call('getContact', Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 400, 23012);
      const deep = (n: number) => `{"filter":{"id":${'['.repeat(n)}${']'.repeat(n)}}}`;
      const refused = envelope(await call('getContactList', deep(5_000)), 400, 23012);
      assert.match(String(refused.message), new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`));
      // Depth within the bound reaches the validator, which refuses a list as a filter value.
      envelope(await call('getContactList', deep(MAX_JSON_DEPTH - 3)), 400, 23016);
      const batch = `{"jobs":[{"namespace":"contact","action":"getContactList","params":{"filter":${'['.repeat(5_000)}${']'.repeat(5_000)}}}]}`;
      envelope(await call('run', batch, 'batch'), 400, 23012);
    });

    it('bounds filter values and text, so LIKE patterns never reach SQLite’s own limit', async () => {
      const long = '%'.repeat(MAX_FILTER_VALUE_LENGTH + 1);
      for (const modifier of ['CONTAINS', 'NOTCONTAINS', 'BEGINS', 'ENDS']) {
        envelope(await call('getContactList', JSON.stringify({ filter: { [`email__${modifier}`]: long } })), 400, 23016);
      }
      const atLimit = await call('getContactList', JSON.stringify({ filter: { email__CONTAINS: '%'.repeat(MAX_FILTER_VALUE_LENGTH) } }));
      assert.equal(atLimit.status, 200, atLimit.text);
      const keys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 1]));
      envelope(await call('getContactList', JSON.stringify({ filter: keys })), 400, 23016);
      envelope(await call('addOrUpdateContact', JSON.stringify({ firstName: 'x'.repeat(70_000), lastName: 'y' })), 400, 23016);
    });

    it('echoes a request id only when it is printable ASCII', async () => {
      const req = signedRaw({ key: server().key, secret: server().secret });
      const kept = await rawHttp(server().url, { ...req, headers: { ...req.headers, 'X-Request-Id': 'trace-123' } });
      assert.equal(kept.headers['x-request-id'], 'trace-123');
      const replaced = await rawHttp(server().url, { ...req, headers: { ...req.headers, 'X-Request-Id': 'caf\u00e9' } });
      assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });
  },
  { authFailuresPerSecond: 0 },
);

describeEachDatabase(
  'failed authentication throttle',
  ({ server }) => {
    it('slows down guessing a secret: 429 with Retry-After once the address has failed its burst', async () => {
      const wrong = () => rawHttp(server().url, signedRaw({ key: server().key, secret: 'not-the-secret' }));
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await wrong()).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
      const limited = await wrong();
      envelope(limited, 429, 23014);
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      // While limited, even the right secret waits: the throttle answers before any check.
      const right = await rawHttp(server().url, signedRaw({ key: server().key, secret: server().secret }));
      assert.equal(right.status, 429);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await rawHttp(server().url, signedRaw({ key: server().key, secret: server().secret }));
      assert.equal(later.status, 200, later.text);
    });

    it('counts failures against the key too, whichever address they come from', async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const statuses: number[] = [];
      for (let i = 2; i < 9; i++) {
        const req = signedRaw({ key: server().key, secret: 'wrong' });
        statuses.push((await rawHttp(server().url, { ...req, localAddress: `127.0.0.${i}` })).status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
    });

    it('counts random unknown keys against the address', async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await rawHttp(server().url, signedRaw({ key: `unknown${i}`, secret: 'x' }))).status);
      }
      assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.deepEqual(statuses.slice(5), [429, 429]);
    });
  },
  { authFailuresPerSecond: 2, authFailureBurst: 5 },
);
