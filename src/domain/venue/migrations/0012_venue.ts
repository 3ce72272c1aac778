import type { Migration } from '../../../storage/ddl.js';
import { T, withId } from '../../../storage/ddl.js';

/** Venue groups, venues and their contact and company links (src/domain/venue/tables.ts). */
export const venue: Migration = {
  name: '0012_venue',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('venue_groups'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_groups_account').on('venue_groups').columns(['account_id', 'id']).execute();

    await withId(db.schema.createTable('venues'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('group_id', T.int, (c) => c.references('venue_groups.id').onDelete('set null'))
      .addColumn('hash_id', T.text, (c) => c.notNull().unique())
      .addColumn('business_name', T.text, (c) => c.notNull())
      .addColumn('business_number', T.text)
      .addColumn('venue_identifier', T.text)
      .addColumn('phone', T.text)
      .addColumn('fax', T.text)
      .addColumn('website', T.text)
      .addColumn('email', T.text)
      .addColumn('description', T.text)
      .addColumn('checkin_time', T.time)
      .addColumn('checkout_time', T.time)
      .addColumn('child_age', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('infant_age', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('currency_code', T.text, (c) => c.notNull())
      .addColumn('locale_code', T.text, (c) => c.notNull())
      .addColumn('timezone', T.text, (c) => c.notNull())
      .addColumn('has_spaces', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('has_accommodation', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('longitude', T.decimal)
      .addColumn('latitude', T.decimal)
      .addColumn('address_line1', T.text)
      .addColumn('address_line2', T.text)
      .addColumn('address_line3', T.text)
      .addColumn('address_line4', T.text)
      .addColumn('address_city', T.text)
      .addColumn('address_state_code', T.text)
      .addColumn('address_state_name', T.text)
      .addColumn('address_country_code', T.text)
      .addColumn('address_postal_code', T.text)
      .addColumn('is_tax_exclusive', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('has_distribution_channel', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('in_marketplace', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('allows_live_book', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('airport_name', T.text)
      .addColumn('airport_distance', T.text)
      .addColumn('star_rating', T.decimal)
      .addColumn('rating_authority', T.int)
      .addColumn('facilities', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('video_urls', T.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('enable_multi_occupancy', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venues_account').on('venues').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('venues_marketplace').on('venues').columns(['in_marketplace', 'id']).execute();

    for (const [table, column, parent] of [
      ['venue_contacts', 'contact_id', 'contacts'],
      ['venue_companies', 'company_id', 'companies'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('venue_id', T.int, (c) => c.notNull().references('venues.id').onDelete('cascade'))
        .addColumn(column, T.int, (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
        .addColumn('created_at', T.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['venue_id', column])
        .execute();
      // The contact and company list filters start from the venue (or its group's venues).
      await db.schema.createIndex(`${table}_member`).on(table).columns(['account_id', column]).execute();
    }
  },
};
