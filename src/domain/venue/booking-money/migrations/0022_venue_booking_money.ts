import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of booking items and packages (src/domain/venue/booking-money/tables.ts). */
export const bookingMoneyMigration: Migration = {
  name: '0022_venue_booking_money',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const no = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
    const ids = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('[]');
    const stamps = <N extends string, C extends string>(t: CreateTableBuilder<N, C>) =>
      t.addColumn('created_at', T.instant, required).addColumn('modified_at', T.instant, required);
    const bookingLine = <N extends string>(name: N) =>
      withId(db.schema.createTable(name), dialect)
        .addColumn('account_id', T.int, tenant)
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('booking_id', T.int, parent('bookings'));

    await stamps(
      bookingLine('booking_items')
        .addColumn('description', T.text, required)
        .addColumn('quantity', T.decimal, required)
        .addColumn('sale_price', T.money, no)
        .addColumn('sale_price_has_tax', T.bool, no)
        .addColumn('sale_price_tax_id', T.int, (c) => c.references('venue_taxes.id').onDelete('set null'))
        .addColumn('excluded_tax_ids', T.json, ids)
        .addColumn('cost', T.money, no)
        .addColumn('cost_has_tax', T.bool, no)
        .addColumn('cost_excluded_tax_ids', T.json, ids)
        .addColumn('cost_center_id', T.int, (c) => c.references('venue_cost_centers.id').onDelete('set null'))
        .addColumn('cost_center_type', T.int)
        .addColumn('starts_at', T.instant)
        .addColumn('ends_at', T.instant)
        .addColumn('excluded_from_commissions', T.bool, no),
    ).execute();
    await db.schema.createIndex('booking_items_booking').on('booking_items').columns(['account_id', 'booking_id', 'id']).execute();

    await stamps(
      bookingLine('booking_packages')
        .addColumn('package_id', T.int, parent('venue_packages'))
        .addColumn('booking_date', T.date, required)
        .addColumn('price', T.money, no)
        .addColumn('price_method', T.int, required)
        .addColumn('cost_centers', T.json, ids)
        .addColumn('number_attendees', T.int, no)
        .addColumn('agreed_attendees', T.int)
        .addColumn('expected_attendees', T.int)
        .addColumn('guaranteed_attendees', T.int)
        .addColumn('set_attendees', T.int)
        .addColumn('actual_attendees', T.int)
        .addColumn('is_accomm_included', T.bool, no)
        .addColumn('small_description', T.text)
        .addColumn('main_space_venue_id', T.int, (c) => c.references('venues.id').onDelete('set null'))
        .addColumn('main_space_id', T.int, (c) => c.references('function_spaces.id').onDelete('set null'))
        .addColumn('space_layout_id', T.int, (c) => c.references('function_space_layouts.id').onDelete('set null')),
    ).execute();
    await db.schema.createIndex('booking_packages_booking').on('booking_packages').columns(['account_id', 'booking_id', 'id']).execute();
  },
};
