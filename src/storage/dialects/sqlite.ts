/** SQLite (better-sqlite3, WAL): one writer, so locks and skip-locked are not needed. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { groupTransaction } from '../group-commit.js';
import type { Dialect } from './dialect.js';

function bump(row: 'NEW' | 'OLD'): string {
  return (
    `INSERT INTO write_versions (account_id, shard, version) VALUES (${row}.account_id, 0, 1) ` +
    `ON CONFLICT (account_id, shard) DO UPDATE SET version = version + 1;`
  );
}

export const sqlite: Dialect = {
  name: 'sqlite',
  addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  // LIKE is already case-insensitive for ASCII.
  likeInsensitive: (column, pattern) => sql`${column} like ${pattern} escape '\\'`,
  // The claiming UPDATE is exclusive already: the database admits one writer.
  skipLocked: (query) => query,
  // One process runs one transaction at a time on its connection, and the file one writer.
  async lockNaturalKey(_executor, inTransaction) {
    if (!inTransaction) throw new Error('lockNaturalKey needs a transaction: the lock lasts until it ends');
  },
  transaction: (db, work) => groupTransaction(db, work),
  // SQLite would test an uncorrelated condition row by row: the version decides the LIMIT
  // instead, and a LIMIT of 0 reads nothing.
  guardByVersion: (page, version, expected, perPage) =>
    page.limit(sql<number>`case when ${version} = ${expected} then ${perPage} else 0 end`) as typeof page,
  async installVersionCounter() {
    // The triggers write the counter rows themselves.
  },
  async versionTable(db: Kysely<unknown>, table: string) {
    await sql.raw(`CREATE TRIGGER ${table}_write_version_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_write_version_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD')} END`).execute(db);
    // An update that moves a row to another account (never done, but possible) changes both.
    const previous =
      `INSERT INTO write_versions (account_id, shard, version) SELECT OLD.account_id, 0, 1 ` +
      `WHERE OLD.account_id <> NEW.account_id ON CONFLICT (account_id, shard) DO UPDATE SET version = version + 1;`;
    await sql.raw(`CREATE TRIGGER ${table}_write_version_update AFTER UPDATE ON ${table} BEGIN ${bump('NEW')} ${previous} END`).execute(db);
  },
  // One writer at a time: ids are in commit order, so the id is the outbox order.
  outbox: {
    seq: (alias) => sql<number>`${sql.ref(`${alias}.id`)}`,
    horizon: async () => null,
    async start(db) {
      const row = await sql<{ next: number | null }>`select max(id) + 1 as next from changes`.execute(db);
      return { seq: Number(row.rows[0]?.next ?? 1), id: 0 };
    },
  },
  async addOutboxOrdering(db) {
    await db.schema.createIndex('changes_outbox').on('changes').columns(['account_id', 'endpoint', 'id']).execute();
  },
};
