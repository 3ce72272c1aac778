import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { recordChange } from '../../src/outbox/record-change.js';
import { groupCommitStats } from '../../src/storage/group-commit.js';
import type { Scope } from '../../src/storage/scope.js';
import { describeEachDatabase } from '../support/suite.js';

/** A write transaction that adds one user (and its outbox row) named `name`. */
async function addUser(tx: Scope, name: string): Promise<string> {
  await tx
    .insertInto('users', { first_name: name, last_name: 'Group', email: `${name}@example.com`, is_primary: 0, is_active: 1, created_at: 1, modified_at: 1 })
    .execute();
  await recordChange(tx, 'CompanyAdded', { data: { name } }, { type: 0 });
  return name;
}

async function namesIn(store: Scope): Promise<string[]> {
  const rows = await store.selectFrom('users').select('first_name').where('last_name', '=', 'Group').orderBy('first_name').execute();
  return rows.map((r) => r.first_name);
}

async function changedNames(store: Scope): Promise<string[]> {
  const rows = await store.selectFrom('changes').select('body').where('subject', '=', 'CompanyAdded').execute();
  return rows.map((r) => (JSON.parse(r.body) as { data: { name: string } }).data.name).sort();
}

describeEachDatabase('write transactions requested together', ({ server, kind }) => {
  it('commit every member, and a member that fails leaves nothing of its own while the others commit', async () => {
    const store = server().store();
    const before = groupCommitStats(server().runtime.storage.db);
    const names = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    const settled = await Promise.allSettled(
      names.map((name) =>
        store.transaction(async (tx) => {
          await addUser(tx, name);
          if (name === 'm05') throw new Error('m05 refused after writing');
          return addUser(tx, `${name}-second`);
        }),
      ),
    );
    assert.deepEqual(
      settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
      names.map((n) => (n === 'm05' ? 'm05 refused after writing' : `${n}-second`)),
    );
    const committed = names.filter((n) => n !== 'm05').flatMap((n) => [n, `${n}-second`]).sort();
    assert.deepEqual(await namesIn(store), committed);
    assert.deepEqual(await changedNames(store), committed);
    if (kind === 'sqlite') {
      const after = groupCommitStats(server().runtime.storage.db);
      assert.equal(after.members - before.members, 12);
      // Requested in one turn of the event loop, they share a commit.
      assert.equal(after.groups - before.groups, 1);
    }
    await store.deleteFrom('users').where('last_name', '=', 'Group').execute();
  });

  it('settle no member before its writes are visible to everyone', async () => {
    const store = server().store();
    const seen = await Promise.all(
      ['v1', 'v2', 'v3'].map(async (name) => {
        await store.transaction((tx) => addUser(tx, name));
        return (await namesIn(server().store())).includes(name);
      }),
    );
    assert.deepEqual(seen, [true, true, true]);
    await store.deleteFrom('users').where('last_name', '=', 'Group').execute();
  });

  it('keep readers from seeing writes that are still open, even ones that roll back', async () => {
    const store = server().store();
    let reading: Promise<string[]> | undefined;
    const writing = store.transaction(async (tx) => {
      await addUser(tx, 'r1');
      // Started from outside while the transaction is open (and while its group waits for joiners).
      reading = namesIn(server().store());
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('r1 rolled back');
    });
    await assert.rejects(writing, /r1 rolled back/);
    assert.deepEqual(await reading, []);
  });

  it('fail every member of a group whose commit fails, writing nothing', async () => {
    const db = server().runtime.storage.db;
    // A deferred foreign key is checked only at COMMIT: the one way to make a commit itself fail.
    await sql`create table group_parent (id integer primary key)`.execute(db);
    await sql`create table group_child (parent_id integer references group_parent (id) deferrable initially deferred)`.execute(db);
    try {
      const store = server().store();
      const settled = await Promise.allSettled(
        ['c1', 'c2', 'c3'].map((name) =>
          store.transaction(async (tx) => {
            await addUser(tx, name);
            if (name === 'c2') await sql`insert into group_child (parent_id) values (42)`.execute(tx.executor);
            return name;
          }),
        ),
      );
      const outcome = settled.map((s) => s.status);
      if (kind === 'sqlite') {
        // One commit for all three: the constraint fails it, and with it every member.
        assert.deepEqual(outcome, ['rejected', 'rejected', 'rejected']);
        assert.deepEqual(await namesIn(store), []);
      } else {
        // PostgreSQL commits each transaction on its own.
        assert.deepEqual(outcome, ['fulfilled', 'rejected', 'fulfilled']);
        assert.deepEqual(await namesIn(store), ['c1', 'c3']);
      }
      for (const s of settled) if (s.status === 'rejected') assert.match(String(s.reason), /foreign key/i);
    } finally {
      await sql`drop table group_child`.execute(db);
      await sql`drop table group_parent`.execute(db);
      await server().store().deleteFrom('users').where('last_name', '=', 'Group').execute();
    }
  });
});
