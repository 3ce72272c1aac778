import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { dialectOf, type Dialect } from '../../src/storage/dialects/index.js';
import type { Database } from '../../src/storage/schema.js';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { describeEachDatabase } from '../support/suite.js';

// The contract of storage/dialects/: every helper, on both databases, doing what Marquee's
// SQL relies on. A dialect added later must pass the same.
describeEachDatabase('storage dialects', ({ server, kind }) => {
  let dialect: Dialect;
  let db: Kysely<Database>;
  // Scratch tables outside the schema's types.
  const raw = () => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

  before(async () => {
    dialect = dialectOf(kind);
    db = server().runtime.storage.db;
    for (const [name, big] of [['dialect_small', false], ['dialect_big', true]] as const) {
      await dialect.addIdColumn(db.schema.createTable(name), big).addColumn('name', 'text').addColumn('account_id', 'integer').execute();
    }
  });

  it('is the dialect the storage was opened with', () => {
    assert.equal(dialect.name, server().runtime.storage.dialect);
  });

  it('adds auto-increment ids, 32- and 64-bit', async () => {
    for (const table of ['dialect_small', 'dialect_big']) {
      const ids: number[] = [];
      for (const name of ['Alpha', 'alpha_beta', '100%', 'back\\slash']) {
        const row = await raw().insertInto(table).values({ name, account_id: 1 }).returning('id').executeTakeFirstOrThrow();
        ids.push(Number(row.id));
      }
      assert.deepEqual(ids, [1, 2, 3, 4]);
    }
  });

  it('matches LIKE patterns without regard to case, with backslash escapes', async () => {
    const names = async (pattern: string) =>
      (await raw().selectFrom('dialect_small').select('name').where(dialect.likeInsensitive(sql.ref('name'), pattern)).orderBy('id').execute()).map(
        (r) => r.name,
      );
    assert.deepEqual(await names('%ALPHA%'), ['Alpha', 'alpha_beta']);
    assert.deepEqual(await names('%\\_%'), ['alpha_beta']);
    assert.deepEqual(await names('%\\%'), ['100%']);
    assert.deepEqual(await names('%\\\\%'), ['back\\slash']);
  });

  it('skips rows another transaction locked, where several workers can compete', async () => {
    const ids = (trx: Kysely<Record<string, Record<string, unknown>>>) =>
      dialect.skipLocked(trx.selectFrom('dialect_small').select('id').orderBy('id').limit(2)).execute();
    if (kind === 'sqlite') {
      assert.doesNotMatch(dialect.skipLocked(raw().selectFrom('dialect_small').selectAll()).compile().sql, /for update/i);
      assert.equal((await ids(raw())).length, 2);
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = raw()
      .transaction()
      .execute(async (trx) => {
        const mine = await ids(trx);
        locked();
        await held;
        return mine.map((r) => Number(r.id));
      });
    await lockTaken;
    const second = await raw().transaction().execute(async (trx) => (await ids(trx)).map((r) => Number(r.id)));
    release();
    assert.deepEqual(await first, [1, 2]);
    assert.deepEqual(second, [3, 4]);
  });

  it('serialises the writers of one natural key until the transaction ends', async () => {
    const store = server().store();
    await assert.rejects(() => dialect.lockNaturalKey(store.executor, false, store.accountId, 'k'), /needs a transaction/);
    const order: string[] = [];
    let aHolds = () => {};
    const aHasTheLock = new Promise<void>((resolve) => (aHolds = resolve));
    const writer = (name: string, hold: number, onLocked = () => {}) =>
      store.transaction(async (tx) => {
        await dialect.lockNaturalKey(tx.executor, true, tx.accountId, 'email:same@example.com');
        order.push(`${name} in`);
        onLocked();
        await sleep(hold);
        order.push(`${name} out`);
      });
    // b asks only once a holds the lock, however slow the machine, and must wait for a's commit.
    await Promise.all([writer('a', 80, aHolds), aHasTheLock.then(() => writer('b', 0))]);
    assert.deepEqual(order, ['a in', 'a out', 'b in', 'b out']);
  });

  it('commits and rolls back transactions', async () => {
    await dialect.transaction(db, (trx) => (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('dialect_small').values({ name: 'kept' }).execute());
    await assert.rejects(
      dialect.transaction(db, async (trx) => {
        await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('dialect_small').values({ name: 'lost' }).execute();
        throw new Error('roll back');
      }),
      /roll back/,
    );
    const names = (await raw().selectFrom('dialect_small').select('name').execute()).map((r) => r.name);
    assert.ok(names.includes('kept') && !names.includes('lost'));
  });

  it('reads a page only while the write version is the expected one', async () => {
    const version = sql<number>`(select 7)`;
    const page = (expected: number) =>
      dialect.guardByVersion(raw().selectFrom('dialect_small').select('id').orderBy('id'), version, expected, 2).execute();
    assert.deepEqual((await page(7)).map((r) => Number(r.id)), [1, 2]);
    assert.deepEqual(await page(8), []);
  });

  it('moves the account write version on every write to a versioned table', async () => {
    await dialect.versionTable(db as unknown as Kysely<unknown>, 'dialect_big');
    const store = server().store();
    const before = await currentWriteVersion(store);
    await store.transaction((tx) =>
      (tx.executor as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('dialect_big').values({ name: 'v', account_id: store.accountId }).execute(),
    );
    assert.ok((await currentWriteVersion(store)) > before);
  });

  it('orders the outbox and knows where a new reader starts', async () => {
    const start = await dialect.outbox.start(db);
    assert.ok(Number.isInteger(start.seq) && start.seq > 0);
    const horizon = await dialect.outbox.horizon(db);
    if (kind === 'sqlite') assert.equal(horizon, null);
    else assert.ok(horizon !== null && horizon >= start.seq);
    const seq = await sql<{ seq: number }>`select ${dialect.outbox.seq('c')} as seq from changes c limit 1`.execute(db);
    assert.ok(Array.isArray(seq.rows));
  });
});
