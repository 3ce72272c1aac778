import type { ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of booking documents, BEOs and their files (booking-documents/tables.ts). */
export const bookingDocumentsMigration: Migration = {
  name: '0023_venue_booking_documents',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const file = (c: ColumnDefinitionBuilder) => c.references('booking_files.id').onDelete('set null');

    await withId(db.schema.createTable('booking_files'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('filename', T.text, required)
      .addColumn('content_type', T.text, required)
      .addColumn('byte_size', T.int, required)
      .addColumn('md5', T.text, required)
      .addColumn('bytes', T.bytes, required)
      .addColumn('link_key', T.text, required)
      .addColumn('created_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_files_booking').on('booking_files').columns(['account_id', 'booking_id']).execute();

    await withId(db.schema.createTable('booking_documents'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('document_number', T.int, required)
      .addColumn('version', T.int, required)
      .addColumn('type', T.int, required)
      .addColumn('status', T.int, required)
      .addColumn('can_be_deleted', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('template_name', T.text)
      .addColumn('file_id', T.int, file)
      .addColumn('created_by', T.int)
      .addColumn('created_at', T.instant, required)
      .addColumn('modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_documents_number').on('booking_documents').columns(['account_id', 'document_number', 'version']).unique().execute();
    await db.schema.createIndex('booking_documents_booking').on('booking_documents').columns(['account_id', 'booking_id', 'id']).execute();

    await withId(db.schema.createTable('booking_beos'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('beo_type', T.int, required)
      .addColumn('beo_number', T.int, required)
      .addColumn('version', T.int, required)
      .addColumn('version_note', T.text, (c) => c.notNull().defaultTo(''))
      .addColumn('template_name', T.text, required)
      .addColumn('status', T.int, required)
      .addColumn('file_id', T.int, file)
      .addColumn('created_by', T.int)
      .addColumn('created_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_beos_number').on('booking_beos').columns(['account_id', 'beo_number', 'version']).unique().execute();
    await db.schema.createIndex('booking_beos_booking').on('booking_beos').columns(['account_id', 'booking_id', 'id']).execute();
  },
};
