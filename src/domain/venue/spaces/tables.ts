/**
 * Storage of the venue spaces area: function space categories, function spaces with their
 * layouts and parts, space blockouts, resources, and what occupies spaces and resources over
 * time. Conventions are those of storage/schema.ts (epoch-ms `*_at`, 0/1 booleans, JSON as
 * text, money in cents).
 *
 * Availability is never stored: it is computed at read time from `space_occupancies` and
 * `resource_occupancies` (occupancy.ts, resource-occupancy.ts). Whatever holds a space — a
 * blockout now, a booking session later — adds one occupancy row in the transaction that
 * writes it, and removes it in the one that deletes or cancels it.
 */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: number;
  modified_at: number;
}

export interface FunctionSpaceCategoriesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
}

export interface FunctionSpacesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  category_id: number | null;
  name: string;
  description: string | null;
  /** No image storage yet: always null, kept so the documented field has a home. */
  image_id: number | null;
  has_layouts: number;
  min_pax: number;
  /** 0 means no maximum (the add example sends `"maxPax": 0`). */
  max_pax: number;
  /** How many bookings may hold the space at the same time (get-function-space-list.md). */
  max_num_bookings: number;
  area: number | null;
  length: number | null;
  width: number | null;
  height_maximum: number | null;
  height_minimum: number | null;
  floor_pressure_maximum: number | null;
  floor_pressure_minimum: number | null;
  included_in_report_dashboard: number;
  three_d_scan_id: string;
  use_integration_partner: number;
  is_viewable: number;
  marketplace_name: string | null;
  /** JSON array of marketplace event type codes (get-venue.md: 11, 21, 31, 41), or null. */
  marketplace_event_types: string | null;
  can_be_live_booked: number;
  can_provide_food_beverage: number;
  /** JSON arrays of ids. */
  menu_type_ids: string;
  beverage_category_ids: string;
  available_from_time: string | null;
  available_till_time: string | null;
  minimum_booking_time: number | null;
  restrict_booking_time_interval: number | null;
  /** JSON array of days of the week. */
  available_days_of_week: string;
  display_availability_to: number | null;
  restrict_visibility: number | null;
  /** JSON array of user group ids. */
  user_group_ids: string;
  is_viewable_to_anonymous_users: number;
  sort_order: number;
  marketplace_sort_order: number;
}

/** The event types (getEventTypeList ids) that can be held in a space: the `eventType` parameter filters on them. */
export interface FunctionSpaceEventTypesTable {
  account_id: number;
  space_id: number;
  event_type_id: number;
}

export interface FunctionSpaceLayoutsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  space_id: number;
  /** 0 Custom, 1 Theatre … 9 Exhibition (layout-types.ts). */
  type: number;
  name: string;
  description: string | null;
  pax_minimum: number | null;
  pax_maximum: number | null;
  setup_minutes: number;
  takedown_minutes: number;
}

/**
 * A space that divides (a ballroom in three, two meeting rooms opened into one) is made of the
 * smallest spaces it covers: one row per part. Parts are never divided themselves, so two
 * spaces overlap exactly when they are the same space or share a part (occupancy.ts).
 */
export interface FunctionSpacePartsTable {
  account_id: number;
  space_id: number;
  part_id: number;
}

export interface SpaceBlockoutsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  space_id: number;
  name: string;
  starts_at: number;
  ends_at: number;
  /** The user who created the blockout (bookedById), when the caller was one. */
  booked_by_id: number | null;
}

export type SpaceOccupancySource = 'blockout' | 'session';

/**
 * What holds a space over an interval. `starts_at`/`ends_at` are the holder's own times (a
 * session's start and end, as a conflict shows them); `held_from`/`held_until` widen them by
 * set-up and take-down, and are what conflicts are computed on.
 */
export interface SpaceOccupanciesTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  space_id: number;
  source_kind: SpaceOccupancySource;
  source_id: number;
  booking_id: number | null;
  layout_id: number | null;
  pax: number | null;
  starts_at: number;
  ends_at: number;
  held_from: number;
  held_until: number;
  /** Held longer than LONG_HOLD_MS (occupancy-window.ts): found apart from the others. */
  long_hold: Generated<number>;
  created_at: number;
}

export interface ResourceCategoriesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
}

export interface ResourcesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  category_id: number | null;
  /** A sub resource names the resource it belongs to (hasSubResources, subResourceIds). */
  parent_id: number | null;
  name: string;
  code: string;
  short_description: string;
  long_description: string | null;
  /** How many units the venue has; null when the venue does not count them (never short). */
  quantity: number | null;
  can_book_by_hour: number;
  /** Cents. */
  hourly_cost: number;
  /** JSON array of tax ids. */
  hourly_cost_excluded_tax_ids: string;
  /** Cents. */
  daily_cost: number;
  daily_cost_excluded_tax_ids: string;
  is_restricted_to_spaces: number;
  cost_center_id: number | null;
  is_viewable: number;
}

/** The spaces a resource restricted to spaces may be used in. */
export interface ResourceSpacesTable {
  account_id: number;
  resource_id: number;
  space_id: number;
}

export type ResourceOccupancySource = 'session_resource';

/** Units of a resource held over an interval (a booking session's resource, later). */
export interface ResourceOccupanciesTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  resource_id: number;
  source_kind: ResourceOccupancySource;
  source_id: number;
  booking_id: number | null;
  session_id: number | null;
  space_id: number | null;
  quantity: number;
  starts_at: number;
  ends_at: number;
  created_at: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    function_space_categories: FunctionSpaceCategoriesTable;
    function_spaces: FunctionSpacesTable;
    function_space_event_types: FunctionSpaceEventTypesTable;
    function_space_layouts: FunctionSpaceLayoutsTable;
    function_space_parts: FunctionSpacePartsTable;
    space_blockouts: SpaceBlockoutsTable;
    space_occupancies: SpaceOccupanciesTable;
    resource_categories: ResourceCategoriesTable;
    resources: ResourcesTable;
    resource_spaces: ResourceSpacesTable;
    resource_occupancies: ResourceOccupanciesTable;
  }
}
