/**
 * Storage of the venue catalogue: what a venue sells and how it is priced and accounted for —
 * cost centers, taxes, menus, beverage packages, venue packages with their sessions and
 * contents, space hire plans with their rates — and the account's booking reference data
 * (session types, event types, booking custom fields). Bookings will reference these rows by
 * id and price from them.
 *
 * Conventions are those of storage/schema.ts (epoch-ms `*_at`, 0/1 booleans, JSON as text,
 * money in integer cents). Percentages are integer hundredths of a percent (10% = 1000), so a
 * tax or discount applies to cents with integer arithmetic only. Tax id lists (the pages'
 * `…ExcludedTaxIds`) are JSON arrays of `venue_taxes` ids; cost center references are
 * `venue_cost_centers` ids.
 */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: number;
  modified_at: number;
}

/**
 * A venue's cost center (get-cost-center-list.md of the venue namespace): its own row and id,
 * linked to the account cost center it rolls up to (`parentId`).
 */
export interface VenueCostCentersTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  /** The account cost center (`cost_centers`); null once that one is deleted. */
  parent_id: number | null;
  name: string;
  code: string;
  description: string | null;
}

/** A tax or service fee of a venue (get-tax-list.md). */
export interface VenueTaxesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  /** 1 tax, 2 service fee. */
  type: number;
  /** 1 all, 2 accommodation only. */
  applies_to: number;
  /** 1 percentage, 2 amount. */
  amount_type: number;
  /** Hundredths: of a percent for a percentage (10% = 1000), cents for an amount. */
  amount: number;
  /** JSON array: the taxes charged on a service fee's amount. */
  tax_ids: string;
  /** JSON array: the cost centers the tax applies to (empty: all). */
  cost_center_ids: string;
  /** JSON array: taxes not to charge together with this one. */
  excluded_tax_ids: string;
  calculate_exclusively: number;
  /** 1 room nights, 2 capacity, 3 occupancy; null when the tax is not counted in units. */
  unit_type: number | null;
}

/** A session type of the account (get-session-type-list.md). */
export interface VenueSessionTypesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
}

/** An event type of the account (get-event-type-list.md); function spaces and bookings name them. */
export interface VenueEventTypesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
  description: string | null;
  /** get-event-type-list.md, Marketplace Event Types (1–14). */
  marketplace_event_type: number | null;
  /** 0 company and contact, 1 company, 2 contact. */
  contact_type: number;
  is_viewable: number;
}

export interface VenueEventSubTypesTable {
  id: Generated<number>;
  account_id: number;
  event_type_id: number;
  name: string;
  sort_order: number;
}

/** A revenue template of a venue: how a booking's revenue is moved between cost centers. */
export interface VenueRevenueTemplatesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  is_default: number;
}

export interface VenueRevenueTemplateCostCentersTable {
  account_id: number;
  template_id: number;
  cost_center_id: number;
  new_cost_center_id: number;
}

/** A booking custom field definition of the account (get-booking-custom-field-list.md). */
export interface VenueBookingCustomFieldsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  /** 0 small text, 1 large text, 2 single select, 3 multi select, 5 date, 10 HTML text. */
  field_type: number;
  display_name: string;
  is_required: number;
  /** 1 all, 2 user groups, 3 none. */
  visible_to: number;
  /** JSON array of user group ids. */
  user_group_ids: string;
  tooltip_text: string;
  is_required_on_marketplace: number;
  sort_order: number;
  /** JSON object of the select fields' options (value → label), as the contact definitions keep them. */
  select_values: string | null;
}

/**
 * A menu of a venue (get-menu-list.md, get-venue.md). A "total of menu items" menu (cost type
 * 3) costs the sum of its items' prices, computed when read, so `cost` is not used for it.
 */
export interface VenueMenusTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  /** 0 unassigned, 1 breakfast, 2 lunch, 3 dinner, 4 coffee break, 5 reception, 6 outside catering. */
  menu_type_category: number;
  min_pax: number | null;
  max_pax: number | null;
  /** 1 per person, 2 flat rate, 3 total of menu items. */
  cost_type: number;
  cost: number;
  cost_excluded_tax_ids: string;
  /** Where a booking's revenue for the menu goes when it has no cost center breakdown. */
  cost_center_id: number | null;
  small_description: string | null;
  marketplace_name: string | null;
  /** JSON array: get-menu-list.md, Marketplace Categories (1–6). */
  marketplace_categories: string;
  /** 1 active, 0 inactive. */
  current_status: number;
  /** `mm-dd`: the yearly period the menu is offered in (get-venue.md, activePeriod). */
  active_from: string | null;
  active_to: string | null;
}

/** A selection group of a menu ("choose 2 of the mains"). */
export interface VenueMenuGroupsTable {
  id: Generated<number>;
  account_id: number;
  menu_id: number;
  /** The group's public id (`gr` + 13 hex digits, as the package example shows). */
  hash_id: string;
  name: string;
  marketplace_name: string | null;
  min_selection: number;
  max_selection: number;
  serving_time: string | null;
  sort_order: number;
}

/** An item of a menu with its per-person price; its id is the page's `inventoryId`. */
export interface VenueMenuItemsTable {
  id: Generated<number>;
  account_id: number;
  menu_id: number;
  group_id: number | null;
  name: string;
  description: string | null;
  price: number;
  sort_order: number;
}

/** The per-person price of a multi cost center menu, one row per cost center. */
export interface VenueMenuCostCentersTable {
  account_id: number;
  menu_id: number;
  cost_center_id: number;
  cost_per_person: number;
  excluded_tax_ids: string;
}

/** A beverage package of a venue (get-beverage-package-list.md, get-venue.md). */
export interface VenueBeveragePackagesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  min_pax: number | null;
  max_pax: number | null;
  /** 1 per person, 2 flat rate. */
  price_type: number;
  cost: number;
  cost_excluded_tax_ids: string;
  /** What the package costs the venue. */
  actual_cost: number;
  actual_cost_excluded_tax_ids: string;
  cost_center_id: number | null;
  small_description: string | null;
  marketplace_name: string | null;
  /** JSON array of menu marketplace categories (1–6). */
  marketplace_categories: string;
  /** JSON array of marketplace event types (get-venue.md: 11, 21, 31, 41), or null. */
  marketplace_event_types: string | null;
  current_status: number;
  active_from: string | null;
  active_to: string | null;
}

/** The price of a beverage package for a number of hours (the page's Hourly Cost). */
export interface VenueBeveragePackageCostsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  package_id: number;
  num_hours: number;
  cost: number;
  cost_excluded_tax_ids: string;
  actual_cost: number;
  actual_cost_excluded_tax_ids: string;
}

/** What a beverage package pours; its id is what a package session's `itemsIds` name. */
export interface VenueBeveragePackageItemsTable {
  id: Generated<number>;
  account_id: number;
  package_id: number;
  name: string;
  sort_order: number;
}

/** A venue package, iVvy's event template (get-venue-package-list.md, get-venue-package.md). */
export interface VenuePackagesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  /** 1 detailed, 2 simple. */
  type: number;
  min_pax: number | null;
  max_pax: number | null;
  cost: number;
  /** 1 per person, 2 flat rate. */
  price_method: number;
  actual_cost: number;
  actual_cost_excluded_tax_ids: string;
  small_description: string | null;
  large_description: string | null;
  marketplace_name: string | null;
  is_visible_on_venue_search: number;
  start_date: string | null;
  end_date: string | null;
  start_time: string | null;
  end_time: string | null;
  space_id: number | null;
  space_layout_id: number | null;
  space_custom_layout_name: string | null;
  sort_order: number;
  excluded_from_commissions: number;
  reduce_room_hire_first: number;
  /** JSON array of marketplace event types (get-venue.md: 11, 21, 31, 41); empty: all. */
  event_types: string;
  /** JSON array of user group ids; empty: all. */
  user_group_ids: string;
  has_limited_start_times: number;
  /** JSON array of `hh:mm:ss`. */
  limited_start_times: string;
  is_accomm_included: number;
  discount_campaign_id: number | null;
}

/** How a package's price splits over cost centers, and the discount each may get. */
export interface VenuePackageCostCentersTable {
  account_id: number;
  package_id: number;
  cost_center_id: number;
  value: number;
  excluded_tax_ids: string;
  /** Hundredths of a percent; null: no discount for this cost center. */
  discount: number | null;
}

/** A session of a detailed package (get-venue-package.md, Session Details). */
export interface VenuePackageSessionsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  package_id: number;
  name: string;
  start_time: string | null;
  end_time: string | null;
  setup_minutes: number;
  setdown_minutes: number;
  is_optional: number;
  space_venue_id: number | null;
  space_id: number | null;
  space_layout_id: number | null;
  space_custom_layout_name: string | null;
  include_in_package: number;
  /** The space hire plan (`venue_space_hire_plans`) that prices the room hire. */
  tariff_id: number | null;
  /** Which rate of the plan applies: 1 hourly, 2 half day, 3 full day, 4 night, 5 minimum spend. */
  room_hire_type: number | null;
  min_spend_amount: number | null;
  /** JSON array of cost center ids counted towards the minimum spend. */
  min_spend_revenue_items: string;
  override_pax: number;
  cost_center_id: number | null;
  /** Charged on top of the package when the session is not included. */
  amount: number | null;
  excluded_tax_ids: string;
  sort_order: number;
  session_type_id: number | null;
  session_status_id: number | null;
}

export type PackageItemKind = 'menu' | 'beverage' | 'product' | 'resource';

/**
 * A menu, beverage package, product or resource in a package session: one table, since the
 * four share how they are priced (included, or an amount on a cost center, less some taxes).
 */
export interface VenuePackageSessionItemsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  session_id: number;
  kind: PackageItemKind;
  /** The menu, beverage package, product or resource. */
  ref_id: number;
  /** The venue the menu, beverage package or resource belongs to. */
  ref_venue_id: number | null;
  name: string | null;
  quantity: number | null;
  num_hours: number | null;
  start_time: string | null;
  end_time: string | null;
  same_as_session_time: number;
  /** JSON array: the menu items or beverage items chosen. */
  item_ids: string;
  /** JSON array of `{id, value (cents), excludedTaxIds}`: a multi cost center menu's split. */
  cost_centers: string;
  include_in_package: number;
  cost_center_id: number | null;
  amount: number | null;
  excluded_tax_ids: string;
  sort_order: number;
}

/** A setup requirement of a package session (get-venue-package.md, Setup Requirement Details). */
export interface VenuePackageSessionSetupsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  session_id: number;
  setup_requirement_id: number;
  name: string;
  description: string | null;
  sort_order: number;
  has_choices: number;
  min_choices: number;
  max_choices: number;
}

export interface VenuePackageSessionSetupOptionsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  setup_id: number;
  setup_requirement_option_id: number;
  name: string;
  sort_order: number;
}

/** A space hire plan, iVvy's tariff (get-space-hire-plan-list.md). */
export interface VenueSpaceHirePlansTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  code: string | null;
  description: string | null;
}

/** A period of a plan with its rates (get-space-hire-plan-rate.md): the dates and weekdays it covers. */
export interface VenueSpaceHirePlanRatesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  plan_id: number;
  colour: string;
  start_date: string;
  end_date: string;
  /** Bit d set when the rate applies on weekday d (0 = Sunday … 6 = Saturday). */
  days_of_week: number;
}

/**
 * What hiring one space costs under a plan rate (get-space-hire-plan-rate.md, Space Rate).
 * `space_id` names a function space without a foreign key: the spaces area owns that table.
 */
export interface VenueSpaceHirePlanSpaceRatesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  rate_id: number;
  space_id: number;
  min_spend_cost: number;
  min_spend_cost_excluded_tax_ids: string;
  hourly_cost: number;
  hourly_cost_excluded_tax_ids: string;
  half_day_cost: number;
  half_day_cost_excluded_tax_ids: string;
  half_day_min_mins: number;
  half_day_max_mins: number;
  half_day_avail_from: string | null;
  half_day_avail_to: string | null;
  full_day_cost: number;
  full_day_cost_excluded_tax_ids: string;
  full_day_min_mins: number;
  full_day_max_mins: number;
  full_day_avail_from: string | null;
  full_day_avail_to: string | null;
  night_cost: number;
  night_cost_excluded_tax_ids: string;
  night_min_mins: number;
  night_max_mins: number;
  night_avail_from: string | null;
  night_avail_to: string | null;
  are_costs_per_person: number;
  has_layout_rates: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    venue_cost_centers: VenueCostCentersTable;
    venue_taxes: VenueTaxesTable;
    venue_session_types: VenueSessionTypesTable;
    venue_event_types: VenueEventTypesTable;
    venue_event_sub_types: VenueEventSubTypesTable;
    venue_revenue_templates: VenueRevenueTemplatesTable;
    venue_revenue_template_cost_centers: VenueRevenueTemplateCostCentersTable;
    venue_booking_custom_fields: VenueBookingCustomFieldsTable;
    venue_menus: VenueMenusTable;
    venue_menu_groups: VenueMenuGroupsTable;
    venue_menu_items: VenueMenuItemsTable;
    venue_menu_cost_centers: VenueMenuCostCentersTable;
    venue_beverage_packages: VenueBeveragePackagesTable;
    venue_beverage_package_costs: VenueBeveragePackageCostsTable;
    venue_beverage_package_items: VenueBeveragePackageItemsTable;
    venue_packages: VenuePackagesTable;
    venue_package_cost_centers: VenuePackageCostCentersTable;
    venue_package_sessions: VenuePackageSessionsTable;
    venue_package_session_items: VenuePackageSessionItemsTable;
    venue_package_session_setups: VenuePackageSessionSetupsTable;
    venue_package_session_setup_options: VenuePackageSessionSetupOptionsTable;
    venue_space_hire_plans: VenueSpaceHirePlansTable;
    venue_space_hire_plan_rates: VenueSpaceHirePlanRatesTable;
    venue_space_hire_plan_space_rates: VenueSpaceHirePlanSpaceRatesTable;
  }
}
