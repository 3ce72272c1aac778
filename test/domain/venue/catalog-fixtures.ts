/** Arranging catalogue rows for tests, straight into the account's tables (money in cents). */
import type { Scope, TenantInsert } from '../../../src/storage/scope.js';

const stamps = () => ({ created_at: Date.now(), modified_at: Date.now() });

export async function addVenueCostCenter(
  store: Scope,
  venueId: number,
  fields: { name: string; code: string; parentId?: number | null; description?: string | null },
): Promise<number> {
  const row = await store
    .insertInto('venue_cost_centers', { venue_id: venueId, parent_id: fields.parentId ?? null, name: fields.name, code: fields.code, description: fields.description ?? null, ...stamps() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addTax(store: Scope, venueId: number, fields: Partial<TenantInsert<'venue_taxes'>> & { name: string }): Promise<number> {
  const row = await store
    .insertInto('venue_taxes', {
      venue_id: venueId,
      type: 1,
      applies_to: 1,
      amount_type: 1,
      amount: 1000,
      tax_ids: '[]',
      cost_center_ids: '[]',
      excluded_tax_ids: '[]',
      calculate_exclusively: 0,
      unit_type: null,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMenu(
  store: Scope,
  venueId: number,
  fields: Partial<TenantInsert<'venue_menus'>> & { name: string },
  items: ReadonlyArray<{ name: string; price: number; groupId?: number | null }> = [],
): Promise<{ id: number; itemIds: number[] }> {
  const row = await store
    .insertInto('venue_menus', {
      venue_id: venueId,
      menu_type_category: 0,
      min_pax: null,
      max_pax: null,
      cost_type: 1,
      cost: 0,
      cost_excluded_tax_ids: '[]',
      cost_center_id: null,
      small_description: null,
      marketplace_name: null,
      marketplace_categories: '[]',
      current_status: 1,
      active_from: null,
      active_to: null,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const itemIds: number[] = [];
  for (const [sort_order, item] of items.entries()) {
    const inserted = await store
      .insertInto('venue_menu_items', { menu_id: row.id, group_id: item.groupId ?? null, name: item.name, description: null, price: item.price, sort_order })
      .returning('id')
      .executeTakeFirstOrThrow();
    itemIds.push(inserted.id);
  }
  return { id: row.id, itemIds };
}

export async function addMenuGroup(store: Scope, menuId: number, fields: { hash: string; name: string; min: number; max: number; sortOrder?: number; servingTime?: string | null }): Promise<number> {
  const row = await store
    .insertInto('venue_menu_groups', {
      menu_id: menuId,
      hash_id: fields.hash,
      name: fields.name,
      marketplace_name: null,
      min_selection: fields.min,
      max_selection: fields.max,
      serving_time: fields.servingTime ?? null,
      sort_order: fields.sortOrder ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addBeveragePackage(
  store: Scope,
  venueId: number,
  fields: Partial<TenantInsert<'venue_beverage_packages'>> & { name: string },
  hours: ReadonlyArray<readonly [hours: number, cost: number, actual: number]> = [],
): Promise<number> {
  const row = await store
    .insertInto('venue_beverage_packages', {
      venue_id: venueId,
      min_pax: null,
      max_pax: null,
      price_type: 1,
      cost: 0,
      cost_excluded_tax_ids: '[]',
      actual_cost: 0,
      actual_cost_excluded_tax_ids: '[]',
      cost_center_id: null,
      small_description: null,
      marketplace_name: null,
      marketplace_categories: '[]',
      marketplace_event_types: null,
      current_status: 1,
      active_from: null,
      active_to: null,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [num_hours, cost, actual] of hours) {
    await store
      .insertInto('venue_beverage_package_costs', {
        package_id: row.id,
        num_hours,
        cost,
        cost_excluded_tax_ids: '[]',
        actual_cost: actual,
        actual_cost_excluded_tax_ids: '[]',
        ...stamps(),
      })
      .execute();
  }
  return row.id;
}

export async function addPackage(store: Scope, venueId: number, fields: Partial<TenantInsert<'venue_packages'>> & { name: string }): Promise<number> {
  const row = await store
    .insertInto('venue_packages', {
      venue_id: venueId,
      type: 1,
      min_pax: null,
      max_pax: null,
      cost: 0,
      price_method: 1,
      actual_cost: 0,
      actual_cost_excluded_tax_ids: '[]',
      small_description: null,
      large_description: null,
      marketplace_name: null,
      is_visible_on_venue_search: 0,
      start_date: null,
      end_date: null,
      start_time: null,
      end_time: null,
      space_id: null,
      space_layout_id: null,
      space_custom_layout_name: null,
      sort_order: 0,
      excluded_from_commissions: 0,
      reduce_room_hire_first: 0,
      event_types: '[]',
      user_group_ids: '[]',
      has_limited_start_times: 0,
      limited_start_times: '[]',
      is_accomm_included: 0,
      discount_campaign_id: null,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPackageSession(store: Scope, packageId: number, fields: Partial<TenantInsert<'venue_package_sessions'>> & { name: string }): Promise<number> {
  const row = await store
    .insertInto('venue_package_sessions', {
      package_id: packageId,
      start_time: null,
      end_time: null,
      setup_minutes: 0,
      setdown_minutes: 0,
      is_optional: 0,
      space_venue_id: null,
      space_id: null,
      space_layout_id: null,
      space_custom_layout_name: null,
      include_in_package: 1,
      tariff_id: null,
      room_hire_type: null,
      min_spend_amount: null,
      min_spend_revenue_items: '[]',
      override_pax: 0,
      cost_center_id: null,
      amount: null,
      excluded_tax_ids: '[]',
      sort_order: 0,
      session_type_id: null,
      session_status_id: null,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSessionItem(
  store: Scope,
  sessionId: number,
  fields: Partial<TenantInsert<'venue_package_session_items'>> & Pick<TenantInsert<'venue_package_session_items'>, 'kind' | 'ref_id'>,
): Promise<number> {
  const row = await store
    .insertInto('venue_package_session_items', {
      session_id: sessionId,
      ref_venue_id: null,
      name: null,
      quantity: null,
      num_hours: null,
      start_time: null,
      end_time: null,
      same_as_session_time: 1,
      item_ids: '[]',
      cost_centers: '[]',
      include_in_package: 1,
      cost_center_id: null,
      amount: null,
      excluded_tax_ids: '[]',
      sort_order: 0,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSpaceHirePlan(store: Scope, venueId: number, fields: { name: string; code?: string | null; description?: string | null }): Promise<number> {
  const row = await store
    .insertInto('venue_space_hire_plans', { venue_id: venueId, name: fields.name, code: fields.code ?? null, description: fields.description ?? null, ...stamps() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPlanRate(store: Scope, planId: number, fields: { start: string; end: string; days: number; colour?: string }): Promise<number> {
  const row = await store
    .insertInto('venue_space_hire_plan_rates', { plan_id: planId, colour: fields.colour ?? '#e4afaf', start_date: fields.start, end_date: fields.end, days_of_week: fields.days, ...stamps() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSpaceRate(store: Scope, rateId: number, spaceId: number, fields: Partial<TenantInsert<'venue_space_hire_plan_space_rates'>> = {}): Promise<number> {
  const row = await store
    .insertInto('venue_space_hire_plan_space_rates', {
      rate_id: rateId,
      space_id: spaceId,
      min_spend_cost: 0,
      min_spend_cost_excluded_tax_ids: '[]',
      hourly_cost: 0,
      hourly_cost_excluded_tax_ids: '[]',
      half_day_cost: 0,
      half_day_cost_excluded_tax_ids: '[]',
      half_day_min_mins: 0,
      half_day_max_mins: 0,
      half_day_avail_from: null,
      half_day_avail_to: null,
      full_day_cost: 0,
      full_day_cost_excluded_tax_ids: '[]',
      full_day_min_mins: 0,
      full_day_max_mins: 0,
      full_day_avail_from: null,
      full_day_avail_to: null,
      night_cost: 0,
      night_cost_excluded_tax_ids: '[]',
      night_min_mins: 0,
      night_max_mins: 0,
      night_avail_from: null,
      night_avail_to: null,
      are_costs_per_person: 0,
      has_layout_rates: 0,
      ...stamps(),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
