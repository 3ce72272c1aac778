import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

export const foundation: Migration = {
  name: '0001_foundation',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('accounts'), dialect)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('is_demo', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('region', T.text, (c) => c.notNull().defaultTo('marquee'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('first_name', T.text, (c) => c.notNull())
      .addColumn('last_name', T.text, (c) => c.notNull())
      .addColumn('email', T.text, (c) => c.notNull())
      .addColumn('is_primary', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('is_active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_account').on('users').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('key', T.text, (c) => c.primaryKey())
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('secret_box', T.text, (c) => c.notNull())
      .addColumn('label', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('revoked_at', T.instant)
      .execute();
    await db.schema.createIndex('api_keys_account').on('api_keys').column('account_id').execute();

    await withId(db.schema.createTable('changes'), dialect, true)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('endpoint', T.text, (c) => c.notNull())
      .addColumn('subject', T.text, (c) => c.notNull())
      .addColumn('body', T.json, (c) => c.notNull())
      .addColumn('source_type', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('source_info', T.json)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('changes_account').on('changes').columns(['account_id', 'id']).execute();
  },
};
