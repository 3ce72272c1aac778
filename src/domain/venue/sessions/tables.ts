/**
 * Storage of booking sessions and what they hold: the session (a space, a layout, times and
 * attendees), its menus, beverage packages and resources. Conventions are those of
 * storage/schema.ts (epoch-ms `*_at`, 0/1 booleans, JSON as text, money in integer cents).
 *
 * A session's times are instants; the venue's clock is applied when they are read or written
 * (venue-time.ts). What a session occupies is not stored here but as occupancy rows of the
 * spaces area (`space_occupancies` with source 'session', `resource_occupancies` with source
 * 'session_resource'), written in the same transaction as the row they stand for.
 */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: number;
  modified_at: number;
}

/** Priced the way every session line is: included in a booking package, or a cost on a cost center less some taxes. */
interface Priced {
  include_in_package: number;
  booking_package_id: number | null;
  cost_center_id: number | null;
  /** Cents. */
  cost: number;
  /** JSON array of `venue_taxes` ids. */
  excluded_tax_ids: string;
}

export interface BookingSessionsTable extends Stamped, Priced {
  id: Generated<number>;
  account_id: number;
  /** The booking's venue. */
  venue_id: number;
  booking_id: number;
  /** The venue of the space (spaceVenueId); may differ from the booking's. */
  space_venue_id: number;
  space_id: number;
  layout_id: number | null;
  custom_layout_name: string | null;
  contact_id: number | null;
  name: string;
  min_attendees_guaranteed: number;
  agreed_attendees: number | null;
  expected_attendees: number | null;
  guaranteed_attendees: number | null;
  set_attendees: number | null;
  actual_attendees: number | null;
  starts_at: number;
  ends_at: number;
  setup_minutes: number;
  setdown_minutes: number;
  tariff_id: number | null;
  room_hire_type: number | null;
  session_type_id: number | null;
  override_pax: number;
  is_signage_visible: number;
  signage: string;
}

export interface BookingSessionMenusTable extends Stamped, Priced {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  session_id: number;
  menu_id: number;
  menu_venue_id: number;
  name: string;
  min_attendees_guaranteed: number;
  same_as_session_attendees: number;
  same_as_session_time: number;
  /** `hh:mm:ss` on the venue's clock; null with same_as_session_time. */
  start_time: string | null;
  end_time: string | null;
  /** JSON array of `{costcenterId, costPerPerson (cents), costPerPersonExcludedTaxIds}`: a multi cost per person menu's split. */
  cost_centers: string;
  /** JSON array of MenuLine (menus.ts): the menu items served. */
  items: string;
  sort_order: number;
}

export interface BookingSessionBeveragesTable extends Stamped, Priced {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  session_id: number;
  beverage_id: number;
  beverage_venue_id: number;
  name: string;
  min_attendees_guaranteed: number;
  same_as_session_time: number;
  start_time: string | null;
  end_time: string | null;
  /** 1 hourly, 2 daily; null for a package without hourly prices. */
  cost_period: number | null;
  num_hours: number | null;
  excluded_from_commissions: number;
  /** JSON array of BeverageLine (beverages.ts). */
  items: string;
  sort_order: number;
}

export interface BookingSessionResourcesTable extends Stamped, Priced {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  session_id: number;
  resource_id: number;
  resource_venue_id: number;
  quantity: number;
  /** `hh:mm:ss` on the venue's clock, on the session's start date (an end not after the start is the next day). */
  start_time: string;
  end_time: string;
  /** 1 hourly, 2 daily; null when included in a package. */
  cost_type: number | null;
  has_commissions: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    booking_sessions: BookingSessionsTable;
    booking_session_menus: BookingSessionMenusTable;
    booking_session_beverages: BookingSessionBeveragesTable;
    booking_session_resources: BookingSessionResourcesTable;
  }
}
