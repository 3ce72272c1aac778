/**
 * Storage of the venue rooms area: guest room types, room options, rate plans (the pages'
 * "bar") with their seasonal rates, and the per-night data that availability, rates and
 * inventory (ARI) are computed from at read time:
 *
 *   inventory of a night  = its room count override, else the room type's capacity
 *   available of a night  = inventory − the rooms allocated that night (bookings, reservations)
 *   rate of a night       = its dynamic rate, else the room rate of the season that covers it
 *   booking rule of a night = its row, else none
 *
 * The accommodation writers (room counts, dynamic rates, booking rules, reservations) only add,
 * replace or delete rows of the per-night tables; nothing is precomputed. A night is a
 * `yyyy-mm-dd` date of the venue's own calendar (its `timezone`). Money is integer cents.
 */
import type { Generated } from 'kysely';

/** A guest room type (add-or-update-guest-room.md, get-venue-room-list.md). */
export interface VenueRoomsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  /** Unique within the venue, ignoring case; `<account id>-<room id>` unless the client gave one. */
  code: string | null;
  name: string;
  description: string | null;
  num_standard_adults: number;
  num_extra_adults: number;
  extra_adult_cost: number;
  can_smoke: number;
  /** How many rooms of this type the venue has: every night's inventory unless overridden. */
  capacity: number;
  marketplace_name: string | null;
  /** Offered on the marketplace (the page's `active`). */
  is_active: number;
  /** JSON array of the category ids the client gave (categoryIds). */
  category_ids: string;
  created_at: number;
  modified_at: number;
}

/** An extra sold with a room, such as breakfast (get-venue-room-option-list.md). */
export interface VenueRoomOptionsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  name: string;
  description: string | null;
  price: number;
  /** JSON array of tax ids excluded from the price. */
  price_excluded_tax_ids: string;
  cost: number;
  cost_excluded_tax_ids: string;
  cost_center_id: number | null;
  created_at: number;
  modified_at: number;
}

/** A rate plan, the pages' "bar" (get-venue-rate-plan-list.md). */
export interface VenueRatePlansTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  code: string | null;
  name: string;
  description: string | null;
  created_at: number;
  modified_at: number;
}

/** A season of a rate plan: the nights it covers (get-rate-plan-rate-list.md, "bar rate"). */
export interface VenueRatePlanRatesTable {
  id: Generated<number>;
  account_id: number;
  rate_plan_id: number;
  start_date: string;
  end_date: string;
  min_acceptable_rate: number;
  /** Bit d set when the season applies on weekday d (0 = Sunday … 6 = Saturday). */
  days_of_week: number;
  created_at: number;
  modified_at: number;
}

/** What one room type costs in one season (get-room-rate-list.md); occupancies beyond single are optional. */
export interface VenueRoomRatesTable {
  id: Generated<number>;
  account_id: number;
  rate_plan_rate_id: number;
  room_id: number;
  cost: number;
  cost_double: number | null;
  cost_triple: number | null;
  cost_quad: number | null;
  cost_excluded_tax_ids: string;
  actual_cost: number;
  actual_cost_double: number | null;
  actual_cost_triple: number | null;
  actual_cost_quad: number | null;
  actual_cost_excluded_tax_ids: string;
  created_at: number;
  modified_at: number;
}

/** A night's room count in place of the room type's capacity (add-or-update-room-counts.md). */
export interface VenueRoomNightCountsTable {
  account_id: number;
  room_id: number;
  night: string;
  room_count: number;
  modified_at: number;
}

/** A night's rate of a room in a rate plan, in place of its season's (add-or-update-room-dynamic-rates.md). */
export interface VenueRoomDynamicRatesTable {
  account_id: number;
  rate_plan_id: number;
  room_id: number;
  night: string;
  cost: number;
  cost_double: number | null;
  cost_triple: number | null;
  cost_quad: number | null;
  modified_at: number;
}

/** A night's booking rule of a room in a rate plan (add-or-update-rateplan-bookingrules.md). */
export interface VenueRatePlanBookingRulesTable {
  account_id: number;
  rate_plan_id: number;
  room_id: number;
  night: string;
  /** 1 open, 2 closed for bookings. */
  close_out_status: number;
  modified_at: number;
}

/**
 * Rooms taken out of a night's availability by something that reserves them: a booking's
 * accommodation block while the booking reserves rooms, or a reservation outside a block. Each
 * writer owns its rows by (`source`, `source_id`) and replaces them when what it holds changes;
 * a row exists only while the rooms are held.
 */
export interface VenueRoomAllocationsTable {
  id: Generated<number>;
  account_id: number;
  room_id: number;
  night: string;
  rooms: number;
  /** What holds the rooms, e.g. `booking-accommodation` or `room-reservation`. */
  source: string;
  source_id: number;
  created_at: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    venue_rooms: VenueRoomsTable;
    venue_room_options: VenueRoomOptionsTable;
    venue_rate_plans: VenueRatePlansTable;
    venue_rate_plan_rates: VenueRatePlanRatesTable;
    venue_room_rates: VenueRoomRatesTable;
    venue_room_night_counts: VenueRoomNightCountsTable;
    venue_room_dynamic_rates: VenueRoomDynamicRatesTable;
    venue_rate_plan_booking_rules: VenueRatePlanBookingRulesTable;
    venue_room_allocations: VenueRoomAllocationsTable;
  }
}
