import type { ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of booking attendees and notes (src/domain/venue/booking-people/tables.ts). */
export const bookingPeopleMigration: Migration = {
  name: '0021_venue_booking_people',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const list = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('[]');

    await withId(db.schema.createTable('booking_attendees'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('hash', T.text, required)
      .addColumn('first_name', T.text, required)
      .addColumn('last_name', T.text, required)
      .addColumn('phone', T.text, required)
      .addColumn('email', T.text, required)
      .addColumn('dietary_requirement', T.text)
      .addColumn('is_from_catering_website', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, required)
      .addColumn('modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_attendees_hash').on('booking_attendees').column('hash').unique().execute();
    await db.schema.createIndex('booking_attendees_booking').on('booking_attendees').columns(['account_id', 'booking_id', 'id']).execute();
    await db.schema.createIndex('booking_attendees_venue').on('booking_attendees').columns(['account_id', 'venue_id', 'id']).execute();

    // A session, menu or item that goes takes the attendee's choices of it along.
    await withId(db.schema.createTable('booking_attendee_menu_items'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('attendee_id', T.int, parent('booking_attendees'))
      .addColumn('session_id', T.int, parent('booking_sessions'))
      .addColumn('menu_id', T.int, parent('venue_menus'))
      .addColumn('inventory_id', T.int, parent('venue_menu_items'))
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('booking_attendee_menu_items_attendee').on('booking_attendee_menu_items').columns(['account_id', 'attendee_id', 'sort_order']).execute();
    await db.schema.createIndex('booking_attendee_menu_items_session').on('booking_attendee_menu_items').column('session_id').execute();

    await withId(db.schema.createTable('booking_notes'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('type_id', T.int, required)
      .addColumn('description', T.text, required)
      .addColumn('is_private', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('booking_days', T.json, list)
      .addColumn('accommodation_ids', T.json, list)
      .addColumn('session_ids', T.json, list)
      .addColumn('menu_ids', T.json, list)
      .addColumn('beverage_ids', T.json, list)
      .addColumn('resource_ids', T.json, list)
      .addColumn('product_ids', T.json, list)
      .addColumn('apply_to_templates', T.json, list)
      .addColumn('created_by_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, required)
      .addColumn('modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_notes_booking').on('booking_notes').columns(['account_id', 'booking_id', 'id']).execute();
    await db.schema.createIndex('booking_notes_venue').on('booking_notes').columns(['account_id', 'venue_id', 'id']).execute();
  },
};
