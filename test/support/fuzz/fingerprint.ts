/**
 * A short text that changes whenever an account's stored data does: the row count of every
 * table with an `account_id`, the newest `modified_at` where a table has one, and the account's
 * write version (which every write to a versioned table moves, updates included). Tables that background workers update on their own (deliveries, the email
 * log's delivery state, batch progress) contribute their row counts only, so the fingerprint
 * does not move while nobody writes.
 */
import { sql } from 'kysely';
import type { TestServer } from '../server.js';

const WORKER_TABLES = /^(batch|batches|notification_|email_log|sync_)/;

interface TableInfo {
  name: string;
  modified: boolean;
}

const tablesByServer = new WeakMap<TestServer, Promise<TableInfo[]>>();

async function accountTables(server: TestServer): Promise<TableInfo[]> {
  const db = server.runtime.storage.db;
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => t.columns.some((c) => c.name === 'account_id'))
    .map((t) => ({ name: t.name, modified: !WORKER_TABLES.test(t.name) && t.columns.some((c) => c.name === 'modified_at') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function dataFingerprint(server: TestServer, accountId: number = server.accountId): Promise<string> {
  let tables = tablesByServer.get(server);
  if (!tables) {
    tables = accountTables(server);
    tablesByServer.set(server, tables);
  }
  const parts = (await tables).map((t) => {
    const table = sql.table(t.name);
    const newest = t.name === 'write_versions' ? sql`sum(version)` : t.modified ? sql`max(modified_at)` : sql`0`;
    return sql`select ${t.name} as t, count(*) as n, ${newest} as m from ${table} where account_id = ${accountId}`;
  });
  const { rows } = await sql<{ t: string; n: number | string; m: number | string | null }>`${sql.join(parts, sql` union all `)}`.execute(
    server.runtime.storage.db,
  );
  return rows.map((r) => `${r.t}:${Number(r.n)}:${r.m === null ? '' : Number(r.m)}`).join(',');
}
