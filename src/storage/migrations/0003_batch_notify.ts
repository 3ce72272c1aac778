import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';
import { dialectOf } from '../dialects/index.js';

export const batchNotify: Migration = {
  name: '0003_batch_notify',
  async up(db, { dialect }) {
    await db.schema
      .createTable('batches')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('user_id', T.int)
      .addColumn('api_key', T.text)
      .addColumn('callback_url', T.text)
      .addColumn('job_count', T.int, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('generation', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('started_at', T.instant)
      .addColumn('completed_at', T.instant)
      .addColumn('lease_owner', T.text)
      .addColumn('lease_until', T.instant)
      .addColumn('callback_status', T.text, (c) => c.notNull().defaultTo('none'))
      .addColumn('callback_attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('callback_next_at', T.instant)
      .addColumn('callback_first_at', T.instant)
      .addColumn('callback_last_error', T.text)
      .addColumn('callback_delivered_at', T.instant)
      .execute();
    await db.schema.createIndex('batches_work').on('batches').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('batches_callback').on('batches').columns(['callback_status', 'callback_next_at']).execute();
    await db.schema.createIndex('batches_completed').on('batches').column('completed_at').execute();

    await db.schema
      .createTable('batch_jobs')
      .addColumn('batch_id', T.text, (c) => c.notNull().references('batches.id').onDelete('cascade'))
      .addColumn('position', T.int, (c) => c.notNull())
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('namespace', T.text, (c) => c.notNull())
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('params', T.json, (c) => c.notNull())
      .addColumn('generation', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('response', T.json)
      .addColumn('status_code', T.int)
      .addColumn('completed_at', T.instant)
      .addColumn('completed_by', T.text)
      .addPrimaryKeyConstraint('batch_jobs_pk', ['batch_id', 'position'])
      .execute();

    await withId(db.schema.createTable('notification_subscriptions'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('endpoint', T.text, (c) => c.notNull())
      .addColumn('url', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('token', T.text, (c) => c.notNull().unique())
      .addColumn('uuid', T.text, (c) => c.notNull().unique())
      .addColumn('api_key', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('confirmed_at', T.instant)
      .addColumn('cursor_seq', T.instant, (c) => c.notNull().defaultTo(0))
      .addColumn('cursor_id', T.instant, (c) => c.notNull().defaultTo(0))
      .addColumn('lease_owner', T.text)
      .addColumn('lease_until', T.instant)
      .addUniqueConstraint('notification_subscriptions_target', ['account_id', 'endpoint', 'url'])
      .execute();
    await db.schema.createIndex('notification_subscriptions_status').on('notification_subscriptions').column('status').execute();

    await withId(db.schema.createTable('notification_deliveries'), dialect, true)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('subscription_id', T.int, (c) => c.references('notification_subscriptions.id').onDelete('set null'))
      .addColumn('endpoint', T.text, (c) => c.notNull())
      .addColumn('url', T.text, (c) => c.notNull())
      .addColumn('type', T.text, (c) => c.notNull())
      .addColumn('change_id', T.instant)
      .addColumn('subject', T.text)
      .addColumn('message_id', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', T.instant, (c) => c.notNull())
      .addColumn('last_status', T.int)
      .addColumn('last_error', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('first_attempt_at', T.instant)
      .addColumn('last_attempt_at', T.instant)
      .addColumn('delivered_at', T.instant)
      .execute();
    await db.schema
      .createIndex('notification_deliveries_queue')
      .on('notification_deliveries')
      .columns(['subscription_id', 'status', 'id'])
      .execute();
    await db.schema.createIndex('notification_deliveries_account').on('notification_deliveries').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('notification_deliveries_age').on('notification_deliveries').columns(['status', 'created_at']).execute();

    await db.schema
      .createTable('notification_keys')
      .addColumn('name', T.text, (c) => c.primaryKey())
      .addColumn('private_key_box', T.text, (c) => c.notNull())
      .addColumn('public_key', T.text, (c) => c.notNull())
      .addColumn('certificate', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();

    // The notification reader walks `changes` per account and endpoint in outbox order; on
    // PostgreSQL that order needs the writing transaction's id (storage/dialects/ (outbox)).
    await dialectOf(dialect).addOutboxOrdering(db);
  },
};
