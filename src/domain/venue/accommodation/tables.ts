/**
 * Storage of the accommodation area: accommodation groups ("blocks") of rooms on bookings, with
 * their per-night rates and room options, and room reservations against them, with the venue's
 * guests. Conventions are those of storage/schema.ts (epoch-ms `*_at`, `yyyy-mm-dd` dates as
 * text, 0/1 booleans, JSON as text, money in cents).
 *
 * A group runs from its arrival date (start_date) to its departure date (end_date): its nights
 * are start_date … end_date − 1, each a date of the room venue's calendar (rooms/nights.ts). The
 * rooms it holds are allocations (rooms/tables.ts, venue_room_allocations) that allocations.ts
 * derives from these rows; nothing here is a count of availability.
 */
import type { Generated } from 'kysely';

/** add-or-update-booking-accommodation.md, Booking Accommodation (Group). */
export interface BookingAccommodationsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /** The venue of the room type and rate plan (may differ from the booking's). */
  room_venue_id: number;
  rate_plan_id: number | null;
  room_id: number;
  start_date: string;
  end_date: string;
  override_capacity: number;
  cut_off_date: string | null;
  cost_center_id: number | null;
  include_in_package: number;
  /** JSON array of tax ids excluded from the day rates. */
  excluded_tax_ids: string;
  created_at: number;
  modified_at: number;
}

/**
 * One night of one of a group's rate lists: `kind` is which list (dayRates, dayRatesActual,
 * dayRatesForecast, dayRatesNet) and `occ_type` 0 for the per-room list, else the occupancy of
 * its MultiOcc twin (1 single … 4 quad). The per-room `rate` list is what the group holds.
 */
export interface BookingAccommodationDaysTable {
  account_id: number;
  accommodation_id: number;
  kind: 'rate' | 'actual' | 'forecast' | 'net';
  occ_type: number;
  night: string;
  num_rooms: number;
  cost: number;
  discount: number;
  num_payable_by_guest: number;
  num_free_rooms: number;
}

/** A room option of a group on one night (Booking Accommodation Room Option); one per option and night. */
export interface BookingAccommodationOptionsTable {
  account_id: number;
  accommodation_id: number;
  night: string;
  room_option_id: number;
  num_rooms: number;
  /** 1 per room, 2 per guest. */
  price_type: number;
  /** numOptions (formerly numOptionsPerRoom). */
  num_options: number;
  price: number;
  excluded_tax_ids: string;
  cost_center_id: number | null;
  num_payable_by_guest: number;
}

/** A venue guest: a contact of the contact namespace (guestContactId) with what the venue adds. */
export interface VenueGuestsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  contact_id: number;
  primary_phone: string | null;
  /** JSON of the address object (development-reference/address-format.md), or null. */
  address: string | null;
  created_at: number;
  modified_at: number;
}

/** get-booking-room-reservation-list.md, Booking Room Reservation. */
export interface BookingRoomReservationsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /** Numbered per venue from 1. */
  reference: number;
  main_guest_id: number;
  /** status.ts: derived from the rooms' statuses on every change. */
  current_status: number;
  can_be_edited: number;
  cancelled_at: number | null;
  created_at: number;
  modified_at: number;
}

/** One reserved room of a reservation, always from a group (its room type and rate plan). */
export interface BookingReservedRoomsTable {
  id: Generated<number>;
  account_id: number;
  reservation_id: number;
  accommodation_id: number;
  guest_id: number;
  current_status: number;
  arrival_date: string;
  departure_date: string;
  excluded_tax_ids: string;
  num_adult_guests: number;
  num_child_guests: number;
  override_block_capacity: number;
  external_reference: string | null;
  occ_type: number | null;
  cancelled_at: number | null;
  created_at: number;
  modified_at: number;
}

/** The rate of one night of a reserved room. */
export interface BookingReservedRoomDaysTable {
  account_id: number;
  reserved_room_id: number;
  night: string;
  cost: number;
}

/** An additional guest of a reserved room (sharer or accompanying), in the order given. */
export interface BookingReservedRoomGuestsTable {
  account_id: number;
  reserved_room_id: number;
  guest_id: number;
  arrival_date: string;
  departure_date: string;
  guest_type: number;
  position: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    booking_accommodations: BookingAccommodationsTable;
    booking_accommodation_days: BookingAccommodationDaysTable;
    booking_accommodation_options: BookingAccommodationOptionsTable;
    venue_guests: VenueGuestsTable;
    booking_room_reservations: BookingRoomReservationsTable;
    booking_reserved_rooms: BookingReservedRoomsTable;
    booking_reserved_room_days: BookingReservedRoomDaysTable;
    booking_reserved_room_guests: BookingReservedRoomGuestsTable;
  }
}
