/**
 * A sandbox's database: SQLite in memory, opened from a serialized image (template.ts), so a
 * sandbox starts from a migrated and seeded database without migrating or seeding it. The
 * connection is set up as openStorage (storage/database.ts) sets up a `sqlite::memory:` one;
 * openStorage itself takes a URL and cannot open an image.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { VERSIONED_TABLES } from '../domain/index.js';
import { withStatementCache, type Storage } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { registerDirect } from '../storage/sqlite-direct.js';
import { useVersionedTables } from '../storage/write-versions.js';

export interface MemoryStorage extends Storage {
  /** The whole database as bytes (what `openMemoryStorage` opens). */
  image(): Buffer;
}

/** An in-memory database: empty, or a copy of `image`. Nothing is shared with the image's other copies. */
export function openMemoryStorage(image?: Buffer): MemoryStorage {
  const native = image ? new SQLite(image) : new SQLite(':memory:');
  native.pragma('foreign_keys = ON');
  const statements = withStatementCache(native);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  registerDirect(db, { native, statements });
  useVersionedTables(db, VERSIONED_TABLES);
  return {
    db,
    dialect: 'sqlite',
    location: ':memory:',
    image: () => native.serialize(),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
