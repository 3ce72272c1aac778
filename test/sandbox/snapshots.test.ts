import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { listSnapshotsCommand, restoreSnapshotCommand, saveSnapshotCommand } from '../../src/cli/commands/snapshot.js';
import { anchoredNow, seedAccount } from '../../src/seed/seed.js';
import { NOT_SNAPSHOTTED } from '../../src/storage/snapshot/account-data.js';
import { deleteSnapshot, restoreSnapshot, SnapshotError, takeSnapshot } from '../../src/storage/snapshot/index.js';
import { pagingStats } from '../../src/storage/paging-cache.js';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { rawDump } from '../seed/account-dump.js';
import { describeEachDatabase } from '../support/suite.js';
import { runCli } from '../cli/run-cli.js';

interface Page {
  meta: { totalResults: number };
  results: Array<{ id: number; firstName: string }>;
}

// Named snapshots of an account: taken consistently, restored atomically under the original
// ids, the account's key still valid and no cached page of the old state served afterwards.
describeEachDatabase('account snapshots', ({ server, kind }) => {
  const storage = () => server().runtime.storage;
  /** The account's snapshotted data (the outbox and batches are left out of snapshots by design). */
  const data = async (accountId: number) =>
    Object.fromEntries(Object.entries(await rawDump(storage().db, storage().dialect, accountId)).filter(([t]) => !NOT_SNAPSHOTTED.has(t)));
  let account: Awaited<ReturnType<ReturnType<typeof server>['newAccount']>>;

  it('restores an account exactly as saved, leaving other accounts, its keys and its outbox alone', async () => {
    account = await server().newAccount({ withUser: 'primary' });
    const other = await server().newAccount();
    await seedAccount(server().runtime, { accountId: account.accountId, contacts: 8, randomSeed: 3, now: anchoredNow() });
    const saved = await saveSnapshotCommand(server().runtime, 'seeded', account.accountId);
    assert.equal(saved.replaced, false);
    assert.ok(saved.snapshot.rows > 100, JSON.stringify(saved));
    const before = await data(account.accountId);

    // Changes through the API after the snapshot: a new contact, an edited one, a new user.
    const list = (await account.client.call('contact', 'getContactList', { perPage: 100 })) as Page;
    const first = list.results[0]!;
    await account.client.call('contact', 'addOrUpdateContact', { id: first.id, firstName: 'Renamed' });
    const added = (await account.client.call('contact', 'addOrUpdateContact', { firstName: 'After', lastName: 'Snapshot', email: 'after@example.com' })) as { id: number };
    await other.client.call('contact', 'addOrUpdateContact', { firstName: 'Other', lastName: 'Account', email: 'other@example.com' });
    const otherBefore = await rawDump(storage().db, storage().dialect, other.accountId);
    const outbox = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from changes where account_id = ${account.accountId}`.execute(storage().db)).rows[0]!.n);
    const changesBefore = await outbox();
    assert.ok(changesBefore > 0, 'the writes were recorded in the outbox');
    // Warm the paging cache on the changed state.
    assert.equal(((await account.client.call('contact', 'getContactList', { perPage: 5 })) as Page).meta.totalResults, list.meta.totalResults + 1);
    const version = await currentWriteVersion(server().store(account.accountId));

    const restored = await restoreSnapshotCommand(server().runtime, 'seeded');
    assert.equal(restored.accountId, account.accountId);
    assert.deepEqual(await data(account.accountId), before);
    assert.deepEqual(await rawDump(storage().db, storage().dialect, other.accountId), otherBefore, 'the other account is untouched');
    assert.equal(await outbox(), changesBefore, 'committed changes stay in the outbox, to be announced');
    assert.ok((await currentWriteVersion(server().store(account.accountId))) > version);

    // The same key works, and answers from the restored data, not from a cached page.
    const fresh = pagingStats(storage().db).fresh;
    const after = (await account.client.call('contact', 'getContactList', { perPage: 100 })) as Page;
    assert.equal(after.meta.totalResults, list.meta.totalResults);
    assert.equal(after.results.find((c) => c.id === first.id)?.firstName, first.firstName);
    assert.ok(!after.results.some((c) => c.id === added.id));
    assert.ok(pagingStats(storage().db).fresh > fresh, 'the page was read afresh');
    // New records get new ids: ids handed out since the snapshot are never reused.
    const again = (await account.client.call('contact', 'addOrUpdateContact', { firstName: 'Again', lastName: 'Later', email: 'again@example.com' })) as { id: number };
    assert.ok(again.id > added.id);
  });

  it('lists, replaces and deletes snapshots, and refuses unknown or badly named ones', async () => {
    const replaced = await saveSnapshotCommand(server().runtime, 'seeded', account.accountId);
    assert.equal(replaced.replaced, true);
    await takeSnapshot(storage().db, storage().dialect, { name: 'second.one', accountId: account.accountId });
    const listed = await listSnapshotsCommand(server().runtime, account.accountId);
    assert.deepEqual(listed.snapshots.map((s) => s.name).sort(), ['second.one', 'seeded']);
    await deleteSnapshot(storage().db, 'second.one');
    await assert.rejects(restoreSnapshot(storage().db, storage().dialect, 'second.one'), (e: unknown) => e instanceof SnapshotError && e.reason === 'not-found');
    await assert.rejects(takeSnapshot(storage().db, storage().dialect, { name: '../x', accountId: account.accountId }), (e: unknown) => e instanceof SnapshotError && e.reason === 'invalid');
    await assert.rejects(takeSnapshot(storage().db, storage().dialect, { name: 'nobody', accountId: 999_999 }), (e: unknown) => e instanceof SnapshotError && e.reason === 'not-found');
  });

  it('restores nothing at all when a restore fails part way', async () => {
    const before = await data(account.accountId);
    // A snapshot whose rows no longer fit: a column dropped since (made here by editing the stored snapshot's table list).
    await takeSnapshot(storage().db, storage().dialect, { name: 'broken', accountId: account.accountId });
    const { decodeSnapshot, encodeSnapshot } = await import('../../src/storage/snapshot/codec.js');
    const row = await storage().db.selectFrom('snapshots').select('data').where('name', '=', 'broken').executeTakeFirstOrThrow();
    const payload = decodeSnapshot(Buffer.from(row.data));
    const contacts = payload.tables.contacts!;
    // A duplicated row: the inserts fail on the primary key after the deletes have run.
    contacts.rows.push(contacts.rows[0]!);
    await storage().db.updateTable('snapshots').set({ data: encodeSnapshot(payload) }).where('name', '=', 'broken').execute();
    await account.client.call('contact', 'addOrUpdateContact', { firstName: 'Kept', lastName: 'Through', email: 'kept@example.com' });
    const changed = await data(account.accountId);
    assert.notDeepEqual(changed, before);
    await assert.rejects(restoreSnapshot(storage().db, storage().dialect, 'broken'));
    assert.deepEqual(await data(account.accountId), changed, 'the failed restore left the account as it was');
  });

  // The command itself, once: its work runs in-process above, on both databases.
  it('answers `marquee snapshot list` on the command line', { skip: kind !== 'sqlite' }, async () => {
    const env = { MARQUEE_MASTER_KEY: server().runtime.config.masterKey ?? '' };
    const listed = await runCli(['snapshot', 'list', '--database', server().database.url, '--account', String(account.accountId)], env);
    assert.equal(listed.code, 0, listed.stderr);
    const names = (JSON.parse(listed.stdout) as { snapshots: Array<{ name: string }> }).snapshots.map((s) => s.name);
    assert.deepEqual(names.sort(), ['broken', 'seeded']);
  });
});
