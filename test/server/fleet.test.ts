import assert from 'node:assert/strict';
import { revokeApiKey } from '../../src/auth/keys.js';
import { IvvyApiError } from '../../src/client/index.js';
import { until } from '../batch/fixtures/setup.js';
import { describeOnTwoServers } from '../support/two-servers.js';

type Contact = { id: number; firstName: string; email: string };
type Page = { meta: { totalResults: number }; results: Contact[] };

/**
 * A fleet: two server processes on one PostgreSQL. Each keeps its own caches (paged lists,
 * contact items, API keys); a write or a revocation through one must hold on the other at once,
 * or within the documented revocation poll.
 */
describeOnTwoServers('a fleet on one database', 'reads its writes through the other process, and both refuse a revoked key', async (_store, [a, b], shared) => {
  const call = <T>(client: typeof a, action: string, params: Record<string, unknown>) => client!.call<T>('contact', action, params);

  // Warm both processes' caches before the writes they must notice.
  const before = await call<Page>(b, 'getContactList', { perPage: 10 });
  await call<Page>(a, 'getContactList', { perPage: 10 });

  const added = await call<{ id: number }>(a, 'addOrUpdateContact', { firstName: 'Fleet', lastName: 'One', email: 'fleet.one@example.com' });
  const seen = await call<Contact>(b, 'getContact', { id: added.id });
  assert.equal(seen.email, 'fleet.one@example.com', 'a contact written through one process reads back through the other');
  const after = await call<Page>(b, 'getContactList', { perPage: 10 });
  assert.equal(after.meta.totalResults, before.meta.totalResults + 1, 'the other process pages over the new total at once');

  // The item cache of the first process holds the old email; an update through the other replaces it.
  await call<Contact>(a, 'getContact', { id: added.id });
  await call(b, 'addOrUpdateContact', { id: added.id, email: 'fleet.two@example.com' });
  assert.equal((await call<Contact>(a, 'getContact', { id: added.id })).email, 'fleet.two@example.com');

  // Revocation: both processes refuse the key within the revocation poll (1 s, plus its overlap).
  assert.equal(await revokeApiKey(shared.runtime.storage.db, shared.key), true);
  const revokedAt = Date.now();
  const refused = async (client: typeof a) => {
    try {
      await client!.call('test', 'ping', {});
      return false;
    } catch (error) {
      return error instanceof IvvyApiError && error.specificCode === 23007;
    }
  };
  await until(async () => (await refused(a)) && (await refused(b)), 'both processes to refuse the revoked key', 5_000);
  assert.ok(Date.now() - revokedAt < 3_000, `refused by both ${Date.now() - revokedAt} ms after the revocation`);
});
