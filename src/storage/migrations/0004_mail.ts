import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

export const mail: Migration = {
  name: '0004_mail',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('email_log'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('contact_id', T.int)
      .addColumn('user_id', T.int)
      .addColumn('event_id', T.int)
      .addColumn('type', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('ref_type', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('ref_id', T.int)
      .addColumn('from_address', T.text, (c) => c.notNull())
      .addColumn('to_address', T.text, (c) => c.notNull())
      .addColumn('bcc', T.text)
      .addColumn('subject', T.text, (c) => c.notNull())
      .addColumn('body', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('success', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', T.text)
      .addColumn('next_attempt_at', T.instant)
      .addColumn('claimed_until', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('sent_at', T.instant)
      .execute();
    await db.schema.createIndex('email_log_account').on('email_log').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('email_log_contact').on('email_log').columns(['account_id', 'contact_id']).execute();
    await db.schema.createIndex('email_log_event').on('email_log').columns(['account_id', 'event_id']).execute();
    await db.schema.createIndex('email_log_pending').on('email_log').columns(['status', 'next_attempt_at']).execute();
  },
};
