import { sql } from 'kysely';
import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

/**
 * One row per seeding of an account (src/seed/runs.ts): which faker seed, how many contacts
 * and which clock produced it. `marquee seed` reads it to leave a seeded account alone, and
 * `marquee reset` to seed the account again exactly as it was first seeded.
 */
export const seedRuns: Migration = {
  name: '0018_seed_runs',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('seed_runs'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('batch', T.int, (c) => c.notNull())
      .addColumn('random_seed', T.instant, (c) => c.notNull())
      .addColumn('contacts', T.int, (c) => c.notNull())
      .addColumn('now_at', T.instant, (c) => c.notNull())
      .addColumn('counts', T.json)
      .addColumn('started_at', T.instant, (c) => c.notNull())
      .addColumn('finished_at', T.instant)
      .addUniqueConstraint('seed_runs_batch', ['account_id', 'batch'])
      .execute();
    // A demo account made before this table was seeded on first start (seed 2026, 250
    // contacts: seed/seed.ts) — the one seeding an upgraded database can know. Recorded, so
    // that `marquee seed` leaves it alone and `marquee reset` can seed it again.
    await sql`
      insert into seed_runs (account_id, batch, random_seed, contacts, now_at, counts, started_at, finished_at)
      select a.id, 1, 2026, 250, a.created_at, null, a.created_at, a.created_at
      from accounts a
      where a.is_demo = 1 and (select count(*) from users u where u.account_id = a.id) > 1
    `.execute(db);
  },
};
