import { sql } from 'kysely';
import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

/**
 * The CRM sync engine's own state (src/sync/): id map with per-side fingerprints, cursors,
 * run records, conflict log and the run lock. None of it belongs to an iVvy account: a sync
 * profile talks to its iVvy endpoint through the API like any other client.
 */
export const sync: Migration = {
  name: '0009_sync',
  async up(db, { dialect }) {
    // One row per paired record. A row with one id still null is a create in flight (an
    // intent written before the create, completed after it), which makes a killed run safe
    // to start again without creating the record twice.
    await withId(db.schema.createTable('sync_links'), dialect, true)
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('module', T.text, (c) => c.notNull())
      .addColumn('ivvy_id', T.text)
      .addColumn('crm_id', T.text)
      .addColumn('status', T.text, (c) => c.notNull().defaultTo('active'))
      .addColumn('ivvy_fp', T.text)
      .addColumn('crm_fp', T.text)
      // Fingerprints of updates sent but not yet confirmed: after a killed run, a record
      // found in exactly that state carries our own write, not a user's change.
      .addColumn('ivvy_pending_fp', T.text)
      .addColumn('crm_pending_fp', T.text)
      .addColumn('ivvy_state', T.json)
      .addColumn('crm_state', T.json)
      .addColumn('ivvy_modified_at', T.instant)
      .addColumn('crm_modified_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('updated_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sync_links_ivvy')
      .on('sync_links')
      .columns(['profile', 'module', 'ivvy_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('sync_links_crm')
      .on('sync_links')
      .columns(['profile', 'module', 'crm_id'])
      .unique()
      .execute();

    // Per module and side: the committed watermark, and the window in progress with the
    // position reached in it (checkpointed after every page).
    await db.schema
      .createTable('sync_cursors')
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('module', T.text, (c) => c.notNull())
      .addColumn('side', T.text, (c) => c.notNull())
      .addColumn('watermark_at', T.instant)
      .addColumn('window_from_at', T.instant)
      .addColumn('window_until_at', T.instant)
      .addColumn('resume', T.text)
      .addColumn('reconciled_at', T.instant)
      .addColumn('updated_at', T.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_cursors_pk', ['profile', 'module', 'side'])
      .execute();

    await withId(db.schema.createTable('sync_runs'), dialect, true)
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('trigger', T.text, (c) => c.notNull())
      .addColumn('dry_run', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('modules', T.json, (c) => c.notNull())
      .addColumn('counts', T.json, (c) => c.notNull())
      .addColumn('errors', T.json, (c) => c.notNull())
      .addColumn('error_count', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('holder', T.text, (c) => c.notNull())
      .addColumn('started_at', T.instant, (c) => c.notNull())
      .addColumn('heartbeat_at', T.instant, (c) => c.notNull())
      .addColumn('finished_at', T.instant)
      .execute();
    await db.schema.createIndex('sync_runs_profile').on('sync_runs').columns(['profile', 'id']).execute();
    // The run lock: at most one running run per profile, enforced by the database itself.
    await db.schema
      .createIndex('sync_runs_running')
      .on('sync_runs')
      .column('profile')
      .unique()
      .where(sql.ref('status'), '=', 'running')
      .execute();

    await withId(db.schema.createTable('sync_conflicts'), dialect, true)
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('module', T.text, (c) => c.notNull())
      .addColumn('run_id', T.int)
      .addColumn('ivvy_id', T.text)
      .addColumn('crm_id', T.text)
      .addColumn('winner', T.text, (c) => c.notNull())
      .addColumn('fields', T.json, (c) => c.notNull())
      .addColumn('ivvy_values', T.json, (c) => c.notNull())
      .addColumn('crm_values', T.json, (c) => c.notNull())
      .addColumn('ivvy_modified_at', T.instant)
      .addColumn('crm_modified_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sync_conflicts_profile').on('sync_conflicts').columns(['profile', 'id']).execute();

    // Records that failed to apply, retried on later runs until they succeed.
    await db.schema
      .createTable('sync_retries')
      .addColumn('profile', T.text, (c) => c.notNull())
      .addColumn('module', T.text, (c) => c.notNull())
      .addColumn('side', T.text, (c) => c.notNull())
      .addColumn('record_id', T.text, (c) => c.notNull())
      .addColumn('attempts', T.int, (c) => c.notNull())
      .addColumn('last_error', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_retries_pk', ['profile', 'module', 'side', 'record_id'])
      .execute();
  },
};
