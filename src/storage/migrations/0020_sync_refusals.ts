import type { Migration } from '../ddl.js';
import { T } from '../ddl.js';

/**
 * Field values a target system refused (an invalid phone number or email) while the rest of
 * the record was written (src/sync/store/refusals.ts): one row per record and field, with a
 * hash of the refused value, so the value is sent again only once it changes, and `sync
 * status` lists what is still refused.
 */
export const syncRefusals: Migration = {
  name: '0020_sync_refusals',
  async up(db) {
    await db.schema
      .createTable('sync_refusals')
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('module', T.text, (c) => c.notNull())
      // `toCrm` or `toIvvy`: the system that refused.
      .addColumn('direction', T.text, (c) => c.notNull())
      // The record on the source side, and the one it was written to.
      .addColumn('record_id', T.text, (c) => c.notNull())
      .addColumn('target_id', T.text)
      .addColumn('field', T.text, (c) => c.notNull())
      .addColumn('value', T.json)
      .addColumn('value_hash', T.text, (c) => c.notNull())
      .addColumn('message', T.text, (c) => c.notNull())
      .addColumn('run_id', T.int)
      .addColumn('attempts', T.int, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('updated_at', T.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_refusals_pk', ['profile', 'module', 'direction', 'record_id', 'field'])
      .execute();
  },
};
