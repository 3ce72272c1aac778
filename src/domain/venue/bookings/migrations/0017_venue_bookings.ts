import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of the venue bookings area (src/domain/venue/bookings/tables.ts). */
export const bookingsMigration: Migration = {
  name: '0017_venue_bookings',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const optional = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`).onDelete('set null');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const no = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

    await withId(db.schema.createTable('bookings'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('lead_id', T.int, parent('crm_leads'))
      .addColumn('booking_type', T.int, required)
      .addColumn('current_status', T.int, required)
      .addColumn('code', T.text, required)
      .addColumn('name', T.text, required)
      .addColumn('event_type_id', T.int, optional('venue_event_types'))
      .addColumn('event_sub_type_id', T.int, optional('venue_event_sub_types'))
      .addColumn('company_id', T.int, optional('companies'))
      .addColumn('contact_id', T.int, optional('contacts'))
      .addColumn('industry_id', T.int, optional('industries'))
      .addColumn('purchase_order_number', T.text)
      .addColumn('booked_by_id', T.int, optional('users'))
      .addColumn('can_be_moved', T.bool, no)
      .addColumn('date_event_start', T.date)
      .addColumn('date_event_end', T.date)
      .addColumn('total_attendees', T.int, no)
      .addColumn('is_accomm_included', T.bool, no)
      .addColumn('date_accom_start', T.date)
      .addColumn('date_accom_end', T.date)
      .addColumn('accomm_cut_off_date', T.date)
      .addColumn('accomm_cancellation_date', T.date)
      .addColumn('accomm_charging_method', T.int)
      .addColumn('accomm_guarantee_required', T.bool, no)
      .addColumn('accomm_external_block_id', T.text)
      .addColumn('accomm_reservation_method', T.int)
      .addColumn('accomm_reservation_cancellation_date', T.date)
      .addColumn('accomm_arrival_method', T.int)
      .addColumn('is_confidential', T.bool, no)
      .addColumn('ota_folio_ref', T.text)
      .addColumn('role_user_ids', T.json, (c) => c.notNull().defaultTo('[null,null,null,null,null]'))
      .addColumn('discount_code', T.text)
      .addColumn('external_urls', T.json)
      .addColumn('converted_to_tentative_at', T.instant)
      .addColumn('converted_to_confirmed_at', T.instant)
      .addColumn('converted_to_cancelled_at', T.instant)
      .addColumn('cancelled_on', T.date)
      .addColumn('cancel_reason_id', T.int, optional('crm_lead_stage_reasons'))
      .addColumn('cancel_lost_to_competition', T.text)
      .addColumn('created_at', T.instant, required)
      .addColumn('modified_at', T.instant, required)
      .addColumn('last_modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('bookings_venue').on('bookings').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema.createIndex('bookings_lead').on('bookings').columns(['account_id', 'lead_id']).execute();
    await db.schema.createIndex('bookings_modified').on('bookings').columns(['account_id', 'modified_at']).execute();
    // A code names one booking of a venue: the check of the writes, kept under concurrency.
    await db.schema
      .createIndex('bookings_code')
      .on('bookings')
      .expression(sql`account_id, venue_id, lower(code)`)
      .unique()
      .execute();

    await withId(db.schema.createTable('booking_changelog'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int, parent('venues'))
      .addColumn('booking_id', T.int, parent('bookings'))
      .addColumn('beo_id', T.int)
      .addColumn('session_id', T.int)
      .addColumn('recorded_by_user_id', T.int, optional('users'))
      .addColumn('ref_type', T.int, required)
      .addColumn('ref_id', T.int, required)
      .addColumn('note_text', T.text, required)
      .addColumn('created_at', T.instant, required)
      .addColumn('modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('booking_changelog_booking').on('booking_changelog').columns(['account_id', 'booking_id', 'id']).execute();

    await db.schema
      .createTable('venue_opportunity_details')
      .addColumn('account_id', T.int, tenant)
      .addColumn('lead_id', T.int, (c) => c.primaryKey().references('crm_leads.id').onDelete('cascade'))
      .addColumn('utm_source', T.text)
      .addColumn('utm_medium', T.text)
      .addColumn('utm_campaign', T.text)
      .addColumn('utm_term', T.text)
      .addColumn('utm_content', T.text)
      .addColumn('referral_contact_id', T.int, optional('contacts'))
      .addColumn('referral_company_id', T.int, optional('companies'))
      .addColumn('confirmed_quote_id', T.int, optional('bookings'))
      .addColumn('confirmed_quote_status', T.int)
      .addColumn('cancelled_quote_id', T.int, optional('bookings'))
      .addColumn('marketplace_stage_reason_type', T.int)
      .addColumn('modified_at', T.instant, required)
      .execute();
    await db.schema.createIndex('venue_opportunity_details_account').on('venue_opportunity_details').columns(['account_id', 'lead_id']).execute();
  },
};
