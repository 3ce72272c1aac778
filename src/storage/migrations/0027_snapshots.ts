import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

/**
 * Named snapshots of one account's data (storage/snapshot/), kept in the database so every
 * server of a fleet and every CLI run sees the same ones. The account column is deliberately
 * not named `account_id`: wipes and snapshots treat every `account_id` table as account data,
 * and a reset or a restore must never take an account's snapshots with it.
 */
export const snapshots: Migration = {
  name: '0027_snapshots',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('snapshots'), dialect)
      .addColumn('name', T.text, (c) => c.notNull().unique())
      .addColumn('source_account', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('format', T.int, (c) => c.notNull())
      .addColumn('taken_at', T.instant, (c) => c.notNull())
      .addColumn('row_count', T.int, (c) => c.notNull())
      .addColumn('byte_size', T.int, (c) => c.notNull())
      .addColumn('data', T.bytes, (c) => c.notNull())
      .execute();
  },
};
