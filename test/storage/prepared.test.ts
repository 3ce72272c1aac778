import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql, type Updateable } from 'kysely';
import type { UsersTable } from '../../src/storage/schema.js';
import { prepared } from '../../src/storage/prepared.js';
import type { Scope } from '../../src/storage/scope.js';
import { readNow } from '../../src/storage/sqlite-direct.js';
import { describeEachDatabase } from '../support/suite.js';

// Prepared queries are compiled once with placeholders; these prove the values that reach
// the database are the call's own, for every kind of parameter, and that tenancy holds.
const usersNamed = prepared((store, p: { names: string[] }) =>
  store.selectFrom('users').select(['first_name']).where('first_name', 'in', p.names).orderBy('first_name'),
);
const userByEmail = prepared((store, p: { email: string }) =>
  store.selectFrom('users').select(['first_name']).where(sql`lower(email)`, '=', sql`lower(${p.email})`),
);
const renameUser = prepared((store, p: { name: string; set: Updateable<UsersTable> }) =>
  store.updateTable('users').set(p.set).where('first_name', '=', p.name),
);

describeEachDatabase('prepared queries', ({ server }) => {
  let mine: Scope;
  let theirs: Scope;
  before(async () => {
    mine = server().store();
    theirs = server().store((await server().newAccount()).accountId);
    const now = Date.now();
    for (const [store, names] of [
      [mine, ['Ada', 'Bo', 'Cy', 'Di']],
      [theirs, ['Ada', 'Eve']],
    ] as const) {
      await store
        .insertInto(
          'users',
          names.map((n) => ({ first_name: n, last_name: 'P', email: `${n}@Example.com`, is_primary: 0, is_active: 1, created_at: now, modified_at: now })),
        )
        .execute();
    }
  });

  it('puts each call’s values in, for lists of any length, and only ever reads the scope’s account', async () => {
    const names = async (store: Scope, list: string[]) => (await usersNamed(store, { names: list })).map((r) => r.first_name);
    assert.deepEqual(await names(mine, ['Ada']), ['Ada']);
    assert.deepEqual(await names(mine, ['Cy', 'Ada', 'Zed']), ['Ada', 'Cy']);
    assert.deepEqual(await names(mine, ['Bo', 'Di']), ['Bo', 'Di']);
    assert.deepEqual(await names(theirs, ['Ada', 'Bo', 'Eve']), ['Ada', 'Eve']);
    assert.deepEqual(await names(mine, ['Ada', 'Bo', 'Eve']), ['Ada', 'Bo']);
    assert.deepEqual(await userByEmail(mine, { email: 'di@example.COM' }), [{ first_name: 'Di' }]);
    assert.deepEqual(await userByEmail(theirs, { email: 'di@example.com' }), []);
  });

  it('writes an object parameter’s members (an update’s columns), whatever columns it names', async () => {
    await renameUser(mine, { name: 'Bo', set: { last_name: 'Q' } });
    await renameUser(mine, { name: 'Cy', set: { last_name: 'R', is_active: 0 } });
    await renameUser(mine, { name: 'Di', set: { last_name: 'S' } });
    const rows = await mine.selectFrom('users').select(['first_name', 'last_name', 'is_active']).where('first_name', 'in', ['Bo', 'Cy', 'Di']).orderBy('first_name').execute();
    assert.deepEqual(rows, [
      { first_name: 'Bo', last_name: 'Q', is_active: 1 },
      { first_name: 'Cy', last_name: 'R', is_active: 0 },
      { first_name: 'Di', last_name: 'S', is_active: 1 },
    ]);
    const other = await theirs.selectFrom('users').select('last_name').where('first_name', '=', 'Ada').executeTakeFirstOrThrow();
    assert.equal(other.last_name, 'P');
  });

  it('runs synchronously on SQLite only, and reads one snapshot inside readNow', async () => {
    const names = (store: Scope, list: string[]) => usersNamed.now(store, { names: list })?.map((r) => r.first_name);
    if (mine.dialect !== 'sqlite') {
      assert.equal(names(mine, ['Ada']), undefined);
      assert.equal(readNow(mine.executor, () => 1), undefined);
      return;
    }
    assert.deepEqual(names(mine, ['Ada', 'Eve', 'Zoe']), ['Ada']);
    // Another connection, as another process would have, writing while the snapshot is held.
    const other = new SQLite(server().database.url.slice('sqlite:'.length));
    other.pragma('busy_timeout = 1000');
    try {
      const seen = readNow(mine.executor, () => {
        const first = names(mine, ['Ada', 'Zoe']);
        other
          .prepare(
            `insert into users (account_id, first_name, last_name, email, is_primary, is_active, created_at, modified_at)
             values (?, 'Zoe', 'P', 'zoe@example.com', 0, 1, 0, 0)`,
          )
          .run(mine.accountId);
        return [first, names(mine, ['Ada', 'Zoe'])];
      });
      assert.deepEqual(seen, [['Ada'], ['Ada']], 'both reads see the snapshot the first one took');
      assert.deepEqual(names(mine, ['Ada', 'Zoe']), ['Ada', 'Zoe'], 'the next read sees the write');
    } finally {
      other.close();
    }
    await mine.transaction(async (tx) => {
      assert.equal(readNow(tx.executor, () => 1), undefined, 'no read transaction inside a transaction');
      assert.deepEqual(names(tx, ['Zoe']), ['Zoe'], 'a transaction reads directly on its own connection');
      assert.equal(names(mine, ['Zoe']), undefined, 'others wait for the transaction');
    });
  });

  it('refuses a builder that puts a parameter anywhere but a value position', async () => {
    const broken = prepared((store, p: { column: string }) => store.selectFrom('users').select(sql.raw(String(p.column)).as('x')));
    await assert.rejects(broken(mine, { column: 'first_name' }), /outside a value position/);
  });
});
