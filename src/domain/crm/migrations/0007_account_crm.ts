import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Migration } from '../../../storage/ddl.js';
import { T, withId } from '../../../storage/ddl.js';

/**
 * The account namespace's own tables (cost centers, error reports, the user fields of
 * get-user-list.md) and the CRM: leads and opportunities, their reference lists, notes, tasks
 * and activities (src/domain/account/tables.ts, src/domain/crm/tables.ts).
 */
export const accountCrm: Migration = {
  name: '0007_account_crm',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');

    // get-user-list.md documents more about a user than the foundation keeps.
    for (const [name, type] of [
      ['salutation', T.text],
      ['middle_name', T.text],
      ['phone', T.text],
      ['phone_mobile', T.text],
      ['group_id', T.int],
      ['last_login_at', T.instant],
    ] as const) {
      await db.schema.alterTable('users').addColumn(name, type).execute();
    }
    await db.schema
      .alterTable('users')
      .addColumn('user_type', T.int, (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable('cost_centers'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('code', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('default_type', T.int)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cost_centers_account').on('cost_centers').columns(['account_id', 'id']).execute();
    await db.schema
      .createIndex('cost_centers_code')
      .on('cost_centers')
      .expression(sql`account_id, lower(code)`)
      .unique()
      .execute();

    await withId(db.schema.createTable('error_reports'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('fingerprint', T.text, (c) => c.notNull())
      .addColumn('code', T.text)
      .addColumn('message', T.text, (c) => c.notNull())
      .addColumn('level', T.int)
      .addColumn('ref_type', T.int, (c) => c.notNull())
      .addColumn('ref_id1', T.int)
      .addColumn('ref_id2', T.int)
      .addColumn('ref_id3', T.int)
      .addColumn('ref_id4', T.int)
      .addColumn('ref_id5', T.int)
      .addColumn('debug_data', T.text)
      .addColumn('occurrences', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('reported_by_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('last_reported_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('error_reports_fingerprint')
      .on('error_reports')
      .columns(['account_id', 'fingerprint'])
      .unique()
      .execute();

    // --- CRM reference lists -------------------------------------------------------------
    type Builder = CreateTableBuilder<string, string>;
    const named = async (table: string, nameColumn: string, extra: (t: Builder) => Builder) => {
      await extra(
        withId(db.schema.createTable(table), dialect)
          .addColumn('account_id', T.int, tenant)
          .addColumn(nameColumn, T.text, (c) => c.notNull()),
      )
        .addColumn('created_at', T.instant, (c) => c.notNull())
        .addColumn('modified_at', T.instant, (c) => c.notNull())
        .execute();
      // Names are unique per list, ignoring case: a list with two "Won" stages helps nobody.
      await db.schema
        .createIndex(`${table}_name`)
        .on(table)
        .expression(sql`account_id, lower(${sql.ref(nameColumn)})`)
        .unique()
        .execute();
    };

    await named('crm_lead_stages', 'name', (t) =>
      t
        .addColumn('colour', T.text)
        .addColumn('apply_to', T.int, (c) => c.notNull())
        .addColumn('is_system', T.bool, (c) => c.notNull().defaultTo(0)),
    );
    await withId(db.schema.createTable('crm_lead_stage_reasons'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('stage_id', T.int, (c) => c.notNull().references('crm_lead_stages.id').onDelete('cascade'))
      .addColumn('reason', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('crm_lead_stage_reasons_stage')
      .on('crm_lead_stage_reasons')
      .columns(['stage_id', 'id'])
      .execute();

    await named('crm_lead_types', 'type', (t) => t);
    await withId(db.schema.createTable('crm_lead_subtypes'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('type_id', T.int, (c) => c.notNull().references('crm_lead_types.id').onDelete('cascade'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_lead_subtypes_type').on('crm_lead_subtypes').columns(['type_id', 'id']).execute();

    await named('crm_lead_qualities', 'label', (t) => t.addColumn('show_on_dash', T.bool, (c) => c.notNull().defaultTo(0)));
    await named('crm_lead_sources', 'name', (t) =>
      t
        .addColumn('description', T.text)
        .addColumn('cost', T.money, (c) => c.notNull().defaultTo(0))
        .addColumn('colour', T.text)
        .addColumn('is_referral', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('default_type', T.int),
    );
    await named('crm_lead_channels', 'name', (t) => t.addColumn('is_system', T.bool, (c) => c.notNull().defaultTo(0)));
    await named('crm_activity_purposes', 'name', (t) => t.addColumn('type', T.int, (c) => c.notNull()));

    // --- Leads and opportunities (one table: an opportunity is a lead with a venue) ---------
    await withId(db.schema.createTable('crm_leads'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('owner_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', T.int, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('industry_id', T.int, (c) => c.references('industries.id').onDelete('set null'))
      .addColumn('current_booking_id', T.int)
      .addColumn('quality_id', T.int, (c) => c.references('crm_lead_qualities.id').onDelete('set null'))
      .addColumn('stage_id', T.int, (c) => c.references('crm_lead_stages.id').onDelete('set null'))
      .addColumn('stage_reason_id', T.int, (c) => c.references('crm_lead_stage_reasons.id').onDelete('set null'))
      .addColumn('admin_status_changed_at', T.instant)
      .addColumn('type_id', T.int, (c) => c.references('crm_lead_types.id').onDelete('set null'))
      .addColumn('subtype_id', T.int, (c) => c.references('crm_lead_subtypes.id').onDelete('set null'))
      .addColumn('source_id', T.int, (c) => c.references('crm_lead_sources.id').onDelete('set null'))
      .addColumn('channel_id', T.int, (c) => c.references('crm_lead_channels.id').onDelete('set null'))
      .addColumn('closed_at', T.instant)
      .addColumn('lost_to_competition', T.text)
      .addColumn('external_urls', T.json)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_leads_account').on('crm_leads').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('crm_leads_venue').on('crm_leads').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema.createIndex('crm_leads_modified').on('crm_leads').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('crm_leads_contact').on('crm_leads').columns(['account_id', 'contact_id']).execute();
    await db.schema.createIndex('crm_leads_company').on('crm_leads').columns(['account_id', 'company_id']).execute();

    await withId(db.schema.createTable('crm_lead_custom_fields'), dialect)
      .addColumn('account_id', T.int, tenant)
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
      .createIndex('crm_lead_custom_fields_account')
      .on('crm_lead_custom_fields')
      .columns(['account_id', 'sort_order'])
      .execute();
    await db.schema
      .createTable('crm_lead_custom_values')
      .addColumn('account_id', T.int, tenant)
      .addColumn('lead_id', T.int, (c) => c.notNull().references('crm_leads.id').onDelete('cascade'))
      .addColumn('field_id', T.int, (c) => c.notNull().references('crm_lead_custom_fields.id').onDelete('cascade'))
      .addColumn('value', T.json, (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_lead_custom_values_pk', ['lead_id', 'field_id'])
      .execute();

    await withId(db.schema.createTable('crm_lead_notes'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('lead_id', T.int, (c) => c.notNull().references('crm_leads.id').onDelete('cascade'))
      .addColumn('note_text', T.text, (c) => c.notNull())
      .addColumn('created_by_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_lead_notes_lead').on('crm_lead_notes').columns(['account_id', 'lead_id', 'id']).execute();

    // --- Tasks and activities: each belongs to a lead, a contact or a company (or only a venue)
    await withId(db.schema.createTable('crm_tasks'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int)
      .addColumn('booking_id', T.int)
      .addColumn('lead_id', T.int, (c) => c.references('crm_leads.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('cascade'))
      .addColumn('company_id', T.int, (c) => c.references('companies.id').onDelete('cascade'))
      .addColumn('company_contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('status', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('priority', T.text)
      .addColumn('assigned_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('due_at', T.instant, (c) => c.notNull())
      .addColumn('progress', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_tasks_account').on('crm_tasks').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('crm_tasks_venue').on('crm_tasks').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema.createIndex('crm_tasks_modified').on('crm_tasks').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('crm_tasks_lead').on('crm_tasks').columns(['account_id', 'lead_id']).execute();

    await withId(db.schema.createTable('crm_activities'), dialect)
      .addColumn('account_id', T.int, tenant)
      .addColumn('venue_id', T.int)
      .addColumn('lead_id', T.int, (c) => c.references('crm_leads.id').onDelete('cascade'))
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('cascade'))
      .addColumn('company_id', T.int, (c) => c.references('companies.id').onDelete('cascade'))
      .addColumn('company_contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('sub_type', T.int, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('purpose_id', T.int, (c) => c.references('crm_activity_purposes.id').onDelete('set null'))
      .addColumn('location', T.text)
      .addColumn('priority', T.text)
      .addColumn('assigned_user_id', T.int, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('start_at', T.instant)
      .addColumn('end_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_activities_account').on('crm_activities').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('crm_activities_venue').on('crm_activities').columns(['account_id', 'venue_id', 'id']).execute();
    await db.schema.createIndex('crm_activities_modified').on('crm_activities').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('crm_activities_lead').on('crm_activities').columns(['account_id', 'lead_id']).execute();
  },
};
