import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of booking sessions (src/domain/venue/sessions/tables.ts). */
export const sessionsMigration: Migration = {
  name: '0019_venue_booking_sessions',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const no = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
    const stamps = <N extends string, C extends string>(t: CreateTableBuilder<N, C>) =>
      t.addColumn('created_at', T.instant, required).addColumn('modified_at', T.instant, required);
    const priced = <N extends string, C extends string>(t: CreateTableBuilder<N, C>) =>
      t
        .addColumn('include_in_package', T.bool, no)
        .addColumn('booking_package_id', T.int)
        .addColumn('cost_center_id', T.int, (c) => c.references('venue_cost_centers.id').onDelete('set null'))
        .addColumn('cost', T.money, no)
        .addColumn('excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'));
    /** What every line of a session has: its account, venue, booking and session. */
    const sessionLine = <N extends string>(name: N) =>
      withId(db.schema.createTable(name), dialect)
        .addColumn('account_id', T.int, tenant)
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('booking_id', T.int, parent('bookings'))
        .addColumn('session_id', T.int, parent('booking_sessions'));

    await stamps(
      priced(
        withId(db.schema.createTable('booking_sessions'), dialect)
          .addColumn('account_id', T.int, tenant)
          .addColumn('venue_id', T.int, parent('venues'))
          .addColumn('booking_id', T.int, parent('bookings'))
          .addColumn('space_venue_id', T.int, parent('venues'))
          .addColumn('space_id', T.int, parent('function_spaces'))
          .addColumn('layout_id', T.int, (c) => c.references('function_space_layouts.id').onDelete('set null'))
          .addColumn('custom_layout_name', T.text)
          .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
          .addColumn('name', T.text, required)
          .addColumn('min_attendees_guaranteed', T.int, no)
          .addColumn('agreed_attendees', T.int)
          .addColumn('expected_attendees', T.int)
          .addColumn('guaranteed_attendees', T.int)
          .addColumn('set_attendees', T.int)
          .addColumn('actual_attendees', T.int)
          .addColumn('starts_at', T.instant, required)
          .addColumn('ends_at', T.instant, required)
          .addColumn('setup_minutes', T.int, no)
          .addColumn('setdown_minutes', T.int, no)
          .addColumn('tariff_id', T.int)
          .addColumn('room_hire_type', T.int)
          .addColumn('session_type_id', T.int)
          .addColumn('override_pax', T.bool, no)
          .addColumn('is_signage_visible', T.bool, no)
          .addColumn('signage', T.text, (c) => c.notNull().defaultTo('')),
      ),
    ).execute();
    await db.schema.createIndex('booking_sessions_booking').on('booking_sessions').columns(['account_id', 'booking_id', 'id']).execute();
    await db.schema.createIndex('booking_sessions_venue').on('booking_sessions').columns(['account_id', 'venue_id', 'id']).execute();

    await stamps(
      priced(
        sessionLine('booking_session_menus')
          .addColumn('menu_id', T.int, parent('venue_menus'))
          .addColumn('menu_venue_id', T.int, parent('venues'))
          .addColumn('name', T.text, required)
          .addColumn('min_attendees_guaranteed', T.int, no)
          .addColumn('same_as_session_attendees', T.bool, no)
          .addColumn('same_as_session_time', T.bool, no)
          .addColumn('start_time', T.time)
          .addColumn('end_time', T.time)
          .addColumn('cost_centers', T.json, (c) => c.notNull().defaultTo('[]'))
          .addColumn('items', T.json, (c) => c.notNull().defaultTo('[]'))
          .addColumn('sort_order', T.int, no),
      ),
    ).execute();
    await db.schema.createIndex('booking_session_menus_session').on('booking_session_menus').columns(['account_id', 'session_id', 'id']).execute();
    await db.schema.createIndex('booking_session_menus_booking').on('booking_session_menus').columns(['account_id', 'booking_id', 'id']).execute();

    await stamps(
      priced(
        sessionLine('booking_session_beverages')
          .addColumn('beverage_id', T.int, parent('venue_beverage_packages'))
          .addColumn('beverage_venue_id', T.int, parent('venues'))
          .addColumn('name', T.text, required)
          .addColumn('min_attendees_guaranteed', T.int, no)
          .addColumn('same_as_session_time', T.bool, no)
          .addColumn('start_time', T.time)
          .addColumn('end_time', T.time)
          .addColumn('cost_period', T.int)
          .addColumn('num_hours', T.decimal)
          .addColumn('excluded_from_commissions', T.bool, (c) => c.notNull().defaultTo(1))
          .addColumn('items', T.json, (c) => c.notNull().defaultTo('[]'))
          .addColumn('sort_order', T.int, no),
      ),
    ).execute();
    await db.schema.createIndex('booking_session_beverages_session').on('booking_session_beverages').columns(['account_id', 'session_id', 'id']).execute();

    await stamps(
      priced(
        sessionLine('booking_session_resources')
          .addColumn('resource_id', T.int, parent('resources'))
          .addColumn('resource_venue_id', T.int, parent('venues'))
          .addColumn('quantity', T.int, required)
          .addColumn('start_time', T.time, required)
          .addColumn('end_time', T.time, required)
          .addColumn('cost_type', T.int)
          .addColumn('has_commissions', T.bool, no),
      ),
    ).execute();
    await db.schema.createIndex('booking_session_resources_session').on('booking_session_resources').columns(['account_id', 'session_id', 'id']).execute();
  },
};
