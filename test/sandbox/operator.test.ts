import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildApp } from '../../src/server/app.js';
import { describeEachDatabase } from '../support/suite.js';

const TOKEN = 'operator-token-for-tests';

interface Envelope {
  errorCode: number;
  specificCode: number;
  message: string;
}

// The operator endpoint: snapshots and reset for CI pipelines, behind a bearer token, with
// the API's error envelope for every refusal.
describeEachDatabase(
  'operator endpoint: snapshots and reset',
  ({ server }) => {
    const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${server().url}/_marquee/operator${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const total = async (client: ReturnType<typeof server>['client']) =>
      ((await client.call('contact', 'getContactList', { perPage: 1 })) as { meta: { totalResults: number } }).meta.totalResults;

    it('does not exist without a configured token, and refuses a missing or wrong one', async () => {
      const runtime = server().runtime;
      const bare = await buildApp({ ...runtime, config: { ...runtime.config, operatorToken: undefined } });
      try {
        const res = await bare.inject({ method: 'GET', url: '/_marquee/operator/snapshots', headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(res.statusCode, 404);
        assert.equal((res.json() as Envelope).errorCode, 404);
      } finally {
        await bare.close();
      }
      const missing = await call('GET', '/snapshots', undefined, null);
      assert.equal(missing.status, 401);
      assert.deepEqual([missing.json.errorCode, missing.json.specificCode], [401, 23001]);
      const wrong = await call('POST', '/snapshots', { name: 'x', accountId: server().accountId }, `${TOKEN}x`);
      assert.deepEqual([wrong.status, wrong.json.specificCode], [403, 23019]);
      assert.deepEqual((await call('GET', '/snapshots')).json.snapshots, [], 'nothing was saved by the refused call');
    });

    it('saves, lists, restores and deletes a snapshot', async () => {
      const { client, accountId } = server();
      await client.call('contact', 'addOrUpdateContact', { firstName: 'Kept', lastName: 'One', email: 'kept@example.com' });
      const saved = await call('POST', '/snapshots', { name: 'ci-start', accountId });
      assert.equal(saved.status, 201);
      assert.equal((saved.json.snapshot as { accountId: number }).accountId, accountId);
      const listed = await call('GET', `/snapshots?account=${accountId}`);
      assert.deepEqual((listed.json.snapshots as Array<{ name: string }>).map((s) => s.name), ['ci-start']);

      await client.call('contact', 'addOrUpdateContact', { firstName: 'Gone', lastName: 'Soon', email: 'gone@example.com' });
      assert.equal(await total(client), 2);
      const restored = await call('POST', '/snapshots/ci-start/restore');
      assert.equal(restored.status, 200);
      assert.equal(restored.json.accountId, accountId);
      assert.equal(await total(client), 1);

      assert.equal((await call('DELETE', '/snapshots/ci-start')).status, 200);
      const again = await call('DELETE', '/snapshots/ci-start');
      assert.deepEqual([again.status, again.json.errorCode], [404, 404]);
      const unknown = await call('POST', '/snapshots/ci-start/restore');
      assert.equal(unknown.status, 404);
    });

    it('refuses bad requests with the error envelope, changing nothing', async () => {
      const { accountId } = server();
      const cases: Array<[unknown, number]> = [
        ['{not json', 400],
        [{ name: 'bad name!', accountId }, 400],
        [{ name: 'x', accountId, extra: 1 }, 400],
        [{ name: 'x', accountId: 'one' }, 400],
        [{ accountId }, 400],
        [{ name: 'x', accountId: 987_654 }, 404],
      ];
      for (const [body, status] of cases) {
        const res = await call('POST', '/snapshots', body);
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(res.json.errorCode, status);
        assert.equal(typeof res.json.specificCode, 'number');
      }
      assert.deepEqual((await call('GET', '/snapshots')).json.snapshots, []);
    });

    it('resets an account, keeping its key', async () => {
      const fresh = await server().newAccount();
      await fresh.client.call('contact', 'addOrUpdateContact', { firstName: 'Wiped', lastName: 'Out', email: 'wiped@example.com' });
      const res = await call('POST', '/reset', { accountId: fresh.accountId });
      assert.equal(res.status, 200);
      assert.equal(res.json.seeded, null, 'an account never seeded is left empty');
      assert.deepEqual(res.json.deleted, { ...(res.json.deleted as object), contacts: 1 });
      assert.equal(await total(fresh.client), 0);
    });
  },
  { operatorToken: TOKEN },
);
