import { Migrator, type Kysely, type Migration as KyselyMigration } from 'kysely';
import type { Storage } from './database.js';
import type { Migration } from './ddl.js';

/** Applies every pending migration; concurrent starters are serialised by Kysely's lock. */
export async function migrateToLatest(storage: Storage, migrations: readonly Migration[]): Promise<string[]> {
  const migrator = new Migrator({
    db: storage.db,
    // Each domain owns its migrations and they do not depend on one another's order, so a
    // database that already ran a later-numbered one may still receive an earlier new one.
    allowUnorderedMigrations: true,
    provider: {
      async getMigrations() {
        const all: Record<string, KyselyMigration> = {};
        for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
          all[m.name] = { up: (db: Kysely<unknown>) => m.up(db, { dialect: storage.dialect }) };
        }
        return all;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
