import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of the venue spaces area (src/domain/venue/spaces/tables.ts). */
export const spacesMigration: Migration = {
  name: '0013_venue_spaces',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const venue = (c: ColumnDefinitionBuilder) => c.notNull().references('venues.id').onDelete('cascade');
    const space = (c: ColumnDefinitionBuilder) => c.notNull().references('function_spaces.id').onDelete('cascade');

    await withId(db.schema.createTable('function_space_categories'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('function_space_categories_venue').on('function_space_categories').columns(['account_id', 'venue_id', 'id']).execute();
    // One name per venue: the duplicate check of the writes, kept under concurrency.
    await db.schema
      .createIndex('function_space_categories_name')
      .on('function_space_categories')
      .expression(sql`account_id, venue_id, lower(name)`)
      .unique()
      .execute();

    await withId(db.schema.createTable('function_spaces'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('category_id', T.int, (c) => c.references('function_space_categories.id').onDelete('set null'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('image_id', T.int)
      .addColumn('has_layouts', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('min_pax', T.int, (c) => c.notNull())
      .addColumn('max_pax', T.int, (c) => c.notNull())
      .addColumn('max_num_bookings', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('area', T.decimal)
      .addColumn('length', T.decimal)
      .addColumn('width', T.decimal)
      .addColumn('height_maximum', T.decimal)
      .addColumn('height_minimum', T.decimal)
      .addColumn('floor_pressure_maximum', T.decimal)
      .addColumn('floor_pressure_minimum', T.decimal)
      .addColumn('included_in_report_dashboard', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('three_d_scan_id', T.text, (c) => c.notNull().defaultTo(''))
      .addColumn('use_integration_partner', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('is_viewable', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('marketplace_name', T.text)
      .addColumn('marketplace_event_types', T.json)
      .addColumn('can_be_live_booked', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('can_provide_food_beverage', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('menu_type_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('beverage_category_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('available_from_time', T.time)
      .addColumn('available_till_time', T.time)
      .addColumn('minimum_booking_time', T.int)
      .addColumn('restrict_booking_time_interval', T.int)
      .addColumn('available_days_of_week', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('display_availability_to', T.int)
      .addColumn('restrict_visibility', T.int)
      .addColumn('user_group_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('is_viewable_to_anonymous_users', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('marketplace_sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('function_spaces_venue').on('function_spaces').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema
      .createIndex('function_spaces_name')
      .on('function_spaces')
      .expression(sql`account_id, venue_id, lower(name)`)
      .unique()
      .execute();

    await db.schema
      .createTable('function_space_event_types')
      .addColumn('account_id', T.int, tenant)
      .addColumn('space_id', T.int, space)
      .addColumn('event_type_id', T.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('function_space_event_types_pk', ['space_id', 'event_type_id'])
      .execute();
    await db.schema.createIndex('function_space_event_types_type').on('function_space_event_types').columns(['account_id', 'event_type_id']).execute();

    await withId(db.schema.createTable('function_space_layouts'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('space_id', T.int, space)
      .addColumn('type', T.int, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('pax_minimum', T.int)
      .addColumn('pax_maximum', T.int)
      .addColumn('setup_minutes', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('takedown_minutes', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('function_space_layouts_space').on('function_space_layouts').columns(['account_id', 'space_id', 'id']).execute();

    await db.schema
      .createTable('function_space_parts')
      .addColumn('account_id', T.int, tenant)
      .addColumn('space_id', T.int, space)
      .addColumn('part_id', T.int, space)
      .addPrimaryKeyConstraint('function_space_parts_pk', ['space_id', 'part_id'])
      .execute();
    // Which combinations a part belongs to: the other half of every overlap question.
    await db.schema.createIndex('function_space_parts_part').on('function_space_parts').columns(['account_id', 'part_id']).execute();

    await withId(db.schema.createTable('space_blockouts'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('space_id', T.int, space)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('starts_at', T.instant, (c) => c.notNull())
      .addColumn('ends_at', T.instant, (c) => c.notNull())
      .addColumn('booked_by_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('space_blockouts_venue').on('space_blockouts').columns(['account_id', 'venue_id', 'id']).execute();

    await withId(db.schema.createTable('space_occupancies'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('space_id', T.int, space)
      .addColumn('source_kind', T.text, (c) => c.notNull())
      .addColumn('source_id', T.int, (c) => c.notNull())
      .addColumn('booking_id', T.int)
      .addColumn('layout_id', T.int)
      .addColumn('pax', T.int)
      .addColumn('starts_at', T.instant, (c) => c.notNull())
      .addColumn('ends_at', T.instant, (c) => c.notNull())
      .addColumn('held_from', T.instant, (c) => c.notNull())
      .addColumn('held_until', T.instant, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    // One row per holder: occupying again replaces it.
    await db.schema.createIndex('space_occupancies_source').on('space_occupancies').columns(['account_id', 'source_kind', 'source_id']).unique().execute();
    await db.schema.createIndex('space_occupancies_window').on('space_occupancies').columns(['account_id', 'venue_id', 'held_from']).execute();
    await db.schema.createIndex('space_occupancies_booking').on('space_occupancies').columns(['account_id', 'booking_id']).execute();

    await withId(db.schema.createTable('resource_categories'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resource_categories_venue').on('resource_categories').columns(['account_id', 'venue_id', 'id']).execute();

    await withId(db.schema.createTable('resources'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('category_id', T.int, (c) => c.references('resource_categories.id').onDelete('set null'))
      .addColumn('parent_id', T.int, (c) => c.references('resources.id').onDelete('cascade'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('code', T.text, (c) => c.notNull().defaultTo(''))
      .addColumn('short_description', T.text, (c) => c.notNull().defaultTo(''))
      .addColumn('long_description', T.text)
      .addColumn('quantity', T.int)
      .addColumn('can_book_by_hour', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('hourly_cost', T.money, (c) => c.notNull().defaultTo(0))
      .addColumn('hourly_cost_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('daily_cost', T.money, (c) => c.notNull().defaultTo(0))
      .addColumn('daily_cost_excluded_tax_ids', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('is_restricted_to_spaces', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('cost_center_id', T.int)
      .addColumn('is_viewable', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resources_venue').on('resources').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema.createIndex('resources_parent').on('resources').columns(['account_id', 'parent_id']).execute();

    await db.schema
      .createTable('resource_spaces')
      .addColumn('account_id', T.int, tenant)
      .addColumn('resource_id', T.int, (c) => c.notNull().references('resources.id').onDelete('cascade'))
      .addColumn('space_id', T.int, space)
      .addPrimaryKeyConstraint('resource_spaces_pk', ['resource_id', 'space_id'])
      .execute();
    await db.schema.createIndex('resource_spaces_space').on('resource_spaces').columns(['account_id', 'space_id']).execute();

    await withId(db.schema.createTable('resource_occupancies'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, venue)
      .addColumn('resource_id', T.int, (c) => c.notNull().references('resources.id').onDelete('cascade'))
      .addColumn('source_kind', T.text, (c) => c.notNull())
      .addColumn('source_id', T.int, (c) => c.notNull())
      .addColumn('booking_id', T.int)
      .addColumn('session_id', T.int)
      .addColumn('space_id', T.int)
      .addColumn('quantity', T.int, (c) => c.notNull())
      .addColumn('starts_at', T.instant, (c) => c.notNull())
      .addColumn('ends_at', T.instant, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resource_occupancies_source').on('resource_occupancies').columns(['account_id', 'source_kind', 'source_id']).unique().execute();
    await db.schema.createIndex('resource_occupancies_window').on('resource_occupancies').columns(['account_id', 'resource_id', 'starts_at']).execute();
    await db.schema.createIndex('resource_occupancies_booking').on('resource_occupancies').columns(['account_id', 'booking_id']).execute();
  },
};
