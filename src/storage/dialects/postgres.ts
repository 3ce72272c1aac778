/**
 * PostgreSQL: many writers, possibly several server processes on one database, so workers
 * skip each other's locked rows, natural keys take advisory locks, and outbox readers follow
 * commit order through the writing transaction's id.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect, OutboxPosition } from './dialect.js';

/** Write-version counter rows per account: each backend adds to its own (pg_backend_pid() modulo this). */
const SHARDS = 16;
const XID_SPAN = 2 ** 32;

const outbox: OutboxPosition = {
  // Ids are handed out at insert, not at commit: the writing transaction's id orders the
  // outbox, and only rows older than every running writer of this database are final.
  seq: (alias) => sql<number>`${sql.ref(`${alias}.txid`)}`,
  async horizon(db) {
    // The snapshot's own xmin would do, but it counts writers in every database of the
    // cluster: one long transaction elsewhere would stall delivery here. So the horizon is
    // the oldest writer connected to this database, or the next transaction id when there is
    // none. The xmax is read first; a writer that starts after it gets a larger id anyway.
    const { rows } = await sql<{ xmax: string; running: string[] | null }>`
      select pg_snapshot_xmax(pg_current_snapshot())::text as xmax,
        (select array_agg(backend_xid::text) from pg_stat_activity
          where datname = current_database() and backend_xid is not null) as running`.execute(db);
    const xmax = Number(rows[0]?.xmax);
    let horizon = xmax;
    const epochBase = xmax - (xmax % XID_SPAN);
    for (const text of rows[0]?.running ?? []) {
      // pg_stat_activity shows 32-bit xids; put each in the epoch that makes it nearest xmax.
      let full = epochBase + Number(text);
      if (full - xmax > XID_SPAN / 2) full -= XID_SPAN;
      if (full < horizon) horizon = full;
    }
    return horizon;
  },
  async start(db) {
    return { seq: (await outbox.horizon(db)) ?? 0, id: 0 };
  },
};

export const postgres: Dialect = {
  name: 'postgres',
  addIdColumn: (table, big) => table.addColumn('id', big ? 'bigserial' : 'serial', (c) => c.primaryKey()),
  likeInsensitive: (column, pattern) => sql`${column} ilike ${pattern} escape '\\'`,
  skipLocked: (query) => query.forUpdate().skipLocked() as typeof query,
  async lockNaturalKey(executor, inTransaction, accountId, key) {
    if (!inTransaction) throw new Error('lockNaturalKey needs a transaction: the lock lasts until it ends');
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${accountId}:${key}`}, 0))`.execute(executor);
  },
  transaction: (db, work) => db.transaction().execute(work),
  // An uncorrelated condition is evaluated once, and a false one skips the scan.
  guardByVersion: (page, version, expected, perPage) => page.where(sql<boolean>`${version} = ${expected}`).limit(perPage) as typeof page,
  async installVersionCounter(db: Kysely<unknown>) {
    // The transaction-local setting lists the accounts this transaction already bumped, so a
    // bulk write bumps each account once rather than once per row.
    await sql
      .raw(
        `CREATE FUNCTION marquee_bump_write_version() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE
           bumped text := coalesce(current_setting('marquee.bumped_accounts', true), '');
           account integer;
         BEGIN
           FOREACH account IN ARRAY (CASE TG_OP
               WHEN 'INSERT' THEN ARRAY[NEW.account_id]
               WHEN 'DELETE' THEN ARRAY[OLD.account_id]
               ELSE ARRAY[NEW.account_id, OLD.account_id] END) LOOP
             IF position(',' || account || ',' IN bumped) = 0 THEN
               INSERT INTO write_versions (account_id, shard, version)
                 VALUES (account, pg_backend_pid() % ${SHARDS}, 1)
                 ON CONFLICT (account_id, shard) DO UPDATE SET version = write_versions.version + 1;
               bumped := bumped || ',' || account || ',';
               PERFORM set_config('marquee.bumped_accounts', bumped, true);
             END IF;
           END LOOP;
           RETURN NULL;
         END $$`,
      )
      .execute(db);
  },
  async versionTable(db, table) {
    // Deferred to commit: the counter row is locked only while the transaction commits, when
    // it waits for nothing else, so concurrent writers never form a lock cycle through it.
    await sql
      .raw(
        `CREATE CONSTRAINT TRIGGER ${table}_write_version AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
          `DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marquee_bump_write_version()`,
      )
      .execute(db);
  },
  outbox,
  async addOutboxOrdering(db) {
    await sql`alter table changes add column txid bigint not null default (pg_current_xact_id()::text::bigint)`.execute(db);
    await db.schema.createIndex('changes_outbox').on('changes').columns(['account_id', 'endpoint', 'txid', 'id']).execute();
  },
};
