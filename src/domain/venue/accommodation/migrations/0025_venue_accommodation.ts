import type { ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** Accommodation blocks (groups) on bookings and room reservations against them (accommodation/tables.ts). */
export const accommodationMigration: Migration = {
  name: '0025_venue_accommodation',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');

    await withId(db.schema.createTable('booking_accommodations'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('room_venue_id', T.int, parent('venues'))
      .addColumn('rate_plan_id', T.int, (c) => c.references('venue_rate_plans.id').onDelete('set null'))
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('start_date', T.date, (c) => c.notNull())
      .addColumn('end_date', T.date, (c) => c.notNull())
      .addColumn('override_capacity', T.bool, (c) => c.notNull())
      .addColumn('cut_off_date', T.date)
      .addColumn('cost_center_id', T.int, (c) => c.references('venue_cost_centers.id').onDelete('set null'))
      .addColumn('include_in_package', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('booking_accommodations_booking').on('booking_accommodations').columns(['account_id', 'booking_id', 'id']).execute();

    await db.schema
      .createTable('booking_accommodation_days')
      .addColumn('account_id', T.int, tenant)
      .addColumn('accommodation_id', T.int, parent('booking_accommodations'))
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('occ_type', T.int, (c) => c.notNull())
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('num_rooms', T.int, (c) => c.notNull())
      .addColumn('cost', T.money, (c) => c.notNull())
      .addColumn('discount', T.money, (c) => c.notNull())
      .addColumn('num_payable_by_guest', T.int, (c) => c.notNull())
      .addColumn('num_free_rooms', T.int, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('booking_accommodation_days_night')
      .on('booking_accommodation_days')
      .columns(['account_id', 'accommodation_id', 'kind', 'occ_type', 'night'])
      .unique()
      .execute();

    await db.schema
      .createTable('booking_accommodation_options')
      .addColumn('account_id', T.int, tenant)
      .addColumn('accommodation_id', T.int, parent('booking_accommodations'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('room_option_id', T.int, parent('venue_room_options'))
      .addColumn('num_rooms', T.int, (c) => c.notNull())
      .addColumn('price_type', T.int, (c) => c.notNull())
      .addColumn('num_options', T.int, (c) => c.notNull())
      .addColumn('price', T.money, (c) => c.notNull())
      .addColumn('excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('cost_center_id', T.int, (c) => c.references('venue_cost_centers.id').onDelete('set null'))
      .addColumn('num_payable_by_guest', T.int, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('booking_accommodation_options_night')
      .on('booking_accommodation_options')
      .columns(['account_id', 'accommodation_id', 'room_option_id', 'night'])
      .unique()
      .execute();

    await withId(db.schema.createTable('venue_guests'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('contact_id', T.int, parent('contacts'))
      .addColumn('primary_phone', T.text)
      .addColumn('address', T.json)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_guests_contact').on('venue_guests').columns(['account_id', 'venue_id', 'contact_id']).execute();

    await withId(db.schema.createTable('booking_room_reservations'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('reference', T.int, (c) => c.notNull())
      .addColumn('main_guest_id', T.int, parent('venue_guests'))
      .addColumn('current_status', T.int, (c) => c.notNull())
      .addColumn('can_be_edited', T.bool, (c) => c.notNull())
      .addColumn('cancelled_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('booking_room_reservations_booking').on('booking_room_reservations').columns(['account_id', 'booking_id', 'id']).execute();
    // References are numbered under a lock; the index holds the rule against any other writer.
    await db.schema
      .createIndex('booking_room_reservations_reference')
      .on('booking_room_reservations')
      .columns(['account_id', 'venue_id', 'reference'])
      .unique()
      .execute();

    await withId(db.schema.createTable('booking_reserved_rooms'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('reservation_id', T.int, parent('booking_room_reservations'))
      .addColumn('accommodation_id', T.int, parent('booking_accommodations'))
      .addColumn('guest_id', T.int, parent('venue_guests'))
      .addColumn('current_status', T.int, (c) => c.notNull())
      .addColumn('arrival_date', T.date, (c) => c.notNull())
      .addColumn('departure_date', T.date, (c) => c.notNull())
      .addColumn('excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('num_adult_guests', T.int, (c) => c.notNull())
      .addColumn('num_child_guests', T.int, (c) => c.notNull())
      .addColumn('override_block_capacity', T.bool, (c) => c.notNull())
      .addColumn('external_reference', T.text)
      .addColumn('occ_type', T.int)
      .addColumn('cancelled_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('booking_reserved_rooms_reservation').on('booking_reserved_rooms').columns(['account_id', 'reservation_id', 'id']).execute();
    // Capacity checks count a group's rooms night by night.
    await db.schema.createIndex('booking_reserved_rooms_group').on('booking_reserved_rooms').columns(['account_id', 'accommodation_id']).execute();

    await db.schema
      .createTable('booking_reserved_room_days')
      .addColumn('account_id', T.int, tenant)
      .addColumn('reserved_room_id', T.int, parent('booking_reserved_rooms'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('cost', T.money, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('booking_reserved_room_days_night')
      .on('booking_reserved_room_days')
      .columns(['account_id', 'reserved_room_id', 'night'])
      .unique()
      .execute();

    await db.schema
      .createTable('booking_reserved_room_guests')
      .addColumn('account_id', T.int, tenant)
      .addColumn('reserved_room_id', T.int, parent('booking_reserved_rooms'))
      .addColumn('guest_id', T.int, parent('venue_guests'))
      .addColumn('arrival_date', T.date, (c) => c.notNull())
      .addColumn('departure_date', T.date, (c) => c.notNull())
      .addColumn('guest_type', T.int, (c) => c.notNull())
      .addColumn('position', T.int, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('booking_reserved_room_guests_room')
      .on('booking_reserved_room_guests')
      .columns(['account_id', 'reserved_room_id', 'position'])
      .execute();
    await db.schema.createIndex('booking_reserved_room_guests_guest').on('booking_reserved_room_guests').columns(['account_id', 'guest_id']).execute();
  },
};
