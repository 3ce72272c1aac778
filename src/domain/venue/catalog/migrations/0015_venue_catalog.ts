import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T, withId } from '../../../../storage/ddl.js';

/** The tables of the venue catalog area (src/domain/venue/catalog/tables.ts). */
export const catalogMigration: Migration = {
  name: '0015_venue_catalog',
  async up(db, { dialect }) {
    const tenant = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');
    const parent = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
    const optional = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`).onDelete('set null');
    const required = (c: ColumnDefinitionBuilder) => c.notNull();
    const taxIds = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('[]');
    const stamped = <N extends string, C extends string>(table: CreateTableBuilder<N, C>) =>
      table.addColumn('created_at', T.instant, required).addColumn('modified_at', T.instant, required);
    const table = (name: string) => withId(db.schema.createTable(name), dialect).addColumn('account_id', T.int, tenant);
    const index = (name: string, on: string, columns: string[]) => db.schema.createIndex(name).on(on).columns(columns).execute();

    await stamped(
      table('venue_cost_centers')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('parent_id', T.int, optional('cost_centers'))
        .addColumn('name', T.text, required)
        .addColumn('code', T.text, required)
        .addColumn('description', T.text),
    ).execute();
    await index('venue_cost_centers_venue', 'venue_cost_centers', ['account_id', 'venue_id', 'id']);
    // Accounting exports key on the code, as they do on the account's (cost-center-actions.ts).
    await db.schema
      .createIndex('venue_cost_centers_code')
      .on('venue_cost_centers')
      .expression(sql`account_id, venue_id, lower(code)`)
      .unique()
      .execute();

    await stamped(
      table('venue_taxes')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('type', T.int, required)
        .addColumn('applies_to', T.int, required)
        .addColumn('amount_type', T.int, required)
        .addColumn('amount', T.money, required)
        .addColumn('tax_ids', T.json, taxIds)
        .addColumn('cost_center_ids', T.json, taxIds)
        .addColumn('excluded_tax_ids', T.json, taxIds)
        .addColumn('calculate_exclusively', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('unit_type', T.int),
    ).execute();
    await index('venue_taxes_venue', 'venue_taxes', ['account_id', 'venue_id', 'id']);

    await stamped(table('venue_session_types').addColumn('name', T.text, required)).execute();
    await index('venue_session_types_account', 'venue_session_types', ['account_id', 'id']);

    await stamped(
      table('venue_event_types')
        .addColumn('name', T.text, required)
        .addColumn('description', T.text)
        .addColumn('marketplace_event_type', T.int)
        .addColumn('contact_type', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('is_viewable', T.bool, (c) => c.notNull().defaultTo(1)),
    ).execute();
    await index('venue_event_types_account', 'venue_event_types', ['account_id', 'id']);

    await table('venue_event_sub_types')
      .addColumn('event_type_id', T.int, parent('venue_event_types'))
      .addColumn('name', T.text, required)
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await index('venue_event_sub_types_type', 'venue_event_sub_types', ['account_id', 'event_type_id', 'id']);

    await stamped(
      table('venue_revenue_templates')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('is_default', T.bool, (c) => c.notNull().defaultTo(0)),
    ).execute();
    await index('venue_revenue_templates_venue', 'venue_revenue_templates', ['account_id', 'venue_id', 'id']);

    await db.schema
      .createTable('venue_revenue_template_cost_centers')
      .addColumn('account_id', T.int, tenant)
      .addColumn('template_id', T.int, parent('venue_revenue_templates'))
      .addColumn('cost_center_id', T.int, parent('venue_cost_centers'))
      .addColumn('new_cost_center_id', T.int, parent('venue_cost_centers'))
      .addPrimaryKeyConstraint('venue_revenue_template_cost_centers_pk', ['template_id', 'cost_center_id'])
      .execute();
    await index('venue_revenue_template_cost_centers_template', 'venue_revenue_template_cost_centers', ['account_id', 'template_id']);

    await stamped(
      table('venue_booking_custom_fields')
        .addColumn('field_type', T.int, required)
        .addColumn('display_name', T.text, required)
        .addColumn('is_required', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('visible_to', T.int, (c) => c.notNull().defaultTo(1))
        .addColumn('user_group_ids', T.json, taxIds)
        .addColumn('tooltip_text', T.text, (c) => c.notNull().defaultTo(''))
        .addColumn('is_required_on_marketplace', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('select_values', T.json),
    ).execute();
    await index('venue_booking_custom_fields_account', 'venue_booking_custom_fields', ['account_id', 'id']);

    await stamped(
      table('venue_menus')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('menu_type_category', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('min_pax', T.int)
        .addColumn('max_pax', T.int)
        .addColumn('cost_type', T.int, required)
        .addColumn('cost', T.money, required)
        .addColumn('cost_excluded_tax_ids', T.json, taxIds)
        .addColumn('cost_center_id', T.int, optional('venue_cost_centers'))
        .addColumn('small_description', T.text)
        .addColumn('marketplace_name', T.text)
        .addColumn('marketplace_categories', T.json, taxIds)
        .addColumn('current_status', T.int, (c) => c.notNull().defaultTo(1))
        .addColumn('active_from', T.text)
        .addColumn('active_to', T.text),
    ).execute();
    await index('venue_menus_venue', 'venue_menus', ['account_id', 'venue_id', 'id']);

    await table('venue_menu_groups')
      .addColumn('menu_id', T.int, parent('venue_menus'))
      .addColumn('hash_id', T.text, required)
      .addColumn('name', T.text, required)
      .addColumn('marketplace_name', T.text)
      .addColumn('min_selection', T.int, required)
      .addColumn('max_selection', T.int, required)
      .addColumn('serving_time', T.time)
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await index('venue_menu_groups_menu', 'venue_menu_groups', ['account_id', 'menu_id', 'id']);

    await table('venue_menu_items')
      .addColumn('menu_id', T.int, parent('venue_menus'))
      .addColumn('group_id', T.int, optional('venue_menu_groups'))
      .addColumn('name', T.text, required)
      .addColumn('description', T.text)
      .addColumn('price', T.money, required)
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await index('venue_menu_items_menu', 'venue_menu_items', ['account_id', 'menu_id', 'id']);

    await db.schema
      .createTable('venue_menu_cost_centers')
      .addColumn('account_id', T.int, tenant)
      .addColumn('menu_id', T.int, parent('venue_menus'))
      .addColumn('cost_center_id', T.int, parent('venue_cost_centers'))
      .addColumn('cost_per_person', T.money, required)
      .addColumn('excluded_tax_ids', T.json, taxIds)
      .addPrimaryKeyConstraint('venue_menu_cost_centers_pk', ['menu_id', 'cost_center_id'])
      .execute();
    await index('venue_menu_cost_centers_menu', 'venue_menu_cost_centers', ['account_id', 'menu_id']);

    await stamped(
      table('venue_beverage_packages')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('min_pax', T.int)
        .addColumn('max_pax', T.int)
        .addColumn('price_type', T.int, required)
        .addColumn('cost', T.money, required)
        .addColumn('cost_excluded_tax_ids', T.json, taxIds)
        .addColumn('actual_cost', T.money, required)
        .addColumn('actual_cost_excluded_tax_ids', T.json, taxIds)
        .addColumn('cost_center_id', T.int, optional('venue_cost_centers'))
        .addColumn('small_description', T.text)
        .addColumn('marketplace_name', T.text)
        .addColumn('marketplace_categories', T.json, taxIds)
        .addColumn('marketplace_event_types', T.json)
        .addColumn('current_status', T.int, (c) => c.notNull().defaultTo(1))
        .addColumn('active_from', T.text)
        .addColumn('active_to', T.text),
    ).execute();
    await index('venue_beverage_packages_venue', 'venue_beverage_packages', ['account_id', 'venue_id', 'id']);

    await stamped(
      table('venue_beverage_package_costs')
        .addColumn('package_id', T.int, parent('venue_beverage_packages'))
        .addColumn('num_hours', T.int, required)
        .addColumn('cost', T.money, required)
        .addColumn('cost_excluded_tax_ids', T.json, taxIds)
        .addColumn('actual_cost', T.money, required)
        .addColumn('actual_cost_excluded_tax_ids', T.json, taxIds),
    ).execute();
    await index('venue_beverage_package_costs_package', 'venue_beverage_package_costs', ['account_id', 'package_id', 'num_hours']);

    await table('venue_beverage_package_items')
      .addColumn('package_id', T.int, parent('venue_beverage_packages'))
      .addColumn('name', T.text, required)
      .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await index('venue_beverage_package_items_package', 'venue_beverage_package_items', ['account_id', 'package_id', 'id']);

    await stamped(
      table('venue_space_hire_plans')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('code', T.text)
        .addColumn('description', T.text),
    ).execute();
    await index('venue_space_hire_plans_venue', 'venue_space_hire_plans', ['account_id', 'venue_id', 'id']);

    await stamped(
      table('venue_space_hire_plan_rates')
        .addColumn('plan_id', T.int, parent('venue_space_hire_plans'))
        .addColumn('colour', T.text, required)
        .addColumn('start_date', T.date, required)
        .addColumn('end_date', T.date, required)
        .addColumn('days_of_week', T.int, required),
    ).execute();
    await index('venue_space_hire_plan_rates_plan', 'venue_space_hire_plan_rates', ['account_id', 'plan_id', 'start_date']);

    let spaceRates = table('venue_space_hire_plan_space_rates')
      .addColumn('rate_id', T.int, parent('venue_space_hire_plan_rates'))
      .addColumn('space_id', T.int, required)
      .addColumn('min_spend_cost', T.money, required)
      .addColumn('min_spend_cost_excluded_tax_ids', T.json, taxIds);
    for (const prefix of ['hourly', 'half_day', 'full_day', 'night'] as const) {
      spaceRates = spaceRates
        .addColumn(`${prefix}_cost`, T.money, required)
        .addColumn(`${prefix}_cost_excluded_tax_ids`, T.json, taxIds);
      if (prefix === 'hourly') continue;
      spaceRates = spaceRates
        .addColumn(`${prefix}_min_mins`, T.int, (c) => c.notNull().defaultTo(0))
        .addColumn(`${prefix}_max_mins`, T.int, (c) => c.notNull().defaultTo(0))
        .addColumn(`${prefix}_avail_from`, T.time)
        .addColumn(`${prefix}_avail_to`, T.time);
    }
    await stamped(
      spaceRates
        .addColumn('are_costs_per_person', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('has_layout_rates', T.bool, (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('venue_space_hire_plan_space_rates_space', ['rate_id', 'space_id']),
    ).execute();
    await index('venue_space_hire_plan_space_rates_rate', 'venue_space_hire_plan_space_rates', ['account_id', 'rate_id', 'space_id']);

    await stamped(
      table('venue_packages')
        .addColumn('venue_id', T.int, parent('venues'))
        .addColumn('name', T.text, required)
        .addColumn('type', T.int, required)
        .addColumn('min_pax', T.int)
        .addColumn('max_pax', T.int)
        .addColumn('cost', T.money, required)
        .addColumn('price_method', T.int, required)
        .addColumn('actual_cost', T.money, required)
        .addColumn('actual_cost_excluded_tax_ids', T.json, taxIds)
        .addColumn('small_description', T.text)
        .addColumn('large_description', T.text)
        .addColumn('marketplace_name', T.text)
        .addColumn('is_visible_on_venue_search', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('start_date', T.date)
        .addColumn('end_date', T.date)
        .addColumn('start_time', T.time)
        .addColumn('end_time', T.time)
        .addColumn('space_id', T.int)
        .addColumn('space_layout_id', T.int)
        .addColumn('space_custom_layout_name', T.text)
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('excluded_from_commissions', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('reduce_room_hire_first', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('event_types', T.json, taxIds)
        .addColumn('user_group_ids', T.json, taxIds)
        .addColumn('has_limited_start_times', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('limited_start_times', T.json, taxIds)
        .addColumn('is_accomm_included', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('discount_campaign_id', T.int),
    ).execute();
    await index('venue_packages_venue', 'venue_packages', ['account_id', 'venue_id', 'id']);

    await db.schema
      .createTable('venue_package_cost_centers')
      .addColumn('account_id', T.int, tenant)
      .addColumn('package_id', T.int, parent('venue_packages'))
      .addColumn('cost_center_id', T.int, parent('venue_cost_centers'))
      .addColumn('value', T.money, required)
      .addColumn('excluded_tax_ids', T.json, taxIds)
      .addColumn('discount', T.int)
      .addPrimaryKeyConstraint('venue_package_cost_centers_pk', ['package_id', 'cost_center_id'])
      .execute();
    await index('venue_package_cost_centers_package', 'venue_package_cost_centers', ['account_id', 'package_id']);

    await stamped(
      table('venue_package_sessions')
        .addColumn('package_id', T.int, parent('venue_packages'))
        .addColumn('name', T.text, required)
        .addColumn('start_time', T.time)
        .addColumn('end_time', T.time)
        .addColumn('setup_minutes', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('setdown_minutes', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('is_optional', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('space_venue_id', T.int, optional('venues'))
        .addColumn('space_id', T.int)
        .addColumn('space_layout_id', T.int)
        .addColumn('space_custom_layout_name', T.text)
        .addColumn('include_in_package', T.bool, (c) => c.notNull().defaultTo(1))
        .addColumn('tariff_id', T.int, optional('venue_space_hire_plans'))
        .addColumn('room_hire_type', T.int)
        .addColumn('min_spend_amount', T.money)
        .addColumn('min_spend_revenue_items', T.json, taxIds)
        .addColumn('override_pax', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('cost_center_id', T.int, optional('venue_cost_centers'))
        .addColumn('amount', T.money)
        .addColumn('excluded_tax_ids', T.json, taxIds)
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('session_type_id', T.int, optional('venue_session_types'))
        .addColumn('session_status_id', T.int),
    ).execute();
    await index('venue_package_sessions_package', 'venue_package_sessions', ['account_id', 'package_id', 'id']);

    await stamped(
      table('venue_package_session_items')
        .addColumn('session_id', T.int, parent('venue_package_sessions'))
        .addColumn('kind', T.text, required)
        .addColumn('ref_id', T.int, required)
        .addColumn('ref_venue_id', T.int, optional('venues'))
        .addColumn('name', T.text)
        .addColumn('quantity', T.int)
        .addColumn('num_hours', T.decimal)
        .addColumn('start_time', T.time)
        .addColumn('end_time', T.time)
        .addColumn('same_as_session_time', T.bool, (c) => c.notNull().defaultTo(1))
        .addColumn('item_ids', T.json, taxIds)
        .addColumn('cost_centers', T.json, taxIds)
        .addColumn('include_in_package', T.bool, (c) => c.notNull().defaultTo(1))
        .addColumn('cost_center_id', T.int, optional('venue_cost_centers'))
        .addColumn('amount', T.money)
        .addColumn('excluded_tax_ids', T.json, taxIds)
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0)),
    ).execute();
    await index('venue_package_session_items_session', 'venue_package_session_items', ['account_id', 'session_id', 'kind', 'id']);

    await stamped(
      table('venue_package_session_setups')
        .addColumn('session_id', T.int, parent('venue_package_sessions'))
        .addColumn('setup_requirement_id', T.int, required)
        .addColumn('name', T.text, required)
        .addColumn('description', T.text)
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('has_choices', T.bool, (c) => c.notNull().defaultTo(0))
        .addColumn('min_choices', T.int, (c) => c.notNull().defaultTo(0))
        .addColumn('max_choices', T.int, (c) => c.notNull().defaultTo(0)),
    ).execute();
    await index('venue_package_session_setups_session', 'venue_package_session_setups', ['account_id', 'session_id', 'id']);

    await stamped(
      table('venue_package_session_setup_options')
        .addColumn('setup_id', T.int, parent('venue_package_session_setups'))
        .addColumn('setup_requirement_option_id', T.int, required)
        .addColumn('name', T.text, required)
        .addColumn('sort_order', T.int, (c) => c.notNull().defaultTo(0)),
    ).execute();
    await index('venue_package_session_setup_options_setup', 'venue_package_session_setup_options', ['account_id', 'setup_id', 'id']);
  },
};
