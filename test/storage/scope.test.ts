import assert from 'node:assert/strict';
import { it } from 'node:test';
import { recordChange } from '../../src/outbox/record-change.js';
import { describeEachDatabase } from '../support/suite.js';

describeEachDatabase('tenancy and the outbox', ({ server }) => {
  it('scopes every query to the account and stamps inserts with it', async () => {
    const other = await server().newAccount();
    const mine = server().store();
    const theirs = server().store(other.accountId);
    await mine
      .insertInto('users', { first_name: 'Only', last_name: 'Mine', email: 'only@example.com', is_primary: 0, is_active: 1, created_at: 1, modified_at: 1 })
      .execute();
    const seenByThem = await theirs.selectFrom('users').select('id').where('last_name', '=', 'Mine').execute();
    assert.equal(seenByThem.length, 0);
    const updated = await theirs.updateTable('users').set({ first_name: 'Stolen' }).where('last_name', '=', 'Mine').executeTakeFirst();
    assert.equal(Number(updated.numUpdatedRows), 0);
    const deleted = await theirs.deleteFrom('users').where('last_name', '=', 'Mine').executeTakeFirst();
    assert.equal(Number(deleted.numDeletedRows), 0);
    const row = await mine.selectFrom('users').selectAll().where('last_name', '=', 'Mine').executeTakeFirstOrThrow();
    assert.equal(row.account_id, server().accountId);
    assert.equal(row.first_name, 'Only');
  });

  it('commits change rows with the data and rolls them back with it', async () => {
    const store = server().store();
    const count = async () =>
      (await store.selectFrom('changes').select('id').where('subject', '=', 'CompanyAdded').execute()).length;
    await store.transaction((tx) => recordChange(tx, 'CompanyAdded', { data: { id: 1 } }, { type: 1, apiKey: 'k1' }));
    assert.equal(await count(), 1);
    await assert.rejects(
      store.transaction(async (tx) => {
        await recordChange(tx, 'CompanyAdded', { data: { id: 2 } }, { type: 1, apiKey: 'k1' });
        throw new Error('the write failed');
      }),
      /the write failed/,
    );
    assert.equal(await count(), 1);
    const row = await store.selectFrom('changes').selectAll().where('subject', '=', 'CompanyAdded').executeTakeFirstOrThrow();
    assert.equal(row.endpoint, 'companies');
    assert.deepEqual(JSON.parse(row.body), { data: { id: 1 } });
    assert.deepEqual(JSON.parse(row.source_info ?? 'null'), { apiKey: 'k1' });
  });

  it('refuses to record a change outside a transaction', async () => {
    await assert.rejects(recordChange(server().store(), 'ContactAdded', {}, { type: 0 }), /inside the transaction/);
  });
});
