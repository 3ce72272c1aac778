/**
 * Moves every table's id sequence forward, so that rows created from now on get ids far above
 * the ones that exist: a test can then tell "another account's row" from "a row of mine"
 * by the id alone.
 */
import { sql } from 'kysely';
import type { Storage } from '../../src/storage/database.js';

export async function advanceIdSequences(storage: Storage, by: number): Promise<void> {
  const db = storage.db;
  if (storage.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like '%AUTOINCREMENT%'`.execute(db);
    for (const { name } of rows) {
      const updated = await sql`update sqlite_sequence set seq = seq + ${by} where name = ${name}`.execute(db);
      if (Number(updated.numAffectedRows ?? 0) === 0) await sql`insert into sqlite_sequence (name, seq) values (${name}, ${by})`.execute(db);
    }
    return;
  }
  const { rows } = await sql<{ name: string }>`select sequencename as name from pg_sequences where schemaname = current_schema()`.execute(db);
  for (const { name } of rows) await sql`select setval(${name}::regclass, nextval(${name}::regclass) + ${by})`.execute(db);
}
