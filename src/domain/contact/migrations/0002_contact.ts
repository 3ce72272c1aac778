import { sql } from 'kysely';
import type { Migration } from '../../../storage/ddl.js';
import { T, withId } from '../../../storage/ddl.js';

/** Contacts, companies and everything hanging off them (src/domain/contact/tables.ts). */
export const contact: Migration = {
  name: '0002_contact',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('industries'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('industries_account').on('industries').columns(['account_id', 'id']).execute();

    await withId(db.schema.createTable('contacts'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('first_name', T.text, (c) => c.notNull())
      .addColumn('last_name', T.text, (c) => c.notNull())
      .addColumn('email', T.text, (c) => c.notNull())
      .addColumn('phone', T.text)
      .addColumn('email_status', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('sms_status', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('external_id', T.text)
      .addColumn('external_urls', T.json)
      .addColumn('privacy_consent_source', T.int)
      .addColumn('privacy_consent_at', T.instant)
      .addColumn('is_anonymised', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contacts_account').on('contacts').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('contacts_modified').on('contacts').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('contacts_external').on('contacts').columns(['account_id', 'external_id']).execute();
    // iVvy's identity triple, matched case-insensitively by addOrUpdateContact(updateIfExists).
    await db.schema
      .createIndex('contacts_identity')
      .on('contacts')
      .expression(sql`account_id, lower(email), lower(first_name), lower(last_name)`)
      .execute();

    await withId(db.schema.createTable('companies'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('external_id', T.text)
      .addColumn('business_name', T.text, (c) => c.notNull())
      .addColumn('trading_name', T.text)
      .addColumn('business_number', T.text)
      .addColumn('phone', T.text)
      .addColumn('other_phone', T.text)
      .addColumn('fax', T.text)
      .addColumn('website', T.text)
      .addColumn('email', T.text)
      .addColumn('address_line1', T.text)
      .addColumn('address_line2', T.text)
      .addColumn('address_line3', T.text)
      .addColumn('address_line4', T.text)
      .addColumn('address_city', T.text)
      .addColumn('address_state_code', T.text)
      .addColumn('address_state_name', T.text)
      .addColumn('address_country_code', T.text)
      .addColumn('address_postal_code', T.text)
      .addColumn('primary_contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('primary_account_manager_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('secondary_account_manager_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('industry_id', T.int, (c) => c.references('industries.id').onDelete('set null'))
      .addColumn('is_agent', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('parent_company_id', T.int, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('tree_root_id', T.int)
      .addColumn('tree_left', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('tree_right', T.int, (c) => c.notNull().defaultTo(2))
      .addColumn('tree_depth', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('commission_space', T.decimal)
      .addColumn('commission_space_type', T.int)
      .addColumn('commission_food', T.decimal)
      .addColumn('commission_food_type', T.int)
      .addColumn('commission_beverage', T.decimal)
      .addColumn('commission_beverage_type', T.int)
      .addColumn('commission_audio_visual', T.decimal)
      .addColumn('commission_audio_visual_type', T.int)
      .addColumn('commission_accommodation', T.decimal)
      .addColumn('commission_accommodation_type', T.int)
      .addColumn('iata_number', T.text)
      .addColumn('external_urls', T.json)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('companies_account').on('companies').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('companies_modified').on('companies').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('companies_external').on('companies').columns(['account_id', 'external_id']).execute();
    await db.schema
      .createIndex('companies_business_name')
      .on('companies')
      .expression(sql`account_id, lower(business_name)`)
      .execute();

    await db.schema
      .createTable('company_contacts')
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('company_id', T.int, (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('company_contacts_pk', ['contact_id', 'company_id'])
      .execute();
    await db.schema.createIndex('company_contacts_company').on('company_contacts').columns(['company_id', 'contact_id']).execute();

    await withId(db.schema.createTable('subscription_groups'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('tag_colour', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('subscription_groups_account').on('subscription_groups').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('subscription_group_members')
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('group_id', T.int, (c) => c.notNull().references('subscription_groups.id').onDelete('cascade'))
      .addColumn('joined_at', T.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('subscription_group_members_pk', ['contact_id', 'group_id'])
      .execute();
    await db.schema
      .createIndex('subscription_group_members_group')
      .on('subscription_group_members')
      .columns(['group_id', 'contact_id'])
      .execute();

    await withId(db.schema.createTable('custom_field_definitions'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('entity', T.text, (c) => c.notNull())
      .addColumn('field_type', T.int, (c) => c.notNull())
      .addColumn('display_name', T.text, (c) => c.notNull())
      .addColumn('is_required', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('is_active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('select_values', T.json)
      .addColumn('file_types', T.json)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('custom_field_definitions_entity')
      .on('custom_field_definitions')
      .columns(['account_id', 'entity', 'sort_order'])
      .execute();

    await db.schema
      .createTable('contact_custom_values')
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('field_id', T.int, (c) => c.notNull().references('custom_field_definitions.id').onDelete('cascade'))
      .addColumn('value', T.json, (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_custom_values_pk', ['contact_id', 'field_id'])
      .execute();

    await db.schema
      .createTable('company_custom_values')
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('company_id', T.int, (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('field_id', T.int, (c) => c.notNull().references('custom_field_definitions.id').onDelete('cascade'))
      .addColumn('value', T.json, (c) => c.notNull())
      .addPrimaryKeyConstraint('company_custom_values_pk', ['company_id', 'field_id'])
      .execute();

    await withId(db.schema.createTable('contact_notes'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('note_text', T.text, (c) => c.notNull())
      .addColumn('created_by_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contact_notes_contact').on('contact_notes').columns(['account_id', 'contact_id', 'id']).execute();

    await withId(db.schema.createTable('company_notes'), dialect)
      .addColumn('account_id', T.int, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('company_id', T.int, (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('note_text', T.text, (c) => c.notNull())
      .addColumn('created_by_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('company_notes_company').on('company_notes').columns(['account_id', 'company_id', 'id']).execute();
  },
};
