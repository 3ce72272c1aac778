import type { ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../storage/ddl.js';
import { T, withId } from '../../../storage/ddl.js';

/** Events and everything hanging off them (src/domain/event/tables.ts). */
export const event: Migration = {
  name: '0005_event',
  async up(db, { dialect }) {
    const account = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const eventRef = (c: ColumnDefinitionBuilder) => c.notNull().references('events.id').onDelete('cascade');
    const flag = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

    await withId(db.schema.createTable('events'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('code', T.text, (c) => c.notNull().unique())
      .addColumn('event_type', T.int, (c) => c.notNull())
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('timezone', T.text, (c) => c.notNull())
      .addColumn('start_at', T.instant, (c) => c.notNull())
      .addColumn('end_at', T.instant, (c) => c.notNull())
      .addColumn('capacity', T.int, flag)
      .addColumn('budget_cents', T.money)
      .addColumn('cost_center_id', T.int)
      .addColumn('primary_contact_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('status', T.int, flag)
      .addColumn('is_invite_only', T.bool, flag)
      .addColumn('currency', T.text, (c) => c.notNull())
      .addColumn('domain_name', T.text)
      .addColumn('banner_image_url', T.text)
      .addColumn('homepage_content', T.text)
      .addColumn('venue_name', T.text)
      .addColumn('venue_description', T.text)
      .addColumn('venue_address', T.text)
      .addColumn('venue_image_url', T.text)
      .addColumn('app_title', T.text)
      .addColumn('twitter', T.text)
      .addColumn('app_banner', T.int, flag)
      .addColumn('map', T.text)
      .addColumn('include_speakers', T.bool, flag)
      .addColumn('display_speakers', T.bool, flag)
      .addColumn('include_sponsors', T.bool, flag)
      .addColumn('display_sponsors', T.bool, flag)
      .addColumn('include_booths', T.bool, flag)
      .addColumn('display_exhibitors', T.bool, flag)
      .addColumn('include_abstracts', T.bool, flag)
      .addColumn('display_abstracts', T.bool, flag)
      .addColumn('use_multiple_sessions', T.bool, flag)
      .addColumn('include_hotels', T.bool, flag)
      .addColumn('include_travel', T.bool, flag)
      .addColumn('include_membership', T.bool, flag)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_account').on('events').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('events_modified').on('events').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('events_start').on('events').columns(['account_id', 'start_at']).execute();

    await withId(db.schema.createTable('event_tags'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_tags_account').on('event_tags').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('event_tag_links')
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('tag_id', T.int, (c) => c.notNull().references('event_tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('event_tag_links_pk', ['event_id', 'tag_id'])
      .execute();

    await withId(db.schema.createTable('event_tickets'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('capacity', T.int, flag)
      .addColumn('amount_cents', T.money, flag)
      .addColumn('is_tax_free', T.bool, flag)
      .addColumn('is_exhibitor', T.bool, flag)
      .addColumn('sort_order', T.int, flag)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_tickets_event').on('event_tickets').columns(['event_id', 'sort_order', 'id']).execute();

    await db.schema
      .createTable('event_ticket_groups')
      .addColumn('account_id', T.int, account)
      .addColumn('ticket_id', T.int, (c) => c.notNull().references('event_tickets.id').onDelete('cascade'))
      .addColumn('group_id', T.int, (c) => c.notNull().references('subscription_groups.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('event_ticket_groups_pk', ['ticket_id', 'group_id'])
      .execute();

    await withId(db.schema.createTable('event_information'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('description', T.text, (c) => c.notNull())
      .addColumn('information', T.text, (c) => c.notNull())
      .addColumn('file_url', T.text)
      .addColumn('sort_order', T.int, flag)
      .execute();
    await db.schema
      .createIndex('event_information_event')
      .on('event_information')
      .columns(['event_id', 'sort_order', 'id'])
      .execute();

    await withId(db.schema.createTable('event_speakers'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('full_name', T.text, (c) => c.notNull())
      .addColumn('organisation', T.text)
      .addColumn('position', T.text)
      .addColumn('profile_description', T.text)
      .addColumn('profile_image_url', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_speakers_event').on('event_speakers').columns(['account_id', 'event_id', 'id']).execute();

    await withId(db.schema.createTable('event_sponsors'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('website_address', T.text)
      .addColumn('logo_image_url', T.text)
      .addColumn('level', T.int, flag)
      .addColumn('custom_level_id', T.int)
      .addColumn('amount_cents', T.money, flag)
      .addColumn('amount_paid_cents', T.money, flag)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_sponsors_event').on('event_sponsors').columns(['account_id', 'event_id', 'id']).execute();

    await withId(db.schema.createTable('event_sessions'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('start_at', T.instant, (c) => c.notNull())
      .addColumn('end_at', T.instant, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('room_id', T.int)
      .addColumn('is_optional', T.bool, flag)
      .addColumn('max_capacity', T.int, flag)
      .addColumn('cost_cents', T.money, flag)
      .addColumn('is_tax_free', T.bool, flag)
      .addColumn('auto_close_at', T.instant)
      .addColumn('setup_minutes', T.int, flag)
      .addColumn('breakdown_minutes', T.int, flag)
      .addColumn('show_in_agenda', T.bool, flag)
      .addColumn('show_time', T.bool, flag)
      .addColumn('only_for_certain_tickets', T.bool, flag)
      .addColumn('notes', T.text)
      .addColumn('setup_notes', T.text)
      .addColumn('allow_guests', T.bool, flag)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_sessions_event').on('event_sessions').columns(['account_id', 'event_id', 'id']).execute();

    await db.schema
      .createTable('event_session_speakers')
      .addColumn('account_id', T.int, account)
      .addColumn('session_id', T.int, (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
      .addColumn('speaker_id', T.int, (c) => c.notNull().references('event_speakers.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('event_session_speakers_pk', ['session_id', 'speaker_id'])
      .execute();

    await db.schema
      .createTable('event_session_tickets')
      .addColumn('account_id', T.int, account)
      .addColumn('session_id', T.int, (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
      .addColumn('ticket_id', T.int, (c) => c.notNull().references('event_tickets.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('event_session_tickets_pk', ['session_id', 'ticket_id'])
      .execute();

    await withId(db.schema.createTable('event_registrations'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('is_exhibitor', T.bool, flag)
      .addColumn('status', T.int, (c) => c.notNull())
      .addColumn('first_name', T.text, (c) => c.notNull())
      .addColumn('last_name', T.text, (c) => c.notNull())
      .addColumn('email', T.text)
      .addColumn('phone', T.text)
      .addColumn('privacy_consent_source', T.int)
      .addColumn('privacy_consent_at', T.instant)
      .addColumn('ticket_token', T.text, (c) => c.notNull())
      .addColumn('completed_at', T.instant)
      .addColumn('cancelled_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_registrations_account').on('event_registrations').columns(['account_id', 'id']).execute();
    await db.schema
      .createIndex('event_registrations_event')
      .on('event_registrations')
      .columns(['account_id', 'event_id', 'id'])
      .execute();
    await db.schema
      .createIndex('event_registrations_modified')
      .on('event_registrations')
      .columns(['account_id', 'modified_at'])
      .execute();
    await db.schema
      .createIndex('event_registrations_contact')
      .on('event_registrations')
      .columns(['account_id', 'contact_id'])
      .execute();

    await withId(db.schema.createTable('event_attendees'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('registration_id', T.int, (c) => c.notNull().references('event_registrations.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('ticket_id', T.int, (c) => c.references('event_tickets.id').onDelete('set null'))
      .addColumn('first_name', T.text, (c) => c.notNull())
      .addColumn('last_name', T.text, (c) => c.notNull())
      .addColumn('email', T.text)
      .addColumn('privacy_consent_source', T.int)
      .addColumn('privacy_consent_at', T.instant)
      .addColumn('is_public', T.bool, flag)
      .addColumn('barcode', T.text, (c) => c.notNull().unique())
      .addColumn('cost_cents', T.money, flag)
      .addColumn('custom_fields', T.json, (c) => c.notNull())
      .addColumn('has_attended', T.bool, flag)
      .addColumn('attended_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_attendees_event').on('event_attendees').columns(['account_id', 'event_id', 'id']).execute();
    await db.schema.createIndex('event_attendees_registration').on('event_attendees').columns(['registration_id', 'id']).execute();
    await db.schema.createIndex('event_attendees_contact').on('event_attendees').columns(['account_id', 'contact_id']).execute();

    await db.schema
      .createTable('event_attendee_sessions')
      .addColumn('account_id', T.int, account)
      .addColumn('attendee_id', T.int, (c) => c.notNull().references('event_attendees.id').onDelete('cascade'))
      .addColumn('session_id', T.int, (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
      .addColumn('is_reserved', T.bool, flag)
      .addColumn('has_attended', T.bool, flag)
      .addColumn('attended_at', T.instant)
      .addPrimaryKeyConstraint('event_attendee_sessions_pk', ['attendee_id', 'session_id'])
      .execute();

    await withId(db.schema.createTable('event_invitations'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('response', T.text, (c) => c.notNull())
      .addColumn('registration_id', T.int, (c) => c.references('event_registrations.id').onDelete('set null'))
      .addColumn('token', T.text, (c) => c.notNull())
      .addColumn('responded_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .addUniqueConstraint('event_invitations_event_contact', ['event_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('event_invitations_event')
      .on('event_invitations')
      .columns(['account_id', 'event_id', 'id'])
      .execute();
    await db.schema
      .createIndex('event_invitations_contact')
      .on('event_invitations')
      .columns(['account_id', 'contact_id'])
      .execute();

    await withId(db.schema.createTable('event_login_tokens'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('token_hash', T.text, (c) => c.notNull().unique())
      .addColumn('referrer', T.text)
      .addColumn('expires_at', T.instant, (c) => c.notNull())
      .addColumn('used_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('event_web_sessions'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('event_id', T.int, eventRef)
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('token_hash', T.text, (c) => c.notNull().unique())
      .addColumn('expires_at', T.instant, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
  },
};
