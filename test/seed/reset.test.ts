import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { itemCacheStats } from '../../src/domain/contact/contacts/item-cache.js';
import { resetAccount } from '../../src/seed/reset.js';
import { listSeedRuns } from '../../src/seed/runs.js';
import { anchoredNow, seedAccount } from '../../src/seed/seed.js';
import { accountTables, childrenFirst } from '../../src/storage/account-wipe.js';
import { pagingStats } from '../../src/storage/paging-cache.js';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { describeEachDatabase } from '../support/suite.js';
import { differences, dumpAccount, rawDump } from './account-dump.js';

interface Page {
  meta: { totalResults: number };
  results: Array<{ id: number; firstName: string; email: string }>;
}

// `marquee reset`: one account emptied in one transaction and seeded again as first seeded;
// its key keeps working, other accounts and cached answers are not left behind.
describeEachDatabase('account reset', ({ server }) => {
  const storage = () => server().runtime.storage;
  const rowsOf = async (accountId: number) => {
    const out: Record<string, number> = {};
    for (const t of await accountTables(storage().db, storage().dialect)) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)} where account_id = ${accountId}`.execute(storage().db);
      if (Number(r.rows[0]!.n) > 0) out[t.name] = Number(r.rows[0]!.n);
    }
    return out;
  };

  it('empties an account and seeds it again as first seeded, keeping its key and primary user, and no other account', async () => {
    const account = await server().newAccount({ withUser: 'primary' });
    const other = await server().newAccount();
    const now = anchoredNow();
    await seedAccount(server().runtime, { accountId: account.accountId, contacts: 30, randomSeed: 5, now });
    await seedAccount(server().runtime, { accountId: other.accountId, contacts: 20, randomSeed: 6, now });
    const seeded = await dumpAccount(storage().db, storage().dialect, account.accountId);
    const otherBefore = await rawDump(storage().db, storage().dialect, other.accountId);
    const hashIds = () => server().store(account.accountId).selectFrom('venues').select('hash_id').orderBy('id').execute();
    const venueLinks = await hashIds();

    // Changes made after seeding, through the API: a reset takes them away.
    await account.client.call('contact', 'addOrUpdateContact', { firstName: 'Added', lastName: 'Later', email: 'added.later@example.com' });
    await seedAccount(server().runtime, { accountId: account.accountId, contacts: 5, randomSeed: 99, now });

    const result = await resetAccount(server().runtime, account.accountId);
    assert.ok((result.deleted.contacts ?? 0) === 36, JSON.stringify(result.deleted));
    assert.equal(result.seeded?.randomSeed, 5);
    assert.equal(result.seeded?.now, anchoredNow());
    // Same-day reset: the same data as the first seeding (dated from the same instant).
    if (result.seeded?.now === now) assert.deepEqual(differences(seeded, await dumpAccount(storage().db, storage().dialect, account.accountId)), []);
    assert.deepEqual(
      (await listSeedRuns(storage().db, account.accountId)).map((r) => [r.batch, r.randomSeed, r.contacts, r.finishedAt !== null]),
      [[1, 5, 30, true]],
    );
    assert.deepEqual(await rawDump(storage().db, storage().dialect, other.accountId), otherBefore, 'the other account is untouched');
    // Venue hash ids are the account's own draw of the seed: the venues' public links survive a reset.
    assert.deepEqual(await hashIds(), venueLinks);

    // The same key still works, as the same user.
    const page = await account.client.call<Page>('contact', 'getContactList', { perPage: 100 });
    assert.equal(page.meta.totalResults, 30);
    assert.ok(!page.results.some((c) => c.email === 'added.later@example.com'));
    const primary = await server().store(account.accountId).selectFrom('users').select('id').where('is_primary', '=', 1).execute();
    assert.deepEqual(primary, [{ id: account.userId }]);
  });

  it('empties every account table but the account, its keys and its primary user; an unseeded account stays empty', async () => {
    const account = await server().newAccount({ withUser: 'secondary' });
    await account.client.call('contact', 'addOrUpdateContact', { firstName: 'Only', lastName: 'Contact', email: 'only@example.com' });
    await server().store(account.accountId).insertInto('users', { first_name: 'Spare', last_name: 'User', email: 'spare@example.com', is_primary: 0, is_active: 1, created_at: 1, modified_at: 1 }).execute();
    const result = await resetAccount(server().runtime, account.accountId);
    assert.equal(result.seeded, null);
    assert.equal(result.deleted.contacts, 1);
    assert.equal(result.deleted.users, 1, 'the spare user goes; the primary one and the key user stay');
    const left = await rowsOf(account.accountId);
    assert.deepEqual(Object.keys(left).sort(), ['api_keys', 'users', 'write_versions']);
    assert.equal(left.users, 2);
    assert.equal((await account.client.call<Page>('contact', 'getContactList', {})).meta.totalResults, 0);
  });

  it('moves the write version, so a cached page read before the reset is not served after it', async () => {
    const account = await server().newAccount();
    await seedAccount(server().runtime, { accountId: account.accountId, contacts: 30, randomSeed: 8, now: anchoredNow() });
    const store = server().store(account.accountId);
    const list = () => account.client.call<Page>('contact', 'getContactList', { perPage: 10, start: 10 });
    const before = await list();
    const paging = pagingStats(store.executor).hits;
    const items = itemCacheStats(store).hits;
    assert.deepEqual(await list(), before);
    assert.ok(pagingStats(store.executor).hits > paging && itemCacheStats(store).hits > items, 'the second read came from the caches');
    const version = await currentWriteVersion(store);

    await resetAccount(server().runtime, account.accountId);
    assert.ok((await currentWriteVersion(store)) > version);
    const after = await list();
    const fresh = await store.selectFrom('contacts').select(['id', 'first_name']).orderBy('id').execute();
    const oldIds = new Set(before.results.map((c) => c.id));
    assert.equal(after.meta.totalResults, fresh.length);
    assert.ok(after.results.every((c) => !oldIds.has(c.id) && fresh.some((f) => f.id === c.id && f.first_name === c.firstName)));
    // Same seed, same day: the same people at the same places, under new ids.
    assert.deepEqual(after.results.map((c) => c.firstName), before.results.map((c) => c.firstName));
  });

  it('deletes referencing tables before the tables they reference', async () => {
    const tables = await accountTables(storage().db, storage().dialect);
    const order = childrenFirst(tables);
    assert.equal(order.length, tables.length);
    for (const t of tables) {
      for (const k of t.foreignKeys) assert.ok(order.indexOf(t.name) < order.indexOf(k.table), `${t.name} before ${k.table}`);
    }
    assert.ok(tables.some((t) => t.name === 'seed_runs') && tables.some((t) => t.name === 'contacts'));
  });
});
