import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStorage, type Storage } from '../../src/storage/database.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

// PostgreSQL parses and plans an unnamed statement every time; repeated ones are named so each
// connection prepares them once (storage/pg-prepared.ts), unless a pooler needs them unnamed.
describe('PostgreSQL prepared statements', { skip: !DATABASE_KINDS.includes('postgres') && 'PostgreSQL not among the test databases' }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase('postgres');
  });
  after(async () => {
    await database.drop();
  });

  /** Runs a parameterised read twice on one connection and lists what that connection prepared. */
  async function preparedOn(storage: Storage): Promise<{ answers: unknown[]; statements: string[] }> {
    return storage.db.transaction().execute(async (trx) => {
      const answers: unknown[] = [];
      for (const n of [1, 2]) answers.push((await sql<{ n: number }>`select ${n}::int + 1 as n`.execute(trx)).rows[0]?.n);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(trx);
      return { answers, statements: rows.map((r) => r.statement) };
    });
  }

  it('names repeated reads, answering them as unnamed ones would', async () => {
    const storage = await openStorage(database.url);
    try {
      const { answers, statements } = await preparedOn(storage);
      assert.deepEqual(answers, [2, 3]);
      assert.equal(statements.filter((s) => s.includes('$1::int + 1')).length, 1, 'prepared once, used twice');
      // Transaction control is never named.
      assert.ok(!statements.some((s) => /^\s*(begin|commit|rollback)/i.test(s)), statements.join(' | '));
    } finally {
      await storage.close();
    }
  });

  it('leaves every statement unnamed when turned off (poolers in transaction mode)', async () => {
    const storage = await openStorage(database.url, { pgPrepare: false });
    try {
      const { answers, statements } = await preparedOn(storage);
      assert.deepEqual(answers, [2, 3]);
      assert.deepEqual(statements, []);
    } finally {
      await storage.close();
    }
  });
});
