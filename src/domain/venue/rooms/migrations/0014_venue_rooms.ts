import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of the venue rooms area (src/domain/venue/rooms/tables.ts). */
export const roomsMigration: Migration = {
  name: '0014_venue_rooms',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');

    await withId(db.schema.createTable('venue_rooms'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('code', T.text)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('num_standard_adults', T.int, (c) => c.notNull())
      .addColumn('num_extra_adults', T.int, (c) => c.notNull())
      .addColumn('extra_adult_cost', T.money, (c) => c.notNull())
      .addColumn('can_smoke', T.bool, (c) => c.notNull())
      .addColumn('capacity', T.int, (c) => c.notNull())
      .addColumn('marketplace_name', T.text)
      .addColumn('is_active', T.bool, (c) => c.notNull())
      .addColumn('category_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_rooms_venue').on('venue_rooms').columns(['account_id', 'venue_id', 'id']).execute();
    // The upsert checks first (under a lock); the index holds the rule against any other writer.
    await db.schema
      .createIndex('venue_rooms_code')
      .on('venue_rooms')
      .expression(sql`account_id, venue_id, lower(code)`)
      .unique()
      .execute();

    await withId(db.schema.createTable('venue_room_options'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('price', T.money, (c) => c.notNull())
      .addColumn('price_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('cost', T.money, (c) => c.notNull())
      .addColumn('cost_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('cost_center_id', T.int, (c) => c.references('cost_centers.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_room_options_venue').on('venue_room_options').columns(['account_id', 'venue_id', 'id']).execute();

    await withId(db.schema.createTable('venue_rate_plans'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('code', T.text)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_rate_plans_venue').on('venue_rate_plans').columns(['account_id', 'venue_id', 'id']).execute();

    await withId(db.schema.createTable('venue_rate_plan_rates'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('rate_plan_id', T.int, parent('venue_rate_plans'))
      .addColumn('start_date', T.date, (c) => c.notNull())
      .addColumn('end_date', T.date, (c) => c.notNull())
      .addColumn('min_acceptable_rate', T.money, (c) => c.notNull())
      .addColumn('days_of_week', T.int, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('venue_rate_plan_rates_plan')
      .on('venue_rate_plan_rates')
      .columns(['account_id', 'rate_plan_id', 'start_date'])
      .execute();

    await withId(db.schema.createTable('venue_room_rates'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('rate_plan_rate_id', T.int, parent('venue_rate_plan_rates'))
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('cost', T.money, (c) => c.notNull())
      .addColumn('cost_double', T.money)
      .addColumn('cost_triple', T.money)
      .addColumn('cost_quad', T.money)
      .addColumn('cost_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('actual_cost', T.money, (c) => c.notNull())
      .addColumn('actual_cost_double', T.money)
      .addColumn('actual_cost_triple', T.money)
      .addColumn('actual_cost_quad', T.money)
      .addColumn('actual_cost_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('venue_room_rates_season')
      .on('venue_room_rates')
      .columns(['account_id', 'rate_plan_rate_id', 'room_id'])
      .unique()
      .execute();
    await db.schema.createIndex('venue_room_rates_room').on('venue_room_rates').columns(['account_id', 'room_id']).execute();

    // The per-night tables: one row per night at most (the writers upsert on these keys).
    await db.schema
      .createTable('venue_room_night_counts')
      .addColumn('account_id', T.int, tenant)
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('room_count', T.int, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('venue_room_night_counts_night')
      .on('venue_room_night_counts')
      .columns(['account_id', 'room_id', 'night'])
      .unique()
      .execute();

    await db.schema
      .createTable('venue_room_dynamic_rates')
      .addColumn('account_id', T.int, tenant)
      .addColumn('rate_plan_id', T.int, parent('venue_rate_plans'))
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('cost', T.money, (c) => c.notNull())
      .addColumn('cost_double', T.money)
      .addColumn('cost_triple', T.money)
      .addColumn('cost_quad', T.money)
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('venue_rate_plan_booking_rules')
      .addColumn('account_id', T.int, tenant)
      .addColumn('rate_plan_id', T.int, parent('venue_rate_plans'))
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('close_out_status', T.int, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    for (const table of ['venue_room_dynamic_rates', 'venue_rate_plan_booking_rules']) {
      await db.schema
        .createIndex(`${table}_night`)
        .on(table)
        .columns(['account_id', 'rate_plan_id', 'room_id', 'night'])
        .unique()
        .execute();
      // Reads by venue start from the rooms; deleting a room cascades through this index.
      await db.schema.createIndex(`${table}_room`).on(table).columns(['account_id', 'room_id', 'night']).execute();
    }

    await withId(db.schema.createTable('venue_room_allocations'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('room_id', T.int, parent('venue_rooms'))
      .addColumn('night', T.date, (c) => c.notNull())
      .addColumn('rooms', T.int, (c) => c.notNull())
      .addColumn('source', T.text, (c) => c.notNull())
      .addColumn('source_id', T.int, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_room_allocations_night').on('venue_room_allocations').columns(['account_id', 'room_id', 'night']).execute();
    await db.schema
      .createIndex('venue_room_allocations_source')
      .on('venue_room_allocations')
      .columns(['account_id', 'source', 'source_id'])
      .execute();
  },
};
